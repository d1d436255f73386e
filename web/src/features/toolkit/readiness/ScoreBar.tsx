/**
 * A score from 0 to 100 as a bar. Decoration only: the figure is always written beside it, so
 * the bar is hidden from screen readers. Ticks mark where the next level starts.
 */
export function ScoreBar({
  percent,
  ticks = [],
  compact = false,
}: {
  percent: number;
  ticks?: number[];
  compact?: boolean;
}) {
  const width = Math.max(0, Math.min(100, percent));
  return (
    <span className={compact ? 'rs-bar rs-bar--compact' : 'rs-bar'} aria-hidden="true">
      <span className="rs-bar__fill" style={{ inlineSize: `${width}%` }} />
      {ticks.map((tick) => (
        <span key={tick} className="rs-bar__tick" style={{ insetInlineStart: `${tick}%` }} />
      ))}
    </span>
  );
}
