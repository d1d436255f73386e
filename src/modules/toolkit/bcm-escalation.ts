import { z } from 'zod';
import { AppError, addMs, issuesFromZod } from '../../kernel/index.js';
import { cellContacts, namesOf } from './bcm.js';
import type { BcmPlan, ChannelType } from './bcm.schema.js';

/**
 * The contract between an incident's severity and the BCM plan; docs/toolkit-bcm.md describes
 * it for the incidents module, which calls `onIncidentSeverityChange` whenever a case's
 * severity is set or changes.
 */
export const severityChangeSchema = z.strictObject({
  incidentId: z.string().min(1).max(200),
  /** The level before the change; null when the incident is first given a severity. */
  previous: z.string().min(1).max(64).nullable(),
  current: z.string().min(1).max(64),
  /** Sectors the incident affects (compared without regard to case). */
  sectors: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  /** Operator links (ids in the plan) the incident affects, whatever their sector. */
  operators: z.array(z.string().min(1).max(64)).max(200).default([]),
  /** What was affected at the previous level, when it changed with this call; default: the same. */
  previousSectors: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  previousOperators: z.array(z.string().min(1).max(64)).max(200).optional(),
  /** When the incident reached `current` (ISO 8601); deadlines count from here. */
  at: z.iso.datetime({ offset: true }),
});
export type SeverityChange = z.input<typeof severityChangeSchema>;

export type EscalationKind = 'owner' | 'notify' | 'checklist';

export interface Escalation {
  /** `owner`: the level's owner takes the incident; `notify`: tell an audience; `checklist`: a crisis step. */
  kind: EscalationKind;
  levelId: string;
  /** The audience told (`notify`), else null. */
  audience: string | null;
  /** The checklist step (`checklist`), else null. */
  stepId: string | null;
  /** Who acts or is told, in the plan's contact order. */
  contactIds: string[];
  /** For an affected-operators audience: the operator links whose BCM contacts are called. */
  operatorIds: string[];
  channel: ChannelType | null;
  withinMinutes: number;
  dueAt: string;
  /** What in the plan asks for it: `matrix.high.owner`, `matrix.high.audiences.press`, `rules.<id>`. */
  reason: string;
}

export interface EscalationResult {
  incidentId: string;
  /** `unknown` only with a `no-plan` note: without a ladder, levels cannot be compared. */
  direction: 'opened' | 'raised' | 'unchanged' | 'lowered' | 'unknown';
  from: string | null;
  to: string;
  /** Ordered by due time, then owner, notifications, checklist steps, in plan order. */
  escalations: Escalation[];
  note: { kind: 'de-escalation' | 'no-plan'; ownerId: string | null; message: string } | null;
}

interface Requirement {
  kind: EscalationKind;
  audience: string | null;
  stepId: string | null;
  contactId: string;
  operatorIds: string[];
  minutes: number;
  channel: ChannelType | null;
  reason: string;
  order: number;
}

const kindOrder: Record<EscalationKind, number> = { owner: 0, notify: 1, checklist: 2 };
const lower = (list: readonly string[]) => new Set(list.map((s) => s.toLowerCase()));
const meets = (sectors: Set<string>, wanted: readonly string[]) =>
  wanted.length === 0 || wanted.some((s) => sectors.has(s.toLowerCase()));

/** What a level asks for, given what the incident affects: one entry per person and purpose. */
function requirementsAt(
  plan: BcmPlan,
  levelIndex: number,
  sectorList: readonly string[],
  operatorList: readonly string[],
): Map<string, Requirement> {
  const level = plan.levels[levelIndex]!;
  const sectors = lower(sectorList);
  const out = new Map<string, Requirement>();
  let order = 0;
  const add = (r: Omit<Requirement, 'order'>) => {
    const key = `${r.kind}|${r.audience ?? r.stepId ?? ''}|${r.contactId}`;
    const had = out.get(key);
    if (had && had.minutes <= r.minutes) {
      had.operatorIds = [...new Set([...had.operatorIds, ...r.operatorIds])];
      return;
    }
    out.set(key, { ...r, order: had?.order ?? order++ });
  };
  const affected = (only: readonly string[]) =>
    plan.operators.filter(
      (op) =>
        op.bcmContact !== null &&
        (operatorList.includes(op.id) ||
          (op.sector !== '' && sectors.has(op.sector.toLowerCase()))) &&
        meets(lower([op.sector]), only),
    );
  const notify = (
    audienceId: string,
    listed: string[],
    minutes: number,
    channel: ChannelType,
    reason: string,
    only: readonly string[],
  ) => {
    const audience = plan.audiences.find((a) => a.id === audienceId);
    if (!audience) return;
    const base = {
      kind: 'notify' as const,
      audience: audienceId,
      stepId: null,
      minutes,
      channel,
      reason,
    };
    for (const contactId of listed) add({ ...base, contactId, operatorIds: [] });
    if (audience.target === 'affected-operators')
      for (const op of affected(only))
        add({ ...base, contactId: op.bcmContact!, operatorIds: [op.id] });
  };

  const row = plan.matrix[level.id];
  if (row?.owner)
    add({
      kind: 'owner',
      audience: null,
      stepId: null,
      contactId: row.owner,
      operatorIds: [],
      minutes: 0,
      channel: null,
      reason: `matrix.${level.id}.owner`,
    });
  for (const audience of plan.audiences) {
    const cell = row?.audiences[audience.id];
    if (!cell?.informed || cell.minutes === null || cell.channel === null) continue;
    const listed =
      audience.target === 'affected-operators'
        ? cell.contacts
        : cellContacts(cell, audience.contacts);
    notify(
      audience.id,
      listed,
      cell.minutes,
      cell.channel,
      `matrix.${level.id}.audiences.${audience.id}`,
      [],
    );
  }
  for (const rule of plan.rules) {
    const from = plan.levels.findIndex((l) => l.id === rule.minLevel);
    if (from < 0 || from > levelIndex || !meets(sectors, rule.sectors)) continue;
    const reason = `rules.${rule.id}`;
    if (rule.action === 'notify' && rule.audience !== null && rule.channel !== null) {
      const audience = plan.audiences.find((a) => a.id === rule.audience);
      notify(
        rule.audience,
        audience?.target === 'contacts' ? audience.contacts : [],
        rule.minutes,
        rule.channel,
        reason,
        rule.sectors,
      );
    } else if (rule.action === 'activate-checklist') {
      for (const step of plan.checklist) {
        const who = step.who ?? plan.crisisLead;
        if (who !== null)
          add({
            kind: 'checklist',
            audience: null,
            stepId: step.id,
            contactId: who,
            operatorIds: [],
            minutes: rule.minutes + step.atMinutes,
            channel: null,
            reason,
          });
      }
    }
  }
  return out;
}

export function parseChange(input: SeverityChange) {
  const parsed = severityChangeSchema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error.issues);
    throw new AppError(
      'validation_failed',
      `The severity change is not valid: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      { issues },
    );
  }
  return parsed.data;
}

function levelIndexOf(plan: BcmPlan, id: string, field: string): number {
  const index = plan.levels.findIndex((l) => l.id === id);
  if (index < 0)
    throw new AppError('validation_failed', `The plan has no severity level "${id}"`, {
      issues: [
        {
          field,
          message: `no level has the id "${id}" (levels: ${plan.levels.map((l) => l.id).join(', ')})`,
        },
      ],
    });
  return index;
}

/**
 * What the plan requires when an incident's severity changes: everything the new level asks
 * for that the previous level did not already ask for with the same or a shorter deadline.
 * Lowering the severity asks for nothing new and returns a de-escalation note. Pure and
 * deterministic: the same plan and change give the same list, in the same order.
 *
 * @example
 *   escalationsFor(plan, { incidentId: 'INC-7', previous: 'medium', current: 'high',
 *     sectors: ['energy'], at: '2025-05-01T10:00:00Z' }).escalations[0]
 *   // { kind: 'owner', levelId: 'high', contactIds: ['duty-manager'], dueAt: '2025-05-01T10:00:00.000Z', ... }
 */
export function escalationsFor(plan: BcmPlan, input: SeverityChange): EscalationResult {
  const change = parseChange(input);
  const to = levelIndexOf(plan, change.current, 'current');
  const from = change.previous === null ? null : levelIndexOf(plan, change.previous, 'previous');
  const direction =
    from === null ? 'opened' : to > from ? 'raised' : to < from ? 'lowered' : 'unchanged';
  const base = {
    incidentId: change.incidentId,
    direction,
    from: change.previous,
    to: change.current,
  } as const;
  const owner = plan.matrix[change.current]?.owner ?? null;
  if (from !== null && to < from) {
    const names = namesOf(plan);
    const [was, now] = [plan.levels[from]!.name, plan.levels[to]!.name];
    const who = owner === null ? 'its owner' : `its owner, ${names.contact.get(owner) ?? owner},`;
    return {
      ...base,
      escalations: [],
      note: {
        kind: 'de-escalation',
        ownerId: owner,
        message: `Severity lowered from "${was}" to "${now}": nothing new to notify; ${who} tells those informed at "${was}" that the incident stands down to "${now}".`,
      },
    };
  }
  const wanted = requirementsAt(plan, to, change.sectors, change.operators);
  const already =
    from === null
      ? new Map<string, Requirement>()
      : requirementsAt(
          plan,
          from,
          change.previousSectors ?? change.sectors,
          change.previousOperators ?? change.operators,
        );
  const contactOrder = new Map(plan.contacts.map((c, i) => [c.id, i]));
  const groups = new Map<string, Escalation & { order: number }>();
  for (const [key, need] of wanted) {
    const had = already.get(key);
    const newOperators = need.operatorIds.filter((id) => !had?.operatorIds.includes(id));
    if (
      had &&
      had.minutes <= need.minutes &&
      (need.operatorIds.length === 0 || newOperators.length === 0)
    )
      continue;
    const group = `${need.kind}|${need.audience ?? ''}|${need.stepId ?? ''}|${need.minutes}|${need.channel ?? ''}|${need.reason}`;
    const entry = groups.get(group) ?? {
      kind: need.kind,
      levelId: change.current,
      audience: need.audience,
      stepId: need.stepId,
      contactIds: [],
      operatorIds: [],
      channel: need.channel,
      withinMinutes: need.minutes,
      dueAt: addMs(new Date(change.at).toISOString(), need.minutes * 60_000),
      reason: need.reason,
      order: need.order,
    };
    if (!entry.contactIds.includes(need.contactId)) entry.contactIds.push(need.contactId);
    entry.operatorIds.push(...need.operatorIds.filter((id) => !entry.operatorIds.includes(id)));
    groups.set(group, entry);
  }
  const escalations = [...groups.values()]
    .sort(
      (a, b) =>
        a.withinMinutes - b.withinMinutes ||
        kindOrder[a.kind] - kindOrder[b.kind] ||
        a.order - b.order,
    )
    .map(({ order: _order, ...e }) => ({
      ...e,
      contactIds: e.contactIds.sort(
        (x, y) => (contactOrder.get(x) ?? 0) - (contactOrder.get(y) ?? 0),
      ),
    }));
  return { ...base, escalations, note: null };
}
