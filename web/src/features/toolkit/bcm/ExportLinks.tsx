import { useTranslation } from 'react-i18next';
import { bcmExportUrl, type ExportFormat } from './api';

const formats: ExportFormat[] = ['pdf', 'md', 'json', 'html'];

/** Links to the plan as PDF, Markdown, JSON and HTML, in the page's language. */
export function ExportLinks({
  projectId,
  lang,
  dirty,
}: {
  projectId: string;
  lang: string;
  dirty: boolean;
}) {
  const { t } = useTranslation('toolkit');
  return (
    <div className="bcm-exports">
      <p className="bcm-exports__label" id="bcm-exports-label">
        {t('bcm.export.label')}
      </p>
      <ul className="bcm-exports__list" aria-labelledby="bcm-exports-label">
        {formats.map((format) => (
          <li key={format}>
            <a
              className="btn btn--secondary"
              href={bcmExportUrl(projectId, format, lang)}
              download
              data-testid={`bcm-export-${format}`}
            >
              {t(`bcm.export.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      {dirty ? <p className="bcm-exports__note">{t('bcm.export.savedOnly')}</p> : null}
    </div>
  );
}
