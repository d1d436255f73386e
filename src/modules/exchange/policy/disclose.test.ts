import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { tlpLevels, type Tlp } from '../stix/index.js';
import { mayDisclose, type Recipient } from './index.js';

const options = { defaultTlp: 'amber' as Tlp };

const recipientArb: fc.Arbitrary<Recipient> = fc.record(
  {
    kind: fc.constantFrom('user', 'peer', 'sharing-group', 'public'),
    organisationId: fc.constantFrom('org-a', 'org-b'),
    sameOrganisation: fc.boolean(),
    client: fc.boolean(),
    community: fc.boolean(),
    onAccessList: fc.boolean(),
    recipient: fc.boolean(),
  },
  { requiredKeys: ['kind'] },
);
const tlpArb = fc.constantFrom(...tlpLevels);
const allowed = (tlp: Tlp | undefined, r: Recipient, defaultTlp: Tlp = 'amber') =>
  mayDisclose(tlp, r, { defaultTlp }).allowed;

describe('mayDisclose: the TLP 2.0 table', () => {
  const staff: Recipient = { kind: 'user', sameOrganisation: true };
  const named: Recipient = { kind: 'user', onAccessList: true };
  const constituent: Recipient = { kind: 'user', client: true };
  const ownReplica: Recipient = { kind: 'peer', sameOrganisation: true };
  const peer: Recipient = { kind: 'peer', organisationId: 'cert-b', community: true };
  const group: Recipient = { kind: 'sharing-group', community: true };
  const chosen: Recipient = { kind: 'peer', community: true, recipient: true };
  const chosenOutsider: Recipient = { kind: 'peer', recipient: true };
  const stranger: Recipient = { kind: 'peer' };
  const everyone: Recipient = { kind: 'public', community: true, sameOrganisation: true };
  const table: [Recipient, string, Record<Tlp, boolean>][] = [
    [
      named,
      'named user',
      { clear: true, green: true, amber: true, 'amber+strict': true, red: true },
    ],
    [staff, 'staff', { clear: true, green: true, amber: true, 'amber+strict': true, red: false }],
    [
      constituent,
      'client',
      { clear: true, green: true, amber: true, 'amber+strict': false, red: false },
    ],
    [
      ownReplica,
      'own instance',
      { clear: true, green: true, amber: true, 'amber+strict': true, red: false },
    ],
    [
      peer,
      'community peer',
      { clear: true, green: true, amber: false, 'amber+strict': false, red: false },
    ],
    [
      group,
      'sharing group',
      { clear: true, green: true, amber: false, 'amber+strict': false, red: false },
    ],
    [
      chosen,
      'peer the sharing policy names',
      { clear: true, green: true, amber: true, 'amber+strict': false, red: false },
    ],
    [
      chosenOutsider,
      'recipient outside the community',
      { clear: true, green: true, amber: true, 'amber+strict': false, red: false },
    ],
    [
      stranger,
      'unknown peer',
      { clear: true, green: false, amber: false, 'amber+strict': false, red: false },
    ],
    [
      everyone,
      'public',
      { clear: true, green: false, amber: false, 'amber+strict': false, red: false },
    ],
  ];
  for (const [recipient, name, expected] of table)
    it(name, () => {
      for (const tlp of tlpLevels)
        assert.equal(allowed(tlp, recipient), expected[tlp], `${name} ${tlp}`);
    });
  it('says why, naming the level', () => {
    const decision = mayDisclose('amber+strict', peer, options);
    assert.deepEqual(
      { ...decision },
      {
        allowed: false,
        tlp: 'amber+strict',
        defaulted: false,
        reason: 'TLP:AMBER+STRICT: only within the recipient organisation',
      },
    );
    assert.equal(
      mayDisclose(undefined, peer, options).reason,
      'unmarked, so TLP:AMBER: only the recipient organisation and its clients',
    );
  });
  it('an unknown level fails closed, as RED', () => {
    assert.equal(allowed('white' as Tlp, peer), false);
    assert.equal(mayDisclose('white' as Tlp, staff, options).tlp, 'red');
  });
});

describe('mayDisclose: properties', () => {
  it('TLP:RED never goes to anyone but a named local user', () =>
    fc.assert(
      fc.property(recipientArb, (r) => {
        const named = r.kind === 'user' && r.onAccessList === true;
        assert.equal(allowed('red', r), named);
      }),
    ));
  it('TLP:RED never leaves the instance, whatever the flags', () =>
    fc.assert(
      fc.property(recipientArb, (r) => {
        if (r.kind !== 'user') assert.equal(allowed('red', r), false);
      }),
    ));
  it('TLP:AMBER+STRICT never goes to a peer or group outside the organisation', () =>
    fc.assert(
      fc.property(recipientArb, (r) => {
        if (r.kind !== 'user' && r.sameOrganisation !== true)
          assert.equal(allowed('amber+strict', r), false);
      }),
    ));
  it('nothing but TLP:CLEAR goes public', () =>
    fc.assert(
      fc.property(recipientArb, tlpArb, (r, tlp) => {
        assert.equal(allowed(tlp, { ...r, kind: 'public' }), tlp === 'clear');
      }),
    ));
  it('is monotonic: a stricter level never allows more', () =>
    fc.assert(
      fc.property(recipientArb, tlpArb, tlpArb, (r, a, b) => {
        const [looser, stricter] = tlpLevels.indexOf(a) <= tlpLevels.indexOf(b) ? [a, b] : [b, a];
        if (allowed(stricter, r))
          assert.ok(allowed(looser, r), `${stricter} allowed, ${looser} not`);
      }),
    ));
  it('granting a flag never takes anything away', () =>
    fc.assert(
      fc.property(
        recipientArb,
        tlpArb,
        fc.constantFrom('sameOrganisation', 'client', 'community', 'onAccessList', 'recipient'),
        (r, tlp, flag) => {
          if (allowed(tlp, r)) assert.ok(allowed(tlp, { ...r, [flag]: true }));
        },
      ),
    ));
  it('unmarked information is decided as the default level', () =>
    fc.assert(
      fc.property(recipientArb, tlpArb, fc.constantFrom(undefined, null), (r, fallback, none) => {
        const unmarked = mayDisclose(none, r, { defaultTlp: fallback });
        assert.equal(unmarked.allowed, allowed(fallback, r));
        assert.equal(unmarked.tlp, fallback);
        assert.ok(unmarked.defaulted);
      }),
    ));
});
