import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { formatNumber } from '../../app/format';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { getCountryLaw } from './api';
import { assessedCount } from './bars';
import { formatPercent } from './format';
import { useLawStrings } from './i18n';
import './law.css';

/**
 * The country's legal harmonisation on the registry's country profile: coverage of the law
 * catalogue and a link to the assessment. Nothing when the country has not been assessed.
 */
export function LawCoveragePanel({ iso3 }: { iso3: string }) {
  const { can } = useAuth();
  const allowed = can('law.read');
  const ready = useLawStrings();
  const { t } = useTranslation('law');
  const locale = currentLocale();
  const law = useResource(
    () => (allowed ? getCountryLaw(iso3, locale) : Promise.resolve(null)),
    [allowed, iso3, locale],
  );
  const data = law.data?.country.iso3 === iso3 ? law.data : null;
  if (!ready || !data || data.assessments.length === 0) return null;
  const { overall } = data.coverage;
  return (
    <section
      aria-labelledby="law-coverage-heading"
      className="profile-section law-profile"
      data-testid="law-coverage-panel"
    >
      <h2 id="law-coverage-heading" className="section-title">
        {t('panels.coverage.title')}
      </h2>
      <div className="law-profile__card">
        <p className="law-profile__figure">
          <span className="law-profile__value" data-testid="law-coverage-percent">
            {formatPercent(overall.percent)}
          </span>{' '}
          <span className="law-profile__label">{t('panels.coverage.label')}</span>
        </p>
        <p className="muted">
          {t('panels.coverage.assessed', {
            count: formatNumber(assessedCount(overall)),
            total: formatNumber(overall.total),
            version: data.catalogueVersion,
          })}
        </p>
        <p>
          <Link to={`/law/countries/${iso3}`} data-testid="law-coverage-link">
            {t('panels.coverage.open', { name: data.country.name })}
          </Link>
        </p>
      </div>
    </section>
  );
}
