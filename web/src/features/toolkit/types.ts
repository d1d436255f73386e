/**
 * Shapes of the toolkit API's JSON shared by every toolkit page. They mirror the zod schemas
 * in src/modules/toolkit (project.schema.ts, assessment.schema.ts, roadmap.ts).
 */
export const phases = ['assessment', 'design', 'establishment', 'enhancement'] as const;
export type Phase = (typeof phases)[number];
export const projectKinds = ['national', 'government', 'sectoral', 'organisational'] as const;
export type ProjectKind = (typeof projectKinds)[number];
export const memberRoles = ['owner', 'editor', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

export interface Project {
  id: string;
  name: string;
  kind: ProjectKind;
  iso3: string | null;
  organisation: string;
  sector: string;
  registryTeamId: string | null;
  phase: Phase;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface ProjectAccess {
  role: MemberRole | null;
  canEdit: boolean;
  canManage: boolean;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: MemberRole;
  addedAt: string;
  addedBy: string;
}

export interface ProjectDetail {
  project: Project;
  members: Member[];
  access: ProjectAccess;
}

export interface ProjectList {
  items: Array<Project & { myRole: MemberRole | null }>;
}

export interface NewProject {
  name: string;
  kind: ProjectKind;
  iso3: string | null;
  organisation: string;
  sector: string;
}
