import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * Establishment projects and what they hold: members, assessments with their attachments,
 * per-project documents (services chosen, BCM plan, RFC 2350 profile) and roadmap tasks.
 * Answers and documents are JSON text validated by the module's zod schemas on every write.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('toolkit_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('iso3', 'text')
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('registry_team_id', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('toolkit_members')
    .addColumn('project_id', 'text', (c) => c.notNull().references('toolkit_projects.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('toolkit_members_pk', ['project_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('toolkit_members_user_idx')
    .on('toolkit_members')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('toolkit_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('toolkit_projects.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('content_version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('finalised_at', 'text')
    .addColumn('finalised_by', 'text')
    .execute();
  await db.schema
    .createIndex('toolkit_assessments_project_idx')
    .on('toolkit_assessments')
    .columns(['project_id', 'kind'])
    .execute();

  await db.schema
    .createTable('toolkit_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('toolkit_assessments.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('toolkit_attachments_assessment_idx')
    .on('toolkit_attachments')
    .column('assessment_id')
    .execute();

  await db.schema
    .createTable('toolkit_documents')
    .addColumn('project_id', 'text', (c) => c.notNull().references('toolkit_projects.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('toolkit_documents_pk', ['project_id', 'kind'])
    .execute();

  await db.schema
    .createTable('toolkit_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('toolkit_projects.id'))
    .addColumn('gap_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('due', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('gap_closed', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('toolkit_tasks_project_idx')
    .on('toolkit_tasks')
    .column('project_id')
    .execute();
  // One generated task per gap and project, even if two people press "generate" at once.
  await db.schema
    .createIndex('toolkit_tasks_gap_idx')
    .on('toolkit_tasks')
    .columns(['project_id', 'gap_id'])
    .unique()
    .where('gap_id', 'is not', null)
    .execute();
}
