import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  defaultWeights,
  needFactors,
  rankNeeds,
  needScore,
  type NeedInput,
  type Weights,
} from './needs.js';
import type { Country } from './registry.schema.js';

const country = (iso3: string, extra: Partial<Country> = {}): Country => ({
  iso3,
  iso2: iso3.slice(0, 2),
  numeric: 1,
  m49: 1,
  ituMember: true,
  ituRegion: 'africa',
  organisations: [],
  sovereignty: 'member_state',
  notes: '',
  ...extra,
});
const input = (iso3: string, extra: Partial<NeedInput> = {}): NeedInput => ({
  country: country(iso3),
  status: 'none',
  groups: [],
  maturity: null,
  assessmentYears: [],
  ...extra,
});

describe('needs score', () => {
  it('adds up the weighted factors and shows each contribution', () => {
    const score = needScore(input('TCD', { groups: ['LDC', 'LLDC'] }), defaultWeights, 2026);
    const points = Object.fromEntries(score.contributions.map((c) => [c.factor, c.points]));
    assert.deepEqual(points, {
      no_national_cirt: 40,
      footnote_group: 20,
      least_developed: 10,
      no_readiness_assessment: 10,
      low_maturity: 0,
      years_since_assessment: 10,
    });
    assert.equal(score.score, 90);
  });

  it('scores an advanced national CIRT assessed this year at zero', () => {
    const score = needScore(
      input('EST', { status: 'national', maturity: 'advanced', assessmentYears: [2026] }),
      defaultWeights,
      2026,
    );
    assert.equal(score.score, 0);
  });

  it('ages an assessment linearly over ten years', () => {
    const score = needScore(
      input('KEN', { status: 'national', maturity: 'intermediate', assessmentYears: [2021] }),
      defaultWeights,
      2026,
    );
    assert.equal(
      score.contributions.find((c) => c.factor === 'years_since_assessment')!.value,
      0.5,
    );
  });

  it('ranks by score, shares ranks on ties, leaves out non-ITU members and follows changed weights', () => {
    const inputs = [
      input('AAA', { status: 'national', maturity: 'basic' }),
      input('BBB', { groups: ['SIDS'] }),
      input('CCC', { groups: ['SIDS'] }),
      { ...input('DDD'), country: country('DDD', { ituMember: false }) },
    ];
    const ranked = rankNeeds(inputs, defaultWeights, 2026);
    assert.deepEqual(
      ranked.map((r) => [r.iso3, r.rank]),
      [
        ['BBB', 1],
        ['CCC', 1],
        ['AAA', 3],
      ],
    );
    const maturityFirst: Weights = {
      ...defaultWeights,
      no_national_cirt: 0,
      footnote_group: 0,
      low_maturity: 100,
    };
    assert.equal(rankNeeds(inputs, maturityFirst, 2026)[0]!.iso3, 'AAA');
  });

  it('never scores above the sum of the weights nor below zero (property)', () => {
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(
            needFactors.map((f) => [f, fc.integer({ min: 0, max: 100 })]),
          ) as Record<keyof Weights, fc.Arbitrary<number>>,
        ),
        fc.constantFrom('national', 'government_or_sectoral', 'none', 'unknown'),
        fc.subarray(['LDC', 'LLDC', 'SIDS', 'EIT'] as const),
        fc.constantFrom(null, 'basic', 'intermediate', 'advanced'),
        fc.array(fc.option(fc.integer({ min: 2000, max: 2026 }), { nil: null }), { maxLength: 3 }),
        (weights, status, groups, maturity, years) => {
          const s = needScore(
            input('XXX', { status, groups: [...groups], maturity, assessmentYears: years }),
            weights,
            2026,
          ).score;
          const max = Object.values(weights).reduce((a, b) => a + b, 0);
          return s >= 0 && s <= max + 1e-9;
        },
      ),
    );
  });
});
