import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Assessment } from './assessment.schema.js';
import type { Phase } from './content.schema.js';
import type { Member, MemberRole, Project, ProjectKind } from './project.schema.js';
import type { Task, TaskStatus } from './roadmap.js';

export type Executor = Kysely<Database> | Transaction<Database>;

type ProjectRow = Database['toolkit_projects'];

export const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  kind: r.kind as ProjectKind,
  iso3: r.iso3,
  organisation: r.organisation,
  sector: r.sector,
  registryTeamId: r.registry_team_id,
  phase: r.phase as Phase,
  revision: Number(r.revision),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

export async function findProject(db: Executor, id: string): Promise<Project | undefined> {
  const row = await db
    .selectFrom('toolkit_projects')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toProject(row) : undefined;
}

/** Projects a user may see: all of them, or those the user is a member of. */
export async function listProjects(db: Executor, userId: string | null): Promise<Project[]> {
  let query = db.selectFrom('toolkit_projects').selectAll('toolkit_projects');
  if (userId !== null)
    query = query
      .innerJoin('toolkit_members', 'toolkit_members.project_id', 'toolkit_projects.id')
      .where('toolkit_members.user_id', '=', userId);
  const rows = await query.orderBy('toolkit_projects.created_at', 'desc').execute();
  return rows.map(toProject);
}

export async function listMembers(db: Executor, projectId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('toolkit_members')
    .innerJoin('users', 'users.id', 'toolkit_members.user_id')
    .select([
      'toolkit_members.user_id',
      'toolkit_members.role',
      'toolkit_members.added_at',
      'toolkit_members.added_by',
      'users.email',
      'users.display_name',
    ])
    .where('toolkit_members.project_id', '=', projectId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as MemberRole,
    addedAt: r.added_at,
    addedBy: r.added_by,
  }));
}

export async function memberRole(
  db: Executor,
  projectId: string,
  userId: string,
): Promise<MemberRole | undefined> {
  const row = await db
    .selectFrom('toolkit_members')
    .select('role')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role as MemberRole | undefined;
}

type AssessmentRow = Database['toolkit_assessments'];

export const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  projectId: r.project_id,
  kind: r.kind as Assessment['kind'],
  contentId: r.content_id,
  contentVersion: r.content_version,
  title: r.title,
  status: r.status as Assessment['status'],
  answers: JSON.parse(r.answers_json) as Assessment['answers'],
  revision: Number(r.revision),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  finalisedAt: r.finalised_at,
  finalisedBy: r.finalised_by,
});

export async function findAssessment(db: Executor, id: string): Promise<Assessment | undefined> {
  const row = await db
    .selectFrom('toolkit_assessments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAssessment(row) : undefined;
}

export async function listAssessments(
  db: Executor,
  projectId: string,
  kind?: Assessment['kind'],
): Promise<Assessment[]> {
  let query = db.selectFrom('toolkit_assessments').selectAll().where('project_id', '=', projectId);
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(toAssessment);
}

export function assessmentRow(a: Assessment): AssessmentRow {
  return {
    id: a.id,
    project_id: a.projectId,
    kind: a.kind,
    content_id: a.contentId,
    content_version: a.contentVersion,
    title: a.title,
    status: a.status,
    answers_json: JSON.stringify(a.answers),
    revision: a.revision,
    created_at: a.createdAt,
    created_by: a.createdBy,
    updated_at: a.updatedAt,
    updated_by: a.updatedBy,
    finalised_at: a.finalisedAt,
    finalised_by: a.finalisedBy,
  };
}

type TaskRow = Database['toolkit_tasks'];

export const toTask = (r: TaskRow): Task => ({
  id: r.id,
  projectId: r.project_id,
  gapId: r.gap_id,
  source: r.source as Task['source'],
  title: r.title,
  detail: r.detail,
  phase: r.phase as Phase,
  owner: r.owner,
  due: r.due,
  status: r.status as TaskStatus,
  progress: Number(r.progress),
  gapClosed: Number(r.gap_closed) === 1,
  position: Number(r.position),
  revision: Number(r.revision),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function taskRow(t: Task): TaskRow {
  return {
    id: t.id,
    project_id: t.projectId,
    gap_id: t.gapId,
    source: t.source,
    title: t.title,
    detail: t.detail,
    phase: t.phase,
    owner: t.owner,
    due: t.due,
    status: t.status,
    progress: t.progress,
    gap_closed: t.gapClosed ? 1 : 0,
    position: t.position,
    revision: t.revision,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  };
}

export async function listTasks(db: Executor, projectId: string): Promise<Task[]> {
  const rows = await db
    .selectFrom('toolkit_tasks')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
  return rows.map(toTask);
}

export interface StoredDocument {
  json: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export async function findDocument(
  db: Executor,
  projectId: string,
  kind: string,
): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('toolkit_documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row
    ? {
        json: row.json,
        revision: Number(row.revision),
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      }
    : undefined;
}
