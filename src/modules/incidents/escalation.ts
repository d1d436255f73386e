import { isAppError } from '../../kernel/index.js';
import { onIncidentSeverityChange } from '../toolkit/index.js';
import type { IncidentsDeps } from './deps.js';
import type { IncidentSettings } from './settings.js';

/**
 * What a severity change asks for under the configured project's BCM plan, as the body of one
 * `escalation` timeline event; null when no project is configured or no severity is set. It
 * reads only (call it before the write's transaction) and sends nothing.
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
    const result = await onIncidentSeverityChange({ db: deps.db }, projectId, change);
    return { projectId, ...result };
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed' && previous !== null) {
      // The previous level left the plan since: count as a first severity.
      const result = await onIncidentSeverityChange({ db: deps.db }, projectId, {
        ...change,
        previous: null,
      });
      return { projectId, ...result };
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
