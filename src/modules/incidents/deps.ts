import type { Clock, Config } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import type { ConstituentsDeps } from '../constituents/index.js';
import type { ToolkitDeps } from '../toolkit/index.js';
import { loadIncidentReference, type IncidentReference } from './reference-data.js';

/** What the incidents module's services need; built once by the composition root. */
export interface IncidentsDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Ownership lookup of observables and the organisations of affected constituents. */
  constituents: ConstituentsDeps;
  /** The BCM plan (severity ladder, escalation) of the project named in the settings. */
  toolkit: ToolkitDeps;
  /** RSIT and playbooks from data/incidents (or CIRTKIT_INCIDENTS_DATA_DIR). */
  reference: IncidentReference;
}

export function incidentsDeps(
  db: Db,
  clock: Clock,
  config: Config,
  constituents: ConstituentsDeps,
  toolkit: ToolkitDeps,
  reference: IncidentReference = loadIncidentReference(config.incidentsDataDir),
): IncidentsDeps {
  return { db, clock, config, constituents, toolkit, reference };
}
