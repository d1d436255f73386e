import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSelfReports, type SelfReport } from './self-reports.js';

const report = (iso3: string, extra: Partial<SelfReport> = {}): SelfReport => ({
  iso3,
  team: `${iso3}-CERT`,
  teamType: 'national',
  status: 'operational',
  maturity: null,
  receivedFrom: 'peer',
  receivedAt: '2026-11-20T08:00:00.000Z',
  tlp: 'green',
  ...extra,
});

describe('compareSelfReports: what teams say beside what the registry records', () => {
  const registry = new Map([
    ['KEN', 'national'],
    ['FJI', 'government_or_sectoral'],
    ['BTN', 'none'],
  ] as const);
  const rows = compareSelfReports(
    [
      report('KEN'),
      report('FJI'),
      report('BTN', { status: 'being-established' }),
      report('BTN', { team: 'BT-GOV', teamType: 'government' }),
      report('XXX'),
    ],
    (iso3) => registry.get(iso3 as 'KEN'),
  );

  it('says where the registry and the team agree on an operational national CIRT', () => {
    assert.deepEqual(
      rows.map((r) => [r.iso3, r.team, r.registryStatus, r.agrees]),
      [
        ['BTN', 'BT-GOV', 'none', true],
        ['BTN', 'BTN-CERT', 'none', true],
        ['FJI', 'FJI-CERT', 'government_or_sectoral', false],
        ['KEN', 'KEN-CERT', 'national', true],
      ],
    );
  });

  it('leaves out countries the registry does not know', () => {
    assert.equal(
      rows.some((r) => r.iso3 === 'XXX'),
      false,
    );
  });
});
