import { AppError, isoNow, newId } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { Assessment, Sim3Answers } from './assessment.schema.js';
import { resultOf } from './assessment.service.js';
import { latest } from './content.js';
import type { ToolkitDeps } from './deps.js';
import { readDocument } from './documents.js';
import type { Gap } from './gaps.js';
import type { Project } from './project.schema.js';
import { sortGaps } from './readiness.js';
import { planRoadmap, type Task, type taskFieldsSchema, type taskPatchSchema } from './roadmap.js';
import { analyseServices, serviceSelectionSchema, type ServiceSelection } from './services.js';
import { listAssessments, listTasks, taskRow, toTask, type Executor } from './store.js';
import type { z } from 'zod';

/**
 * The assessment that describes the project now: the newest final one, or the newest draft
 * when none is final yet (so a team sees its gaps while it is still answering).
 */
export function currentAssessment(list: Assessment[]): Assessment | null {
  const finals = list.filter((a) => a.status === 'final');
  const pool = finals.length ? finals : list;
  return (
    [...pool]
      .sort(
        (a, b) =>
          (a.finalisedAt ?? a.createdAt).localeCompare(b.finalisedAt ?? b.createdAt) ||
          a.createdAt.localeCompare(b.createdAt),
      )
      .at(-1) ?? null
  );
}

export async function loadSelection(db: Executor, projectId: string) {
  return readDocument(db, projectId, 'services', serviceSelectionSchema);
}

export interface CurrentState {
  readiness: Assessment | null;
  sim3: Assessment | null;
  selection: ServiceSelection;
  gaps: Gap[];
}

/** Every gap the project has today, from its current assessments and services chosen. */
export async function currentState(deps: ToolkitDeps, projectId: string): Promise<CurrentState> {
  const all = await listAssessments(deps.db.kysely, projectId);
  const readiness = currentAssessment(all.filter((a) => a.kind === 'readiness'));
  const sim3 = currentAssessment(all.filter((a) => a.kind === 'sim3'));
  const selection = (await loadSelection(deps.db.kysely, projectId)).value ?? {};
  const gaps: Gap[] = [];
  if (readiness) {
    const r = resultOf(deps.content, readiness);
    if (r.kind === 'readiness') gaps.push(...r.readiness.gaps);
  }
  if (sim3) {
    const r = resultOf(deps.content, sim3);
    if (r.kind === 'sim3') gaps.push(...r.sim3.gaps);
  }
  gaps.push(
    ...analyseServices(
      latest(deps.content.services),
      selection,
      sim3 ? (sim3.answers as Sim3Answers) : null,
    ).gaps,
  );
  return { readiness, sim3, selection, gaps: sortGaps(gaps) };
}

/** Adds tasks for new gaps and marks tasks whose gap closed (or reopened). */
export async function generateRoadmap(deps: ToolkitDeps, context: AuditContext, project: Project) {
  const { gaps } = await currentState(deps, project.id);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const existing = await listTasks(trx, project.id);
    const plan = planRoadmap(gaps, existing);
    const now = isoNow(deps.clock);
    for (const add of plan.add) {
      const task: Task = {
        id: newId(),
        projectId: project.id,
        gapId: add.gapId,
        source: add.source,
        title: add.title,
        detail: add.detail,
        phase: add.phase,
        owner: null,
        due: null,
        status: 'todo',
        progress: 0,
        gapClosed: false,
        position: add.position,
        revision: 1,
        createdAt: now,
        updatedAt: now,
      };
      await trx.insertInto('toolkit_tasks').values(taskRow(task)).execute();
    }
    for (const [ids, closed] of [
      [plan.closed, 1],
      [plan.reopened, 0],
    ] as const)
      if (ids.length)
        await trx
          .updateTable('toolkit_tasks')
          .set((eb) => ({ gap_closed: closed, revision: eb('revision', '+', 1), updated_at: now }))
          .where('id', 'in', ids)
          .execute();
    const summary = {
      added: plan.add.length,
      closed: plan.closed.length,
      reopened: plan.reopened.length,
      gaps: gaps.length,
    };
    if (summary.added + summary.closed + summary.reopened > 0)
      await appendAudit(
        trx,
        deps.db.dialect,
        context,
        {
          action: 'toolkit.roadmap_generate',
          entityType: 'toolkit_project',
          entityId: project.id,
          after: { ...summary, addedGaps: plan.add.map((a) => a.gapId) },
        },
        deps.clock,
      );
    return summary;
  });
}

export async function createTask(
  deps: ToolkitDeps,
  context: AuditContext,
  project: Project,
  fields: z.output<typeof taskFieldsSchema>,
): Promise<Task> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const existing = await listTasks(trx, project.id);
    const now = isoNow(deps.clock);
    const task: Task = {
      id: newId(),
      projectId: project.id,
      gapId: null,
      source: 'manual',
      ...fields,
      gapClosed: false,
      position: existing.reduce((m, t) => Math.max(m, t.position), 0) + 1,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
    await trx.insertInto('toolkit_tasks').values(taskRow(task)).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      { action: 'toolkit.task_create', entityType: 'toolkit_task', entityId: task.id, after: task },
      deps.clock,
    );
    return task;
  });
}

async function loadTask(db: Executor, projectId: string, taskId: string): Promise<Task> {
  const row = await db
    .selectFrom('toolkit_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No task ${taskId} in this project`);
  return toTask(row);
}

export async function updateTask(
  deps: ToolkitDeps,
  context: AuditContext,
  project: Project,
  taskId: string,
  patch: z.output<typeof taskPatchSchema>,
): Promise<Task> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await loadTask(trx, project.id, taskId);
    if (before.revision !== patch.revision)
      throw new AppError(
        'conflict',
        `This task was changed at ${before.updatedAt} (revision ${before.revision}, yours ${patch.revision}); reload the roadmap`,
      );
    const { revision: _revision, ...fields } = patch;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const now = isoNow(deps.clock);
    const after: Task = { ...before, ...defined, revision: before.revision + 1, updatedAt: now };
    // Done means done: the progress follows the status so the figures never disagree.
    if (after.status === 'done') after.progress = 100;
    await trx
      .updateTable('toolkit_tasks')
      .set(taskRow(after))
      .where('id', '=', taskId)
      .where('revision', '=', before.revision)
      .execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.task_update',
        entityType: 'toolkit_task',
        entityId: taskId,
        before,
        after,
      },
      deps.clock,
    );
    return after;
  });
}

export async function deleteTask(
  deps: ToolkitDeps,
  context: AuditContext,
  project: Project,
  taskId: string,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await loadTask(trx, project.id, taskId);
    if (before.gapId !== null && !before.gapClosed)
      throw new AppError(
        'conflict',
        'This task closes an open gap; mark it dropped instead, or close the gap first',
      );
    await trx.deleteFrom('toolkit_tasks').where('id', '=', taskId).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      { action: 'toolkit.task_delete', entityType: 'toolkit_task', entityId: taskId, before },
      deps.clock,
    );
  });
}
