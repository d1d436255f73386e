import { api, withQuery } from '../../../app/api';
import { projectPath } from '../api';
import type { BcmAnswer, BcmIssue, BcmPlan, EscalationResult } from './types';

/** Calls for the BCM and crisis-management plan of a project. */
const bcmPath = (projectId: string) => `${projectPath(projectId)}/bcm`;

export const getBcm = (projectId: string, lang: string) =>
  api.get<BcmAnswer>(withQuery(bcmPath(projectId), { lang }));

export const validateBcm = (projectId: string, plan: BcmPlan) =>
  api.post<{ valid: boolean; issues: BcmIssue[] }>(`${bcmPath(projectId)}/validate`, { plan });

export const saveBcm = (projectId: string, plan: BcmPlan, revision: number) =>
  api.put<BcmAnswer>(bcmPath(projectId), { revision, plan });

export const simulateEscalation = (
  projectId: string,
  change: { previous: string | null; current: string; sectors: string[]; at: string },
) =>
  api.post<EscalationResult>(`${bcmPath(projectId)}/escalations`, {
    incidentId: 'simulation',
    ...change,
  });

export type ExportFormat = 'pdf' | 'md' | 'json' | 'html';
export const bcmExportUrl = (projectId: string, format: ExportFormat, lang: string) =>
  withQuery(`${bcmPath(projectId)}/export.${format}`, { lang });
