import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportFileName, highestTlp, incidentsCsv } from './export-csv.js';
import type { ExportRow } from './list.service.js';
import { fillMonths } from './stats.js';

const row = (over: Partial<ExportRow>): ExportRow => ({
  id: 'i1',
  reference: 'CIRT-2026-000001',
  title: 'Phishing',
  description: '',
  status: 'new',
  rsitClass: 'fraud',
  rsitType: 'phishing',
  tlp: 'green',
  pap: 'amber',
  severity: null,
  impact: null,
  sector: null,
  assignee: null,
  queue: null,
  source: 'ui',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ackDueAt: null,
  resolveDueAt: null,
  acknowledgedAt: null,
  resolvedAt: null,
  closedAt: null,
  mergedIntoId: null,
  sla: { ackBreached: false, resolveBreached: false },
  ...over,
});

describe('incident CSV export', () => {
  it('marks each row with its TLP and defuses cells a spreadsheet would run', () => {
    const csv = incidentsCsv([row({ title: '=HYPERLINK("http://x")', description: 'a,b\nc' })]);
    const [header, line] = csv.split('\r\n');
    assert.ok(header!.startsWith('reference,tlp,pap,status,title'));
    assert.ok(
      line!.startsWith(
        'CIRT-2026-000001,TLP:GREEN,PAP:AMBER,new,"\'=HYPERLINK(""http://x"")","a,b',
      ),
    );
  });

  it('names the file after the most restricted TLP it holds', () => {
    assert.equal(highestTlp([]), 'clear');
    assert.equal(highestTlp([row({ tlp: 'green' }), row({ tlp: 'amber+strict' })]), 'amber+strict');
    assert.equal(
      exportFileName([row({ tlp: 'amber+strict' })], '2026-03-01'),
      'cirtkit-incidents-2026-03-01-TLP-AMBER-STRICT.csv',
    );
  });

  it('names the incident a merged one went into by its reference', () => {
    const csv = incidentsCsv([
      row({ id: 'a', reference: 'CIRT-2026-000001', mergedIntoId: 'b' }),
      row({ id: 'b', reference: 'CIRT-2026-000002' }),
    ]);
    assert.match(csv.split('\r\n')[1]!, /,CIRT-2026-000002$/);
  });
});

describe('incident statistics by month', () => {
  it('fills the months without incidents, across years, in order', () => {
    assert.deepEqual(
      fillMonths([
        { month: '2026-02', count: 3 },
        { month: '2025-11', count: 1 },
      ]),
      [
        { month: '2025-11', count: 1 },
        { month: '2025-12', count: 0 },
        { month: '2026-01', count: 0 },
        { month: '2026-02', count: 3 },
      ],
    );
    assert.deepEqual(fillMonths([]), []);
  });
});
