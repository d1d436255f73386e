import { currentLocale } from '../../i18n';

/** Today in the reader's time zone, as YYYY-MM-DD (the API's `asOf`). */
export function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
export const isPartialDate = (value: string) => /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/.test(value);

/**
 * A date known to the year, month or day ("2012", "2012-10", "2012-10-05"), written in the
 * reader's language with only the precision that is known.
 */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return '';
  const [year, month, day] = value.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return value;
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day !== undefined
      ? { dateStyle: 'medium' }
      : month !== undefined
        ? { year: 'numeric', month: 'long' }
        : { year: 'numeric' };
  return new Intl.DateTimeFormat(currentLocale(), { ...options, timeZone: 'UTC' }).format(date);
}

/** A share from 0 to 1 as a percentage in the reader's language ("45 %", "45%", "٪45"). */
export function formatPercent(share: number, digits = 0): string {
  return new Intl.NumberFormat(currentLocale(), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(share);
}

export function formatDecimal(value: number, digits = 1): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits }).format(value);
}

/** A list such as "LDC, SIDS" or "LDC et SIDS" in the reader's language. */
export function formatList(values: string[]): string {
  return new Intl.ListFormat(currentLocale(), { style: 'narrow', type: 'unit' }).format(values);
}
