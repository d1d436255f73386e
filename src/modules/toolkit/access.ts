import { AppError } from '../../kernel/index.js';
import type { Identity } from '../accounts/index.js';
import type { Project } from './project.schema.js';
import type { MemberRole } from './project.schema.js';
import { findProject, memberRole, type Executor } from './store.js';

export type ProjectNeed = 'read' | 'edit' | 'manage';

export interface ProjectAccess {
  project: Project;
  /** The caller's role in the project; `null` when reaching it through toolkit.all. */
  role: MemberRole | null;
  canEdit: boolean;
  canManage: boolean;
}

/**
 * Object-level access to a project. Members see their projects; toolkit.all sees every one.
 * A project the caller may not see answers exactly like one that does not exist, so ids of
 * other countries' projects cannot be probed. Editing also needs toolkit.edit, so a read-only
 * account stays read-only whatever project role it is given.
 */
export async function projectFor(
  db: Executor,
  identity: Identity,
  projectId: string,
  need: ProjectNeed,
): Promise<ProjectAccess> {
  const missing = () => new AppError('not_found', `No toolkit project with id ${projectId}`);
  const project = await findProject(db, projectId);
  if (!project) throw missing();
  const all = identity.permissions.has('toolkit.all');
  const role = (await memberRole(db, projectId, identity.user.id)) ?? null;
  if (!all && role === null) throw missing();
  const mayEdit = identity.permissions.has('toolkit.edit');
  const canEdit = mayEdit && (all || role === 'owner' || role === 'editor');
  const canManage = mayEdit && (all || role === 'owner');
  if (need === 'edit' && !canEdit)
    throw new AppError('forbidden', 'You may read this project but not change it');
  if (need === 'manage' && !canManage)
    throw new AppError('forbidden', "Only the project's owners may manage its members");
  return { project, role, canEdit, canManage };
}
