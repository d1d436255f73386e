/**
 * Dates in the registry are often known only to the year or month ("CERT-X was set up in 2008").
 * A partial date keeps that precision; comparisons say whether something had happened *by* a
 * given day, which for a partial date means by the end of its period (the cautious reading:
 * a team set up "in 2008" is not counted as existing on 2008-06-30).
 */
export type Precision = 'year' | 'month' | 'day';

const pattern = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(value: string): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  if (match[3] === undefined) return true;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export function precisionOf(value: string): Precision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

/** The last day a partial date covers, as YYYY-MM-DD. */
export function endOf(value: string): string {
  if (value.length === 10) return value;
  if (value.length === 7) {
    const [year, month] = value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, '0')}`;
  }
  return `${value}-12-31`;
}

/** The first day a partial date covers, as YYYY-MM-DD. */
export function startOf(value: string): string {
  return value.length === 10 ? value : value.length === 7 ? `${value}-01` : `${value}-01-01`;
}

/** True when the event dated `value` had certainly happened by the end of day `day`. */
export function happenedBy(value: string, day: string): boolean {
  return endOf(value) <= day;
}

/** True when the event dated `value` had certainly not happened by the end of day `day`. */
export function notYetBy(value: string, day: string): boolean {
  return startOf(value) > day;
}
