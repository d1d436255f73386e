import { currentLocale } from '../i18n';

/** Date and time in the reader's language, e.g. "3 Mar 2025, 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

/**
 * A wait such as "5 minutes" or "40 seconds", with the plural rules of the reader's language
 * handled by Intl rather than by per-language translation keys.
 */
export function formatDuration(seconds: number): string {
  const rounded = Math.max(1, Math.round(seconds));
  const [value, unit] =
    rounded < 60
      ? [rounded, 'second']
      : rounded < 3600
        ? [Math.ceil(rounded / 60), 'minute']
        : [Math.ceil(rounded / 3600), 'hour'];
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit',
    unit,
    unitDisplay: 'long',
  }).format(value);
}
