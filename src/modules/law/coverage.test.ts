/**
 * Properties of the pure law computations (coverage, gaps, matrix) over any assessment of a
 * small hand-built catalogue: bounds, order independence, monotonicity, what not-applicable
 * does, the gap order and the matrix share. The catalogue is written here, not read from data/.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assessmentStatuses, type AssessmentStatus } from './assessment.schema.js';
import type { Catalogue, Provision } from './catalogue.schema.js';
import { countStates, coverage, stateLookup, weightOf, type ProvisionState } from './coverage.js';
import { gaps, priorityOrder, PriorityError } from './gaps.js';
import { matrix } from './matrix.js';

const runs = { numRuns: 300 };

function provision(id: string, category: string, instruments: string[]): Provision {
  return {
    id,
    category,
    title: `Title of ${id}`,
    summary: `What ${id} is for.`,
    references: instruments.map((instrument) => ({ instrument, citation: '1', verified: true })),
    checklist: [{ id: 'core', text: 'Core element', optional: false, instruments }],
    legalBasis: false,
    sim3: [],
  };
}

const instrument = (id: string, mapped: boolean) => ({
  id,
  shortName: id,
  title: `The ${id}`,
  nature: 'treaty' as const,
  binding: true,
  scope: 'global',
  url: `https://example.org/${id}`,
  unit: 'article' as const,
  referenceConfidence: 'high' as const,
  mapped,
});

const catalogue: Catalogue = {
  kind: 'law-catalogue',
  id: 'test-law',
  version: '1.0',
  title: 'Test catalogue',
  description: 'For property tests.',
  instruments: [instrument('alpha', true), instrument('beta', true), instrument('gamma', false)],
  categories: ['offences', 'powers', 'institutions'].map((id) => ({
    id,
    title: id,
    description: `The ${id}.`,
  })),
  gapPriority: ['institutions', 'powers', 'offences'],
  provisions: [
    provision('OFF-01', 'offences', ['alpha', 'beta']),
    provision('OFF-02', 'offences', ['alpha']),
    provision('OFF-03', 'offences', ['beta']),
    provision('POW-01', 'powers', ['alpha']),
    provision('POW-02', 'powers', ['alpha', 'beta']),
    provision('INS-01', 'institutions', []),
    provision('INS-02', 'institutions', ['beta']),
    provision('INS-03', 'institutions', ['alpha']),
  ],
};
const ids = catalogue.provisions.map((p) => p.id);

/** Any country's assessments: a status for some provisions, each provision at most once. */
const assessmentsArb = fc
  .array(fc.option(fc.constantFrom(...assessmentStatuses), { nil: undefined }), {
    minLength: ids.length,
    maxLength: ids.length,
  })
  .map((statuses) =>
    statuses.flatMap((status, i) => (status ? [{ provision: ids[i]!, status }] : [])),
  );
type Assessed = Array<{ provision: string; status: AssessmentStatus }>;

const withStatus = (assessed: Assessed, id: string, status: AssessmentStatus): Assessed => [
  ...assessed.filter((a) => a.provision !== id),
  { provision: id, status },
];

const allCounts = (assessed: Assessed) => {
  const c = coverage(catalogue, stateLookup(assessed));
  return [c.overall, ...c.byCategory, ...c.byInstrument];
};

describe('coverage', () => {
  it('is a percentage from 0 to 100, or null exactly when nothing in scope applies', () => {
    fc.assert(
      fc.property(assessmentsArb, (assessed) => {
        for (const counts of allCounts(assessed)) {
          const applicable = counts.total - counts['not-applicable'];
          if (applicable === 0) assert.equal(counts.percent, null);
          else {
            assert.ok(counts.percent !== null && counts.percent >= 0 && counts.percent <= 100);
            assert.equal(counts.percent, Math.round(counts.percent * 10) / 10, 'one decimal');
          }
          const states = counts.enacted + counts.partially + counts.draft + counts.absent;
          assert.equal(states + counts['not-assessed'] + counts['not-applicable'], counts.total);
        }
      }),
      runs,
    );
  });

  it('does not depend on the order of the assessments', () => {
    fc.assert(
      fc.property(
        assessmentsArb.chain((a) =>
          fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length })),
        ),
        ([assessed, shuffled]) => {
          assert.deepEqual(
            coverage(catalogue, stateLookup(shuffled)),
            coverage(catalogue, stateLookup(assessed)),
          );
        },
      ),
      runs,
    );
  });

  it('never goes down when a provision becomes enacted, overall, per category or instrument', () => {
    fc.assert(
      fc.property(assessmentsArb, fc.constantFrom(...ids), (assessed, id) => {
        const before = allCounts(assessed);
        const after = allCounts(withStatus(assessed, id, 'enacted'));
        before.forEach((b, i) => {
          const a = after[i]!;
          if (b.percent === null) assert.ok(a.percent === null || a.percent === 100);
          else
            assert.ok(a.percent !== null && a.percent >= b.percent, `${b.percent} → ${a.percent}`);
        });
      }),
      runs,
    );
  });

  it('counts a not-applicable provision as if the catalogue did not have it', () => {
    fc.assert(
      fc.property(assessmentsArb, fc.constantFrom(...ids), (assessed, id) => {
        const marked = withStatus(assessed, id, 'not-applicable');
        const without = catalogue.provisions.filter((p) => p.id !== id);
        const withNa = countStates(catalogue.provisions, stateLookup(marked));
        const removed = countStates(without, stateLookup(marked));
        assert.equal(withNa.percent, removed.percent);
        assert.equal(withNa.total, removed.total + 1);
      }),
      runs,
    );
  });

  it('weighs enacted 1, partially ½ and the rest 0 (a worked example)', () => {
    const c = coverage(
      catalogue,
      stateLookup([
        { provision: 'OFF-01', status: 'enacted' },
        { provision: 'OFF-02', status: 'partially' },
        { provision: 'OFF-03', status: 'not-applicable' },
        { provision: 'POW-01', status: 'draft' },
      ]),
    );
    assert.equal(c.overall.percent, 21.4, '1.5 of 7');
    assert.deepEqual(
      c.byCategory.map((x) => [x.category, x.percent]),
      [
        ['offences', 75],
        ['powers', 0],
        ['institutions', 0],
      ],
    );
    // gamma is not mapped provision by provision: no coverage row for it.
    assert.deepEqual(
      c.byInstrument.map((x) => [x.instrument, x.percent]),
      [
        ['alpha', 30],
        ['beta', 33.3],
      ],
    );
  });
});

describe('gaps', () => {
  const chosenArb = fc.shuffledSubarray(['offences', 'powers', 'institutions']);

  it('hold every provision not enacted and applicable, once, in the chosen category order', () => {
    fc.assert(
      fc.property(assessmentsArb, chosenArb, (assessed, chosen) => {
        const stateOf = stateLookup(assessed);
        const list = gaps(catalogue, stateOf, chosen);
        const order = priorityOrder(catalogue, chosen);
        assert.deepEqual(order.slice(0, chosen.length), chosen);
        assert.equal(new Set(order).size, catalogue.categories.length);
        for (const g of list) {
          assert.notEqual(g.state, 'enacted');
          assert.notEqual(g.state, 'not-applicable');
          assert.equal(g.state, stateOf(g.provision.id));
        }
        const expected = ids.filter((id) => !['enacted', 'not-applicable'].includes(stateOf(id)));
        assert.deepEqual(list.map((g) => g.provision.id).sort(), expected.sort());
        const places = list.map((g) => order.indexOf(g.provision.category));
        assert.deepEqual(
          places,
          [...places].sort((a, b) => a - b),
          'categories in order',
        );
        assert.deepEqual(
          list.map((g) => g.rank),
          list.map((_, i) => i + 1),
        );
      }),
      runs,
    );
  });

  it('put the furthest from law first within a category', () => {
    const list = gaps(
      catalogue,
      stateLookup([
        { provision: 'INS-01', status: 'partially' },
        { provision: 'INS-02', status: 'absent' },
        { provision: 'INS-03', status: 'draft' },
        { provision: 'POW-01', status: 'enacted' },
      ]),
    );
    assert.deepEqual(
      list.map((g) => `${g.provision.id}:${g.state}`),
      [
        'INS-02:absent',
        'INS-03:draft',
        'INS-01:partially',
        'POW-02:not-assessed',
        'OFF-01:not-assessed',
        'OFF-02:not-assessed',
        'OFF-03:not-assessed',
      ],
    );
  });

  it('refuse an unknown or repeated category by name', () => {
    assert.throws(
      () => priorityOrder(catalogue, ['powers', 'treaties', 'powers']),
      (error: unknown) =>
        error instanceof PriorityError &&
        error.problems.length === 2 &&
        error.problems[0]!.startsWith('unknown category "treaties"') &&
        error.problems[1] === 'category "powers" is named twice',
    );
  });
});

describe('matrix', () => {
  const countriesArb = fc.array(assessmentsArb, { minLength: 1, maxLength: 6 });

  it('gives each provision the mean weight of the countries it applies to', () => {
    fc.assert(
      fc.property(countriesArb, (perCountry) => {
        const countries = perCountry.map((_, i) => ({
          iso3: `C${String.fromCharCode(65 + i)}X`,
          name: `Country ${i}`,
        }));
        const lookups = new Map(countries.map((c, i) => [c.iso3, stateLookup(perCountry[i]!)]));
        const m = matrix(catalogue, countries, (iso3) => lookups.get(iso3)!);
        assert.equal(m.rows.length, ids.length);
        for (const row of m.rows) {
          const states: ProvisionState[] = countries.map((c) =>
            lookups.get(c.iso3)!(row.provision),
          );
          assert.deepEqual(row.states, states);
          const applicable = states.filter((s) => s !== 'not-applicable');
          if (applicable.length === 0) assert.equal(row.share, null);
          else {
            const mean = applicable.reduce((sum, s) => sum + weightOf(s), 0) / applicable.length;
            assert.equal(row.share, Math.round(mean * 1000) / 10);
          }
        }
        m.countries.forEach((c, i) => {
          const own = countStates(catalogue.provisions, lookups.get(c.iso3)!);
          assert.equal(c.percent, own.percent);
          assert.equal(c.assessed, perCountry[i]!.length);
        });
      }),
      runs,
    );
  });
});
