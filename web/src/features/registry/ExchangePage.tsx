import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { PageHeader } from '../../ui';
import { exportColumns, exportUrl } from './exchange';
import { ImportForm, type ImportOutcome } from './ImportForm';
import { ImportResult } from './ImportReport';

// Column names are code, read left to right even inside Arabic text (LRI … PDI isolate them).
const columnList = `\u2066${exportColumns.join(', ')}\u2069`;

function ExportSection() {
  const { t } = useTranslation();
  return (
    <section className="exchange-section" aria-labelledby="export-heading">
      <h2 id="export-heading" className="section-title">
        {t('registry.exchange.export.title')}
      </h2>
      <p className="exchange-section__intro">
        {t('registry.exchange.export.intro', { columns: columnList })}{' '}
        <a href="/api/docs" data-testid="api-docs">
          {t('registry.exchange.export.apiDocs')}
        </a>
      </p>
      <ul className="exchange-links">
        <li>
          <a className="btn btn--primary" href={exportUrl('csv')} download data-testid="export-csv">
            {t('registry.exchange.export.csv')}
          </a>
        </li>
        <li>
          <a
            className="btn btn--secondary"
            href={exportUrl('json')}
            download
            data-testid="export-json"
          >
            {t('registry.exchange.export.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  return (
    <section className="exchange-section" aria-labelledby="import-heading">
      <h2 id="import-heading" className="section-title">
        {t('registry.exchange.import.title')}
      </h2>
      <p className="exchange-section__intro">{t('registry.exchange.import.intro')}</p>
      <ImportForm onStart={() => setOutcome(null)} onDone={setOutcome} />
      {outcome ? <ImportResult outcome={outcome} /> : null}
    </section>
  );
}

/** Download every team fact as CSV or JSON; editors can import such a file back. */
export default function ExchangePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  useDocumentTitle(t('registry.exchange.title'));
  return (
    <section>
      <Link to="/registry" className="back-link">
        {t('registry.exchange.back')}
      </Link>
      <PageHeader title={t('registry.exchange.title')} description={t('registry.exchange.intro')} />
      <ExportSection />
      {can('registry.edit') ? <ImportSection /> : null}
    </section>
  );
}
