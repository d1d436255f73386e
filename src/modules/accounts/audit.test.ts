import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { auditRowHash, ChainVerifier, genesisHash, type AuditRow } from './audit.js';

function chain(length: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= length; seq++) {
    const unhashed = {
      seq,
      at: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
      actor_id: 'u1',
      actor_label: 'admin@example.org',
      action: 'user.update',
      entity_type: 'user',
      entity_id: `e${seq}`,
      before_json: JSON.stringify({ role: 'viewer' }),
      after_json: JSON.stringify({ role: 'analyst' }),
      request_id: null,
      ip: '127.0.0.1',
      prev_hash: prev,
    };
    const row = { ...unhashed, hash: auditRowHash(unhashed) };
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

const verify = (rows: AuditRow[], head = rows.at(-1)) => {
  const verifier = new ChainVerifier();
  verifier.push(rows);
  return verifier.finish(head && { seq: head.seq, hash: head.hash });
};

describe('audit hash chain', () => {
  it('accepts an intact chain and counts its rows', () => {
    assert.deepEqual(verify(chain(5)), { ok: true, checked: 5, firstBadSeq: null, problem: null });
  });

  it('names the row whose content was edited', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after_json: JSON.stringify({ role: 'admin' }) };
    const verdict = verify(rows);
    assert.equal(verdict.ok, false);
    assert.equal(verdict.firstBadSeq, 3);
    assert.match(verdict.problem!, /row 3 was edited/);
  });

  it('names the missing row when one in the middle was deleted', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    const verdict = verify(rows);
    assert.equal(verdict.firstBadSeq, 2);
    assert.match(verdict.problem!, /row 2 is missing/);
  });

  it('detects a deleted end of the log against the recorded head', () => {
    const rows = chain(5);
    const head = rows[4];
    const verdict = verify(rows.slice(0, 3), head);
    assert.equal(verdict.firstBadSeq, 4);
    assert.match(verdict.problem!, /rows 4 to 5 are missing/);
  });

  it('detects a row rewritten with a fresh hash (the next row no longer links to it)', () => {
    const rows = chain(4);
    const forged = { ...rows[1]!, actor_label: 'someone-else' };
    rows[1] = { ...forged, hash: auditRowHash(forged) };
    const verdict = verify(rows);
    assert.equal(verdict.firstBadSeq, 3);
  });

  it('detects any change to any column of any row (property)', () => {
    const columns = [
      'at',
      'actor_id',
      'actor_label',
      'action',
      'entity_type',
      'entity_id',
      'before_json',
      'after_json',
      'request_id',
      'ip',
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom(...columns),
        fc.string({ minLength: 1 }),
        (index, column, value) => {
          const rows = chain(8);
          const original = rows[index]!;
          fc.pre(original[column] !== value);
          rows[index] = { ...original, [column]: value };
          const verdict = verify(rows);
          return !verdict.ok && verdict.firstBadSeq === index + 1;
        },
      ),
    );
  });
});
