import { api, withQuery } from '../../../app/api';
import type { Locale } from '../../../app/types';
import { projectPath } from '../api';
import type { Sim3Answer, Sim3Answers, Sim3Evaluation, TierId } from './evaluate';
import type { Attachment } from '../attachments';

/**
 * Calls of the SIM3 self-assessment, one function per endpoint. Shapes mirror
 * src/modules/toolkit/assessment.schema.ts, sim3.ts and assessment.routes.ts.
 */

export type { Sim3Answer, Sim3Answers, TierId };
export type QuadrantId = 'O' | 'H' | 'T' | 'P';

export interface Sim3Assessment {
  id: string;
  projectId: string;
  kind: 'sim3';
  contentId: string;
  contentVersion: string;
  title: string;
  status: 'draft' | 'final';
  answers: Sim3Answers;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  finalisedAt: string | null;
  finalisedBy: string | null;
}

export interface Sim3Result {
  kind: 'sim3';
  sim3: Sim3Evaluation & { gaps: unknown[] };
  tiersId: string;
  tiersVersion: string;
}

export interface Sim3View {
  assessment: Sim3Assessment;
  project: { id: string; name: string; kind: string; iso3: string | null };
  /** False for readers and for final assessments. */
  canEdit: boolean;
  result: Sim3Result;
  attachments: Attachment[];
}

export interface Sim3Summary {
  mean: number | null;
  assessed: number;
  parameters: number;
  tier: TierId | null;
  nextTier: TierId | null;
  blockers: number;
  quadrants: Array<{ quadrantId: QuadrantId; mean: number | null }>;
}

export interface Sim3ListItem extends Omit<Sim3Assessment, 'answers'> {
  summary: Sim3Summary;
}

export interface RegistryOutcome {
  recorded: boolean;
  what: 'maturity' | 'readiness' | null;
  /** The registry's own words (English), or the tier recorded. */
  detail: string;
}

export interface ComparedSide {
  id: string;
  title: string;
  status: 'draft' | 'final';
  createdAt: string;
  finalisedAt: string | null;
  tier: TierId | null;
  mean: number | null;
}

export interface ParameterChange {
  parameter: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either side is not assessed. */
  delta: number | null;
}

export interface Sim3Comparison {
  a: ComparedSide;
  b: ComparedSide;
  changes: ParameterChange[];
  improved: number;
  worsened: number;
  unchanged: number;
}

const assessmentPath = (id: string) => `/api/toolkit/assessments/${encodeURIComponent(id)}`;

export const sim3Path = (projectId: string, assessmentId?: string) =>
  `/toolkit/projects/${encodeURIComponent(projectId)}/sim3${
    assessmentId ? `/${encodeURIComponent(assessmentId)}` : ''
  }`;

export const listSim3 = (projectId: string) =>
  api.get<{ items: Sim3ListItem[] }>(
    withQuery(`${projectPath(projectId)}/assessments`, { kind: 'sim3' }),
  );

/** Starts a draft; `copyFrom` starts a re-assessment from an earlier assessment's levels. */
export const startSim3 = (projectId: string, copyFrom?: string) =>
  api.post<Sim3Assessment>(`${projectPath(projectId)}/assessments`, {
    kind: 'sim3',
    ...(copyFrom ? { copyFrom } : {}),
  });

export const getSim3 = (id: string) => api.get<Sim3View>(assessmentPath(id));

export interface AnswersPatch {
  revision: number;
  title?: string;
  /** Answers to set; null clears one. */
  answers: Record<string, Sim3Answer | null>;
}

export const saveSim3 = (id: string, patch: AnswersPatch) =>
  api.patch<{ assessment: Sim3Assessment; result: Sim3Result }>(assessmentPath(id), patch);

export const finaliseSim3 = (id: string, revision: number) =>
  api.post<{ assessment: Sim3Assessment; registry: RegistryOutcome }>(
    `${assessmentPath(id)}/finalise`,
    { revision },
  );

export const deleteSim3 = (id: string) => api.delete(assessmentPath(id));

export const compareSim3 = (projectId: string, a: string, b: string) =>
  api.get<Sim3Comparison>(withQuery(`${projectPath(projectId)}/sim3/compare`, { a, b }));

export const exportFormats = ['pdf', 'md', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number] | 'html';

export const exportUrl = (id: string, format: ExportFormat, lang: Locale) =>
  withQuery(`${assessmentPath(id)}/export.${format}`, { lang });

export { attachmentLimitBytes, type Attachment } from '../attachments';
