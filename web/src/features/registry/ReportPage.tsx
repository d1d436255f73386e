import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, Loading, PageHeader } from '../../ui';
import { getReport, reportUrl, useReportChoices, type ReportQuery } from './report';
import { ReportChart } from './ReportChart';
import { ReportControls } from './ReportControls';
import { NewCirts, RegionTable, ReportSummary, SelfReported } from './ReportFigures';
import { useAsOf } from './useAsOf';

/** Links to the full report in each format, in the chosen report language. */
function ReportActions({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  return (
    <section className="report-actions" aria-labelledby="report-actions-heading">
      <h2 id="report-actions-heading" className="section-title">
        {t('registry.report.actionsTitle')}
      </h2>
      <p className="report-actions__intro">{t('registry.report.actionsIntro')}</p>
      <ul className="report-actions__list">
        <li>
          <a
            className="btn btn--primary"
            href={reportUrl('html', query)}
            target="_blank"
            rel="noopener"
            data-testid="report-html"
          >
            {t('registry.report.openHtml')}
            <span className="visually-hidden"> {t('registry.report.newTab')}</span>
          </a>
        </li>
        <li>
          <a className="btn btn--secondary" href={reportUrl('pdf', query)} data-testid="report-pdf">
            {t('registry.report.downloadPdf')}
          </a>
        </li>
        <li>
          <a
            className="btn btn--secondary"
            href={reportUrl('csv', query)}
            download
            data-testid="report-csv"
          >
            {t('registry.report.downloadCsv')}
          </a>
        </li>
        <li>
          <a
            className="report-actions__json"
            href={reportUrl('json', query)}
            data-testid="report-json"
          >
            {t('registry.report.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}

export default function ReportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [asOf] = useAsOf();
  const choices = useReportChoices(asOf, locale);
  const { compareTo } = choices;
  // The summary speaks the interface language; the report language applies to the documents.
  const report = useResource(
    () => getReport({ asOf, compareTo, lang: locale }),
    [asOf, compareTo, locale],
  );
  useDocumentTitle(t('registry.report.title'));

  const data = report.data;
  return (
    <section>
      <PageHeader title={t('registry.report.title')} description={t('registry.report.intro')} />
      <ReportControls
        asOf={asOf}
        onAsOf={choices.setAsOf}
        compareTo={compareTo}
        explicit={choices.explicit}
        onCompareTo={choices.setCompareTo}
        lang={choices.lang}
        onLang={choices.setLang}
      />
      {report.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, report.error).message} />
      ) : null}
      {!data ? (
        <Loading />
      ) : (
        <div className="report" aria-busy={report.status === 'loading'}>
          <ReportSummary report={data} />
          <section aria-labelledby="report-regions-heading">
            <h2 id="report-regions-heading" className="section-title">
              {t('registry.report.regionsTitle')}
            </h2>
            <RegionTable report={data} />
          </section>
          <section aria-labelledby="report-trend-heading">
            <h2 id="report-trend-heading" className="section-title">
              {t('registry.report.trendTitle')}
            </h2>
            <ReportChart series={data.series} compareTo={data.compareTo} />
          </section>
          <section aria-labelledby="report-new-heading">
            <h2 id="report-new-heading" className="section-title">
              {t('registry.report.newTitle')}
            </h2>
            <NewCirts report={data} asOf={asOf} />
          </section>
          <SelfReported report={data} asOf={asOf} />
        </div>
      )}
      <ReportActions query={{ asOf, compareTo, lang: choices.lang }} />
    </section>
  );
}
