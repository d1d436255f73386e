import { useId } from 'react';
import { formatNumber } from '../../../app/format';

export interface Datum {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart in SVG. The figure is an image with a title and a summary; the table
 * that follows it on the page carries every number for readers and keyboard users.
 */
export function BarChart({ title, data }: { title: string; data: Datum[] }) {
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 28;
  const height = data.length * row + 8;
  return (
    <svg
      className="chart chart--bars"
      viewBox={`0 0 600 ${height}`}
      role="img"
      aria-labelledby={`${id}-t`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{title}</title>
      {data.map((d, i) => {
        const width = (d.value / max) * 330;
        const y = i * row + 4;
        return (
          <g key={d.label} aria-hidden="true">
            <text x="200" y={y + 17} textAnchor="end" className="chart__label">
              {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
            </text>
            <rect
              x="210"
              y={y + 3}
              width={Math.max(width, 1)}
              height={row - 10}
              className="chart__bar"
            />
            <text x={216 + width} y={y + 17} className="chart__value">
              {formatNumber(d.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Incidents per month as a line, with a dot per month; the table beside it has the values. */
export function LineChart({ title, data }: { title: string; data: Datum[] }) {
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const width = 600;
  const height = 220;
  const left = 44;
  const bottom = 28;
  const step = data.length > 1 ? (width - left - 16) / (data.length - 1) : 0;
  const point = (d: Datum, i: number) =>
    [left + i * step, 10 + (1 - d.value / max) * (height - bottom - 10)] as const;
  const path = data.map((d, i) => point(d, i).join(',')).join(' ');
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  return (
    <svg
      className="chart chart--line"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t`}
    >
      <title id={`${id}-t`}>{title}</title>
      <g aria-hidden="true">
        <line
          x1={left}
          y1={height - bottom}
          x2={width - 8}
          y2={height - bottom}
          className="chart__axis"
        />
        <text x={left - 6} y={14} textAnchor="end" className="chart__value">
          {formatNumber(max)}
        </text>
        <text x={left - 6} y={height - bottom} textAnchor="end" className="chart__value">
          0
        </text>
        <polyline points={path} className="chart__line" />
        {data.map((d, i) => {
          const [x, y] = point(d, i);
          return (
            <g key={d.label}>
              <circle cx={x} cy={y} r="3" className="chart__dot" />
              {i % labelEvery === 0 ? (
                <text x={x} y={height - 8} textAnchor="middle" className="chart__label">
                  {d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
