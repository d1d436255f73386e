import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * Incidents and everything a case holds: access list (TLP:RED and AMBER+STRICT), timeline
 * events, tasks, observables, affected constituents, attachments, links, saved filters and the
 * module's settings. The list indexes serve the filters of the incident list.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rsit_class', 'text')
    .addColumn('rsit_type', 'text')
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('pap', 'text', (c) => c.notNull())
    .addColumn('severity', 'text')
    .addColumn('impact', 'text')
    .addColumn('sector', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('queue', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_org', 'text')
    .addColumn('occurred_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('ack_due_at', 'text')
    .addColumn('resolve_due_at', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    // Each ends with (created_at, id): the list's order and its keyset cursor.
    ['incidents_created_idx', ['created_at', 'id']],
    ['incidents_updated_idx', ['updated_at', 'id']],
    ['incidents_status_idx', ['status', 'created_at', 'id']],
    ['incidents_assignee_idx', ['assignee_id', 'created_at', 'id']],
    ['incidents_rsit_idx', ['rsit_class', 'rsit_type', 'created_at', 'id']],
    // The class alone: the index above would give its types' rows apart, to be sorted whole.
    ['incidents_rsit_class_idx', ['rsit_class', 'created_at', 'id']],
    ['incidents_severity_idx', ['severity', 'created_at', 'id']],
    ['incidents_sector_idx', ['sector', 'created_at', 'id']],
    ['incidents_tlp_idx', ['tlp', 'created_at', 'id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('incidents')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('incident_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incident_access')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_access_pk', ['incident_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('incident_access_user_idx')
    .on('incident_access')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('incident_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_events_incident_idx')
    .on('incident_events')
    .columns(['incident_id', 'at'])
    .execute();

  await db.schema
    .createTable('incident_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('template_key', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .execute();
  await db.schema
    .createIndex('incident_tasks_incident_idx')
    .on('incident_tasks')
    .column('incident_id')
    .execute();

  await db.schema
    .createTable('incident_observables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('incident_observables_unique', ['incident_id', 'kind', 'value'])
    .execute();
  await db.schema
    .createIndex('incident_observables_value_idx')
    .on('incident_observables')
    .columns(['kind', 'value'])
    .execute();

  await db.schema
    .createTable('incident_constituents')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('constituent_orgs.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('matched', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addPrimaryKeyConstraint('incident_constituents_pk', ['incident_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('incident_constituents_org_idx')
    .on('incident_constituents')
    .column('org_id')
    .execute();

  await db.schema
    .createTable('incident_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('incident_attachments_incident_idx')
    .on('incident_attachments')
    .column('incident_id')
    .execute();

  await db.schema
    .createTable('incident_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('to_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_links_unique', ['from_id', 'to_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('incident_links_to_idx')
    .on('incident_links')
    .column('to_id')
    .execute();

  await db.schema
    .createTable('incident_saved_filters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incident_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
