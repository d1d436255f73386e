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
        '0014_collection_latest',
        '0015_stix_tlp_alone',
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

  it('look only at their own schema, so other instances coming and going in the same database cannot break them', async () => {
    const ours = await createTestDb();
    const others: Awaited<ReturnType<typeof createTestDb>>[] = [];
    try {
      if (ours.db.dialect === 'postgres') {
        others.push(await createTestDb());
        const tables = await ours.db.kysely.introspection.getTables({
          withInternalKyselyTables: true,
        });
        // Each table once, all in our schema: the other instance's identical tables are unseen.
        const names = tables.map((t) => t.name);
        assert.equal(new Set(names).size, names.length);
        assert.equal(new Set(tables.map((t) => t.schema)).size, 1);
        assert.ok(names.includes('kysely_migration'));
      }
      // Instances created and dropped while ours migrates again and again.
      let churning = true;
      const churn = (async () => {
        while (churning) await (await createTestDb()).cleanup();
      })();
      try {
        for (let i = 0; i < 15; i++) assert.deepEqual((await migrateToLatest(ours.db)).applied, []);
      } finally {
        churning = false;
        await churn;
      }
    } finally {
      for (const other of others) await other.cleanup();
      await ours.cleanup();
    }
  });
});
