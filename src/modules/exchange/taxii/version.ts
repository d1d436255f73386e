/**
 * Object versions as TAXII 2.1 sees them, and the sort keys they are stored under.
 *
 * A version is the object's `modified`, else its `created` (marking definitions), else
 * {@link unversioned} (observables: their id derives from their content, so one id names one
 * unchanging object). Timestamps may carry any number of fractional digits, and text order is
 * not time order across precisions (`…:00Z` sorts after `…:00.5Z`), so versions are stored as
 * keys with exactly nine fractional digits; {@link versionOfKey} gives the display form back.
 */

/** The version of objects that have neither `modified` nor `created`. */
export const unversioned = '1970-01-01T00:00:00.000Z';

const shape = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * The fixed-width key of a STIX timestamp (nine fractional digits), or undefined for text that
 * is not a timestamp with at most nanosecond precision.
 *
 * @example
 *   versionKey('2016-01-20T12:31:12Z')  // '2016-01-20T12:31:12.000000000Z'
 */
export function versionKey(timestamp: string): string | undefined {
  const m = shape.exec(timestamp);
  if (!m) return undefined;
  return `${m[1]!}.${(m[2] ?? '').padEnd(9, '0')}Z`;
}

/** The display form of a key: trailing zeros dropped down to milliseconds. */
export function versionOfKey(key: string): string {
  const fraction = key.slice(20, -1).replace(/0+$/, '').padEnd(3, '0');
  return `${key.slice(0, 19)}.${fraction}Z`;
}

/** The version of an object (see the module comment), as its display text. */
export function versionOf(object: object): string {
  const o = object as { modified?: unknown; created?: unknown };
  if (typeof o.modified === 'string') return o.modified;
  if (typeof o.created === 'string') return o.created;
  return unversioned;
}

/** What `match[version]` asks for: `first`, `last`, `all`, or version keys. */
export interface VersionMatch {
  all: boolean;
  first: boolean;
  last: boolean;
  keys: string[];
}

/**
 * Reads the values of `match[version]` (each may hold a comma-separated list). Without any,
 * TAXII 2.1 asks for `last`. Throws a RangeError naming a value that is neither a keyword nor
 * a timestamp.
 */
export function parseVersionMatch(values: readonly string[] | undefined): VersionMatch {
  const match: VersionMatch = { all: false, first: false, last: false, keys: [] };
  const parts = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
  if (parts.length === 0) return { ...match, last: true };
  for (const part of parts) {
    if (part === 'all') match.all = true;
    else if (part === 'first') match.first = true;
    else if (part === 'last') match.last = true;
    else {
      const key = versionKey(part);
      if (key === undefined)
        throw new RangeError(
          `match[version] "${part}" is neither first, last, all nor a timestamp such as 2016-05-12T08:17:27.000Z`,
        );
      if (!match.keys.includes(key)) match.keys.push(key);
    }
  }
  match.keys.sort();
  return match;
}

/**
 * Which of the versions (keys) of one object a match selects, in ascending order; the same rule
 * the store applies in SQL, for callers that hold the versions in memory.
 */
export function selectVersions(keys: readonly string[], match: VersionMatch): string[] {
  const sorted = [...new Set(keys)].sort();
  if (match.all) return sorted;
  return sorted.filter(
    (key, i) =>
      (match.first && i === 0) ||
      (match.last && i === sorted.length - 1) ||
      match.keys.includes(key),
  );
}
