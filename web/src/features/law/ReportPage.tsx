import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, EmptyState, Loading, PageHeader } from '../../ui';
import { countryReportUrl, getCountryReport } from './api';
import { ExportLinks } from './components/ExportLinks';
import { LawNav } from './components/LawNav';
import { Citation, StateMark, UnverifiedLegend } from './components/marks';
import { PriorityControl } from './components/PriorityControl';
import { formatPercent } from './format';
import { move, priorityParam, readPriority } from './priority';
import type { CountryReport, ReportGap } from './types';
import { useCatalogue } from './useCatalogue';

function Gap({ gap, report }: { gap: ReportGap; report: CountryReport }) {
  const { t } = useTranslation('law');
  const instrument = new Map(report.instruments.map((i) => [i.id, i]));
  return (
    <li
      className="law-gap"
      data-provision={gap.provision}
      data-category={gap.category}
      data-rank={gap.rank}
    >
      <div className="law-gap__head">
        <span className="law-gap__rank" aria-hidden="true">
          {formatNumber(gap.rank)}
        </span>
        <h4 className="law-gap__title">
          <Link to={`/law/provisions/${gap.provision}`}>
            <span className="law-id">{gap.provision}</span> {gap.title}
          </Link>
        </h4>
        <StateMark state={gap.state} />
      </div>
      {gap.references.length > 0 ? (
        <p className="law-gap__refs">
          <span className="law-gap__label">{t('report.gaps.references')}</span>{' '}
          {gap.references.map((r, i) => {
            const of = instrument.get(r.instrument);
            return (
              <span key={r.instrument} className="law-gap__ref">
                {i > 0 ? <span aria-hidden="true"> · </span> : null}
                {of?.shortName ?? r.instrument}{' '}
                <Citation reference={r} unit={of?.unit ?? 'article'} />
              </span>
            );
          })}
        </p>
      ) : null}
      <p className="law-gap__label">{t('report.gaps.checklist')}</p>
      <ul className="law-checklist law-checklist--compact">
        {gap.checklist.map((c) => (
          <li key={c.id} className="law-checklist__item">
            <span className="law-checklist__text">{c.text}</span>
            {c.optional ? (
              <span className="law-tag law-tag--optional">{t('common.optional')}</span>
            ) : null}
            <span className="law-checklist__instruments">
              {c.instruments.length === 0 ? (
                <span className="law-tag law-tag--practice">{t('common.goodPractice')}</span>
              ) : (
                c.instruments.map((id) => (
                  <span key={id} className="law-tag law-tag--instrument">
                    {instrument.get(id)?.shortName ?? id}
                  </span>
                ))
              )}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function GapList({ report }: { report: CountryReport }) {
  const { t } = useTranslation('law');
  const titles = new Map(report.categories.map((c) => [c.id, c.title]));
  const groups = report.priority
    .map((category) => ({ category, gaps: report.gaps.filter((g) => g.category === category) }))
    .filter((g) => g.gaps.length > 0);
  if (groups.length === 0)
    return <EmptyState title={t('report.gaps.none')}>{t('report.gaps.noneBody')}</EmptyState>;
  return (
    <div className="law-gaps" data-testid="gap-list">
      {groups.map(({ category, gaps }) => (
        <section
          key={category}
          aria-labelledby={`gaps-${category}`}
          className="law-gaps__group"
          data-category={category}
        >
          <h3 id={`gaps-${category}`} className="law-gaps__title">
            {titles.get(category) ?? category}{' '}
            <span className="law-gaps__count">
              {t('report.gaps.count', { count: formatNumber(gaps.length) })}
            </span>
          </h3>
          <ol className="law-gaps__list" start={gaps[0]!.rank}>
            {gaps.map((gap) => (
              <Gap key={gap.provision} gap={gap} report={report} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/**
 * A country's harmonisation report: its gaps most urgent first, each with its drafting
 * checklist, in a category order the reader may change (kept in the address), and the
 * report to print or download in any of the six languages.
 */
export default function ReportPage() {
  const { t } = useTranslation('law');
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const locale = currentLocale();
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const defaults = catalogue.data?.gapPriority ?? [];
  const order = readPriority(params.get('priority'), defaults);
  const chosen = priorityParam(order, defaults);
  const priority = chosen ? order : [];
  const report = useResource(
    () =>
      catalogue.data ? getCountryReport({ iso3, lang: locale, priority }) : Promise.resolve(null),
    [iso3, locale, chosen, catalogue.data],
  );
  const data = report.data?.country.iso3 === iso3 ? report.data : null;
  useDocumentTitle(
    data ? t('report.documentTitle', { name: data.country.name }) : t('report.title'),
  );
  const back = (
    <Link to={`/law/countries/${iso3}`} className="back-link">
      {data ? t('report.back', { name: data.country.name }) : t('report.backPlain')}
    </Link>
  );

  const failed =
    report.status === 'failed'
      ? report.error
      : catalogue.status === 'failed'
        ? catalogue.error
        : null;
  if (failed && !data) {
    const missing = failed instanceof ApiError && failed.status === 404;
    return (
      <section>
        <LawNav />
        {back}
        <PageHeader title={t('report.title')} />
        {missing ? (
          <EmptyState title={t('country.notFound', { code: iso3 })} />
        ) : (
          <Alert tone="error" title={describeError(t, failed).message} />
        )}
      </section>
    );
  }
  if (!data || !catalogue.data) return <Loading />;

  return (
    <section aria-busy={report.status === 'loading'}>
      <LawNav />
      {back}
      <PageHeader
        title={t('report.heading', { name: data.country.name })}
        description={t('report.intro', { version: data.catalogue.version })}
      />
      <dl className="law-figures">
        <div className="law-figure law-figure--main">
          <dt>{t('coverage.overall')}</dt>
          <dd className="law-figure__value">{formatPercent(data.coverage.overall.percent)}</dd>
        </div>
        <div className="law-figure">
          <dt>{t('report.gapsFigure')}</dt>
          <dd className="law-figure__value" data-testid="gap-count">
            {formatNumber(data.gaps.length)}
          </dd>
          <dd className="law-figure__note">
            {t('report.gapsNote', { total: formatNumber(data.coverage.overall.total) })}
          </dd>
        </div>
      </dl>
      <ExportLinks
        intro={t('report.exportIntro')}
        urlFor={(format, lang) => countryReportUrl(format, { iso3, lang, priority })}
      />
      <div className="law-report">
        <PriorityControl
          order={order}
          defaults={defaults}
          categories={catalogue.data.categories}
          onMove={(id, step) => {
            // From the address as it is now: a second click may come before the first renders.
            const now = new URLSearchParams(window.location.search).get('priority');
            const value = priorityParam(move(readPriority(now, defaults), id, step), defaults);
            setParams(value ? { priority: value } : {}, { replace: true });
          }}
          onReset={() => setParams({}, { replace: true })}
        />
        <section aria-labelledby="gaps-heading" className="law-report__gaps">
          <h2 id="gaps-heading" className="section-title">
            {t('report.gaps.title')}
          </h2>
          <p className="muted law-measure">{t('report.gaps.intro')}</p>
          <UnverifiedLegend />
          <GapList report={data} />
        </section>
      </div>
    </section>
  );
}
