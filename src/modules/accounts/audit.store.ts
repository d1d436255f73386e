import { sql } from 'kysely';
import { isoNow, type Clock, systemClock } from '../../kernel/index.js';
import { containsPattern, type Db, type Executor } from '../../storage/index.js';
import {
  auditRowHash,
  ChainVerifier,
  genesisHash,
  parseHead,
  type AuditRow,
  type ChainVerdict,
} from './audit.js';

const headKey = 'audit.head';

/** Who did something, and from where: attached to every write. */
export interface AuditContext {
  actorId: string | null;
  actorLabel: string;
  requestId?: string | null;
  ip?: string | null;
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one row to the audit chain. Must run inside the transaction of the write it records,
 * so the entity change and its audit row commit or vanish together.
 */
export async function appendAudit(
  trx: Executor,
  dialect: Db['dialect'],
  context: AuditContext,
  event: AuditEvent,
  clock: Clock = systemClock,
): Promise<AuditRow> {
  // Several processes may share PostgreSQL: serialise appends so the chain stays linear.
  // SQLite needs no lock: one process, and its transactions hold the only connection.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(5807001)`.execute(trx);
  const headRow = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', headKey)
    .executeTakeFirst();
  const head = parseHead(headRow?.value) ?? { seq: 0, hash: genesisHash };
  const unhashed = {
    seq: head.seq + 1,
    at: isoNow(clock),
    actor_id: context.actorId,
    actor_label: context.actorLabel,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    before_json: event.before === undefined ? null : JSON.stringify(event.before),
    after_json: event.after === undefined ? null : JSON.stringify(event.after),
    request_id: context.requestId ?? null,
    ip: context.ip ?? null,
    prev_hash: head.hash,
  };
  const row: AuditRow = { ...unhashed, hash: auditRowHash(unhashed) };
  await trx.insertInto('audit_log').values(row).execute();
  const value = `${row.seq}:${row.hash}`;
  await trx
    .insertInto('meta')
    .values({ key: headKey, value, updated_at: row.at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: row.at }))
    .execute();
  return row;
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** Newest first, paged by `seq` (a cursor that stays right while new rows arrive). */
export async function listAudit(
  db: Db,
  filter: AuditFilter,
): Promise<{ items: AuditRow[]; nextBefore: number | null }> {
  let query = db.kysely.selectFrom('audit_log').selectAll();
  if (filter.actor) {
    const pattern = containsPattern(filter.actor);
    query = query.where(sql<boolean>`lower(actor_label) like ${pattern} escape '\\'`);
  }
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to);
  if (filter.before !== undefined) query = query.where('seq', '<', filter.before);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const items = rows.slice(0, filter.limit).map((r) => ({ ...r, seq: Number(r.seq) }));
  const nextBefore = rows.length > filter.limit ? (items.at(-1)?.seq ?? null) : null;
  return { items, nextBefore };
}

/** Walks the whole chain in pages of `pageSize` rows and reports the first break. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    if (!verifier.push(rows.map((r) => ({ ...r, seq: Number(r.seq) })))) break;
    after = Number(rows.at(-1)!.seq);
  }
  const head = await db.kysely
    .selectFrom('meta')
    .select('value')
    .where('key', '=', headKey)
    .executeTakeFirst();
  return verifier.finish(parseHead(head?.value));
}
