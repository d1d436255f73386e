import { currentLocale } from '../../i18n';

/** A day (YYYY-MM-DD) in the reader's language, e.g. "23 Nov 2001"; other text as it is. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

/** A coverage percentage, "42.5 %" in the reader's conventions; null shows as a dash. */
export function formatPercent(value: number | null): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(currentLocale(), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value / 100);
}
