import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../storage/index.js';
import type { Tlp } from './incident.schema.js';

/**
 * The TLP read rule, one rule everywhere (object reads, list SQL, export, statistics): a user
 * reads an incident when they hold `incidents.read` and the incident is not TLP:RED or
 * TLP:AMBER+STRICT, or they are on its access list. No role bypasses it.
 */
export const restrictedTlp: readonly Tlp[] = ['red', 'amber+strict'];

export const isRestricted = (tlp: string): boolean =>
  (restrictedTlp as readonly string[]).includes(tlp);

export interface Actor {
  /** null for the public form, mail intake and the system. */
  userId: string | null;
  /** The user's display name, or `reporter` / `system` / `mail`. */
  label: string;
  permissions: ReadonlySet<string>;
}

export function canRead(actor: Actor, incident: { tlp: string }, onAccessList: boolean): boolean {
  if (!actor.permissions.has('incidents.read')) return false;
  return !isRestricted(incident.tlp) || onAccessList;
}

/** TLP order, least restrictive first: used to keep the stricter of two labels (merge). */
export const tlpRank: Readonly<Record<Tlp, number>> = {
  clear: 0,
  green: 1,
  amber: 2,
  'amber+strict': 3,
  red: 4,
};

/**
 * The same rule as SQL for lists, exports and statistics:
 * `query.where((eb) => readableIncidentsFilter(eb, userId))` over a query on `incidents`.
 * The caller checks `incidents.read` (route permission) first.
 */
export function readableIncidentsFilter<TB extends keyof Database>(
  eb: ExpressionBuilder<Database, TB>,
  userId: string,
): Expression<SqlBool> {
  const e = eb as unknown as ExpressionBuilder<Database, 'incidents'>;
  return e.or([
    e('incidents.tlp', 'not in', [...restrictedTlp]),
    e.exists(
      e
        .selectFrom('incident_access')
        .select('incident_access.incident_id')
        .whereRef('incident_access.incident_id', '=', 'incidents.id')
        .where('incident_access.user_id', '=', userId),
    ),
  ]);
}
