/**
 * SLA breaches on the timeline: a sweep finds incidents that missed their acknowledgement or
 * resolution deadline and records one `sla` event per missed deadline, noting it on the incident
 * (`ack_breach_noted_at`, `resolve_breach_noted_at`) in the same transaction, with an audit row.
 *
 * It reads only due, un-noted rows through the partial indexes of migration 0008, so a sweep
 * over 1,000,000 incidents costs what the few breaches cost. Several processes sharing
 * PostgreSQL may sweep at once: a breach is noted by a conditional update, and only the process
 * whose update took it records the event.
 *
 * @example
 * const report = await sweepSlaBreaches({ db, clock });
 * // { at: '2026-03-01T10:00:00.000Z', recorded: 2 }
 */
import type { FastifyInstance } from 'fastify';
import { sql, type SqlBool } from 'kysely';
import {
  isoNow,
  repeating,
  runWithServer,
  type Clock,
  type Config,
  type Logger,
} from '../../kernel/index.js';
import type { Db, Executor } from '../../storage/index.js';
import {
  ackBreachPending,
  resolveBreachPending,
} from '../../storage/migrations/0008_incident_sla_events.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { appendEvent } from './timeline.js';

/** The clock that was missed: acknowledgement (first move out of `new`) or resolution. */
export type SlaClock = 'ack' | 'resolve';

/** The body of an `sla` timeline event. */
export interface SlaBreachBody {
  clock: SlaClock;
  /** The deadline that was missed. */
  dueAt: string;
  /** The severity the deadline came from. */
  severity: string | null;
  /** When the incident was acknowledged (resolved) after all, late; null while it is not. */
  doneAt: string | null;
}

export interface SlaSweepReport {
  at: string;
  /** Events recorded by this sweep. */
  recorded: number;
}

const columns = {
  ack: { due: 'ack_due_at', noted: 'ack_breach_noted_at', pending: ackBreachPending },
  resolve: {
    due: 'resolve_due_at',
    noted: 'resolve_breach_noted_at',
    pending: resolveBreachPending,
  },
} as const;

const audit: AuditContext = { actorId: null, actorLabel: 'system' };

interface Due {
  id: string;
  severity: string | null;
  due: string;
  done: string | null;
}

/**
 * The query of the next due, un-noted breaches of one clock, oldest deadline first; it reads
 * the partial index of migration 0008 (a test checks the plan on both engines).
 */
export function dueBreachesQuery(db: Executor, clock: SlaClock, now: string, limit: number) {
  const c = columns[clock];
  const done =
    clock === 'ack'
      ? sql<string | null>`acknowledged_at`
      : sql<string | null>`coalesce(resolved_at, closed_at)`;
  return db
    .selectFrom('incidents')
    .select(['id', 'severity', sql<string>`${sql.ref(c.due)}`.as('due'), done.as('done')])
    .where(sql<SqlBool>`${c.pending}`)
    .where(c.due, '<=', now)
    .orderBy(c.due)
    .limit(limit);
}

/** Records one breach unless another sweep did; answers whether this one did. */
async function recordBreach(
  trx: Executor,
  db: Db,
  clock: SlaClock,
  row: Due,
  now: string,
  time: Clock,
) {
  const c = columns[clock];
  const taken = await trx
    .updateTable('incidents')
    .set(c.noted, now)
    .where('id', '=', row.id)
    .where(c.due, '=', row.due)
    .where(sql<SqlBool>`${c.pending}`)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return false;
  const body: SlaBreachBody = { clock, dueAt: row.due, severity: row.severity, doneAt: row.done };
  await appendEvent(trx, row.id, {
    kind: 'sla',
    actorId: null,
    actorLabel: 'system',
    body: { ...body },
    at: now,
  });
  await appendAudit(
    trx,
    db.dialect,
    audit,
    { action: 'incident.sla_breach', entityType: 'incident', entityId: row.id, after: body },
    time,
  );
  return true;
}

/**
 * Records every missed deadline not yet on the timeline, as of the clock's now, in
 * transactions of at most `batch` incidents (other requests run between them).
 */
export async function sweepSlaBreaches(
  deps: { db: Db; clock: Clock },
  options: { batch?: number } = {},
): Promise<SlaSweepReport> {
  const { db, clock } = deps;
  const batch = options.batch ?? 200;
  const now = isoNow(clock);
  let recorded = 0;
  for (const which of ['ack', 'resolve'] as const) {
    for (;;) {
      const due: Due[] = await dueBreachesQuery(db.kysely, which, now, batch).execute();
      if (due.length === 0) break;
      const taken = await db.kysely.transaction().execute(async (trx) => {
        let n = 0;
        for (const row of due) if (await recordBreach(trx, db, which, row, now, clock)) n += 1;
        return n;
      });
      recorded += taken;
      // Rows another process noted meanwhile leave the index too; a short batch is the last.
      if (due.length < batch) break;
    }
  }
  return { at: now, recorded };
}

export interface SlaSweeper {
  readonly seconds: number;
  /** Sweeps now, and then every `seconds`. */
  start(): void;
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
  /** Sweeps now, or answers the sweep under way. */
  sweep(): Promise<SlaSweepReport>;
}

/** The periodic sweep of a server; a failed sweep is logged and the next one runs as planned. */
export function createSlaSweeper(options: {
  db: Db;
  clock: Clock;
  logger: Logger;
  seconds: number;
}): SlaSweeper {
  const { logger } = options;
  let inFlight: Promise<SlaSweepReport> | undefined;
  const loop = repeating({ seconds: options.seconds, run: () => sweeper.sweep() });

  const sweeper: SlaSweeper = {
    seconds: options.seconds,
    start: () => loop.start(),
    async stop() {
      await loop.stop();
      await inFlight?.catch(() => undefined);
    },
    sweep() {
      inFlight ??= sweepSlaBreaches(options)
        .then((report) => {
          if (report.recorded > 0) logger.info(report, 'SLA breaches recorded on the timeline');
          return report;
        })
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'the SLA sweep failed; the next one runs as planned');
          throw error;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
  return sweeper;
}

/**
 * Runs the sweep with the server: first once it is ready, then every
 * `CIRTKIT_SLA_SWEEP_SECONDS`; stopped (a sweep under way finished) when it closes.
 * Answers the sweeper, or undefined when the setting is 0.
 */
export function slaSweep(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; config: Config },
  logger: Logger,
): SlaSweeper | undefined {
  const seconds = deps.config.slaSweepSeconds;
  if (seconds === 0) return undefined;
  const sweeper = createSlaSweeper({ db: deps.db, clock: deps.clock, logger, seconds });
  runWithServer(app, sweeper);
  return sweeper;
}
