import { z } from 'zod';
import { phases, type Phase } from './content.schema.js';
import type { Gap } from './gaps.js';

export const taskStatuses = ['todo', 'doing', 'done', 'dropped'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
const day = z.iso.date('must be a date YYYY-MM-DD');

export const taskFieldsSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(300),
  detail: z.string().trim().max(4000).default(''),
  phase: z.enum(phases),
  owner: z.string().trim().max(200).nullable().default(null),
  due: day.nullable().default(null),
  status: z.enum(taskStatuses).default('todo'),
  progress: z.number().int().min(0).max(100).default(0),
});
/** A change to a task: only the fields given change (no defaults, unlike a new task). */
export const taskPatchSchema = z.strictObject({
  revision: z.number().int().min(0),
  title: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  detail: z.string().trim().max(4000).optional(),
  phase: z.enum(phases).optional(),
  owner: z.string().trim().max(200).nullable().optional(),
  due: day.nullable().optional(),
  status: z.enum(taskStatuses).optional(),
  progress: z.number().int().min(0).max(100).optional(),
});

export interface Task {
  id: string;
  projectId: string;
  /** The gap this task closes (null for a task a person added). */
  gapId: string | null;
  source: Gap['source'] | 'manual';
  title: string;
  detail: string;
  phase: Phase;
  owner: string | null;
  due: string | null;
  status: TaskStatus;
  progress: number;
  /** The gap is no longer found by the latest assessments. */
  gapClosed: boolean;
  position: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewGeneratedTask {
  gapId: string;
  source: Gap['source'];
  title: string;
  detail: string;
  phase: Phase;
  position: number;
}

export interface RoadmapPlan {
  /** Tasks for gaps that have none yet, in roadmap order. */
  add: NewGeneratedTask[];
  /** Existing tasks whose gap is no longer found (they stay, marked, so no work is lost). */
  closed: string[];
  /** Existing tasks whose gap was closed before and is found again. */
  reopened: string[];
}

/**
 * Turns gaps into roadmap tasks. Existing tasks are never rewritten: owners, dates and status
 * set by people stay; a gap that already has a task gets no second one; a task whose gap
 * disappeared is marked closed, not deleted. Pure and deterministic: the same gaps and tasks
 * give the same plan.
 */
export function planRoadmap(gaps: Gap[], existing: Task[]): RoadmapPlan {
  const byGap = new Map(existing.filter((t) => t.gapId).map((t) => [t.gapId!, t]));
  const current = new Set(gaps.map((g) => g.id));
  let position = existing.reduce((max, t) => Math.max(max, t.position), 0);
  const add: NewGeneratedTask[] = [];
  const seen = new Set<string>();
  for (const gap of gaps) {
    if (byGap.has(gap.id) || seen.has(gap.id)) continue;
    seen.add(gap.id);
    add.push({
      gapId: gap.id,
      source: gap.source,
      title: gap.title,
      detail: gap.detail,
      phase: gap.phase,
      position: ++position,
    });
  }
  const closed = existing
    .filter((t) => t.gapId && !t.gapClosed && !current.has(t.gapId))
    .map((t) => t.id);
  const reopened = existing
    .filter((t) => t.gapId && t.gapClosed && current.has(t.gapId))
    .map((t) => t.id);
  return { add, closed, reopened };
}

export interface RoadmapProgress {
  total: number;
  done: number;
  /** Mean progress over tasks that are not dropped, done counting as 100. */
  percent: number;
  byPhase: Array<{ phase: Phase; total: number; done: number; percent: number }>;
}

export function roadmapProgress(tasks: Task[]): RoadmapProgress {
  const summarise = (list: Task[]) => {
    const live = list.filter((t) => t.status !== 'dropped');
    const sum = live.reduce((s, t) => s + (t.status === 'done' ? 100 : t.progress), 0);
    return {
      total: live.length,
      done: live.filter((t) => t.status === 'done').length,
      percent: live.length ? Math.round(sum / live.length) : 0,
    };
  };
  return {
    ...summarise(tasks),
    byPhase: phases.map((phase) => ({
      phase,
      ...summarise(tasks.filter((t) => t.phase === phase)),
    })),
  };
}

/** The next things to do: open tasks, earliest phase and due date first. */
export function nextTasks(tasks: Task[], count = 5): Task[] {
  const order = new Map(phases.map((p, i) => [p, i]));
  return tasks
    .filter((t) => t.status === 'todo' || t.status === 'doing')
    .sort(
      (a, b) =>
        order.get(a.phase)! - order.get(b.phase)! ||
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        a.position - b.position,
    )
    .slice(0, count);
}
