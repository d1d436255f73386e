import { currentLocale } from '../../../i18n';

/** A level or a mean level in the reader's language: "3", "2.4", "٢٫٤". */
export function formatLevel(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 }).format(value);
}

/** A mean level with one decimal, so means line up: "1.0", "2.4". */
export function formatMean(value: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A signed change of level: "+1", "−2", "0" (or of a mean, with one decimal: "+0.4"). */
export function formatDelta(value: number, decimals = 0): string {
  return new Intl.NumberFormat(currentLocale(), {
    signDisplay: 'exceptZero',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

export function formatDay(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** The time of day of a timestamp, e.g. "14:05". */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(new Date(iso));
}

/**
 * A code such as "O-1" kept left to right inside a sentence in any direction (Unicode first
 * strong isolate), so Arabic text shows "O-1", not "1-O".
 */
export function isolate(code: string): string {
  return `\u2068${code}\u2069`;
}
