import { AppError, isoNow, newId } from '../../kernel/index.js';
import { appendAudit, findUserByEmail, type AuditContext } from '../accounts/index.js';
import type { ToolkitDeps } from './deps.js';
import type { Member, MemberRole, NewProject, Project, ProjectPatch } from './project.schema.js';
import { findProject, listMembers, toProject, type Executor } from './store.js';

function checkCountry(deps: ToolkitDeps, iso3: string | null): void {
  if (iso3 !== null && !deps.registry.data.countries.some((c) => c.iso3 === iso3))
    throw new AppError('validation_failed', `No country with the ISO code ${iso3}`, {
      issues: [{ field: 'iso3', message: 'is not an ISO 3166-1 alpha-3 code in the registry' }],
    });
}

/** `db` must be the caller's transaction when there is one (SQLite has a single connection). */
async function checkTeam(db: Executor, teamId: string | null, iso3: string | null) {
  if (teamId === null) return;
  const team = await db
    .selectFrom('registry_teams')
    .select(['id', 'iso3'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team)
    throw new AppError('validation_failed', `No registry team with id ${teamId}`, {
      issues: [{ field: 'registryTeamId', message: 'is not a team of the registry' }],
    });
  if (iso3 !== null && team.iso3 !== iso3)
    throw new AppError('validation_failed', `Team ${teamId} is in ${team.iso3}, not ${iso3}`, {
      issues: [{ field: 'registryTeamId', message: `is a team of ${team.iso3}` }],
    });
}

/** Starts a project; its creator becomes its first owner. */
export async function createProject(
  deps: ToolkitDeps,
  context: AuditContext,
  input: NewProject,
): Promise<Project> {
  checkCountry(deps, input.iso3);
  await checkTeam(deps.db.kysely, input.registryTeamId, input.iso3);
  if (context.actorId === null)
    throw new AppError('forbidden', 'A project needs a person to own it');
  const now = isoNow(deps.clock);
  const project: Project = {
    id: newId(),
    name: input.name,
    kind: input.kind,
    iso3: input.iso3,
    organisation: input.organisation,
    sector: input.sector,
    registryTeamId: input.registryTeamId,
    phase: 'assessment',
    revision: 1,
    createdAt: now,
    createdBy: context.actorLabel,
    updatedAt: now,
  };
  return deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('toolkit_projects')
      .values({
        id: project.id,
        name: project.name,
        kind: project.kind,
        iso3: project.iso3,
        organisation: project.organisation,
        sector: project.sector,
        registry_team_id: project.registryTeamId,
        phase: project.phase,
        revision: project.revision,
        created_at: now,
        created_by: project.createdBy,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('toolkit_members')
      .values({
        project_id: project.id,
        user_id: context.actorId!,
        role: 'owner',
        added_at: now,
        added_by: context.actorLabel,
      })
      .execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.project_create',
        entityType: 'toolkit_project',
        entityId: project.id,
        after: project,
      },
      deps.clock,
    );
    return project;
  });
}

export async function updateProject(
  deps: ToolkitDeps,
  context: AuditContext,
  projectId: string,
  patch: ProjectPatch,
): Promise<Project> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await findProject(trx, projectId);
    if (!before) throw new AppError('not_found', `No toolkit project with id ${projectId}`);
    if (before.revision !== patch.revision)
      throw new AppError(
        'conflict',
        `The project was changed at ${before.updatedAt} (revision ${before.revision}, yours ${patch.revision}); reload it and apply your change again`,
      );
    if (patch.registryTeamId !== undefined) await checkTeam(trx, patch.registryTeamId, before.iso3);
    const now = isoNow(deps.clock);
    const after: Project = {
      ...before,
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.organisation === undefined ? {} : { organisation: patch.organisation }),
      ...(patch.sector === undefined ? {} : { sector: patch.sector }),
      ...(patch.phase === undefined ? {} : { phase: patch.phase }),
      ...(patch.registryTeamId === undefined ? {} : { registryTeamId: patch.registryTeamId }),
      revision: before.revision + 1,
      updatedAt: now,
    };
    const row = await trx
      .updateTable('toolkit_projects')
      .set({
        name: after.name,
        organisation: after.organisation,
        sector: after.sector,
        phase: after.phase,
        registry_team_id: after.registryTeamId,
        revision: after.revision,
        updated_at: now,
      })
      .where('id', '=', projectId)
      .where('revision', '=', before.revision)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', 'The project was changed meanwhile; reload it');
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.project_update',
        entityType: 'toolkit_project',
        entityId: projectId,
        before,
        after,
      },
      deps.clock,
    );
    return toProject(row);
  });
}

/** Invites a collaborator: a person with an account on this platform, by e-mail. */
export async function addMember(
  deps: ToolkitDeps,
  context: AuditContext,
  projectId: string,
  email: string,
  role: MemberRole,
): Promise<Member> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user)
      throw new AppError('validation_failed', `No account with the e-mail ${email}`, {
        issues: [
          { field: 'email', message: 'has no account here; ask an administrator to create one' },
        ],
      });
    const members = await listMembers(trx, projectId);
    const existing = members.find((m) => m.userId === user.id);
    const now = isoNow(deps.clock);
    if (existing) {
      if (
        existing.role === 'owner' &&
        role !== 'owner' &&
        members.filter((m) => m.role === 'owner').length === 1
      )
        throw new AppError('conflict', 'A project keeps at least one owner');
      await trx
        .updateTable('toolkit_members')
        .set({ role })
        .where('project_id', '=', projectId)
        .where('user_id', '=', user.id)
        .execute();
    } else
      await trx
        .insertInto('toolkit_members')
        .values({
          project_id: projectId,
          user_id: user.id,
          role,
          added_at: now,
          added_by: context.actorLabel,
        })
        .execute();
    const member: Member = {
      userId: user.id,
      email: user.email,
      displayName: user.display_name,
      role,
      addedAt: existing?.addedAt ?? now,
      addedBy: existing?.addedBy ?? context.actorLabel,
    };
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.member_add',
        entityType: 'toolkit_project',
        entityId: projectId,
        before: existing ?? null,
        after: member,
      },
      deps.clock,
    );
    return member;
  });
}

export async function removeMember(
  deps: ToolkitDeps,
  context: AuditContext,
  projectId: string,
  userId: string,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const members = await listMembers(trx, projectId);
    const member = members.find((m) => m.userId === userId);
    if (!member) throw new AppError('not_found', `User ${userId} is not a member of this project`);
    if (member.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1)
      throw new AppError('conflict', 'A project keeps at least one owner');
    await trx
      .deleteFrom('toolkit_members')
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.member_remove',
        entityType: 'toolkit_project',
        entityId: projectId,
        before: member,
      },
      deps.clock,
    );
  });
}
