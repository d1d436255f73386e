import { z } from 'zod';
import { phases, type Phase } from './content.schema.js';

export const projectKinds = ['national', 'government', 'sectoral', 'organisational'] as const;
export type ProjectKind = (typeof projectKinds)[number];
export const memberRoles = ['owner', 'editor', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');

export const newProjectSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    kind: z.enum(projectKinds),
    iso3: iso3.nullable().default(null),
    organisation: z.string().trim().max(200).default(''),
    sector: z.string().trim().max(100).default(''),
    registryTeamId: z.string().min(1).max(100).nullable().default(null),
  })
  .refine((p) => p.kind !== 'national' || p.iso3 !== null, {
    path: ['iso3'],
    message: 'a national CIRT project needs its country',
  })
  .refine((p) => p.kind !== 'sectoral' || p.sector !== '', {
    path: ['sector'],
    message: 'a sectoral CIRT project needs its sector',
  });
export type NewProject = z.infer<typeof newProjectSchema>;

export const projectPatchSchema = z.strictObject({
  revision: z.number().int().min(0),
  name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  organisation: z.string().trim().max(200).optional(),
  sector: z.string().trim().max(100).optional(),
  phase: z.enum(phases).optional(),
  registryTeamId: z.string().min(1).max(100).nullable().optional(),
});
export type ProjectPatch = z.infer<typeof projectPatchSchema>;

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

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: MemberRole;
  addedAt: string;
  addedBy: string;
}

export const newMemberSchema = z.strictObject({
  email: z.email('must be an e-mail address').max(320),
  role: z.enum(memberRoles),
});
