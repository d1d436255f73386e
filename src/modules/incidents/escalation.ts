import { isAppError } from '../../kernel/index.js';
import {
  bcmPlanSchema,
  escalationsFor,
  onIncidentSeverityChange,
  readDocument,
  type BcmPlan,
  type EscalationResult,
  type SeverityChange,
} from '../toolkit/index.js';
import type { IncidentsDeps } from './deps.js';
import type { IncidentSettings } from './settings.js';

type Answer = EscalationResult & { planRevision: number };

/**
 * The escalation answer with the names it refers to, as the plan had them at the time: the
 * timeline then reads without access to the toolkit, and still reads after the plan is renamed.
 * The ids stay next to the names. `contactNames` follows `contactIds` one for one; an id the
 * plan does not know (it should not happen: a saved plan is valid) keeps the id as its name.
 * Pure.
 */
export function withPlanNames(answer: Answer, plan: BcmPlan | null) {
  if (plan === null) return answer;
  const level = (id: string | null) =>
    id === null ? null : (plan.levels.find((l) => l.id === id)?.name ?? id);
  const contact = (id: string) => plan.contacts.find((c) => c.id === id)?.name ?? id;
  const operator = (id: string) => {
    const link = plan.operators.find((o) => o.id === id);
    return link ? `${link.operator} (${link.service})` : id;
  };
  return {
    ...answer,
    fromName: level(answer.from),
    toName: level(answer.to),
    note: answer.note
      ? {
          ...answer.note,
          ownerName: answer.note.ownerId === null ? null : contact(answer.note.ownerId),
        }
      : null,
    escalations: answer.escalations.map((e) => ({
      ...e,
      levelName: level(e.levelId),
      audienceName:
        e.audience === null
          ? null
          : (plan.audiences.find((a) => a.id === e.audience)?.name ?? e.audience),
      stepTitle:
        e.stepId === null
          ? null
          : (plan.checklist.find((s) => s.id === e.stepId)?.action ?? e.stepId),
      contactNames: e.contactIds.map(contact),
      operatorNames: e.operatorIds.map(operator),
    })),
  };
}

/**
 * Asks the toolkit what the change calls for and reads the plan it answered from, for the
 * names. Should the plan be saved again between the two reads, the answer is computed again
 * from the plan read, so that ids and names come from one revision.
 */
async function ask(
  deps: Pick<IncidentsDeps, 'db'>,
  projectId: string,
  change: SeverityChange,
): Promise<{ answer: Answer; plan: BcmPlan | null }> {
  const answer = await onIncidentSeverityChange({ db: deps.db }, projectId, change);
  if (answer.planRevision === 0) return { answer, plan: null };
  const document = await readDocument(deps.db.kysely, projectId, 'bcm', bcmPlanSchema);
  if (document.value === null) return { answer, plan: null };
  if (document.revision === answer.planRevision) return { answer, plan: document.value };
  return {
    answer: { ...escalationsFor(document.value, change), planRevision: document.revision },
    plan: document.value,
  };
}

/**
 * What a severity change asks for under the configured project's BCM plan, as the body of one
 * `escalation` timeline event, with the names of the levels, audiences, contacts and checklist
 * steps it refers to; null when no project is configured or no severity is set. It reads only
 * (call it before the write's transaction) and sends nothing.
 */
export async function escalationBody(
  deps: Pick<IncidentsDeps, 'db'>,
  settings: IncidentSettings,
  incident: { reference: string; sector: string | null },
  previous: string | null,
  current: string | null,
  at: string,
): Promise<Record<string, unknown> | null> {
  const projectId = settings.toolkitProjectId;
  if (projectId === null || current === null || previous === current) return null;
  const change = {
    incidentId: incident.reference,
    previous,
    current,
    sectors: incident.sector ? [incident.sector] : [],
    at,
  };
  try {
    const { answer, plan } = await ask(deps, projectId, change);
    return { projectId, ...withPlanNames(answer, plan) };
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed' && previous !== null) {
      // The previous level left the plan since: count as a first severity.
      const { answer, plan } = await ask(deps, projectId, { ...change, previous: null });
      return { projectId, ...withPlanNames(answer, plan) };
    }
    if (isAppError(error) && error.code === 'not_found')
      return {
        projectId,
        incidentId: incident.reference,
        direction: 'unknown',
        from: previous,
        to: current,
        escalations: [],
        note: { kind: 'no-project', ownerId: null, message: error.message },
      };
    throw error;
  }
}
