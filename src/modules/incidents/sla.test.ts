import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultSla, slaDeadlines, slaState, type SlaFields } from './sla.js';

const t0 = '2026-03-01T08:00:00.000Z';
const plus = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000);

describe('SLA', () => {
  it('computes deadlines from the moment the severity is set', () => {
    assert.deepEqual(slaDeadlines('high', t0, defaultSla), {
      ackDueAt: '2026-03-01T09:00:00.000Z',
      resolveDueAt: '2026-03-02T08:00:00.000Z',
    });
    assert.deepEqual(slaDeadlines(null, t0, defaultSla), { ackDueAt: null, resolveDueAt: null });
    assert.deepEqual(slaDeadlines('custom-level', t0, defaultSla), {
      ackDueAt: null,
      resolveDueAt: null,
    });
  });

  it('gives shorter deadlines to more severe NCISS levels', () => {
    const order = ['baseline', 'low', 'medium', 'high', 'severe', 'emergency'];
    for (let i = 1; i < order.length; i += 1) {
      assert.ok(defaultSla[order[i]!]!.ackMinutes < defaultSla[order[i - 1]!]!.ackMinutes);
      assert.ok(defaultSla[order[i]!]!.resolveMinutes < defaultSla[order[i - 1]!]!.resolveMinutes);
    }
  });

  it('says pending, breached, met', () => {
    const incident: SlaFields = {
      ...slaDeadlines('high', t0, defaultSla),
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
    };
    assert.deepEqual(slaState(incident, plus(30)), {
      ack: 'pending',
      resolve: 'pending',
      breached: false,
    });
    assert.deepEqual(slaState(incident, plus(61)), {
      ack: 'breached',
      resolve: 'pending',
      breached: true,
    });
    const acked = { ...incident, acknowledgedAt: plus(45).toISOString() };
    assert.deepEqual(slaState(acked, plus(2000)), {
      ack: 'met',
      resolve: 'breached',
      breached: true,
    });
    const closed = { ...acked, closedAt: plus(600).toISOString() };
    assert.equal(slaState(closed, plus(5000)).resolve, 'met', 'closing counts as resolving');
  });

  const fields = fc.record({
    severity: fc.constantFrom(null, ...Object.keys(defaultSla)),
    ackAfter: fc.option(fc.integer({ min: 0, max: 60 * 24 * 40 })),
    resolveAfter: fc.option(fc.integer({ min: 0, max: 60 * 24 * 40 })),
  });

  it('never un-breaches as time passes, and a done clock does not depend on now', () => {
    fc.assert(
      fc.property(
        fields,
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        (f, a, b) => {
          const incident: SlaFields = {
            ...slaDeadlines(f.severity, t0, defaultSla),
            acknowledgedAt: f.ackAfter === null ? null : plus(f.ackAfter).toISOString(),
            resolvedAt: f.resolveAfter === null ? null : plus(f.resolveAfter).toISOString(),
            closedAt: null,
          };
          const [early, late] = a < b ? [a, b] : [b, a];
          const s1 = slaState(incident, plus(early));
          const s2 = slaState(incident, plus(late));
          if (s1.breached) assert.ok(s2.breached);
          if (f.severity === null)
            assert.deepEqual(s1, { ack: 'none', resolve: 'none', breached: false });
          if (f.ackAfter !== null && f.severity !== null) assert.equal(s1.ack, s2.ack);
          if (f.ackAfter !== null && f.severity !== null)
            assert.equal(
              s1.ack,
              f.ackAfter <= defaultSla[f.severity]!.ackMinutes ? 'met' : 'breached',
            );
        },
      ),
    );
  });
});
