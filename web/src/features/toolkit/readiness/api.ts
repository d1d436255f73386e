import { api, withQuery } from '../../../app/api';
import type { Locale } from '../../../app/types';
import { projectPath } from '../api';
import type { Phase } from '../types';
import type { Attachment } from '../attachments';

/**
 * Calls of the readiness assessment, one function per endpoint. Shapes mirror
 * src/modules/toolkit/assessment.schema.ts, readiness.ts and gaps.ts.
 */

export interface ReadinessAnswer {
  /** The option chosen; null while only an evidence note is written. */
  option: string | null;
  evidence: string;
}
export type ReadinessAnswers = Record<string, ReadinessAnswer>;

export interface Assessment {
  id: string;
  projectId: string;
  kind: 'readiness';
  contentId: string;
  contentVersion: string;
  title: string;
  status: 'draft' | 'final';
  answers: ReadinessAnswers;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  finalisedAt: string | null;
  finalisedBy: string | null;
}

export interface AreaResult {
  areaId: string;
  percent: number;
  levelId: string;
  answered: number;
  questions: number;
}

export interface Gap {
  id: string;
  source: 'readiness';
  /** The question the gap is about. */
  ref: string;
  area: string;
  title: string;
  detail: string;
  phase: Phase;
  priority: number;
  current: string | null;
  target: string;
}

export interface ReadinessResult {
  percent: number;
  levelId: string;
  answered: number;
  questions: number;
  areas: AreaResult[];
  gaps: Gap[];
}

export interface AssessmentView {
  assessment: Assessment;
  project: { id: string; name: string; kind: string; iso3: string | null };
  /** False for readers and for final assessments. */
  canEdit: boolean;
  result: { kind: 'readiness'; readiness: ReadinessResult };
  attachments: Attachment[];
}

export interface AssessmentListItem extends Omit<Assessment, 'answers'> {
  summary: { percent: number; levelId: string; answered: number; questions: number; gaps: number };
}

export interface RegistryOutcome {
  recorded: boolean;
  what: 'readiness' | 'maturity' | null;
  /** The registry's own words (English), shown as a detail. */
  detail: string;
}

const assessmentPath = (id: string) => `/api/toolkit/assessments/${encodeURIComponent(id)}`;

export const listReadiness = (projectId: string) =>
  api.get<{ items: AssessmentListItem[] }>(
    withQuery(`${projectPath(projectId)}/assessments`, { kind: 'readiness' }),
  );

export const startReadiness = (projectId: string, title: string, copyFrom?: string) =>
  api.post<Assessment>(`${projectPath(projectId)}/assessments`, {
    kind: 'readiness',
    title,
    ...(copyFrom ? { copyFrom } : {}),
  });

export const getAssessment = (id: string) => api.get<AssessmentView>(assessmentPath(id));

export interface AnswersPatch {
  revision: number;
  title?: string;
  /** Answers to set; null clears one. */
  answers: Record<string, ReadinessAnswer | null>;
}

export const saveAnswers = (id: string, patch: AnswersPatch) =>
  api.patch<{ assessment: Assessment; result: { kind: 'readiness'; readiness: ReadinessResult } }>(
    assessmentPath(id),
    patch,
  );

export const finaliseAssessment = (id: string, revision: number) =>
  api.post<{ assessment: Assessment; registry: RegistryOutcome }>(
    `${assessmentPath(id)}/finalise`,
    { revision },
  );

export const deleteAssessment = (id: string) => api.delete(assessmentPath(id));

export type ExportFormat = 'pdf' | 'md' | 'json';

export const exportUrl = (id: string, format: ExportFormat, lang: Locale) =>
  withQuery(`${assessmentPath(id)}/export.${format}`, { lang });

export { attachmentLimitBytes, type Attachment } from '../attachments';
