import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { openSqlite } from '../db.js';
import { migrateToLatest } from '../migrate.js';
import { migrations } from './index.js';

const tlp2Green = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const tlp1Amber = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82';
const papGreen = 'marking-definition--ad15a0a6-f3c9-4c3e-b9a8-1b3c2d8b0a5e';

// Which stored versions may leave as stored, by their markings.
const cases: [string, Record<string, unknown>, number][] = [
  ['TLP 2.0 object marking', { object_marking_refs: [tlp2Green] }, 1],
  ['TLP 1.0 object marking', { object_marking_refs: [tlp1Amber] }, 1],
  ['TLP beside another marking', { object_marking_refs: ['marking-definition--x', tlp2Green] }, 1],
  ['no marking', {}, 0],
  ['a marking that is not TLP', { object_marking_refs: [papGreen] }, 0],
  [
    'TLP with granular markings',
    {
      object_marking_refs: [tlp2Green],
      granular_markings: [{ marking_ref: tlp1Amber, selectors: ['description'] }],
    },
    0,
  ],
  ['the TLP id in a text only', { description: `see ${tlp2Green}` }, 0],
];

describe('migration 0015_stix_tlp_alone', () => {
  it('flags the stored versions whose own TLP alone decides, in batches over any number', async () => {
    const db = openSqlite(':memory:');
    try {
      const migrator = new Migrator({
        db: db.kysely,
        provider: { getMigrations: () => Promise.resolve(migrations('sqlite')) },
      });
      assert.equal((await migrator.migrateTo('0014_collection_latest')).error, undefined);
      // More rows than one batch: the flags of the last batch count as much as the first's.
      const rows = Array.from({ length: 2500 }, (_, n) => {
        const [, markings] = cases[n % cases.length]!;
        return {
          seq: n + 1,
          id: `indicator--${n}`,
          modified: '2026-01-01T00:00:00.000Z',
          type: 'indicator',
          spec_version: '2.1',
          created: null,
          date_added: new Date(Date.UTC(2026, 1, 1) + n).toISOString(),
          tlp: 'amber',
          object: JSON.stringify({ type: 'indicator', id: `indicator--${n}`, ...markings }),
          sha256: String(n),
        };
      });
      for (let i = 0; i < rows.length; i += 200)
        await db.kysely
          .insertInto('stix_objects')
          .values(rows.slice(i, i + 200) as never)
          .execute();
      await migrateToLatest(db);
      const flags = await db.kysely
        .selectFrom('stix_objects')
        .select(['seq', 'tlp_alone'])
        .orderBy('seq')
        .execute();
      assert.equal(flags.length, rows.length);
      for (const { seq, tlp_alone } of flags) {
        const [name, , expected] = cases[(seq - 1) % cases.length]!;
        assert.equal(tlp_alone, expected, `${name} (row ${seq})`);
      }
    } finally {
      await db.close();
    }
  });
});
