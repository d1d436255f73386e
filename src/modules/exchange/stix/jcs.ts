/**
 * The JSON Canonicalization Scheme (RFC 8785): object members sorted by the UTF-16 code units of
 * their names, no white space, strings and numbers serialised as ECMAScript's JSON.stringify does
 * (which RFC 8785 adopts: numbers in their shortest round-trip form, strings with the minimal
 * escapes). STIX 2.1 hashes this text to derive SCO identifiers.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * @example
 *   canonicalJson({ b: [1, 2.50, 'é'], a: null })  // '{"a":null,"b":[1,2.5,"é"]}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`JSON has no ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`JSON has no ${typeof value}`);
}
