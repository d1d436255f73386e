import { currentLocale } from '../../../i18n';

/** A whole percentage in the reader's language ("40 %", "40%", "٪40"...). */
export function formatPercent(percent: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(Math.max(0, Math.min(100, Math.round(percent))) / 100);
}

/** A percentage as a bar with its figure beside it; the figure is the text, the bar decoration. */
export function Meter({ percent, large = false }: { percent: number; large?: boolean }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <span className={`roadmap-meter${large ? ' roadmap-meter--large' : ''}`}>
      <span className="roadmap-meter__bar" aria-hidden="true">
        <span className="roadmap-meter__fill" style={{ inlineSize: `${value}%` }} />
      </span>
      <span className="roadmap-meter__value">{formatPercent(value)}</span>
    </span>
  );
}
