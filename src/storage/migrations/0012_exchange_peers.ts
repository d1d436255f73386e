import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Peers, sharing groups, who may read or write which collection, and TAXII status resources
 * (issue 8, exchange).
 *
 * A peer is another CIRT (or a coordinator's instance) this instance exchanges with. Its
 * `token_hash` is the SHA-256 of the secret it presents to this instance's TAXII server (Basic
 * password or bearer token); `remote_*` is how this instance reaches the peer's server. The
 * remote secret must be kept to be used, so it is stored as given; the API never returns it.
 *
 * `exchange_grants` is the sharing policy: a peer or a sharing group may read and/or write a
 * collection, and only the TLP levels listed (a JSON array) leave towards it, on top of what TLP
 * itself allows. `taxii_status` keeps the status resource of each envelope POST.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('exchange_peers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('registry_team_id', 'text')
    // JSON array of { name, email, phone? }.
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('pgp_key', 'text')
    // 'organisation' | 'client' | 'community' | 'external': the TLP audience the peer belongs to.
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('trust', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('token_prefix', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('remote_username', 'text')
    .addColumn('remote_secret', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_group_members')
    .addColumn('group_id', 'text', (c) =>
      c.notNull().references('exchange_groups.id').onDelete('cascade'),
    )
    .addColumn('peer_id', 'text', (c) =>
      c.notNull().references('exchange_peers.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('exchange_group_members_pk', ['group_id', 'peer_id'])
    .execute();

  await db.schema
    .createTable('exchange_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('collection_id', 'text', (c) =>
      c.notNull().references('taxii_collections.id').onDelete('cascade'),
    )
    .addColumn('peer_id', 'text', (c) => c.references('exchange_peers.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('exchange_groups.id').onDelete('cascade'))
    .addColumn('can_read', 'integer', (c) => c.notNull())
    .addColumn('can_write', 'integer', (c) => c.notNull())
    // JSON array of TLP levels that may go to the grantee from this collection.
    .addColumn('tlp_levels', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'exchange_grants_one_grantee',
      // Exactly one of peer_id and group_id.
      sql`(peer_id is null) <> (group_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('exchange_grants_peer_idx')
    .on('exchange_grants')
    .columns(['peer_id', 'collection_id'])
    .execute();
  await db.schema
    .createIndex('exchange_grants_group_idx')
    .on('exchange_grants')
    .columns(['group_id', 'collection_id'])
    .execute();

  await db.schema
    .createTable('taxii_status')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('collection_id', 'text', (c) => c.notNull())
    // The peer that posted (null: a local user's API token).
    .addColumn('peer_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('request_timestamp', 'text', (c) => c.notNull())
    // The whole status resource as JSON (status, counts, successes, failures, pendings).
    .addColumn('resource', 'text', (c) => c.notNull())
    .execute();

  // Where each received version came from: the peer, its collection, when (one row per receipt;
  // the same version received from two peers has two rows).
  await db.schema
    .createTable('stix_provenance')
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    // 'taxii-push' (a peer posted it here), 'taxii-poll' (fetched from a peer), 'import' (a
    // user's file or API import), 'local' (made here).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('peer_id', 'text')
    .addColumn('user_id', 'text')
    // The peer's collection (poll) or this instance's (push, import).
    .addColumn('collection', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stix_provenance_object_idx')
    .on('stix_provenance')
    .columns(['object_id', 'modified'])
    .execute();
}
