/**
 * Checks of constants that need more than the grammar: real dates, the order of timestamps,
 * regular expressions, IP networks and hash values. Each answers the reason a value is wrong,
 * or undefined.
 */
import { isIPv4, isIPv6 } from 'node:net';

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Of a timestamp in the grammar's form: a day the month has, a leap second only at 23:59:60. */
export function dateProblem(value: string): string | undefined {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : daysInMonth[month - 1]!;
  if (day > days) return `${value.slice(0, 10)} is not a date: that month has ${days} days`;
  if (value.slice(17, 19) === '60' && value.slice(11, 16) !== '23:59') {
    return `a leap second (:60) comes only at 23:59:60, not ${value.slice(11, 19)}`;
  }
  return undefined;
}

/** Orders two timestamps of the grammar's form (UTC, any number of fraction digits). */
export function compareTimestamps(a: string, b: string): number {
  const whole = (t: string) => t.slice(0, 19);
  const fraction = (t: string) => (t[19] === '.' ? t.slice(20, -1) : '');
  if (whole(a) !== whole(b)) return whole(a) < whole(b) ? -1 : 1;
  const width = Math.max(fraction(a).length, fraction(b).length);
  const fa = fraction(a).padEnd(width, '0');
  const fb = fraction(b).padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/**
 * MATCHES takes a PCRE regular expression. JavaScript's RegExp checks it, after the PCRE forms
 * it lacks are rewritten to equivalents: inline options `(?i)`, atomic groups `(?>…)`, named
 * groups `(?P<n>…)` and back-references `(?P=n)`, comments `(?#…)`. Other PCRE-only syntax
 * (possessive quantifiers, \Q…\E) is reported as invalid.
 */
export function regexProblem(source: string): string | undefined {
  const rewritten = source
    .replace(/\(\?#[^)]*\)/g, '')
    .replace(/\(\?[imsxJU-]+\)/g, '')
    .replace(/\(\?>/g, '(?:')
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  try {
    new RegExp(rewritten);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/** An IPv4 or IPv6 address, with or without a prefix length (what ISSUBSET compares). */
export function isNetwork(value: string): boolean {
  const slash = value.indexOf('/');
  const address = slash === -1 ? value : value.slice(0, slash);
  const prefix = slash === -1 ? undefined : value.slice(slash + 1);
  const bits = isIPv4(address) ? 32 : isIPv6(address) && !address.includes('%') ? 128 : 0;
  if (bits === 0) return false;
  return prefix === undefined || (/^(?:0|[1-9]\d{0,2})$/.test(prefix) && Number(prefix) <= bits);
}

// Hex digits per hash algorithm (STIX 2.1 hash-algorithm-ov and the common others), keyed by
// the name upper-cased without '-' or '_'.
const hashLengths: Record<string, number> = {
  MD5: 32,
  SHA1: 40,
  SHA224: 56,
  SHA256: 64,
  SHA384: 96,
  SHA512: 128,
  SHA3224: 56,
  SHA3256: 64,
  SHA3384: 96,
  SHA3512: 128,
};

/** A value for `hashes.<algorithm>`; algorithms without a fixed length are not checked. */
export function hashProblem(algorithm: string, value: string): string | undefined {
  const length = hashLengths[algorithm.toUpperCase().replace(/[-_]/g, '')];
  if (length === undefined) return undefined;
  if (value.length === length && /^[0-9A-Fa-f]*$/.test(value)) return undefined;
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `'${shown}' is not a ${algorithm} hash: ${length} hex digits expected`;
}
