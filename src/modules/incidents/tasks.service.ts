import { AppError, isoNow, newId } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import type { AuditContext } from '../accounts/index.js';
import type { Actor } from './access.js';
import { recordChange } from './changes.js';
import type { IncidentsDeps } from './deps.js';
import type { Incident, Task, TaskStatus } from './incident.schema.js';
import type { taskCreateSchema, taskPatchSchema } from './incident.schema.js';
import type { TaskTemplate } from './reference-data.js';
import { checkAssignee, loadForWrite } from './service.js';
import { appendEvent } from './timeline.js';
import type { z } from 'zod';

/** Tasks of an incident: from the playbook of its RSIT type, or added by hand. */
type TaskRow = {
  id: string;
  incident_id: string;
  title: string;
  description: string;
  status: string;
  assignee_id: string | null;
  template_key: string | null;
  position: number;
  due_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  done_at: string | null;
  done_by: string | null;
};

const toTask = (r: TaskRow): Task => ({
  id: r.id,
  incidentId: r.incident_id,
  title: r.title,
  description: r.description,
  status: r.status as TaskStatus,
  assigneeId: r.assignee_id,
  templateKey: r.template_key,
  position: Number(r.position),
  dueAt: r.due_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  doneAt: r.done_at,
  doneBy: r.done_by,
});

export async function listTasks(db: Executor, incidentId: string): Promise<Task[]> {
  const rows = await db
    .selectFrom('incident_tasks')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map(toTask);
}

async function nextPosition(trx: Executor, incidentId: string): Promise<number> {
  const row = await trx
    .selectFrom('incident_tasks')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
}

/** The playbook's tasks for a new incident, in the playbook's order. */
export async function insertTemplateTasks(
  trx: Executor,
  incident: Incident,
  templates: readonly TaskTemplate[],
  actor: Actor,
  at: string,
): Promise<Task[]> {
  const tasks: Task[] = [];
  let position = await nextPosition(trx, incident.id);
  for (const t of templates) {
    const row: TaskRow = {
      id: newId(),
      incident_id: incident.id,
      title: t.title,
      description: t.description,
      status: 'open',
      assignee_id: null,
      template_key: t.key,
      position: position++,
      due_at: null,
      created_at: at,
      created_by: actor.label,
      updated_at: at,
      done_at: null,
      done_by: null,
    };
    await trx.insertInto('incident_tasks').values(row).execute();
    tasks.push(toTask(row));
  }
  if (tasks.length)
    await appendEvent(trx, incident.id, {
      kind: 'task',
      actorId: null,
      actorLabel: 'system',
      at,
      body: {
        action: 'playbook',
        tasks: tasks.map((t) => ({ id: t.id, title: t.title, templateKey: t.templateKey })),
      },
    });
  return tasks;
}

async function taskOrThrow(trx: Executor, incidentId: string, taskId: string): Promise<TaskRow> {
  const row = await trx
    .selectFrom('incident_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No task ${taskId} on this incident`);
  return row;
}

export async function createTask(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  input: z.output<typeof taskCreateSchema>,
): Promise<Task> {
  await checkAssignee(deps.db.kysely, input.assigneeId);
  const at = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const row: TaskRow = {
      id: newId(),
      incident_id: incidentId,
      title: input.title,
      description: input.description,
      status: 'open',
      assignee_id: input.assigneeId,
      template_key: null,
      position: await nextPosition(trx, incidentId),
      due_at: input.dueAt,
      created_at: at,
      created_by: actor.label,
      updated_at: at,
      done_at: null,
      done_by: null,
    };
    await trx.insertInto('incident_tasks').values(row).execute();
    const task = toTask(row);
    await recordChange(trx, deps, { actor, audit, at }, incidentId, {
      kind: 'task',
      body: { action: 'created', task: { id: task.id, title: task.title } },
      action: 'incident.task_create',
      after: task,
    });
    return task;
  });
}

export async function updateTask(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  taskId: string,
  patch: z.output<typeof taskPatchSchema>,
): Promise<Task> {
  if (patch.assigneeId !== undefined) await checkAssignee(deps.db.kysely, patch.assigneeId);
  const at = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const row = await taskOrThrow(trx, incidentId, taskId);
    const before = toTask(row);
    const next: TaskRow = {
      ...row,
      title: patch.title ?? row.title,
      description: patch.description ?? row.description,
      status: patch.status ?? row.status,
      assignee_id: patch.assigneeId === undefined ? row.assignee_id : patch.assigneeId,
      due_at: patch.dueAt === undefined ? row.due_at : patch.dueAt,
      position: patch.position ?? row.position,
      updated_at: at,
    };
    if (next.status !== row.status) {
      next.done_at = next.status === 'open' ? null : at;
      next.done_by = next.status === 'open' ? null : actor.label;
    }
    const { id, ...rest } = next;
    await trx.updateTable('incident_tasks').set(rest).where('id', '=', id).execute();
    const task = toTask(next);
    const changed = (Object.keys(patch) as (keyof Task)[]).filter((k) => before[k] !== task[k]);
    if (changed.length) {
      await recordChange(trx, deps, { actor, audit, at }, incidentId, {
        kind: 'task',
        body: {
          action: 'updated',
          task: { id: task.id, title: task.title },
          changed,
          status: task.status,
        },
        action: 'incident.task_update',
        before,
        after: task,
      });
    }
    return task;
  });
}

export async function deleteTask(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  taskId: string,
): Promise<void> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const row = await taskOrThrow(trx, incidentId, taskId);
    await trx.deleteFrom('incident_tasks').where('id', '=', taskId).execute();
    await recordChange(trx, deps, { actor, audit, at }, incidentId, {
      kind: 'task',
      body: { action: 'deleted', task: { id: row.id, title: row.title } },
      action: 'incident.task_delete',
      before: toTask(row),
    });
  });
}
