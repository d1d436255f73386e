import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OwnershipIndex, type OwnershipEntry } from './ownership-index.js';

let next = 0;
const entry = (orgId: string, kind: OwnershipEntry['kind'], value: string): OwnershipEntry => ({
  id: `e${++next}`,
  orgId,
  kind,
  value,
});
const owners = (index: OwnershipIndex, kind: OwnershipEntry['kind'], value: string) =>
  index.lookup({ kind, value }).map((m) => m.orgId);

describe('ownership index: AS blocks', () => {
  const index = OwnershipIndex.build([
    entry('rir-country', 'asn', 'AS64496-AS64511'),
    entry('telco', 'asn', 'AS64500-AS64503'),
    entry('bank', 'asn', 'as64501'),
    entry('wide', 'asn', '64000 - 65000'),
  ]);

  it('gives an exact entry first, then the smallest block holding the AS number', () => {
    assert.deepEqual(
      index.covering({ kind: 'asn', value: 'AS64501' }).map((m) => `${m.orgId} ${m.rule}`),
      ['bank exact-asn', 'telco asn-range', 'rir-country asn-range', 'wide asn-range'],
    );
    const [match] = index.lookup({ kind: 'asn', value: '64502' });
    assert.deepEqual(match, {
      entryId: match!.entryId,
      orgId: 'telco',
      kind: 'asn',
      value: 'AS64500-AS64503',
      rule: 'asn-range',
    });
    assert.deepEqual(owners(index, 'asn', 'AS64510'), ['rir-country']);
    assert.deepEqual(owners(index, 'asn', 'AS64999'), ['wide']);
    assert.deepEqual(owners(index, 'asn', 'AS65001'), []);
  });

  it('looks up a block: the blocks holding all of it', () => {
    assert.deepEqual(owners(index, 'asn', 'AS64496-AS64500'), ['rir-country']);
    assert.deepEqual(owners(index, 'asn', 'AS64400-AS64500'), ['wide']);
  });

  it('drops a block when its last entry goes', () => {
    const changing = new OwnershipIndex();
    changing.add({ id: 'b', orgId: 'x', kind: 'asn', value: 'AS10-AS20' });
    changing.add({ id: 'e', orgId: 'y', kind: 'asn', value: 'AS15' });
    assert.deepEqual(owners(changing, 'asn', 'AS15'), ['y']);
    changing.remove('e');
    assert.equal(changing.lookup({ kind: 'asn', value: 'AS15' })[0]!.rule, 'asn-range');
    changing.remove('b');
    assert.deepEqual(owners(changing, 'asn', 'AS15'), []);
    assert.throws(
      () => changing.add({ id: 'z', orgId: 'x', kind: 'asn', value: 'AS9-AS1' }),
      /ends before it starts/,
    );
  });

  it('agrees with a naive scan after any adds and removals', () => {
    const block = fc
      .tuple(fc.nat(30), fc.nat(8))
      .map(([first, span]) => (span === 0 ? `AS${first}` : `AS${first}-AS${first + span}`));
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), id: fc.nat(15), org: fc.nat(3), value: block }),
      fc.record({ op: fc.constant('remove' as const), id: fc.nat(15) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.nat(40), (steps, asked) => {
        const index = new OwnershipIndex();
        const model = new Map<string, OwnershipEntry>();
        for (const s of steps) {
          if (s.op === 'remove') assert.equal(index.remove(`a${s.id}`), model.delete(`a${s.id}`));
          else {
            const e = { id: `a${s.id}`, orgId: `o${s.org}`, kind: 'asn' as const, value: s.value };
            index.add(e);
            model.set(e.id, e);
          }
        }
        const size = (v: string) => {
          const [first, last = first] = v.split('-').map((x) => Number(x.slice(2)));
          return asked >= first! && asked <= last! ? last! - first! : Infinity;
        };
        const held = [...model.values()].filter((e) => size(e.value) < Infinity);
        const best = Math.min(...held.map((e) => size(e.value)));
        const got = index.lookup({ kind: 'asn', value: `AS${asked}` });
        assert.ok(got.every((m) => size(m.value) === best));
        assert.equal(got.length > 0, held.length > 0);
        assert.deepEqual(
          index
            .covering({ kind: 'asn', value: `AS${asked}` })
            .map((m) => m.entryId)
            .sort(),
          held.map((e) => e.id).sort(),
        );
      }),
    );
  });
});
