import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segments } from '../../web/src/features/law/bars.js';
import {
  citationKind,
  filterParams,
  fold,
  groupedProvisions,
  matches,
  noFilter,
  readFilter,
} from '../../web/src/features/law/catalogue.js';
import { fieldIssues, issueKind } from '../../web/src/features/law/fieldErrors.js';
import { move, priorityParam, readPriority } from '../../web/src/features/law/priority.js';
import { readKind, readSelection } from '../../web/src/features/law/selection.js';
import { heatStep } from '../../web/src/features/law/states.js';
import type { CoverageCounts, Provision } from '../../web/src/features/law/types.js';

/** A provision with only what a test sets; the rest as the schema's defaults. */
const provision = (over: Partial<Provision> & Pick<Provision, 'id' | 'category'>): Provision => ({
  title: over.id,
  summary: '',
  references: [],
  checklist: [{ id: 'a', text: 'element', optional: false, instruments: [] }],
  legalBasis: false,
  sim3: [],
  ...over,
});

const catalogue = {
  categories: [
    { id: 'institutional', title: 'Institutional', description: '' },
    { id: 'substantive', title: 'Offences', description: '' },
  ],
  provisions: [
    provision({
      id: 'SUB-01',
      category: 'substantive',
      title: 'Illegal access',
      references: [
        { instrument: 'budapest', citation: '2', verified: true },
        { instrument: 'hipcar', citation: '4', verified: false },
      ],
    }),
    provision({
      id: 'INS-07',
      category: 'institutional',
      title: 'National CIRT: establishment and mandate',
      summary: 'Gives the team its coopération duties',
      legalBasis: true,
      sim3: ['O-1', 'O-3'],
    }),
    provision({
      id: 'SUB-02',
      category: 'substantive',
      title: 'Illegal interception',
      references: [{ instrument: 'budapest', citation: '3', verified: true }],
    }),
  ],
};

describe('law catalogue page: filters', () => {
  it('reads the filter from the address and writes back only what is set', () => {
    const filter = readFilter(new URLSearchParams('instrument=hipcar&legalBasis=1&q=%20'));
    assert.deepEqual(filter, { instrument: 'hipcar', category: '', q: ' ', legalBasis: true });
    assert.deepEqual(filterParams(filter), { instrument: 'hipcar', legalBasis: '1' });
    assert.deepEqual(filterParams(noFilter), {});
  });

  it('an instrument filter keeps only the provisions that instrument covers', () => {
    const shown = groupedProvisions(catalogue, { ...noFilter, instrument: 'hipcar' });
    assert.deepEqual(
      shown.map((g) => [g.category.id, g.provisions.map((p) => p.id)]),
      [['substantive', ['SUB-01']]],
    );
  });

  it('groups by category in the catalogue order and drops empty groups', () => {
    assert.deepEqual(
      groupedProvisions(catalogue, noFilter).map((g) => [
        g.category.id,
        g.provisions.map((p) => p.id),
      ]),
      [
        ['institutional', ['INS-07']],
        ['substantive', ['SUB-01', 'SUB-02']],
      ],
    );
    assert.deepEqual(
      groupedProvisions(catalogue, { ...noFilter, category: 'institutional', q: 'access' }),
      [],
    );
  });

  it('the legal-basis filter keeps the CIRT legal-basis provisions', () => {
    const kept = catalogue.provisions.filter((p) => matches(p, { ...noFilter, legalBasis: true }));
    assert.deepEqual(
      kept.map((p) => p.id),
      ['INS-07'],
    );
  });

  it('search needs every word, in any case and with or without accents', () => {
    const hits = (q: string) =>
      catalogue.provisions.filter((p) => matches(p, { ...noFilter, q })).map((p) => p.id);
    assert.deepEqual(hits('ILLEGAL interception'), ['SUB-02']);
    assert.deepEqual(hits('cooperation'), ['INS-07']);
    assert.deepEqual(hits('sub-01'), ['SUB-01']);
    assert.deepEqual(hits('element'), ['SUB-01', 'INS-07', 'SUB-02']);
    assert.equal(fold('Coopération'), 'cooperation');
  });

  it('a bare number gets the unit, a worded citation stays as it is', () => {
    assert.equal(citationKind('29(1)'), 'numbered');
    assert.equal(citationKind(' 25; 27'), 'numbered');
    assert.equal(citationKind('Ch. II (arts 8-23)'), 'worded');
  });
});

describe('law report page: category priority', () => {
  const defaults = ['institutional', 'procedural', 'substantive'];

  it('reads the order from the address, unknown and repeated names left out', () => {
    assert.deepEqual(readPriority(null, defaults), defaults);
    assert.deepEqual(readPriority('substantive,bogus,substantive', defaults), [
      'substantive',
      'institutional',
      'procedural',
    ]);
  });

  it('moves one place at a time and stays put at either end', () => {
    assert.deepEqual(move(defaults, 'substantive', -1), [
      'institutional',
      'substantive',
      'procedural',
    ]);
    assert.deepEqual(move(defaults, 'institutional', -1), defaults);
    assert.deepEqual(move(defaults, 'substantive', 1), defaults);
    assert.deepEqual(move(defaults, 'unknown', 1), defaults);
  });

  it('keeps nothing in the address for the default order', () => {
    assert.equal(priorityParam(defaults, defaults), null);
    assert.equal(
      priorityParam(move(defaults, 'procedural', -1), defaults),
      'procedural,institutional,substantive',
    );
  });
});

describe('law coverage bars', () => {
  const counts = (over: Partial<CoverageCounts>): CoverageCounts => ({
    enacted: 0,
    partially: 0,
    draft: 0,
    absent: 0,
    'not-assessed': 0,
    'not-applicable': 0,
    total: 0,
    percent: null,
    ...over,
  });

  it('stacks the states with provisions in the fixed order, as parts of the total', () => {
    const parts = segments(counts({ enacted: 1, absent: 2, 'not-assessed': 1, total: 4 }));
    assert.deepEqual(
      parts.map((s) => [s.state, s.count, s.start, s.width]),
      [
        ['enacted', 1, 0, 0.25],
        ['absent', 2, 0.25, 0.5],
        ['not-assessed', 1, 0.75, 0.25],
      ],
    );
  });

  it('draws nothing for a row without provisions', () => {
    assert.deepEqual(segments(counts({})), []);
  });

  it('steps a share into five heat levels', () => {
    assert.deepEqual([null, 0, 19.9, 20, 59, 80, 100].map(heatStep), [null, 0, 0, 1, 2, 4, 4]);
  });
});

describe('law forms: field problems from the API', () => {
  it('names the problems it has words for', () => {
    assert.equal(issueKind("article needs the law's title (lawTitle)"), 'needsTitle');
    assert.equal(
      issueKind('a ratified status needs its source (source or sourceUrl)'),
      'needsSource',
    );
    assert.equal(issueKind('a signed status needs its date'), 'needsDate');
    assert.equal(issueKind('must be a date as YYYY-MM-DD'), 'date');
    assert.equal(issueKind('must be a URL'), 'url');
    assert.equal(issueKind('Too big: expected string to have <=300 characters'), 'other');
  });

  it('keys each problem by its field without the body prefix, first one kept', () => {
    const errors = [
      { field: 'body.article', message: "article needs the law's title (lawTitle)" },
      { field: 'body.article', message: 'second' },
      { field: 'body.link', message: 'must be a URL' },
    ];
    assert.deepEqual(fieldIssues(errors), {
      article: { kind: 'needsTitle', message: "article needs the law's title (lawTitle)" },
      link: { kind: 'url', message: 'must be a URL' },
    });
    assert.deepEqual(fieldIssues([]), {});
  });
});

describe('law matrix page: the selection in the address', () => {
  it('takes a known region, organisation or group, and nothing else', () => {
    assert.deepEqual(readSelection(new URLSearchParams('group=LDC')), { kind: 'group', id: 'LDC' });
    assert.deepEqual(readSelection(new URLSearchParams('organisation=ATU')), {
      kind: 'organisation',
      id: 'ATU',
    });
    assert.equal(readSelection(new URLSearchParams('region=atlantis')), null);
    assert.equal(readSelection(new URLSearchParams('')), null);
  });

  it('remembers the kind chosen before a value is', () => {
    assert.equal(readKind(new URLSearchParams('kind=group')), 'group');
    assert.equal(readKind(new URLSearchParams('kind=planet')), 'region');
    assert.equal(readKind(new URLSearchParams('organisation=APT')), 'organisation');
  });
});
