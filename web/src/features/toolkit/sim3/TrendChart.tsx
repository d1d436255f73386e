import { useTranslation } from 'react-i18next';
import type { Sim3Model, Tiers } from '../content';
import type { QuadrantId, Sim3ListItem } from './api';
import { formatCount, formatDay, formatDelta, formatMean } from './format';
import { TierBadge } from './Sim3Summary';
import { maxLevel } from './radar';

const height = 260;
const pad = { top: 16, side: 60, bottom: 44 };

type SeriesId = QuadrantId | 'mean';
const series: readonly SeriesId[] = ['mean', 'O', 'H', 'T', 'P'];

/** Each series has its own colour, dash and marker shape, so none depends on colour alone. */
function Marker({ id, x, y }: { id: SeriesId; x: number; y: number }) {
  const cls = `sim3-trend__marker sim3-trend__marker--${id}`;
  if (id === 'O') return <rect className={cls} x={x - 4} y={y - 4} width={8} height={8} />;
  if (id === 'H')
    return <polygon className={cls} points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} />;
  if (id === 'T')
    return (
      <polygon className={cls} points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} />
    );
  if (id === 'P')
    return <circle className={`${cls} sim3-trend__marker--hollow`} cx={x} cy={y} r={4} />;
  return <circle className={cls} cx={x} cy={y} r={5} />;
}

const dayOf = (a: Sim3ListItem) => a.finalisedAt ?? a.createdAt;

/**
 * The change over time: the overall mean and each quadrant's mean, one point per assessment,
 * oldest first in the reading direction. The drawing's name says where each series started
 * and ended; a table holds every value.
 */
export function TrendChart({
  items,
  model,
  tiers,
}: {
  items: Sim3ListItem[];
  model: Sim3Model | null;
  tiers: Tiers | null;
}) {
  const { t, i18n } = useTranslation('toolkit');
  const rtl = i18n.dir() === 'rtl';
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;

  const nameOf = (id: SeriesId) =>
    id === 'mean' ? t('sim3.trend.mean') : (model?.quadrants.find((q) => q.id === id)?.title ?? id);
  const valueOf = (item: Sim3ListItem, id: SeriesId) =>
    id === 'mean'
      ? item.summary.mean
      : (item.summary.quadrants.find((q) => q.quadrantId === id)?.mean ?? null);
  // Few assessments draw a narrower chart, so its text stays readable on a phone.
  const width = Math.min(720, Math.max(420, 120 * items.length));
  const span = Math.max(items.length - 1, 1);
  const inner = width - 2 * pad.side;
  const x = (i: number) => {
    const offset = items.length === 1 ? inner / 2 : (inner * i) / span;
    return rtl ? width - pad.side - offset : pad.side + offset;
  };
  const y = (v: number) => pad.top + (1 - v / maxLevel) * (height - pad.top - pad.bottom);
  const every = Math.ceil(items.length / 8);
  const text = (v: number | null) => (v === null ? '–' : formatMean(v));
  const label = t('sim3.trend.label', {
    n: formatCount(items.length),
    from: text(first.summary.mean),
    fromDay: formatDay(dayOf(first)),
    to: text(last.summary.mean),
    toDay: formatDay(dayOf(last)),
    quadrants: (['O', 'H', 'T', 'P'] as const)
      .map((q) =>
        t('sim3.trend.quadrantChange', {
          name: nameOf(q),
          from: text(valueOf(first, q)),
          to: text(valueOf(last, q)),
        }),
      )
      .join(', '),
  });

  return (
    <figure className="sim3-trend">
      <figcaption className="sim3-trend__caption">{t('sim3.trend.caption')}</figcaption>
      <div className="sim3-trend__body">
        <div className="sim3-trend__chart">
          <svg
            className="sim3-trend__svg"
            viewBox={`0 0 ${width} ${height}`}
            style={{ maxInlineSize: width }}
            role="img"
            aria-label={label}
            data-testid="sim3-trend"
          >
            {Array.from({ length: maxLevel + 1 }, (_, level) => (
              <g key={level}>
                <line
                  className="sim3-trend__grid"
                  x1={pad.side}
                  x2={width - pad.side}
                  y1={y(level)}
                  y2={y(level)}
                />
                <text
                  className="sim3-trend__tick"
                  x={rtl ? width - pad.side + 8 : pad.side - 8}
                  y={y(level) + 4}
                  textAnchor={rtl ? 'start' : 'end'}
                >
                  {formatCount(level)}
                </text>
              </g>
            ))}
            {items.map((item, i) =>
              i % every === 0 || i === items.length - 1 ? (
                <text
                  key={item.id}
                  className="sim3-trend__tick"
                  x={x(i)}
                  y={height - pad.bottom + 20}
                  textAnchor="middle"
                  direction={rtl ? 'rtl' : 'ltr'}
                >
                  {formatDay(dayOf(item))}
                </text>
              ) : null,
            )}
            {series.map((id) => {
              const points = items
                .map((item, i) => ({ i, v: valueOf(item, id) }))
                .filter((p): p is { i: number; v: number } => p.v !== null);
              return (
                <g key={id} data-series={id}>
                  <polyline
                    className={`sim3-trend__line sim3-trend__line--${id}`}
                    points={points
                      .map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`)
                      .join(' ')}
                  />
                  {points.map((p) => (
                    <Marker key={p.i} id={id} x={x(p.i)} y={y(p.v)} />
                  ))}
                </g>
              );
            })}
          </svg>
          <ul className="sim3-trend__legend">
            {series.map((id) => (
              <li key={id}>
                <svg aria-hidden="true" viewBox="0 0 28 12" className="sim3-radar__key">
                  <line
                    className={`sim3-trend__line sim3-trend__line--${id}`}
                    x1="1"
                    x2="27"
                    y1="6"
                    y2="6"
                  />
                  <Marker id={id} x={14} y={6} />
                </svg>
                {nameOf(id)}
              </li>
            ))}
          </ul>
        </div>
        <dl className="sim3-trend__summary">
          {[
            { key: 'first', item: first },
            { key: 'latest', item: last },
          ].map(({ key, item }) => (
            <div key={key}>
              <dt>{t(`sim3.trend.${key}`)}</dt>
              <dd>
                <bdi className="sim3-trend__title">{item.title}</bdi>
                <span className="muted">
                  {' · '}
                  <bdi>{formatDay(dayOf(item))}</bdi>
                </span>
                <br />
                <TierBadge tiers={tiers} tierId={item.summary.tier} />{' '}
                {t('sim3.compare.mean', { mean: text(item.summary.mean) })}
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('sim3.trend.change')}</dt>
            <dd className="sim3-trend__change" data-testid="sim3-trend-change">
              {first.summary.mean === null || last.summary.mean === null ? (
                '–'
              ) : (
                <bdi>{formatDelta(last.summary.mean - first.summary.mean, 1)}</bdi>
              )}
            </dd>
          </div>
        </dl>
      </div>
      {/* A table cannot shrink to 1px: its hidden wrapper clips it. */}
      <div className="visually-hidden">
        <table>
          <caption>{t('sim3.trend.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sim3.list.columns.assessment')}</th>
              <th scope="col">{t('sim3.list.columns.date')}</th>
              {series.map((id) => (
                <th key={id} scope="col">
                  {nameOf(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.title}</th>
                <td>{formatDay(dayOf(item))}</td>
                {series.map((id) => (
                  <td key={id}>{text(valueOf(item, id))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
