import { api } from '../../../app/api';
import { projectPath } from '../api';
import type { Horizon, RequirementCheck, ServiceSelection } from './selection';

/**
 * Calls of the services page. Shapes mirror the services routes of
 * src/modules/toolkit/roadmap.routes.ts and analyseServices in services.ts.
 */

export interface AssessmentRef {
  id: string;
  title: string;
  status: 'draft' | 'final';
}

export interface ServicesState {
  selection: ServiceSelection;
  /** 0 until the selection is first saved. */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The SIM3 assessment the requirements are checked against (the newest final, else draft). */
  sim3Assessment: AssessmentRef | null;
  services: Array<{
    serviceId: string;
    areaId: string;
    horizon: Horizon;
    checks: RequirementCheck[];
    ready: boolean;
  }>;
}

/** The part of a SIM3 assessment the page needs: the level given to each parameter. */
export interface Sim3Levels {
  assessment: { id: string; answers: Record<string, { level: number | null } | undefined> };
}

export const getServices = (projectId: string) =>
  api.get<ServicesState>(`${projectPath(projectId)}/services`);

export const saveServices = (projectId: string, revision: number, selection: ServiceSelection) =>
  api.put<{ selection: ServiceSelection; revision: number }>(`${projectPath(projectId)}/services`, {
    revision,
    selection,
  });

export const getSim3Levels = (assessmentId: string) =>
  api.get<Sim3Levels>(`/api/toolkit/assessments/${encodeURIComponent(assessmentId)}`);
