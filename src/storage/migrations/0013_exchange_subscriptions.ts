import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Subscriptions to peers' TAXII collections (issue 8, exchange): which remote collection is
 * polled into which local one, how often, where the last poll stopped (`added_after`, the
 * peer's own date_added) and how the last poll went, so the peer's page can show its errors.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('exchange_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('peer_id', 'text', (c) =>
      c.notNull().references('exchange_peers.id').onDelete('cascade'),
    )
    .addColumn('remote_collection', 'text', (c) => c.notNull())
    .addColumn('local_collection', 'text', (c) =>
      c.notNull().references('taxii_collections.id').onDelete('cascade'),
    )
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('added_after', 'text')
    .addColumn('last_poll_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exchange_subscriptions_uq', ['peer_id', 'remote_collection'])
    .execute();
}
