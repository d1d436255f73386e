/**
 * STIX 2.1 timestamps (specification section 2.13): RFC 3339 in UTC with the `Z` designation and
 * any number of fractional-second digits. `created` and `modified` need at least milliseconds
 * (section 3.2). The project writes every timestamp with exactly milliseconds.
 */
import { z } from 'zod';

const shape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;

const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/**
 * Whether `text` is a STIX timestamp: a real calendar date and time in UTC (`Z`), seconds up to
 * 60 for a leap second, and, with `millis`, at least three fractional digits.
 *
 * @example
 *   isStixTimestamp('2016-01-20T12:31:12.12345Z')  // true
 *   isStixTimestamp('2016-01-20T12:31:12Z', { millis: true })  // false
 */
export function isStixTimestamp(text: string, options: { millis?: boolean } = {}): boolean {
  const m = shape.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (options.millis && (m[7] ?? '').length < 3) return false;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60
  );
}

/**
 * Orders two valid STIX timestamps at their full precision: negative when `a` is earlier, zero
 * when they name the same instant (`…:00Z` equals `…:00.000Z`), positive when `a` is later.
 */
export function compareStixTimestamps(a: string, b: string): number {
  const wa = a.slice(0, 19);
  const wb = b.slice(0, 19);
  if (wa !== wb) return wa < wb ? -1 : 1;
  const fa = a.length > 20 ? a.slice(20, -1) : '';
  const fb = b.length > 20 ? b.slice(20, -1) : '';
  const width = Math.max(fa.length, fb.length);
  const pa = fa.padEnd(width, '0');
  const pb = fb.padEnd(width, '0');
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

/** The project's way to write an instant: UTC, exactly milliseconds. */
export function stixTimestamp(date: Date = new Date()): string {
  return date.toISOString();
}

const example = '2016-05-12T08:17:27.000Z';

/** Any STIX timestamp (valid_from, published, first_seen …). */
export const timestampSchema = z.string().refine((t) => isStixTimestamp(t), {
  error: `must be an RFC 3339 timestamp in UTC ending in Z, e.g. ${example}`,
});

/** `created` and `modified`: at least millisecond precision. */
export const millisTimestampSchema = z
  .string()
  .refine((t) => isStixTimestamp(t, { millis: true }), {
    error: `must be an RFC 3339 timestamp in UTC with at least millisecond precision, e.g. ${example}`,
  });
