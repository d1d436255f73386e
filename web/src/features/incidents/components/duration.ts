import { currentLocale } from '../../../i18n';
import { splitDuration } from '../detail/sla';

/** A duration in the reader's language with Intl's units: "2 hr, 5 min", "3 days, 4 hr". */
export function formatSpan(ms: number): string {
  const { days, hours, minutes } = splitDuration(ms);
  const locale = currentLocale();
  const unit = (value: number, name: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      value,
    );
  const parts =
    days > 0
      ? [unit(days, 'day'), hours > 0 ? unit(hours, 'hour') : null]
      : hours > 0
        ? [unit(hours, 'hour'), minutes > 0 ? unit(minutes, 'minute') : null]
        : [unit(minutes, 'minute')];
  const present = parts.filter((p): p is string => p !== null);
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(present);
}
