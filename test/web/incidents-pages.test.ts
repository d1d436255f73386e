import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slaView, splitDuration } from '../../web/src/features/incidents/detail/sla.js';
import { needsComment } from '../../web/src/features/incidents/detail/needsComment.js';
import {
  detectKind,
  parseObservables,
  refang,
} from '../../web/src/features/incidents/new/observables.js';

type Incident = Parameters<typeof slaView>[0];

describe('observables pasted on the incident pages', () => {
  it('recognises each kind an analyst pastes', () => {
    const cases: [string, string | null][] = [
      ['198.51.100.23', 'ipv4'],
      ['2001:db8::1', 'ipv6'],
      ['::ffff:192.0.2.1', 'ipv6'],
      ['AS64500', 'asn'],
      ['as 64500', 'asn'],
      ['d41d8cd98f00b204e9800998ecf8427e', 'md5'],
      ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'sha1'],
      ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256'],
      ['https://evil.example/x?y=1', 'url'],
      ['abuse@evil.example', 'email'],
      ['mail.evil.example', 'domain'],
      ['256.1.1.1', null],
      ['not an observable', null],
      ['1:2:3', null],
    ];
    for (const [value, kind] of cases) assert.equal(detectKind(value), kind, value);
  });

  it('refangs the usual defanging before deciding', () => {
    assert.equal(refang('hxxps://evil[.]example/a'), 'https://evil.example/a');
    assert.equal(refang('abuse[at]evil(.)example'), 'abuse@evil.example');
    assert.equal(detectKind('10.0.0[.]1'), 'ipv4');
  });

  it('reads one per line, keeps each value once, names lines it cannot read', () => {
    const parsed = parseObservables(
      '198.51.100.23\n\nEVIL.example\nevil.example\nas64500\n???\r\n',
    );
    assert.deepEqual(
      parsed.map((p) => [p.line, p.kind, p.value]),
      [
        [1, 'ipv4', '198.51.100.23'],
        [3, 'domain', 'evil.example'],
        [5, 'asn', 'AS64500'],
        [6, null, '???'],
      ],
    );
  });
});

describe('SLA clocks on the incident page', () => {
  const base = {
    ackDueAt: '2026-01-01T01:00:00Z',
    resolveDueAt: '2026-01-02T00:00:00Z',
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
  } as unknown as Incident;
  const at = (iso: string) => Date.parse(iso);

  it('runs, then is breached by how much, and stops when done', () => {
    assert.deepEqual(slaView(base, at('2026-01-01T00:30:00Z')).acknowledge, {
      state: 'running',
      dueAt: base.ackDueAt,
      remainingMs: 30 * 60_000,
    });
    const late = slaView(base, at('2026-01-01T03:00:00Z')).acknowledge;
    assert.equal(late.state, 'breached');
    assert.equal(late.state === 'breached' && late.overdueMs, 2 * 3600_000);
    const met = slaView(
      { ...base, acknowledgedAt: '2026-01-01T00:10:00Z' },
      at('2026-01-05T00:00:00Z'),
    );
    assert.equal(met.acknowledge.state, 'met');
    const closedLate = slaView(
      { ...base, closedAt: '2026-01-03T00:00:00Z' },
      at('2026-01-09T00:00:00Z'),
    );
    assert.equal(closedLate.resolve.state, 'breached');
    assert.equal(
      closedLate.resolve.state === 'breached' && closedLate.resolve.overdueMs,
      86_400_000,
    );
  });

  it('has no clock without a severity', () => {
    assert.deepEqual(slaView({ ...base, ackDueAt: null, resolveDueAt: null }, 0), {
      acknowledge: { state: 'none' },
      resolve: { state: 'none' },
    });
  });

  it('splits a span into days, hours and minutes', () => {
    assert.deepEqual(splitDuration((26 * 60 + 5) * 60_000), { days: 1, hours: 2, minutes: 5 });
  });
});

describe('status moves that ask why', () => {
  it('asks for a comment to reopen and to close what was never resolved', () => {
    assert.equal(needsComment('resolved', 'in-progress'), true);
    assert.equal(needsComment('closed', 'in-progress'), true);
    assert.equal(needsComment('triage', 'closed'), true);
    assert.equal(needsComment('resolved', 'closed'), false);
    assert.equal(needsComment('new', 'triage'), false);
  });
});
