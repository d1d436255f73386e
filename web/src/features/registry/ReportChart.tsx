import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { formatPartialDate, formatPercent } from './format';
import type { ProgressReport } from './report';

const width = 640;
const height = 220;
const pad = { top: 12, right: 16, bottom: 28, left: 48 };
const ticks = [0, 0.25, 0.5, 0.75, 1];

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);

interface ReportChartProps {
  series: ProgressReport['series'];
  compareTo: string;
}

/**
 * Share of ITU Member States with a national CIRT over time, as a small line chart. Readers who
 * cannot see it get the first and last values in its label and every value in a hidden table.
 */
export function ReportChart({ series, compareTo }: ReportChartProps) {
  const { t } = useTranslation();
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) return null;

  const start = time(first.date);
  const span = Math.max(time(last.date) - start, 1);
  const x = (day: string) =>
    pad.left + ((time(day) - start) / span) * (width - pad.left - pad.right);
  const y = (share: number) => pad.top + (1 - share) * (height - pad.top - pad.bottom);
  const points = series.map((p) => `${x(p.date).toFixed(1)},${y(p.share).toFixed(1)}`).join(' ');
  const baseline = time(compareTo) >= start && time(compareTo) <= time(last.date);
  const label = t('registry.report.chartLabel', {
    from: formatPercent(first.share),
    fromDate: formatPartialDate(first.date),
    to: formatPercent(last.share),
    toDate: formatPartialDate(last.date),
  });

  return (
    <figure className="report-chart">
      <figcaption className="report-chart__caption">{t('registry.report.chartTitle')}</figcaption>
      <svg
        className="report-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        data-testid="report-chart"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              className="report-chart__grid"
              x1={pad.left}
              x2={width - pad.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className="report-chart__tick" x={pad.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatPercent(tick)}
            </text>
          </g>
        ))}
        {baseline ? (
          <line
            className="report-chart__baseline"
            x1={x(compareTo)}
            x2={x(compareTo)}
            y1={pad.top}
            y2={height - pad.bottom}
          />
        ) : null}
        <polyline className="report-chart__line" points={points} />
        {series.map((p) => (
          <circle key={p.date} className="report-chart__dot" cx={x(p.date)} cy={y(p.share)} r={3} />
        ))}
        <text className="report-chart__tick" x={pad.left} y={height - 8} textAnchor="start">
          {formatPartialDate(first.date.slice(0, 4))}
        </text>
        <text className="report-chart__tick" x={width - pad.right} y={height - 8} textAnchor="end">
          {formatPartialDate(last.date.slice(0, 4))}
        </text>
      </svg>
      <table className="visually-hidden">
        <caption>{t('registry.report.chartTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.report.columns.date')}</th>
            <th scope="col">{t('registry.report.columns.national')}</th>
            <th scope="col">{t('registry.report.columns.share')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.date}>
              <th scope="row">{formatPartialDate(p.date)}</th>
              <td>{formatNumber(p.national)}</td>
              <td>{formatPercent(p.share, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
