import { currentLocale } from '../../../i18n';
import type { Questionnaire } from '../content';

/** A score from 0 to 100 as a percentage in the reader's language ("45 %", "45%", "٪45"). */
export function formatScore(percent: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(percent / 100);
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

/** The time of day of a timestamp, e.g. "14:05". */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(new Date(iso));
}

export function formatDay(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

export type Level = Questionnaire['levels'][number];

/** The level a score reaches on the questionnaire's scale, with its label. */
export function levelOf(questionnaire: Questionnaire | null, levelId: string): Level | undefined {
  return questionnaire?.levels.find((l) => l.id === levelId);
}
