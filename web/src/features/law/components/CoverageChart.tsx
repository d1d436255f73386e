import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { assessedCount, segments } from '../bars';
import { formatPercent } from '../format';
import { provisionStates, type CoverageCounts, type LawCatalogue, type Coverage } from '../types';
import { StateLegend } from './marks';

/** One stacked bar; drawn for the eye only, the same figures are in the row's text. */
function StackedBar({ counts }: { counts: CoverageCounts }) {
  return (
    <svg
      className="law-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="law-bar__track" x="0" y="0" width="100" height="10" />
      {segments(counts).map((s) => (
        <rect
          key={s.state}
          className={`law-fill law-fill--${s.state}`}
          x={s.start * 100}
          y="0"
          width={s.width * 100}
          height="10"
          data-state={s.state}
        />
      ))}
    </svg>
  );
}

/** "Enacted: 5 · Absent: 10 …", states with no provision left out. */
function CountsText({ counts }: { counts: CoverageCounts }) {
  const { t } = useTranslation('law');
  return (
    <ul className="law-counts">
      {provisionStates
        .filter((s) => counts[s] > 0)
        .map((s) => (
          <li key={s} className={`law-counts__item law-counts__item--${s}`}>
            {t('common.stateCount', {
              state: t(`common.states.${s}`),
              count: formatNumber(counts[s]),
            })}
          </li>
        ))}
    </ul>
  );
}

interface Row {
  id: string;
  label: string;
  counts: CoverageCounts;
}

function CoverageTable({ caption, rows, kind }: { caption: string; rows: Row[]; kind: string }) {
  const { t } = useTranslation('law');
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table law-coverage" data-testid={`coverage-${kind}`}>
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`coverage.columns.${kind}`)}</th>
            <th scope="col" className="cell--number">
              {t('coverage.columns.percent')}
            </th>
            <th scope="col">{t('coverage.columns.states')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-row={row.id}>
              <th scope="row">{row.label}</th>
              <td className="cell--number law-coverage__percent" data-percent={row.counts.percent}>
                {formatPercent(row.counts.percent)}
              </td>
              <td className="law-coverage__bar">
                <StackedBar counts={row.counts} />
                <CountsText counts={row.counts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A country's coverage: the overall figure, then per category and per instrument as percent
 * and as stacked bars by state, each bar's figures written beside it.
 */
export function CoverageSection({
  coverage,
  catalogue,
}: {
  coverage: Coverage;
  catalogue: LawCatalogue;
}) {
  const { t } = useTranslation('law');
  const { overall } = coverage;
  const categoryTitle = new Map(catalogue.categories.map((c) => [c.id, c.title]));
  const instrument = new Map(catalogue.instruments.map((i) => [i.id, i]));
  return (
    <section aria-labelledby="coverage-heading" className="law-section">
      <h2 id="coverage-heading" className="section-title">
        {t('coverage.title')}
      </h2>
      <dl className="law-figures">
        <div className="law-figure law-figure--main">
          <dt>{t('coverage.overall')}</dt>
          <dd className="law-figure__value" data-testid="coverage-percent">
            {formatPercent(overall.percent)}
          </dd>
          <dd className="law-figure__note">{t('coverage.overallNote')}</dd>
        </div>
        <div className="law-figure">
          <dt>{t('coverage.assessed')}</dt>
          <dd className="law-figure__value" data-testid="coverage-assessed">
            {t('coverage.outOf', {
              count: formatNumber(assessedCount(overall)),
              total: formatNumber(overall.total),
            })}
          </dd>
          <dd className="law-figure__note">{t('coverage.assessedNote')}</dd>
        </div>
        <div className="law-figure">
          <dt>{t('coverage.enacted')}</dt>
          <dd className="law-figure__value">{formatNumber(overall.enacted)}</dd>
          <dd className="law-figure__note">
            {t('coverage.enactedNote', { partially: formatNumber(overall.partially) })}
          </dd>
        </div>
      </dl>
      <div className="law-overall-bar">
        <StackedBar counts={overall} />
        <CountsText counts={overall} />
      </div>
      <StateLegend />
      <p className="muted law-measure">{t('coverage.method')}</p>
      <div className="law-coverage-grid">
        <CoverageTable
          kind="category"
          caption={t('coverage.byCategory')}
          rows={coverage.byCategory.map(({ category, ...counts }) => ({
            id: category,
            label: categoryTitle.get(category) ?? category,
            counts,
          }))}
        />
        <CoverageTable
          kind="instrument"
          caption={t('coverage.byInstrument')}
          rows={coverage.byInstrument.map(({ instrument: id, ...counts }) => ({
            id,
            label: instrument.get(id)?.shortName ?? id,
            counts,
          }))}
        />
      </div>
    </section>
  );
}
