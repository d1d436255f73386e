import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkPattern } from '../pattern/index.js';
import { parseStixObject, tlp2MarkingIds, type StixObject } from '../stix/index.js';
import { incidentReport, type ShareableIncident, type ShareableObservable } from './index.js';

const identity = {
  type: 'identity',
  spec_version: '2.1',
  id: 'identity--5b0f0a53-3c6e-4f7e-9d8a-0e3f2b1c4d5e',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'CIRT of Testland',
  identity_class: 'organization',
  object_marking_refs: [tlp2MarkingIds.clear],
} as unknown as StixObject;

const incident: ShareableIncident = {
  id: 'inc-1',
  rsitClass: 'fraud',
  rsitType: 'phishing',
  sector: 'finance-banking',
  severity: 'high',
  occurredAt: '2026-11-19T22:10:00.000Z',
  createdAt: '2026-11-20T08:00:00.000Z',
  acknowledgedAt: '2026-11-20T08:30:00.000Z',
  resolvedAt: null,
  closedAt: null,
  status: 'in-progress',
};
const observables: ShareableObservable[] = [
  { id: 'o1', kind: 'url', value: 'http://login-bank.example/verify', ownedBy: [] },
  { id: 'o2', kind: 'ipv4', value: '198.51.100.7', ownedBy: [] },
  { id: 'o3', kind: 'ipv4', value: '192.0.2.10', ownedBy: ['First National Bank'] },
  { id: 'o4', kind: 'sha256', value: 'ab'.repeat(32), ownedBy: [] },
  { id: 'o5', kind: 'asn', value: 'AS64500', ownedBy: [] },
];
const at = '2026-11-24T10:00:00.000Z';
const build = (choice: Partial<Parameters<typeof incidentReport>[0]['choice']> = {}) =>
  incidentReport({
    incident,
    observables,
    statusChanges: [{ at: '2026-11-20T09:00:00.000Z', to: 'in-progress' }],
    choice: {
      tlp: 'green',
      title: 'Phishing of bank customers',
      summary: '',
      indicators: true,
      ...choice,
    },
    identity,
    at,
  });

describe('incidentReport: an incident as an anonymised STIX report', () => {
  it('produces only valid STIX 2.1 whose references resolve inside the bundle', () => {
    const { objects, reportId } = build({ summary: 'Kit hosted on a bulletproof host.' });
    for (const o of objects) {
      const parsed = parseStixObject(o, { checkPattern });
      assert.ok(parsed.ok, `${o.id}: ${parsed.ok ? '' : JSON.stringify(parsed.problems)}`);
    }
    const ids = new Set<string>(objects.map((o) => o.id));
    const report = objects.find((o) => o.id === reportId) as unknown as { object_refs: string[] };
    assert.ok(report.object_refs.every((ref) => ids.has(ref)));
    assert.deepEqual(
      objects.map((o) => o.type),
      [
        'identity',
        'report',
        'incident',
        'url',
        'indicator',
        'ipv4-addr',
        'indicator',
        'file',
        'indicator',
        'autonomous-system',
        'indicator',
      ],
    );
  });

  it("leaves out what a constituent owns (the victim's assets) unless chosen, and says why", () => {
    const { objects, leftOut } = build();
    const text = JSON.stringify(objects);
    assert.equal(text.includes('192.0.2.10'), false);
    assert.deepEqual(leftOut, [
      {
        observableId: 'o3',
        value: '192.0.2.10',
        reason: 'owned-by-constituent',
        detail: 'First National Bank',
      },
    ]);
    const chosen = build({ observableIds: ['o3'] });
    assert.ok(JSON.stringify(chosen.objects).includes('192.0.2.10'));
    assert.deepEqual(
      chosen.leftOut.map((l) => `${l.observableId} ${l.reason}`),
      ['o1 not-chosen', 'o2 not-chosen', 'o4 not-chosen', 'o5 not-chosen'],
    );
  });

  it('marks every object but the team identity with the chosen TLP, and carries no names', () => {
    const { objects } = build({ tlp: 'amber' });
    for (const o of objects.slice(1))
      assert.deepEqual((o as { object_marking_refs?: string[] }).object_marking_refs, [
        tlp2MarkingIds.amber,
      ]);
    const text = JSON.stringify(objects);
    assert.equal(text.includes('First National Bank'), false);
    const stixIncident = objects.find((o) => o.type === 'incident') as unknown as {
      description: string;
      labels: string[];
    };
    assert.deepEqual(stixIncident.labels, ['rsit:fraud="phishing"']);
    assert.match(
      stixIncident.description,
      /2026-11-19: occurred\n- 2026-11-20: reported to the CIRT/,
    );
    assert.match(stixIncident.description, /Sector: finance-banking/);
  });

  it('gives indicators only when asked', () => {
    assert.equal(
      build({ indicators: false }).objects.filter((o) => o.type === 'indicator').length,
      0,
    );
  });

  it('is deterministic: the same choices at the same time give the same objects, ids included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('clear', 'green', 'amber', 'amber+strict', 'red' as const),
        fc.boolean(),
        fc.subarray(observables.map((o) => o.id)),
        (tlp, indicators, observableIds) => {
          const choice = { tlp, indicators, observableIds };
          assert.deepEqual(build(choice), build(choice));
          // Another TLP is another share: no id in common but the observables' and creator's.
          const other = build({ ...choice, tlp: tlp === 'red' ? 'green' : 'red' });
          assert.notEqual(other.reportId, build(choice).reportId);
        },
      ),
    );
  });
});
