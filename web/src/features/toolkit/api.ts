import { api } from '../../app/api';
import type {
  Member,
  MemberRole,
  NewProject,
  Phase,
  Project,
  ProjectDetail,
  ProjectList,
} from './types';

/** Calls for projects and their members; each part of the toolkit has its own api.ts. */

export const projectPath = (id: string) => `/api/toolkit/projects/${encodeURIComponent(id)}`;

export const listProjects = () => api.get<ProjectList>('/api/toolkit/projects');

export const getProject = (id: string) => api.get<ProjectDetail>(projectPath(id));

export const createProject = (input: NewProject) =>
  api.post<Project>('/api/toolkit/projects', input);

export const updateProject = (
  id: string,
  patch: { revision: number; name?: string; phase?: Phase; registryTeamId?: string | null },
) => api.patch<Project>(projectPath(id), patch);

export const addMember = (id: string, email: string, role: MemberRole) =>
  api.post<Member>(`${projectPath(id)}/members`, { email, role });

export const removeMember = (id: string, userId: string) =>
  api.delete(`${projectPath(id)}/members/${encodeURIComponent(userId)}`);

export interface Dashboard {
  project: Project;
  readiness: {
    assessmentId: string;
    title: string;
    status: 'draft' | 'final';
    percent: number;
    levelId: string;
    levelLabel: string;
    answered: number;
    questions: number;
    gaps: number;
  } | null;
  maturity: {
    assessmentId: string;
    title: string;
    status: 'draft' | 'final';
    mean: number | null;
    tier: string | null;
    nextTier: string | null;
    blockers: number;
    quadrants: Array<{ quadrantId: string; mean: number | null }>;
  } | null;
  services: { now: number; next: number; later: number };
  roadmap: {
    progress: { total: number; done: number; percent: number };
    next: Array<{
      id: string;
      title: string;
      phase: Phase;
      due: string | null;
      owner: string | null;
      status: string;
    }>;
    untrackedGaps: number;
  };
}

export const getDashboard = (id: string, lang: string) =>
  api.get<Dashboard>(`${projectPath(id)}/dashboard?lang=${encodeURIComponent(lang)}`);

export const projectExportUrl = (id: string) => `${projectPath(id)}/export.json`;

export const importProject = (file: unknown) =>
  api.post<{ project: Project; assessments: number; tasks: number; attachments: number }>(
    '/api/toolkit/projects/import',
    file,
  );
