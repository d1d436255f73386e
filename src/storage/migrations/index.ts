import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../db.js';
import * as m0001 from './0001_accounts.js';
import * as m0002 from './0002_registry.js';
import * as m0003 from './0003_toolkit.js';
import * as m0004 from './0004_constituents.js';
import * as m0005 from './0005_incidents.js';
import * as m0006 from './0006_mail.js';
import * as m0007 from './0007_incident_search.js';
import * as m0008 from './0008_incident_sla_events.js';
import * as m0009 from './0009_incident_sort_keys.js';
import * as m0010 from './0010_law.js';
import * as m0011 from './0011_exchange_objects.js';
import * as m0012 from './0012_exchange_peers.js';
import * as m0013 from './0013_exchange_subscriptions.js';
import * as m0014 from './0014_collection_latest.js';
import * as m0015 from './0015_stix_tlp_alone.js';

type AnyDb = Kysely<unknown>;

/**
 * Every migration in order. Names sort as they apply; a released migration is never edited,
 * a new one is added. Dialect-specific steps are chosen here so each file stays declarative.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_accounts': {
      up: async (db: AnyDb) => {
        await m0001.up(db);
        await (dialect === 'sqlite' ? m0001.upSqliteGuards(db) : m0001.upPostgresGuards(db));
      },
    },
    '0002_registry': { up: m0002.up },
    '0003_toolkit': { up: (db: AnyDb) => m0003.up(db, dialect) },
    '0004_constituents': { up: m0004.up },
    '0005_incidents': { up: (db: AnyDb) => m0005.up(db, dialect) },
    '0006_mail': { up: (db: AnyDb) => m0006.up(db, dialect) },
    '0007_incident_search': { up: (db: AnyDb) => m0007.up(db, dialect) },
    '0008_incident_sla_events': { up: m0008.up },
    '0009_incident_sort_keys': { up: (db: AnyDb) => m0009.up(db, dialect) },
    '0010_law': { up: (db: AnyDb) => m0010.up(db, dialect) },
    '0011_exchange_objects': { up: (db: AnyDb) => m0011.up(db, dialect) },
    '0012_exchange_peers': { up: m0012.up },
    '0013_exchange_subscriptions': { up: m0013.up },
    '0014_collection_latest': { up: m0014.up },
    '0015_stix_tlp_alone': { up: m0015.up },
  };
}
