import { sql } from 'kysely';
import { newId } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import type { MailSummary } from './parse.js';

/**
 * Incoming messages (`mail_messages`, direction `in`) and the polling position of each mailbox
 * (`mail_mailboxes`). Statuses of an incoming message:
 * `received` (stored, not yet handled), `processing` (claimed by a poller), `created` (started an
 * incident), `threaded` (added to one), `unparsed` (kept raw with the reason, waiting for an
 * analyst), `ignored` (our own message or a duplicate), `dismissed` (an analyst set it aside).
 */
export const inboundStatuses = [
  'received',
  'processing',
  'created',
  'threaded',
  'unparsed',
  'ignored',
  'dismissed',
] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

export interface InboundMessage {
  id: string;
  status: InboundStatus;
  incidentId: string | null;
  incidentReference: string | null;
  messageId: string | null;
  subject: string | null;
  from: string | null;
  to: string[];
  date: string | null;
  mailbox: string | null;
  uid: number | null;
  error: string | null;
  size: number;
  receivedAt: string;
  processedAt: string | null;
}

export interface MailboxPosition {
  mailbox: string;
  uidValidity: string | null;
  lastUid: number;
  lastPollAt: string | null;
  lastError: string | null;
}

const columns = [
  'm.id',
  'm.status',
  'm.incident_id',
  'm.message_id',
  'm.subject',
  'm.from_addr',
  'm.to_addrs',
  'm.sent_date',
  'm.mailbox',
  'm.uid',
  'm.error',
  'm.size',
  'm.created_at',
  'm.processed_at',
  'i.reference',
] as const;

type Row = {
  id: string;
  status: string;
  incident_id: string | null;
  message_id: string | null;
  subject: string | null;
  from_addr: string | null;
  to_addrs: string;
  sent_date: string | null;
  mailbox: string | null;
  uid: number | null;
  error: string | null;
  size: number;
  created_at: string;
  processed_at: string | null;
  reference: string | null;
};

function toMessage(r: Row): InboundMessage {
  return {
    id: r.id,
    status: r.status as InboundStatus,
    incidentId: r.incident_id,
    incidentReference: r.reference,
    messageId: r.message_id,
    subject: r.subject,
    from: r.from_addr,
    to: JSON.parse(r.to_addrs) as string[],
    date: r.sent_date,
    mailbox: r.mailbox,
    uid: r.uid === null ? null : Number(r.uid),
    error: r.error,
    size: Number(r.size),
    receivedAt: r.created_at,
    processedAt: r.processed_at,
  };
}

const selectMessages = (db: Executor) =>
  db
    .selectFrom('mail_messages as m')
    .leftJoin('incidents as i', 'i.id', 'm.incident_id')
    .select(columns)
    .where('m.direction', '=', 'in');

export async function getMailbox(db: Executor, mailbox: string): Promise<MailboxPosition | null> {
  const row = await db
    .selectFrom('mail_mailboxes')
    .selectAll()
    .where('mailbox', '=', mailbox)
    .executeTakeFirst();
  if (!row) return null;
  return {
    mailbox: row.mailbox,
    uidValidity: row.uid_validity,
    lastUid: Number(row.last_uid),
    lastPollAt: row.last_poll_at,
    lastError: row.last_error,
  };
}

/** Moves the position forward (never back, whichever process got there first). */
export async function advanceMailbox(
  trx: Executor,
  mailbox: string,
  uidValidity: string,
  uid: number,
  at: string,
): Promise<void> {
  await trx
    .insertInto('mail_mailboxes')
    .values({ mailbox, uid_validity: uidValidity, last_uid: uid, updated_at: at })
    .onConflict((oc) =>
      oc.column('mailbox').doUpdateSet({
        uid_validity: uidValidity,
        last_uid: sql<number>`case when mail_mailboxes.uid_validity = ${uidValidity}
          and mail_mailboxes.last_uid > ${uid} then mail_mailboxes.last_uid else ${uid} end`,
        updated_at: at,
      }),
    )
    .execute();
}

/** A new UIDVALIDITY: the mailbox is read again from its first message. */
export async function resetMailbox(
  trx: Executor,
  mailbox: string,
  uidValidity: string,
  at: string,
) {
  await trx
    .insertInto('mail_mailboxes')
    .values({ mailbox, uid_validity: uidValidity, last_uid: 0, updated_at: at })
    .onConflict((oc) =>
      oc.column('mailbox').doUpdateSet({ uid_validity: uidValidity, last_uid: 0, updated_at: at }),
    )
    .execute();
}

export async function recordPoll(
  db: Executor,
  mailbox: string,
  at: string,
  error: string | null,
): Promise<void> {
  await db
    .insertInto('mail_mailboxes')
    .values({ mailbox, last_uid: 0, last_poll_at: at, last_error: error, updated_at: at })
    .onConflict((oc) => oc.column('mailbox').doUpdateSet({ last_poll_at: at, last_error: error }))
    .execute();
}

/**
 * Stores a message as it came, with where it came from; nothing when this (mailbox,
 * UIDVALIDITY, UID) is already stored. Answers the new row's id, or null.
 */
export async function insertInbound(
  trx: Executor,
  message: {
    mailbox: string;
    uidValidity: string;
    uid: number;
    raw: Buffer;
    summary: MailSummary;
    at: string;
  },
): Promise<string | null> {
  const id = newId();
  const { summary } = message;
  const inserted = await trx
    .insertInto('mail_messages')
    .values({
      id,
      direction: 'in',
      status: 'received',
      incident_id: null,
      message_id: summary.messageId,
      in_reply_to: summary.inReplyTo,
      references: summary.references.length ? summary.references.join(' ') : null,
      subject: summary.subject,
      from_addr: summary.from?.address ?? null,
      to_addrs: JSON.stringify(summary.to),
      sent_date: summary.date,
      mailbox: message.mailbox,
      uid_validity: message.uidValidity,
      uid: message.uid,
      error: null,
      size: message.raw.length,
      raw: message.raw,
      created_at: message.at,
      processed_at: null,
    })
    .onConflict((oc) => oc.columns(['mailbox', 'uid_validity', 'uid']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

/**
 * Claims a message for handling (received → processing). A claim older than `staleBefore` is
 * taken over: the process that made it stopped half-way.
 */
export async function claimInbound(db: Executor, id: string, at: string, staleBefore: string) {
  const result = await db
    .updateTable('mail_messages')
    .set({ status: 'processing', processed_at: at })
    .where('id', '=', id)
    .where('direction', '=', 'in')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'received'),
        eb.and([eb('status', '=', 'processing'), eb('processed_at', '<', staleBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ids of messages stored but not handled (oldest first), for the next poll to finish. */
export async function pendingInbound(db: Executor, staleBefore: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('direction', '=', 'in')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'received'),
        eb.and([eb('status', '=', 'processing'), eb('processed_at', '<', staleBefore)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('uid')
    .limit(500)
    .execute();
  return rows.map((r) => r.id);
}

export async function setOutcome(
  trx: Executor,
  id: string,
  outcome: {
    status: InboundStatus;
    incidentId?: string | null;
    error?: string | null;
    summary?: MailSummary;
    at: string;
  },
): Promise<void> {
  const { summary } = outcome;
  await trx
    .updateTable('mail_messages')
    .set({
      status: outcome.status,
      ...(outcome.incidentId !== undefined ? { incident_id: outcome.incidentId } : {}),
      error: outcome.error ?? null,
      processed_at: outcome.at,
      ...(summary
        ? {
            message_id: summary.messageId,
            in_reply_to: summary.inReplyTo,
            references: summary.references.length ? summary.references.join(' ') : null,
            subject: summary.subject,
            from_addr: summary.from?.address ?? null,
            to_addrs: JSON.stringify(summary.to),
            sent_date: summary.date,
          }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function getInbound(db: Executor, id: string): Promise<InboundMessage | null> {
  const row = await selectMessages(db).where('m.id', '=', id).executeTakeFirst();
  return row ? toMessage(row) : null;
}

export async function inboundRaw(db: Executor, id: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('mail_messages')
    .select('raw')
    .where('id', '=', id)
    .where('direction', '=', 'in')
    .executeTakeFirst();
  return row ? Buffer.from(row.raw) : null;
}

export async function listInbound(
  db: Executor,
  filter: { status?: InboundStatus | undefined; limit: number; offset: number },
): Promise<{ items: InboundMessage[]; total: number }> {
  let query = selectMessages(db);
  let count = db
    .selectFrom('mail_messages as m')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.direction', '=', 'in');
  if (filter.status) {
    query = query.where('m.status', '=', filter.status);
    count = count.where('m.status', '=', filter.status);
  }
  const rows = await query
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const total = await count.executeTakeFirstOrThrow();
  return { items: rows.map(toMessage), total: Number(total.n) };
}

export async function countInboundByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('mail_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('direction', '=', 'in')
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Incidents that messages with these ids belong to (sent or received), by message id. Ids are
 * stored with angle brackets; a bare form is matched too.
 */
export async function incidentsByMessageId(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const bare = ids.map((id) => id.replace(/^<|>$/g, ''));
  const rows = await db
    .selectFrom('mail_messages')
    .select(['message_id', 'incident_id', 'created_at'])
    .where('message_id', 'in', [...ids, ...bare])
    .where('incident_id', 'is not', null)
    .orderBy('created_at')
    .execute();
  const found = new Map<string, string>();
  for (const row of rows) {
    const id = `<${row.message_id!.replace(/^<|>$/g, '')}>`;
    if (!found.has(id)) found.set(id, row.incident_id!);
  }
  return found;
}

/** Whether the platform itself sent a message with this Message-ID (a copy came back). */
export async function sentByUs(db: Executor, messageId: string | null): Promise<string | null> {
  if (messageId === null) return null;
  const row = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('direction', '=', 'out')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The id of the same message already received from another position (a renumbered mailbox):
 * same Message-ID and same bytes.
 */
export async function duplicateOf(
  db: Executor,
  id: string,
  messageId: string | null,
  raw: Buffer,
): Promise<string | null> {
  let query = db
    .selectFrom('mail_messages')
    .select(['id', 'raw'])
    .where('id', '!=', id)
    .where('direction', '=', 'in')
    .where('size', '=', raw.length)
    .where('status', 'not in', ['received', 'processing']);
  query =
    messageId === null
      ? query.where('message_id', 'is', null)
      : query.where('message_id', '=', messageId);
  const rows = await query.limit(20).execute();
  const same = rows.find((r) => Buffer.from(r.raw).equals(raw));
  return same?.id ?? null;
}
