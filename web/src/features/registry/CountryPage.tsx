import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { describeError } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, EmptyState, Loading, PageHeader } from '../../ui';
import { AsOfField } from './AsOfField';
import { getCountry } from './api';
import { CountryFacts, GroupsTable, SourcesList } from './CountryFacts';
import { FederationPanel } from '../exchange/components/FederationPanel';
import { LawCoveragePanel } from '../law/LawCoveragePanel';
import { formatPartialDate } from './format';
import { NeedSection } from './NeedSection';
import { StatusKey } from './StatusKey';
import { TeamsSection } from './TeamsSection';
import { ConfidenceBadge } from './TeamHistory';
import { asOfQuery, useAsOf } from './useAsOf';

export default function CountryPage() {
  const { t } = useTranslation();
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const locale = currentLocale();
  const [asOf, setAsOf] = useAsOf();
  const profile = useResource(() => getCountry(iso3, asOf, locale), [iso3, asOf, locale]);
  const country = profile.data?.iso3 === iso3 ? profile.data : null;
  useDocumentTitle(country?.name ?? t('registry.profile.title'));
  const back = (
    <Link to={`/registry${asOfQuery(asOf)}`} className="back-link">
      {t('registry.profile.back')}
    </Link>
  );

  if (profile.status === 'failed' && !country) {
    const missing = profile.error instanceof ApiError && profile.error.status === 404;
    return (
      <section>
        {back}
        <PageHeader title={t('registry.profile.title')} />
        {missing ? (
          <EmptyState title={t('registry.profile.notFound', { code: iso3 })} />
        ) : (
          <Alert tone="error" title={describeError(t, profile.error).message} />
        )}
      </section>
    );
  }
  if (!country) return <Loading />;

  return (
    <section aria-busy={profile.status === 'loading'}>
      {back}
      <PageHeader
        title={country.name}
        description={t('registry.profile.intro', { date: formatPartialDate(country.asOf) })}
      />
      {profile.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, profile.error).message} />
      ) : null}
      <div className="profile-status">
        <div className="profile-status__now" role="status">
          <p className="profile-status__label">
            {t('registry.profile.statusOn', { date: formatPartialDate(country.asOf) })}
          </p>
          <p className="profile-status__value">
            <StatusKey status={country.status} />
          </p>
          {country.maturity ? (
            <p className="profile-status__maturity">
              {t('registry.profile.maturity', {
                tier: t(`registry.maturity.${country.maturity}`),
              })}
            </p>
          ) : null}
        </div>
        <AsOfField value={asOf} onChange={setAsOf} withHint />
      </div>
      <CountryFacts country={country} />
      <section aria-labelledby="groups-heading" className="profile-section">
        <h2 id="groups-heading" className="section-title">
          {t('registry.profile.groups')}
        </h2>
        <GroupsTable country={country} />
      </section>
      <TeamsSection country={country} onChanged={profile.reload} />
      <FederationPanel iso3={country.iso3} />
      <section aria-labelledby="assessments-heading" className="profile-section">
        <h2 id="assessments-heading" className="section-title">
          {t('registry.profile.assessments')}
        </h2>
        {country.assessments.length === 0 ? (
          <p className="muted">{t('registry.profile.noAssessments')}</p>
        ) : (
          <ul className="plain-list assessment-list">
            {country.assessments.map((a, index) => (
              <li key={`${a.source}-${a.year ?? index}`}>
                {a.year
                  ? t('registry.profile.assessedIn', { year: formatPartialDate(String(a.year)) })
                  : t('registry.profile.assessedYearUnknown')}{' '}
                <ConfidenceBadge confidence={a.confidence} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <LawCoveragePanel iso3={country.iso3} />
      <NeedSection need={country.need} />
      <section aria-labelledby="sources-heading" className="profile-section">
        <h2 id="sources-heading" className="section-title">
          {t('registry.profile.sources')}
        </h2>
        <SourcesList country={country} />
      </section>
    </section>
  );
}
