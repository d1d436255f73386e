import type { IssueIndex } from './issues';
import type { BcmPlan, Cell, Level } from './types';

/**
 * Pure changes to a draft plan. Each returns a new plan; the page keeps the draft in state and
 * sends it to the server for checking, so these only keep the parts consistent with each other
 * (a removed level takes its matrix row with it, a removed person leaves no dangling reference).
 */
export type PlanEdit = (plan: BcmPlan) => void;

export function edited(plan: BcmPlan, change: PlanEdit): BcmPlan {
  const next = structuredClone(plan);
  change(next);
  return next;
}

/** A new id that is not used yet in `taken`, e.g. `contact-3`. */
export function freshId(prefix: string, taken: Iterable<{ id: string }>): string {
  const used = new Set([...taken].map((x) => x.id));
  let n = used.size + 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** Ranks follow the ladder's order. */
const renumber = (levels: Level[]) => levels.forEach((level, i) => (level.rank = i));

export const moveItem = <T>(list: T[], from: number, to: number): void => {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
};

export const moveLevel =
  (from: number, to: number): PlanEdit =>
  (plan) => {
    moveItem(plan.levels, from, to);
    renumber(plan.levels);
  };

export const addLevel =
  (name: string): PlanEdit =>
  (plan) => {
    const id = freshId('level', plan.levels);
    plan.levels.push({ id, name, rank: plan.levels.length, colour: '#6b7785', description: '' });
    plan.matrix[id] = { owner: null, audiences: {} };
  };

export const removeLevel =
  (id: string): PlanEdit =>
  (plan) => {
    plan.levels = plan.levels.filter((l) => l.id !== id);
    delete plan.matrix[id];
    renumber(plan.levels);
  };

export const emptyCell = (): Cell => ({
  informed: false,
  minutes: null,
  channel: null,
  contacts: [],
});

export const setCell =
  (levelId: string, audienceId: string, change: Partial<Cell>): PlanEdit =>
  (plan) => {
    const row = (plan.matrix[levelId] ??= { owner: null, audiences: {} });
    row.audiences[audienceId] = { ...(row.audiences[audienceId] ?? emptyCell()), ...change };
  };

export const removeAudience =
  (id: string): PlanEdit =>
  (plan) => {
    plan.audiences = plan.audiences.filter((a) => a.id !== id);
    for (const row of Object.values(plan.matrix)) delete row.audiences[id];
    for (const rule of plan.rules) if (rule.audience === id) rule.audience = null;
  };

/** Removes a person and every reference to them; what then lacks someone shows as an issue. */
export const removeContact =
  (id: string): PlanEdit =>
  (plan) => {
    const without = (ids: string[]) => ids.filter((x) => x !== id);
    plan.contacts = plan.contacts.filter((c) => c.id !== id);
    for (const c of plan.contacts) if (c.backup === id) c.backup = null;
    for (const a of plan.audiences) a.contacts = without(a.contacts);
    for (const row of Object.values(plan.matrix)) {
      if (row.owner === id) row.owner = null;
      for (const cell of Object.values(row.audiences)) cell.contacts = without(cell.contacts);
    }
    for (const op of plan.operators) if (op.bcmContact === id) op.bcmContact = null;
    for (const step of plan.checklist) if (step.who === id) step.who = null;
    if (plan.crisisLead === id) plan.crisisLead = null;
    plan.contactTree = plan.contactTree.filter((e) => e.caller !== id && e.callee !== id);
  };

export const removeOperator =
  (id: string): PlanEdit =>
  (plan) => {
    plan.operators = plan.operators.filter((o) => o.id !== id);
    for (const op of plan.operators) op.dependsOn = op.dependsOn.filter((x) => x !== id);
  };

/** Removes a call and, with it, the calls the callee made (their branch of the tree). */
export const removeBranch =
  (callee: string): PlanEdit =>
  (plan) => {
    const gone = new Set([callee]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const e of plan.contactTree)
        if (gone.has(e.caller) && !gone.has(e.callee)) {
          gone.add(e.callee);
          grew = true;
        }
    }
    plan.contactTree = plan.contactTree.filter((e) => !gone.has(e.callee));
  };

/** Toggles `id` in a list of ids, keeping the list's order. */
export const toggled = (ids: string[], id: string, on: boolean): string[] =>
  on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((x) => x !== id);

/** What every part of the editor receives. */
export interface EditorProps {
  plan: BcmPlan;
  change(edit: PlanEdit): void;
  issues: IssueIndex;
}

/** Moves focus to a control once React has drawn the change (after a reorder or an addition). */
export const focusSoon = (id: string) =>
  requestAnimationFrame(() => document.getElementById(id)?.focus());
