import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * Every message the platform sent or received, raw bytes included: a message that cannot be
 * parsed is kept as it came and listed for an analyst, never dropped. The mailbox table keeps the
 * IMAP polling position so a restart neither loses nor repeats a message.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('references', 'text')
    .addColumn('subject', 'text')
    .addColumn('from_addr', 'text')
    .addColumn('to_addrs', 'text', (c) => c.notNull())
    .addColumn('sent_date', 'text')
    .addColumn('mailbox', 'text')
    .addColumn('uid_validity', 'text')
    .addColumn('uid', 'integer')
    .addColumn('error', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('raw', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addUniqueConstraint('mail_messages_uid_unique', ['mailbox', 'uid_validity', 'uid'])
    .execute();
  await db.schema
    .createIndex('mail_messages_message_id_idx')
    .on('mail_messages')
    .column('message_id')
    .execute();
  await db.schema
    .createIndex('mail_messages_incident_idx')
    .on('mail_messages')
    .columns(['incident_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('mail_messages_status_idx')
    .on('mail_messages')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('mail_mailboxes')
    .addColumn('mailbox', 'text', (c) => c.primaryKey())
    .addColumn('uid_validity', 'text')
    .addColumn('last_uid', 'integer', (c) => c.notNull())
    .addColumn('last_poll_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
