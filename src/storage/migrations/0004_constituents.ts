import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Constituents: the organisations a CIRT serves and must notify, their contacts and what they
 * own on the network (IPv4/IPv6 prefixes, AS numbers, domains). Ownership values are stored in
 * their canonical text form; the lookup index is built in memory from this table.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('constituent_orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('critical', 'integer', (c) => c.notNull())
    .addColumn('iso3', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('notify_channel', 'text', (c) => c.notNull())
    .addColumn('notify_format', 'text', (c) => c.notNull())
    .addColumn('notify_pgp', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('website', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('constituent_orgs_name_idx')
    .on('constituent_orgs')
    .column('name')
    .execute();

  await db.schema
    .createTable('constituent_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('constituent_orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('pgp_key', 'text')
    .addColumn('pgp_fingerprint', 'text')
    .addColumn('pgp_expires_at', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('constituent_contacts_org_idx')
    .on('constituent_contacts')
    .column('org_id')
    .execute();

  await db.schema
    .createTable('constituent_ownership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('constituent_orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('constituent_ownership_unique', ['org_id', 'kind', 'value'])
    .execute();
  await db.schema
    .createIndex('constituent_ownership_value_idx')
    .on('constituent_ownership')
    .columns(['kind', 'value'])
    .execute();
}
