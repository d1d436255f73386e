import type { Locale } from '../accounts/index.js';
import { isRestricted, type Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import {
  impactLevels,
  incidentStatuses,
  linkKinds,
  observableKinds,
  papLevels,
  taskStatuses,
  tlpLevels,
  type Incident,
} from './incident.schema.js';
import type { IncidentSettings } from './settings.js';
import { levelsWithSla, type Ladder } from './severity.js';
import { slaState, type SlaState } from './sla.js';
import { countsOf, isOnAccessList, type IncidentCounts } from './store.js';
import { allowedNext } from './workflow.js';

/** What GET /api/incidents/:id answers: the incident, its counts, SLA state and access. */
export type IncidentView = Incident & {
  counts: IncidentCounts;
  sla: SlaState;
  access: { restricted: boolean; onList: boolean };
  /** Statuses the workflow allows next. */
  nextStatuses: readonly string[];
};

export async function readableViewOf(
  deps: IncidentsDeps,
  actor: Actor,
  incident: Incident,
): Promise<IncidentView> {
  const db = deps.db.kysely;
  return {
    ...incident,
    counts: await countsOf(db, incident.id),
    sla: slaState(incident, deps.clock.now()),
    access: {
      restricted: isRestricted(incident.tlp),
      onList: await isOnAccessList(db, incident.id, actor.userId),
    },
    nextStatuses: incident.mergedIntoId ? [] : allowedNext(incident.status),
  };
}

/** GET /api/incidents/reference: everything a form needs, names and descriptions in `lang`. */
export function referenceAnswer(
  deps: IncidentsDeps,
  settings: IncidentSettings,
  ladder: Ladder,
  lang: Locale,
  users: { id: string; displayName: string; email: string; canHandle: boolean }[] = [],
) {
  return {
    lang,
    /** Colleagues who may read incidents: assignees (canHandle) and access-list candidates. */
    users,
    rsit: {
      version: deps.reference.version,
      source: deps.reference.source,
      licence: deps.reference.licence,
      classes: deps.reference.localised(lang).map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        types: c.types.map((t) => ({ id: t.id, name: t.name, description: t.description })),
      })),
    },
    tlp: tlpLevels,
    restrictedTlp: tlpLevels.filter((t) => isRestricted(t)),
    pap: papLevels,
    impactLevels,
    observableKinds,
    linkKinds,
    taskStatuses,
    severity: {
      origin: ladder.origin,
      projectId: ladder.projectId,
      levels: levelsWithSla(ladder, settings.sla),
    },
    statuses: incidentStatuses.map((id) => ({ id, next: allowedNext(id) })),
    queues: settings.queues,
  };
}
