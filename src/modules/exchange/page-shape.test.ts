import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Database } from '../../storage/schema.js';
import { PageShapes, placeholders } from './page-shape.js';
import { tlpLevels } from './stix/marking-ids.js';
import { normaliseQuery, pageQuery } from './store.js';

// Compile-only databases: the property is about the SQL and its parameters, not about rows.
const compilers = {
  sqlite: new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

const stamp = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const request = fc.record({
  collectionId: fc.uuid(),
  addedAfter: fc.option(stamp, { nil: undefined }),
  ids: fc.uniqueArray(
    fc.uuid().map((u) => `indicator--${u}`),
    { maxLength: 3 },
  ),
  types: fc.uniqueArray(fc.constantFrom('indicator', 'malware', 'report', 'ipv4-addr'), {
    maxLength: 2,
  }),
  version: fc.constantFrom(
    [],
    ['all'],
    ['first'],
    ['last'],
    ['first', 'last'],
    ['2026-01-02T00:00:00.000Z'],
  ),
  after: fc.option(fc.record({ dateAdded: stamp, seq: fc.nat() }), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 1000 }),
  tlps: fc.option(fc.subarray([...tlpLevels]), { nil: undefined }),
});

describe('TAXII page queries compiled once per shape', () => {
  for (const [dialect, db] of Object.entries(compilers))
    it(`bind each request's own values into the shape's SQL (${dialect})`, () => {
      const cache = new PageShapes();
      fc.assert(
        fc.property(request, request, (first, second) => {
          for (const r of [first, second]) {
            const filters = normaliseQuery({
              addedAfter: r.addedAfter,
              match: { id: r.ids, type: r.types, version: r.version },
            });
            const expected = pageQuery(
              db,
              r.collectionId,
              filters,
              r.after,
              r.limit,
              r.tlps,
            ).compile();
            const bound = cache.bind(
              'manifest',
              placeholders(r.collectionId, filters, r.after, r.limit, r.tlps),
              (p) => pageQuery(db, p.collectionId, p.filters, p.after, p.limit, p.tlps),
            );
            assert.equal(bound.query.sql, expected.sql);
            assert.deepEqual(bound.query.parameters, expected.parameters);
          }
        }),
        { numRuns: 300 },
      );
    });

  it('keeps a bounded number of shapes', () => {
    const cache = new PageShapes(2);
    const db = compilers.sqlite;
    const filters = (ids: string[]) => normaliseQuery({ match: { id: ids } });
    for (const ids of [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a']]) {
      const bound = cache.bind(
        'manifest',
        placeholders('c', filters(ids), undefined, 10, undefined),
        (p) => pageQuery(db, p.collectionId, p.filters, p.after, p.limit, p.tlps),
      );
      assert.deepEqual(bound.query.parameters, ['c', ...ids, 11]);
    }
    assert.equal((cache as unknown as { shapes: Map<string, unknown> }).shapes.size, 2);
  });
});
