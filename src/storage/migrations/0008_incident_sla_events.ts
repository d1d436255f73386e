import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * SLA breaches on the timeline: when an incident misses its acknowledgement or resolution
 * deadline, the sweep (`src/modules/incidents/sla-sweep.ts`) records one `sla` event and notes
 * the time here, so each deadline is recorded once.
 *
 * A deadline still to be recorded is one that is set, not already noted (a note taken before
 * the deadline belongs to an earlier deadline: a severity change restarted the clock), and not
 * met (not done, or done late). The partial indexes hold only those rows, ordered by deadline:
 * open incidents waiting for their clock and the few breaches not yet noted. Incidents handled
 * in time or already noted never enter them, so the sweep stays cheap at 1,000,000 incidents.
 * The sweep's queries repeat these predicates word for word (both engines need that to use a
 * partial index). Closing counts as resolving; SQLite would not use an index whose predicate
 * compares `coalesce(resolved_at, closed_at)` with a column, so the cases are written out.
 */
export const ackBreachPending = sql`ack_due_at is not null
  and (ack_breach_noted_at is null or ack_breach_noted_at < ack_due_at)
  and (acknowledged_at is null or acknowledged_at > ack_due_at)`;

export const resolveBreachPending = sql`resolve_due_at is not null
  and (resolve_breach_noted_at is null or resolve_breach_noted_at < resolve_due_at)
  and ((resolved_at is null and closed_at is null) or resolved_at > resolve_due_at
       or (resolved_at is null and closed_at > resolve_due_at))`;

export async function up(db: AnyDb): Promise<void> {
  // One column per statement: SQLite adds one column at a time.
  await db.schema.alterTable('incidents').addColumn('ack_breach_noted_at', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('resolve_breach_noted_at', 'text').execute();
  // Deadlines missed and settled before this version are not written into old timelines: their
  // note is the moment they were done (late), so the sweep never picks them up. Open incidents
  // past their deadline get their event at the first sweep.
  await sql`update incidents set ack_breach_noted_at = acknowledged_at
    where ack_due_at is not null and acknowledged_at > ack_due_at`.execute(db);
  await sql`update incidents set resolve_breach_noted_at = coalesce(resolved_at, closed_at)
    where resolve_due_at is not null and coalesce(resolved_at, closed_at) > resolve_due_at`.execute(
    db,
  );
  await sql`create index incidents_ack_breach_idx on incidents (ack_due_at)
    where ${ackBreachPending}`.execute(db);
  await sql`create index incidents_resolve_breach_idx on incidents (resolve_due_at)
    where ${resolveBreachPending}`.execute(db);
}
