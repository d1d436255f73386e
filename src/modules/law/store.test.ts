import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import {
  assessmentHistory,
  currentAssessments,
  currentRatifications,
  ratificationHistory,
  writeAssessments,
  writeRatification,
  type AssessmentRecord,
} from './store.js';

const record = (provision: string, status: AssessmentRecord['status'], at: string) => ({
  iso3: 'KEN',
  provision,
  status,
  lawTitle: status === 'enacted' ? 'Act' : null,
  article: null,
  adoptedOn: null,
  link: null,
  notes: null,
  assessedBy: 'Analyst',
  assessedById: null,
  assessedAt: at,
});

describe('law store', () => {
  let testDb: TestDb;
  before(async () => {
    testDb = await createTestDb();
  });
  after(() => testDb.cleanup());

  it('keeps one current row per pair and numbers its history, even at the same instant', async () => {
    const { kysely } = testDb.db;
    const at = '2026-01-01T00:00:00.000Z';
    await kysely.transaction().execute(async (trx) => {
      await writeAssessments(
        trx,
        [record('SUB-01', 'absent', at), record('SUB-02', 'draft', at)],
        at,
      );
      await writeAssessments(trx, [record('SUB-01', 'enacted', at)], at);
    });
    assert.deepEqual(
      (await currentAssessments(testDb.db, ['KEN', 'FJI'])).map((a) => [a.provision, a.status]),
      [
        ['SUB-01', 'enacted'],
        ['SUB-02', 'draft'],
      ],
    );
    assert.deepEqual(
      (await assessmentHistory(kysely, 'KEN', 'SUB-01')).map((c) => [c.version, c.status]),
      [
        [2, 'enacted'],
        [1, 'absent'],
      ],
    );
    assert.deepEqual(await currentAssessments(testDb.db, []), []);
    assert.deepEqual(await currentAssessments(testDb.db, ['FJI']), []);
  });

  it('writes a large import in several statements', async () => {
    const at = '2026-01-02T00:00:00.000Z';
    const many = Array.from({ length: 700 }, (_, i) => ({
      ...record(`X${String(i).padStart(3, '0')}`, 'absent' as const, at),
      iso3: 'FJI',
    }));
    await testDb.db.kysely.transaction().execute((trx) => writeAssessments(trx, many, at));
    assert.equal((await currentAssessments(testDb.db, ['FJI'])).length, 700);
  });

  it('keeps ratification history per instrument', async () => {
    const base = {
      iso3: 'KEN',
      instrument: 'un_2024',
      date: '2025-10-25',
      source: 'UNTC',
      sourceUrl: null,
      notes: null,
      recordedBy: 'Analyst',
      recordedById: null,
      recordedAt: '2026-01-03T00:00:00.000Z',
    };
    await testDb.db.kysely.transaction().execute(async (trx) => {
      await writeRatification(trx, { ...base, status: 'signed' });
      await writeRatification(trx, { ...base, status: 'ratified' });
    });
    assert.deepEqual(
      (await currentRatifications(testDb.db, ['KEN'])).map((r) => r.status),
      ['ratified'],
    );
    assert.deepEqual(
      (await ratificationHistory(testDb.db, 'KEN', 'un_2024')).map((c) => [c.version, c.status]),
      [
        [2, 'ratified'],
        [1, 'signed'],
      ],
    );
  });

  it('refuses to change or delete history in the database itself', async () => {
    const { kysely } = testDb.db;
    for (const table of ['law_assessment_history', 'law_ratification_history']) {
      await assert.rejects(
        () => sql`update ${sql.table(table)} set status = 'absent'`.execute(kysely),
        new RegExp(`${table} is append-only`),
      );
      await assert.rejects(
        () => sql`delete from ${sql.table(table)}`.execute(kysely),
        new RegExp(`${table} is append-only`),
      );
    }
    assert.equal((await assessmentHistory(kysely, 'KEN', 'SUB-01')).length, 2);
  });
});
