import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { openSqlite } from '../db.js';
import { migrateToLatest } from '../migrate.js';
import { migrations } from './index.js';

const incident = (id: string, fields: Record<string, string | null>) => ({
  id,
  reference: `CIRT-2026-00000${id}`,
  title: id,
  description: '',
  status: 'new',
  tlp: 'amber',
  pap: 'amber',
  source: 'ui',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ack_due_at: '2026-01-01T01:00:00.000Z',
  resolve_due_at: '2026-01-02T00:00:00.000Z',
  revision: 1,
  ...fields,
});

describe('migration 0008_incident_sla_events', () => {
  it('notes the deadlines missed and settled before it, and leaves open ones to the sweep', async () => {
    const db = openSqlite(':memory:');
    try {
      const migrator = new Migrator({
        db: db.kysely,
        provider: { getMigrations: () => Promise.resolve(migrations('sqlite')) },
      });
      assert.equal((await migrator.migrateTo('0007_incident_search')).error, undefined);
      await db.kysely
        .insertInto('incidents')
        .values([
          // Acknowledged and resolved late.
          incident('1', {
            acknowledged_at: '2026-01-01T02:00:00.000Z',
            resolved_at: '2026-01-03T00:00:00.000Z',
          }),
          // Acknowledged in time, closed late without a resolution.
          incident('2', {
            acknowledged_at: '2026-01-01T00:30:00.000Z',
            closed_at: '2026-01-05T00:00:00.000Z',
          }),
          // Open and late: the first sweep records it.
          incident('3', {}),
        ] as never)
        .execute();
      await migrateToLatest(db);
      const rows = await db.kysely
        .selectFrom('incidents')
        .select(['id', 'ack_breach_noted_at', 'resolve_breach_noted_at'])
        .orderBy('id')
        .execute();
      assert.deepEqual(rows, [
        {
          id: '1',
          ack_breach_noted_at: '2026-01-01T02:00:00.000Z',
          resolve_breach_noted_at: '2026-01-03T00:00:00.000Z',
        },
        { id: '2', ack_breach_noted_at: null, resolve_breach_noted_at: '2026-01-05T00:00:00.000Z' },
        { id: '3', ack_breach_noted_at: null, resolve_breach_noted_at: null },
      ]);
    } finally {
      await db.close();
    }
  });
});
