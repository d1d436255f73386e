import type { Country, CountryStatus, Group, MaturityTier } from './registry.schema.js';

/**
 * "Where national CIRTs are needed" as a transparent score: each factor is a number from 0 to 1
 * about the country, multiplied by a weight the user can change. The ranking shows every
 * factor's contribution, so nobody has to trust a black box.
 */
export const needFactors = [
  'no_national_cirt',
  'footnote_group',
  'least_developed',
  'no_readiness_assessment',
  'low_maturity',
  'years_since_assessment',
] as const;
export type NeedFactor = (typeof needFactors)[number];
export type Weights = Record<NeedFactor, number>;

/** Defaults documented in docs/registry.md. */
export const defaultWeights: Weights = {
  no_national_cirt: 40,
  footnote_group: 20,
  least_developed: 10,
  no_readiness_assessment: 10,
  low_maturity: 10,
  years_since_assessment: 10,
};

export interface NeedInput {
  country: Country;
  status: CountryStatus;
  groups: Group[];
  maturity: MaturityTier | null;
  /** Years in which a readiness assessment took place; empty if none. A null year is "some time". */
  assessmentYears: (number | null)[];
}

export interface Contribution {
  factor: NeedFactor;
  /** The fact, 0 to 1. */
  value: number;
  points: number;
}

export interface NeedScore {
  iso3: string;
  score: number;
  contributions: Contribution[];
}

/** Years after which an assessment counts as fully out of date. */
export const assessmentHorizonYears = 10;

export function factorValues(input: NeedInput, asOfYear: number): Record<NeedFactor, number> {
  const hasNational = input.status === 'national';
  const years = input.assessmentYears.filter((y): y is number => y !== null && y <= asOfYear);
  const assessed = input.assessmentYears.length > 0;
  const latest = years.length > 0 ? Math.max(...years) : null;
  return {
    no_national_cirt: hasNational ? 0 : 1,
    footnote_group: input.groups.length > 0 ? 1 : 0,
    least_developed: input.groups.includes('LDC') ? 1 : 0,
    no_readiness_assessment: assessed ? 0 : 1,
    // A national CIRT with no known maturity counts half: it may be weak, nobody measured it.
    low_maturity: !hasNational
      ? 0
      : input.maturity === null
        ? 0.5
        : input.maturity === 'basic'
          ? 1
          : 0,
    years_since_assessment:
      latest === null
        ? assessed
          ? 0.5
          : 1
        : Math.min((asOfYear - latest) / assessmentHorizonYears, 1),
  };
}

export function needScore(input: NeedInput, weights: Weights, asOfYear: number): NeedScore {
  const values = factorValues(input, asOfYear);
  const contributions = needFactors.map((factor) => ({
    factor,
    value: values[factor],
    points: Math.round(values[factor] * weights[factor] * 100) / 100,
  }));
  const score = Math.round(contributions.reduce((sum, c) => sum + c.points, 0) * 100) / 100;
  return { iso3: input.country.iso3, score, contributions };
}

export interface RankedNeed extends NeedScore {
  rank: number;
}

/** Highest need first; equal scores share a rank and are listed by ISO code for stable output. */
export function rankNeeds(
  inputs: readonly NeedInput[],
  weights: Weights,
  asOfYear: number,
): RankedNeed[] {
  const scored = inputs
    .filter((i) => i.country.ituMember)
    .map((i) => needScore(i, weights, asOfYear))
    .sort((a, b) => b.score - a.score || a.iso3.localeCompare(b.iso3));
  let rank = 0;
  let previous: number | undefined;
  return scored.map((s, index) => {
    if (s.score !== previous) rank = index + 1;
    previous = s.score;
    return { ...s, rank };
  });
}
