import type { Ratification } from '../../src/modules/law/assessment.schema.js';
import type { Catalogue, Provision } from '../../src/modules/law/catalogue.schema.js';
import { buildCountryReport, type ReportMeta } from '../../src/modules/law/report.service.js';

/** Builders for the law reports' unit tests: a small catalogue and a country's report from it. */

/** A small catalogue: two instruments (one model law with unverified sections), three categories. */
export function smallCatalogue(): Catalogue {
  const provision = (id: string, category: string, extra: Partial<Provision> = {}): Provision => ({
    id,
    category,
    title: `Title of ${id}`,
    summary: `What ${id} is for.`,
    references: [{ instrument: 'treaty', citation: id.slice(-1), verified: true }],
    checklist: [
      { id: 'core', text: `Core element of ${id}`, optional: false, instruments: ['treaty'] },
    ],
    legalBasis: false,
    sim3: [],
    ...extra,
  });
  return {
    kind: 'law-catalogue',
    id: 'test-law',
    version: '1.0',
    title: 'Test catalogue',
    description: 'For tests.',
    instruments: [
      {
        id: 'treaty',
        shortName: 'Treaty',
        title: 'The Treaty',
        nature: 'treaty',
        binding: true,
        scope: 'global',
        url: 'https://example.org/treaty',
        unit: 'article',
        referenceConfidence: 'high',
        mapped: true,
      },
      {
        id: 'model',
        shortName: 'Model',
        title: 'The Model Law',
        nature: 'model-law',
        binding: false,
        scope: 'global',
        url: 'https://example.org/model',
        unit: 'section',
        referenceConfidence: 'low',
        mapped: true,
      },
    ],
    categories: [
      { id: 'institutional', title: 'Institutional', description: 'Bodies.' },
      { id: 'procedural', title: 'Procedural', description: 'Powers.' },
      { id: 'substantive', title: 'Substantive', description: 'Offences.' },
    ],
    gapPriority: ['institutional', 'procedural', 'substantive'],
    provisions: [
      provision('SUB-01', 'substantive', {
        title: 'Illegal access <script>alert(1)</script>',
        references: [
          { instrument: 'treaty', citation: '2', verified: true },
          { instrument: 'model', citation: '4', verified: false },
        ],
        checklist: [
          { id: 'intent', text: 'Done on purpose', optional: false, instruments: ['treaty'] },
          {
            id: 'security',
            text: 'By breaking a security measure',
            optional: true,
            instruments: ['treaty', 'model'],
          },
        ],
      }),
      provision('PRO-01', 'procedural'),
      provision('INS-01', 'institutional'),
      provision('INS-02', 'institutional', { references: [] }),
    ],
  };
}

export const meta = (extra: Partial<ReportMeta> = {}): ReportMeta => ({
  lang: 'en',
  date: '2026-03-01',
  generatedAt: '2026-03-01T10:00:00.000Z',
  generatedBy: 'Ada Analyst',
  ...extra,
});

const status = (provision: string, s: 'enacted' | 'partially' | 'draft' | 'absent') => ({
  provision,
  status: s,
});

export function kenyaReport(priority: string[] = [], lang: ReportMeta['lang'] = 'en') {
  const ratification: Ratification = {
    iso3: 'KEN',
    instrument: 'treaty',
    status: 'ratified',
    date: '2024-05-02',
    source: 'Depositary',
    sourceUrl: null,
    notes: null,
    recordedBy: 'Ada',
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
  return buildCountryReport(smallCatalogue(), {
    country: { iso3: 'KEN', name: 'Kenya' },
    assessments: [status('INS-01', 'enacted'), status('PRO-01', 'partially')],
    ratifications: [ratification],
    priority,
    meta: meta({ lang }),
  });
}
