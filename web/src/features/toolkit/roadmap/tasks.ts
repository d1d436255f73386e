/**
 * Decisions of the roadmap page that need no React: filtering, overdue dates, what an inline
 * edit changes. No imports, so the node tests load this file as it is
 * (test/web/toolkit-roadmap.test.ts).
 */
export const taskStatuses = ['todo', 'doing', 'done', 'dropped'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

interface TaskLike {
  gapId: string | null;
  gapClosed: boolean;
  phase: string;
  owner: string | null;
  due: string | null;
  status: TaskStatus;
  progress: number;
}

export const statusFilters = ['', 'open', ...taskStatuses] as const;
export type StatusFilter = (typeof statusFilters)[number];
/** The owner filter's value for tasks nobody owns yet (not a name: names have no colon first). */
export const unassigned = ':none';

export interface TaskFilter {
  status: StatusFilter;
  /** '' for every phase. */
  phase: string;
  /** '' for every owner, `unassigned`, or an owner's name. */
  owner: string;
}

export function matchesFilter(task: TaskLike, filter: TaskFilter): boolean {
  if (filter.status === 'open' && task.status !== 'todo' && task.status !== 'doing') return false;
  if (filter.status !== '' && filter.status !== 'open' && task.status !== filter.status)
    return false;
  if (filter.phase !== '' && task.phase !== filter.phase) return false;
  if (filter.owner === unassigned) return task.owner === null || task.owner.trim() === '';
  return filter.owner === '' || task.owner === filter.owner;
}

/** Everyone named as an owner, once each, in the reader's alphabetical order. */
export function ownersOf(tasks: TaskLike[], locale: string): string[] {
  const names = new Set(tasks.map((t) => t.owner?.trim() ?? '').filter(Boolean));
  return [...names].sort((a, b) => a.localeCompare(b, locale));
}

/** Today as YYYY-MM-DD in the reader's own time zone. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An open task whose due date has passed. */
export function isOverdue(task: Pick<TaskLike, 'due' | 'status'>, today: string): boolean {
  return (
    task.due !== null && task.due < today && (task.status === 'todo' || task.status === 'doing')
  );
}

/**
 * A task may be deleted when a person added it, or when its gap has closed; a task for an open
 * gap would only come back at the next generation, so it is marked dropped instead.
 */
export const canDelete = (task: Pick<TaskLike, 'gapId' | 'gapClosed'>) =>
  task.gapId === null || task.gapClosed;

/** The inline editor's fields, as the form holds them (empty text for no owner or date). */
export interface TaskDraft {
  owner: string;
  due: string;
  status: TaskStatus;
  progress: number;
}

export const draftOf = (task: TaskLike): TaskDraft => ({
  owner: task.owner ?? '',
  due: task.due ?? '',
  status: task.status,
  progress: task.status === 'done' ? 100 : task.progress,
});

/** Only what the draft changes, ready for the PATCH (empty text becomes null). */
export function changesOf(
  task: TaskLike,
  draft: TaskDraft,
): Partial<Pick<TaskLike, 'owner' | 'due' | 'status' | 'progress'>> {
  const before = draftOf(task);
  const changes: Partial<Pick<TaskLike, 'owner' | 'due' | 'status' | 'progress'>> = {};
  if (draft.owner.trim() !== before.owner.trim()) changes.owner = draft.owner.trim() || null;
  if (draft.due !== before.due) changes.due = draft.due || null;
  if (draft.status !== before.status) changes.status = draft.status;
  if (draft.progress !== before.progress) changes.progress = draft.progress;
  return changes;
}

/** Moving a task to done fills its progress, as the server does. */
export const withStatus = (draft: TaskDraft, status: TaskStatus): TaskDraft =>
  status === 'done' ? { ...draft, status, progress: 100 } : { ...draft, status };
