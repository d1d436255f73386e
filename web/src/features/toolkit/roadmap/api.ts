import { api, withQuery } from '../../../app/api';
import type { Locale } from '../../../app/types';
import { projectPath } from '../api';
import type { Phase } from '../types';
import type { TaskStatus } from './tasks';

/**
 * Calls of the roadmap page. Shapes mirror src/modules/toolkit/roadmap.ts, gaps.ts and the
 * roadmap routes of roadmap.routes.ts.
 */

export interface Gap {
  id: string;
  source: 'readiness' | 'sim3' | 'services';
  /** The question, SIM3 parameter or service the gap is about. */
  ref: string;
  area: string;
  title: string;
  detail: string;
  phase: Phase;
  priority: number;
  /** What is there now and what is needed, as short labels ("2" and "3", or option labels). */
  current: string | null;
  target: string;
}

export interface Task {
  id: string;
  /** The gap this task closes; null for a task added by hand. */
  gapId: string | null;
  source: Gap['source'] | 'manual';
  title: string;
  detail: string;
  phase: Phase;
  owner: string | null;
  /** YYYY-MM-DD */
  due: string | null;
  status: TaskStatus;
  progress: number;
  /** The latest assessments no longer find the gap. */
  gapClosed: boolean;
  position: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** The gap as found today; null for manual tasks and closed gaps. */
  gap: Gap | null;
}

export interface AssessmentRef {
  id: string;
  title: string;
  status: 'draft' | 'final';
}

export interface PhaseProgress {
  phase: Phase;
  total: number;
  done: number;
  percent: number;
}

export interface Roadmap {
  tasks: Task[];
  progress: { total: number; done: number; percent: number; byPhase: PhaseProgress[] };
  /** Ids of the next tasks to do: open ones, earliest phase and due date first. */
  next: string[];
  /** Gaps found today that have no task yet. */
  untracked: number;
  sources: { readiness: AssessmentRef | null; sim3: AssessmentRef | null; services: number };
}

export interface GenerateResult {
  added: number;
  closed: number;
  reopened: number;
  gaps: number;
}

export interface TaskFields {
  title: string;
  detail: string;
  phase: Phase;
  owner: string | null;
  due: string | null;
  status: TaskStatus;
  progress: number;
}

export const getRoadmap = (projectId: string) =>
  api.get<Roadmap>(`${projectPath(projectId)}/roadmap`);

export const generateRoadmap = (projectId: string) =>
  api.post<GenerateResult>(`${projectPath(projectId)}/roadmap/generate`);

export const createTask = (projectId: string, fields: Partial<TaskFields> & { title: string }) =>
  api.post<Task>(`${projectPath(projectId)}/tasks`, fields);

const taskPath = (projectId: string, taskId: string) =>
  `${projectPath(projectId)}/tasks/${encodeURIComponent(taskId)}`;

/**
 * Every editable field of a task. A change sends them all, with the edits on top: the PATCH
 * schema gives absent fields their creation defaults (zod 4 applies `.default()` inside
 * `.partial()`), so a partial PATCH would clear the detail, owner, due date and progress.
 */
export const fieldsOf = (task: Task): TaskFields => ({
  title: task.title,
  detail: task.detail,
  phase: task.phase,
  owner: task.owner,
  due: task.due,
  status: task.status,
  progress: task.progress,
});

export const updateTask = (
  projectId: string,
  taskId: string,
  patch: Partial<TaskFields> & { revision: number },
) => api.patch<Task>(taskPath(projectId, taskId), patch);

export const deleteTask = (projectId: string, taskId: string) =>
  api.delete(taskPath(projectId, taskId));

export const exportFormats = ['pdf', 'md', 'json', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const roadmapExportUrl = (projectId: string, format: ExportFormat, lang: Locale) =>
  withQuery(`${projectPath(projectId)}/roadmap.${format}`, { lang });
