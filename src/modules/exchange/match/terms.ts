/**
 * The concrete values a piece of threat intelligence names: the addresses, domains, URLs,
 * e-mail addresses, AS numbers, hashes and file names of an indicator's pattern or of a cyber
 * observable. They are what incident observables and feed events are matched against, and what
 * the ownership index is asked about ("which of our constituents are named here?").
 *
 * Values are normalised the way the incidents module normalises observables (the constituents'
 * lookup parser for network values, lower-case hex for hashes), so equal things compare equal.
 */
import { parseLookupQuery } from '../../constituents/index.js';
import { comparisonsOf, type Comparison, type ObjectPath, type Pattern } from '../pattern/index.js';

/** The kinds of the incidents module's observables, plus SHA-512. */
export const intelKinds = [
  'ipv4',
  'ipv6',
  'domain',
  'url',
  'email',
  'asn',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'file',
] as const;
export type IntelKind = (typeof intelKinds)[number];

export interface IntelTerm {
  kind: IntelKind;
  /** Normalised: `198.51.100.0/24`, `evil.example`, `AS64500`, lower-case hex… */
  value: string;
  /** Where it was found: the comparison's text in the pattern, or the observable's property. */
  source: string;
}

const hashKinds: Readonly<Record<string, IntelKind>> = {
  MD5: 'md5',
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA512: 'sha512',
};
const hashLength: Readonly<Partial<Record<IntelKind, number>>> = {
  md5: 32,
  sha1: 40,
  sha256: 64,
  sha512: 128,
};

/** The kind a hash algorithm name stands for (`SHA-256`, `sha256` → sha256), if matched on. */
export function hashKindOf(algorithm: string): IntelKind | undefined {
  return hashKinds[algorithm.toUpperCase().replace(/-/g, '')];
}

/**
 * A value of the given kind, normalised, or undefined when it is not one. `network` kinds go
 * through the constituents' parser, which also accepts defanged text (`evil[.]example`).
 */
export function normaliseTerm(kind: IntelKind, raw: string): string | undefined {
  const text = raw.trim();
  if (text === '' || text.length > 2048) return undefined;
  const hexLength = hashLength[kind];
  if (hexLength !== undefined) {
    const hex = text.toLowerCase();
    return hex.length === hexLength && /^[0-9a-f]+$/.test(hex) ? hex : undefined;
  }
  if (kind === 'file') return text;
  const parsed = parseLookupQuery(text);
  if (!parsed.ok || parsed.kind !== kind) return undefined;
  // Mail systems treat local parts without regard to case in practice: so does matching.
  return kind === 'email' ? parsed.normalised.toLowerCase() : parsed.normalised;
}

/** The network kind of a value the pattern names through a reference (`dst_ref.value`). */
function networkTerm(raw: string): { kind: IntelKind; value: string } | undefined {
  const parsed = parseLookupQuery(raw);
  if (!parsed.ok) return undefined;
  return { kind: parsed.kind, value: parsed.normalised };
}

const byTypeAndProperty: Readonly<Record<string, IntelKind>> = {
  'ipv4-addr:value': 'ipv4',
  'ipv6-addr:value': 'ipv6',
  'domain-name:value': 'domain',
  'url:value': 'url',
  'email-addr:value': 'email',
  'autonomous-system:number': 'asn',
  'file:name': 'file',
};

/** What a comparison's path names: a kind, or `infer` for a referenced object's `value`. */
function kindOfPath(path: ObjectPath): IntelKind | 'infer' | undefined {
  const names = path.steps.flatMap((s) => (s.kind === 'property' ? [s.name] : []));
  if (names.length === 1) return byTypeAndProperty[`${path.objectType}:${names[0]!}`];
  if (path.objectType === 'file' && names.length === 2 && names[0] === 'hashes')
    return hashKindOf(names[1]!);
  // network-traffic:dst_ref.value, email-message:from_ref.value, to_refs[*].value, …
  const last = names.at(-1);
  const before = names.at(-2);
  if (names.length >= 2 && last === 'value' && before !== undefined && /_refs?$/.test(before))
    return 'infer';
  return undefined;
}

function termOf(kind: IntelKind | 'infer', raw: string, source: string): IntelTerm | undefined {
  if (kind === 'infer') {
    const inferred = networkTerm(raw);
    return inferred && { ...inferred, source };
  }
  const value = normaliseTerm(kind, raw);
  return value === undefined ? undefined : { kind, value, source };
}

function comparisonTerms(comparison: Comparison, text: string): IntelTerm[] {
  // A negated comparison names what is *not* there; EXISTS and LIKE/MATCHES name no value.
  if (comparison.negated || comparison.kind === 'exists') return [];
  const kind = kindOfPath(comparison.path);
  if (kind === undefined) return [];
  const source = text.slice(comparison.loc.start, comparison.loc.end);
  const constants =
    comparison.kind === 'in'
      ? comparison.values
      : comparison.operator === '=' ||
          (comparison.operator === 'ISSUBSET' && (kind === 'ipv4' || kind === 'ipv6'))
        ? [comparison.value]
        : [];
  const terms: IntelTerm[] = [];
  for (const constant of constants) {
    const raw =
      constant.kind === 'string'
        ? constant.value
        : constant.kind === 'integer' && kind === 'asn'
          ? `AS${constant.value}`
          : undefined;
    const term = raw === undefined ? undefined : termOf(kind, raw, source);
    if (term) terms.push(term);
  }
  return terms;
}

/**
 * The values an indicator's pattern names, each once, with the comparison that names it.
 * Equality, IN and (for addresses) ISSUBSET count; negated comparisons do not.
 *
 * @example
 * patternTerms("[ipv4-addr:value = '198.51.100.7'] OR [domain-name:value = 'Evil.example']", ast)
 * // [{ kind: 'ipv4', value: '198.51.100.7', source: "ipv4-addr:value = '198.51.100.7'" },
 * //  { kind: 'domain', value: 'evil.example', source: "domain-name:value = 'Evil.example'" }]
 */
export function patternTerms(text: string, pattern: Pattern): IntelTerm[] {
  const seen = new Set<string>();
  const terms: IntelTerm[] = [];
  for (const comparison of comparisonsOf(pattern)) {
    for (const term of comparisonTerms(comparison, text)) {
      const key = `${term.kind}|${term.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        terms.push(term);
      }
    }
  }
  return terms;
}

/**
 * True when one observed value may satisfy the whole pattern: its observations and comparisons
 * are joined by OR only and carry no qualifier. Otherwise a match on one value is partial (the
 * pattern asks for more: another value at the same time, a repetition, a time window).
 */
export function matchesOnOneValue(pattern: Pattern): boolean {
  if (pattern.kind === 'qualified') return false;
  if (pattern.kind === 'observation-operator')
    return pattern.operator === 'OR' && pattern.operands.every(matchesOnOneValue);
  const onlyOr = (e: typeof pattern.comparison): boolean =>
    e.kind !== 'comparison-operator' || (e.operator === 'OR' && e.operands.every(onlyOr));
  return onlyOr(pattern.comparison);
}

/**
 * The values a STIX cyber observable names (its own value, or a file's hashes and name).
 * Other objects name none here; an indicator's are in its pattern.
 */
export function observableTerms(object: { type: string; [key: string]: unknown }): IntelTerm[] {
  const terms: IntelTerm[] = [];
  const add = (kind: IntelKind, raw: unknown, source: string) => {
    const value = typeof raw === 'string' ? normaliseTerm(kind, raw) : undefined;
    if (value !== undefined) terms.push({ kind, value, source });
  };
  const single = byTypeAndProperty[`${object.type}:value`];
  if (single) add(single, object.value, `${object.type}:value`);
  if (object.type === 'autonomous-system' && typeof object.number === 'number')
    add('asn', `AS${object.number}`, 'autonomous-system:number');
  if (object.type === 'file') {
    add('file', object.name, 'file:name');
    const hashes = object.hashes;
    if (hashes !== null && typeof hashes === 'object') {
      for (const [algorithm, value] of Object.entries(hashes)) {
        const kind = hashKindOf(algorithm);
        if (kind) add(kind, value, `file:hashes.'${algorithm}'`);
      }
    }
  }
  return terms;
}
