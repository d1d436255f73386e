import { newId } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';

/** A message the platform sent (or tried to send), as `mail_messages` keeps it. */
export interface OutgoingRecord {
  id: string;
  incidentId: string | null;
  status: 'sent' | 'failed';
  messageId: string | null;
  inReplyTo: string | null;
  subject: string;
  from: string;
  to: string[];
  error: string | null;
  size: number;
  createdAt: string;
}

/**
 * Stores an outgoing message with its raw bytes (direction `out`). A message that could not be
 * sent is kept too, with the error and whatever was composed, so the timeline can say so.
 */
export async function recordOutgoing(
  trx: Executor,
  message: {
    incidentId: string | null;
    status: 'sent' | 'failed';
    messageId: string | null;
    inReplyTo?: string | null;
    references?: string[];
    subject: string;
    from: string;
    to: string[];
    raw: Buffer;
    error?: string | null;
    at: string;
  },
): Promise<OutgoingRecord> {
  const id = newId();
  await trx
    .insertInto('mail_messages')
    .values({
      id,
      direction: 'out',
      status: message.status,
      incident_id: message.incidentId,
      message_id: message.messageId,
      in_reply_to: message.inReplyTo ?? null,
      references: message.references?.length ? message.references.join(' ') : null,
      subject: message.subject,
      from_addr: message.from,
      to_addrs: JSON.stringify(message.to),
      sent_date: message.status === 'sent' ? message.at : null,
      mailbox: null,
      uid_validity: null,
      uid: null,
      error: message.error ?? null,
      size: message.raw.length,
      raw: message.raw,
      created_at: message.at,
      processed_at: message.at,
    })
    .execute();
  return {
    id,
    incidentId: message.incidentId,
    status: message.status,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo ?? null,
    subject: message.subject,
    from: message.from,
    to: message.to,
    error: message.error ?? null,
    size: message.raw.length,
    createdAt: message.at,
  };
}

/** The raw bytes of one stored message of an incident, or undefined. */
export async function findOutgoingRaw(
  db: Executor,
  incidentId: string,
  id: string,
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('mail_messages')
    .select('raw')
    .where('id', '=', id)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return row ? Buffer.from(row.raw) : undefined;
}
