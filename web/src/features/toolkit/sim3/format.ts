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

/** A file size in the reader's language: "820 B", "14 kB", "2.3 MB". */
export function formatSize(bytes: number): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/**
 * A code such as "O-1" kept left to right inside a sentence in any direction (Unicode first
 * strong isolate), so Arabic text shows "O-1", not "1-O".
 */
export function isolate(code: string): string {
  return `\u2068${code}\u2069`;
}
