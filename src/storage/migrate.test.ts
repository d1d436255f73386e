import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDb } from '../../test/support/db.js';
import { migrateToLatest } from './migrate.js';

describe('migrations', () => {
  it('bring an empty database to the latest schema once; a second run applies nothing', async () => {
    const testDb = await createTestDb();
    try {
      const again = await migrateToLatest(testDb.db);
      assert.deepEqual(again.applied, []);
      assert.deepEqual(again.current, [
        '0001_accounts',
        '0002_registry',
        '0003_toolkit',
        '0004_constituents',
        '0005_incidents',
        '0006_mail',
        '0007_incident_search',
        '0008_incident_sla_events',
        '0009_incident_sort_keys',
        '0010_law',
        '0011_exchange_objects',
        '0012_exchange_peers',
        '0013_exchange_subscriptions',
      ]);
      const tables = (await testDb.db.kysely.introspection.getTables()).map((t) => t.name);
      for (const table of [
        'users',
        'sessions',
        'api_tokens',
        'audit_log',
        'meta',
        'toolkit_projects',
        'constituent_ownership',
        'incidents',
        'incident_events',
        'mail_messages',
        'law_assessments',
        'law_assessment_history',
        'law_ratifications',
        'law_ratification_history',
        'stix_objects',
        'taxii_collections',
        'collection_objects',
      ])
        assert.ok(tables.includes(table), table);
    } finally {
      await testDb.cleanup();
    }
  });

  it('enforce unique e-mails in the database itself', async () => {
    const testDb = await createTestDb();
    try {
      const row = {
        id: 'a',
        email: 'same@example.org',
        display_name: 'A',
        role: 'viewer',
        password_hash: 'x',
        must_change_password: 0,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        locale: 'en',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        last_login_at: null,
      };
      await testDb.db.kysely.insertInto('users').values(row).execute();
      await assert.rejects(
        () =>
          testDb.db.kysely
            .insertInto('users')
            .values({ ...row, id: 'b' })
            .execute(),
        /unique|UNIQUE/,
      );
    } finally {
      await testDb.cleanup();
    }
  });
});
