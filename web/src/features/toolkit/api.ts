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
