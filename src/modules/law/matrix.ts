import type { Catalogue } from './catalogue.schema.js';
import { countStates, weightOf, type ProvisionState, type StateOf } from './coverage.js';

/**
 * Provisions by countries for a group of countries (a region, an organisation, a footnote-1
 * group). A row's `share` is the part of the countries that cover the provision, counted with
 * the same weights as a country's coverage (enacted 1, partially ½) over the countries for
 * which the provision applies; null when it applies to none.
 */
export interface MatrixCountry {
  iso3: string;
  name: string;
}

export interface MatrixRow {
  provision: string;
  category: string;
  states: ProvisionState[];
  /** 0–100 with one decimal. */
  share: number | null;
}

export interface Matrix {
  countries: Array<MatrixCountry & { percent: number | null; assessed: number }>;
  rows: MatrixRow[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function matrix(
  catalogue: Catalogue,
  countries: readonly MatrixCountry[],
  stateOf: (iso3: string) => StateOf,
): Matrix {
  const lookups = countries.map((c) => stateOf(c.iso3));
  const rows = catalogue.provisions.map((p) => {
    const states = lookups.map((of) => of(p.id));
    const counted = states.filter((s) => s !== 'not-applicable');
    const score = counted.reduce((sum, s) => sum + weightOf(s), 0);
    return {
      provision: p.id,
      category: p.category,
      states,
      share: counted.length === 0 ? null : round1((score / counted.length) * 100),
    };
  });
  return {
    countries: countries.map((c, i) => {
      const counts = countStates(catalogue.provisions, lookups[i]!);
      return {
        ...c,
        percent: counts.percent,
        assessed: counts.total - counts['not-assessed'],
      };
    }),
    rows,
  };
}
