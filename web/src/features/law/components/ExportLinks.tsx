import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../../../app/types';
import { currentLocale, languages } from '../../../i18n';
import { Select } from '../../../ui';
import type { ReportFormat } from '../api';

/**
 * The report in each format, in a language chosen here (the page itself follows the interface
 * language): the printable page opens in a new tab, the others download.
 */
export function ExportLinks({
  urlFor,
  intro,
}: {
  urlFor(format: ReportFormat, lang: Locale): string;
  intro: string;
}) {
  const { t } = useTranslation('law');
  const [lang, setLang] = useState<Locale>(currentLocale());
  return (
    <section className="report-actions law-export" aria-labelledby="law-export-heading">
      <h2 id="law-export-heading" className="section-title">
        {t('export.title')}
      </h2>
      <p className="report-actions__intro">{intro}</p>
      <div className="law-export__row">
        <Select
          label={t('export.language')}
          value={lang}
          options={languages.map((l) => ({ value: l.code, label: l.nativeName, lang: l.code }))}
          onChange={(value) => {
            if (isLocale(value)) setLang(value);
          }}
          data-testid="export-lang"
        />
        <ul className="report-actions__list">
          <li>
            <a className="btn btn--primary" href={urlFor('pdf', lang)} data-testid="export-pdf">
              {t('export.pdf')}
            </a>
          </li>
          <li>
            <a
              className="btn btn--secondary"
              href={urlFor('html', lang)}
              target="_blank"
              rel="noopener"
              data-testid="export-html"
            >
              {t('export.html')}
              <span className="visually-hidden"> {t('common.newTab')}</span>
            </a>
          </li>
          <li>
            <a
              className="btn btn--secondary"
              href={urlFor('csv', lang)}
              download
              data-testid="export-csv"
            >
              {t('export.csv')}
            </a>
          </li>
          <li>
            <a
              className="report-actions__json"
              href={urlFor('json', lang)}
              data-testid="export-json"
            >
              {t('export.json')}
            </a>
          </li>
        </ul>
      </div>
    </section>
  );
}
