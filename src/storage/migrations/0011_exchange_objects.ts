import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * STIX objects and TAXII collections (issue 8, exchange).
 *
 * `stix_objects` holds one row per object version, unique by (id, modified). `modified` is the
 * object's version as TAXII 2.1 sees it: its `modified`, else its `created` (marking
 * definitions), else the fixed `1970-01-01T00:00:00.000Z` (observables, which are not
 * versioned: a content-derived id names one unchanging object). `date_added` and `seq` are the
 * instance's: when the version was first stored, strictly increasing, and a counter that gives
 * a stable order. `object` is the canonical JSON (RFC 8785) and `sha256` its digest, so a
 * re-sent version is recognised as unchanged and a different one under the same key as a
 * conflict.
 *
 * `collection_objects` says which versions a collection holds and when they were added to it;
 * its (collection_id, date_added, seq) index makes a TAXII page a range scan, never an OFFSET.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('stix_objects')
    // The row's key: SQLite's rowid, so versions stored together sit together and a page's
    // objects are read in few pages of the table rather than one random B-tree walk each.
    .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('created', 'text')
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addUniqueConstraint('stix_objects_version_uq', ['id', 'modified'])
    .execute();
  // The unique (id, modified)'s leading id serves the lookup by id and the versions of an object.
  await db.schema
    .createIndex('stix_objects_type_idx')
    .on('stix_objects')
    .columns(['type', 'date_added', 'seq'])
    .execute();

  await db.schema
    .createTable('taxii_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('alias', 'text', (c) => c.unique())
    // JSON array of media types, e.g. ["application/stix+json;version=2.1"].
    .addColumn('media_types', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('collection_objects')
    .addColumn('collection_id', 'text', (c) =>
      c.notNull().references('taxii_collections.id').onDelete('cascade'),
    )
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    // The stored version (stix_objects.seq): the page query's join.
    .addColumn('object_seq', 'bigint', (c) => c.notNull().references('stix_objects.seq'))
    .addPrimaryKeyConstraint('collection_objects_pk', ['collection_id', 'object_id', 'modified'])
    .execute();
  await db.schema
    .createIndex('collection_objects_page_idx')
    .on('collection_objects')
    .columns(['collection_id', 'date_added', 'seq'])
    .execute();
  // The versions a collection still holds (deleting a version, and the foreign key's check).
  await db.schema
    .createIndex('collection_objects_object_idx')
    .on('collection_objects')
    .column('object_seq')
    .execute();
}
