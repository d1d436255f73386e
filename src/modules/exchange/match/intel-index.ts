/**
 * Matching observed values (an incident's observables, a feed's events) against indicators:
 * an in-memory index of the values the indicators' patterns name. Addresses match by prefix
 * (an indicator on 198.51.100.0/24 hits 198.51.100.7), through the constituents' prefix index;
 * other values match exactly, and a URL or e-mail address also matches an indicator on its host.
 *
 * A hit says which comparison of the pattern matched and whether the pattern asks for more than
 * this one value (`partial`: `[a] AND [b]`, `REPEATS`, `WITHIN`…), so the analyst can judge it.
 * Pure: built from plain indicator records, asked with plain values.
 *
 * @example
 * const index = IntelIndex.build([{ id: 'indicator--…', name: 'C2', pattern: "[ipv4-addr:value = '198.51.100.0/24']", tlp: 'green' }]);
 * index.match({ kind: 'ipv4', value: '198.51.100.7' }, new Date());
 * // [{ rule: 'prefix', term: { kind: 'ipv4', value: '198.51.100.0/24', … }, indicator: { id: 'indicator--…', … } }]
 */
import { OwnershipIndex, parseLookupQuery, type OwnershipEntry } from '../../constituents/index.js';
import { parsePattern } from '../pattern/index.js';
import type { Tlp } from '../stix/index.js';
import {
  matchesOnOneValue,
  normaliseTerm,
  patternTerms,
  type IntelKind,
  type IntelTerm,
} from './terms.js';

export interface IndicatorInput {
  id: string;
  name?: string | undefined;
  pattern: string;
  valid_until?: string | undefined;
  revoked?: boolean | undefined;
  tlp: Tlp;
}

export interface IndicatorSummary {
  id: string;
  name: string | null;
  tlp: Tlp;
  validUntil: string | null;
  /** The pattern asks for more than one value (AND, FOLLOWEDBY, qualifiers). */
  partial: boolean;
}

/** How the value met the indicator's term. */
export type HitRule = 'exact' | 'prefix' | 'host';

export interface IntelHit {
  observable: { kind: IntelKind; value: string };
  indicator: IndicatorSummary;
  term: IntelTerm;
  rule: HitRule;
}

const isIp = (kind: IntelKind) => kind === 'ipv4' || kind === 'ipv6';

export class IntelIndex {
  private readonly indicators: IndicatorSummary[] = [];
  private readonly terms: IntelTerm[][] = [];
  private readonly exact = new Map<string, [number, number][]>();
  private readonly prefixes: OwnershipIndex;
  /** Indicators left out: revoked, or a pattern that does not parse. */
  readonly skipped: number;

  private constructor(indicators: Iterable<IndicatorInput>) {
    const ipEntries: OwnershipEntry[] = [];
    let skipped = 0;
    for (const input of indicators) {
      const parsed = input.revoked === true ? undefined : parsePattern(input.pattern);
      if (!parsed?.ok) {
        skipped++;
        continue;
      }
      const terms = patternTerms(input.pattern, parsed.ast);
      if (terms.length === 0) continue;
      const i = this.indicators.length;
      this.indicators.push({
        id: input.id,
        name: input.name ?? null,
        tlp: input.tlp,
        validUntil: input.valid_until ?? null,
        partial: !matchesOnOneValue(parsed.ast),
      });
      this.terms.push(terms);
      terms.forEach((term, t) => {
        if (isIp(term.kind)) {
          ipEntries.push({
            id: `${i}:${t}`,
            orgId: String(i),
            kind: term.kind,
            value: term.value,
          });
        } else {
          const key = `${term.kind}|${term.value}`;
          const list = this.exact.get(key);
          if (list) list.push([i, t]);
          else this.exact.set(key, [[i, t]]);
        }
      });
    }
    this.prefixes = OwnershipIndex.build(ipEntries);
    this.skipped = skipped;
  }

  /** An index of these indicators (revoked ones and unparsable patterns are left out). */
  static build(indicators: Iterable<IndicatorInput>): IntelIndex {
    return new IntelIndex(indicators);
  }

  /** Indicators that name at least one value matched on. */
  get size(): number {
    return this.indicators.length;
  }

  /**
   * The indicators that name this value and are still valid at `now` (an indicator past its
   * `valid_until` no longer hits). A value that is not of its kind matches nothing.
   */
  match(observable: { kind: IntelKind; value: string }, now: Date): IntelHit[] {
    const value = normaliseTerm(observable.kind, observable.value);
    if (value === undefined) return [];
    const seen = new Set<string>();
    const hits: IntelHit[] = [];
    const add = (i: number, t: number, rule: HitRule) => {
      const indicator = this.indicators[i]!;
      if (indicator.validUntil !== null && Date.parse(indicator.validUntil) <= now.getTime())
        return;
      const key = `${i}:${t}`;
      if (seen.has(key)) return;
      seen.add(key);
      hits.push({
        observable: { kind: observable.kind, value },
        indicator,
        term: this.terms[i]![t]!,
        rule,
      });
    };
    if (isIp(observable.kind)) {
      const target = parseLookupQuery(value);
      if (target.ok) {
        for (const m of this.prefixes.covering(target.target)) {
          const [i, t] = m.entryId.split(':').map(Number) as [number, number];
          const exact =
            this.terms[i]![t]!.value === value ||
            m.prefixLength === (observable.kind === 'ipv4' ? 32 : 128);
          add(i, t, exact ? 'exact' : 'prefix');
        }
      }
    } else {
      for (const [i, t] of this.exact.get(`${observable.kind}|${value}`) ?? []) add(i, t, 'exact');
      if (observable.kind === 'url' || observable.kind === 'email') {
        const parsed = parseLookupQuery(value);
        if (parsed.ok && parsed.target.kind === 'domain') {
          for (const [i, t] of this.exact.get(`domain|${parsed.target.value}`) ?? [])
            add(i, t, 'host');
        }
      }
    }
    return hits;
  }
}
