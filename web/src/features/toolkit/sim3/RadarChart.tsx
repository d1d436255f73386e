import { useTranslation } from 'react-i18next';
import '../../../ui/theme-toolkit-sim3-radar.css';
import { formatCount, formatLevel, formatMean, isolate } from './format';
import {
  labelPlacement,
  maxLevel,
  pointAt,
  polygonPoints,
  radarGeometry,
  radiusOf,
  ringPoints,
} from './radar';

export interface RadarAxis {
  /** Short name drawn at the end of the axis, e.g. "O-1". */
  id: string;
  /** Full name, used in the table and the tooltip, e.g. "O-1 Mandate". */
  label: string;
  /** Level 0 to 4 (a mean may have decimals); null = not assessed. */
  value: number | null;
}

export interface RadarChartProps {
  axes: RadarAxis[];
  /** A second set of levels, e.g. an earlier assessment, drawn dotted. */
  compare?: ReadonlyArray<number | null>;
  /** Minimum levels, e.g. of the next tier, drawn dashed; axes below it are marked. */
  threshold?: readonly number[];
  title: string;
  /** Width of the drawing in CSS pixels at most (it shrinks with its container). */
  size?: number;
  /** Legend names of the three series; each has a translated default. */
  valueLabel?: string;
  compareLabel?: string;
  thresholdLabel?: string;
  testId?: string;
}

/**
 * An accessible SVG radar chart of SIM3 levels. The drawing is one image with a summary as its
 * name; every value is also in a table for screen readers, and the legend names the series in
 * words, so colour is never the only carrier of meaning. It turns in the reading direction.
 *
 * @example
 * <RadarChart title="Organisation" axes={[{ id: 'O-1', label: 'O-1 Mandate', value: 2 }, …]}
 *   threshold={[3, 3, …]} thresholdLabel="Intermediate: minimum" />
 */
export function RadarChart(props: RadarChartProps) {
  const { axes, compare, threshold, title, size = 360 } = props;
  const { t, i18n } = useTranslation('toolkit');
  const g = radarGeometry(size, axes.length, i18n.dir() === 'rtl');
  const values = axes.map((a) => a.value);
  const assessed = values.filter((v): v is number => v !== null);
  const mean = assessed.length ? assessed.reduce((s, v) => s + v, 0) / assessed.length : null;
  const below = threshold ? axes.filter((a, i) => (a.value ?? 0) < (threshold[i] ?? 0)) : [];
  const valueLabel = props.valueLabel ?? t('sim3.radar.levels');
  const compareLabel = props.compareLabel ?? t('sim3.radar.compare');
  const thresholdLabel = props.thresholdLabel ?? t('sim3.radar.threshold');
  const levelText = (v: number | null | undefined) =>
    v === null || v === undefined ? t('sim3.level.none') : formatLevel(v);

  const summary = [
    t('sim3.radar.summary', {
      title,
      assessed: formatCount(assessed.length),
      total: formatCount(axes.length),
      mean: mean === null ? t('sim3.level.none') : formatMean(mean),
    }),
    threshold
      ? below.length
        ? t('sim3.radar.belowSome', {
            threshold: thresholdLabel,
            n: formatCount(below.length),
            ids: below.map((a) => isolate(a.id)).join(', '),
          })
        : t('sim3.radar.belowNone', { threshold: thresholdLabel })
      : '',
    compare
      ? t('sim3.radar.compareSummary', {
          compare: compareLabel,
          higher: formatCount(axes.filter((a, i) => (a.value ?? 0) > (compare[i] ?? 0)).length),
          lower: formatCount(axes.filter((a, i) => (a.value ?? 0) < (compare[i] ?? 0)).length),
        })
      : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="sim3-radar" data-testid={props.testId}>
      <figcaption className="sim3-radar__title">{title}</figcaption>
      <svg
        className="sim3-radar__svg"
        viewBox={`0 0 ${size} ${size}`}
        style={{ maxInlineSize: size }}
        role="img"
        aria-label={summary}
        data-below={below.map((a) => a.id).join(' ')}
      >
        {Array.from({ length: maxLevel + 1 }, (_, level) => (
          <polygon key={level} className="sim3-radar__ring" points={ringPoints(g, level)} />
        ))}
        {axes.map((axis, i) => {
          const end = pointAt(g, i, maxLevel);
          const start = pointAt(g, i, 0);
          return (
            <line
              key={axis.id}
              className="sim3-radar__axis"
              x1={start.x}
              y1={start.y}
              x2={end.x}
              y2={end.y}
            />
          );
        })}
        {Array.from({ length: maxLevel + 1 }, (_, level) => (
          <text
            key={level}
            className="sim3-radar__ring-label"
            x={g.centre + 4}
            y={g.centre - radiusOf(g, level) - 2}
          >
            {formatCount(level)}
          </text>
        ))}
        {compare ? (
          <polygon
            className="sim3-radar__compare"
            points={polygonPoints(g, compare)}
            data-series="compare"
          />
        ) : null}
        <polygon
          className="sim3-radar__levels"
          points={polygonPoints(g, values)}
          data-series="levels"
        />
        {threshold ? (
          <polygon
            className="sim3-radar__threshold"
            points={polygonPoints(g, threshold)}
            data-series="threshold"
          />
        ) : null}
        {axes.map((axis, i) => {
          const p = pointAt(g, i, axis.value ?? 0);
          return (
            <circle
              key={axis.id}
              className={
                axis.value === null ? 'sim3-radar__dot sim3-radar__dot--none' : 'sim3-radar__dot'
              }
              cx={p.x}
              cy={p.y}
              r={axis.value === null ? 4 : 4.5}
              data-axis={axis.id}
              data-level={axis.value ?? 'none'}
            />
          );
        })}
        {axes.map((axis, i) => {
          const place = labelPlacement(g, i);
          const isBelow = below.includes(axis);
          return (
            <text
              key={axis.id}
              className={
                isBelow ? 'sim3-radar__label sim3-radar__label--below' : 'sim3-radar__label'
              }
              x={place.x}
              y={place.y}
              textAnchor={place.anchor}
              dominantBaseline={place.baseline}
            >
              <title>{axis.label}</title>
              {axis.id}
            </text>
          );
        })}
      </svg>
      <ul className="sim3-radar__legend">
        <li>
          <svg aria-hidden="true" viewBox="0 0 28 12" className="sim3-radar__key">
            <line className="sim3-radar__key-levels" x1="1" x2="27" y1="6" y2="6" />
          </svg>
          {valueLabel}
        </li>
        {threshold ? (
          <li>
            <svg aria-hidden="true" viewBox="0 0 28 12" className="sim3-radar__key">
              <line className="sim3-radar__key-threshold" x1="1" x2="27" y1="6" y2="6" />
            </svg>
            {thresholdLabel}
            {below.length ? (
              <span className="sim3-radar__key-below">
                {t('sim3.radar.belowKey', { n: formatCount(below.length) })}
              </span>
            ) : null}
          </li>
        ) : null}
        {compare ? (
          <li>
            <svg aria-hidden="true" viewBox="0 0 28 12" className="sim3-radar__key">
              <line className="sim3-radar__key-compare" x1="1" x2="27" y1="6" y2="6" />
            </svg>
            {compareLabel}
          </li>
        ) : null}
        {values.includes(null) ? (
          <li>
            <svg aria-hidden="true" viewBox="0 0 28 12" className="sim3-radar__key">
              <circle className="sim3-radar__dot sim3-radar__dot--none" cx="14" cy="6" r="4" />
            </svg>
            {t('sim3.radar.unassessed')}
          </li>
        ) : null}
      </ul>
      {/* A table cannot shrink to 1px: its hidden wrapper clips it. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sim3.radar.parameter')}</th>
              <th scope="col">{valueLabel}</th>
              {threshold ? <th scope="col">{thresholdLabel}</th> : null}
              {compare ? <th scope="col">{compareLabel}</th> : null}
            </tr>
          </thead>
          <tbody>
            {axes.map((axis, i) => (
              <tr key={axis.id}>
                <th scope="row">{axis.label}</th>
                <td>{levelText(axis.value)}</td>
                {threshold ? <td>{levelText(threshold[i])}</td> : null}
                {compare ? <td>{levelText(compare[i])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
