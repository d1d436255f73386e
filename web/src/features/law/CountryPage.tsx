import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, EmptyState, Loading, PageHeader } from '../../ui';
import { getCountryLaw } from './api';
import { CoverageSection } from './components/CoverageChart';
import { ImportPanel } from './components/ImportPanel';
import { LawNav } from './components/LawNav';
import { ProvisionAssessments } from './components/ProvisionAssessments';
import { Ratifications } from './components/Ratifications';
import { useCatalogue } from './useCatalogue';

/**
 * One country's legal assessment: coverage, ratifications, and every provision's status with
 * its edit form and history. A save reloads the country, so the coverage follows at once.
 */
export default function CountryPage() {
  const { t } = useTranslation('law');
  const { can } = useAuth();
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const locale = currentLocale();
  const law = useResource(() => getCountryLaw(iso3, locale), [iso3, locale]);
  const catalogue = useCatalogue();
  const data = law.data?.country.iso3 === iso3 ? law.data : null;
  useDocumentTitle(
    data ? t('country.documentTitle', { name: data.country.name }) : t('country.title'),
  );
  const canEdit = can('law.edit');
  const back = (
    <Link to="/law/countries" className="back-link">
      {t('country.back')}
    </Link>
  );

  const failed =
    law.status === 'failed' ? law.error : catalogue.status === 'failed' ? catalogue.error : null;
  if (failed && (!data || !catalogue.data)) {
    const missing = failed instanceof ApiError && failed.status === 404;
    return (
      <section>
        <LawNav />
        {back}
        <PageHeader title={t('country.title')} />
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
    <section aria-busy={law.status === 'loading'} data-iso3={iso3}>
      <LawNav />
      {back}
      <PageHeader
        title={data.country.name}
        description={t('country.intro', { version: data.catalogueVersion })}
        actions={
          <>
            <Link
              className="btn btn--primary"
              to={`/law/countries/${iso3}/report`}
              data-testid="open-report"
            >
              {t('country.report')}
            </Link>
            <Link className="btn btn--secondary" to={`/registry/countries/${iso3}`}>
              {t('country.registry')}
            </Link>
          </>
        }
      />
      {law.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, law.error).message} />
      ) : null}
      {data.assessments.length === 0 ? (
        <Alert tone="info" title={t('country.notAssessed')}>
          <p>{t(canEdit ? 'country.notAssessedEdit' : 'country.notAssessedRead')}</p>
        </Alert>
      ) : null}
      <CoverageSection coverage={data.coverage} catalogue={catalogue.data} />
      <Ratifications
        iso3={iso3}
        catalogue={catalogue.data}
        ratifications={data.ratifications}
        canEdit={canEdit}
        onSaved={law.reload}
      />
      <ProvisionAssessments
        iso3={iso3}
        catalogue={catalogue.data}
        assessments={data.assessments}
        canEdit={canEdit}
        onSaved={law.reload}
      />
      <ImportPanel iso3={iso3} canEdit={canEdit} onImported={law.reload} />
    </section>
  );
}
