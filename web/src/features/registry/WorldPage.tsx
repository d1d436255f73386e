import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, EmptyState, Loading, PageHeader } from '../../ui';
import { listCountries } from './api';
import { CountryTable } from './CountryTable';
import { formatPartialDate, formatPercent } from './format';
import { MapLegend } from './StatusKey';
import { statuses, type CountryStatus } from './types';
import { asOfQuery, useAsOf } from './useAsOf';
import { WorldFilters } from './WorldFilters';
import { matchesFilter, useWorldFilter } from './worldFilter';
import { WorldMap } from './WorldMap';

export default function WorldPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const [asOf, setAsOf] = useAsOf();
  const [filter, setFilter] = useWorldFilter();
  const countries = useResource(() => listCountries(asOf, locale), [asOf, locale]);
  useDocumentTitle(t('registry.world.title'));

  const items = useMemo(() => countries.data?.items ?? [], [countries.data]);
  const shown = useMemo(() => items.filter((item) => matchesFilter(item, filter)), [items, filter]);
  const matched = useMemo(() => new Set(shown.map((item) => item.iso3)), [shown]);
  const counts = useMemo(() => {
    const result = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<CountryStatus, number>;
    for (const item of shown) result[item.status] += 1;
    return result;
  }, [shown]);
  const members = shown.filter((item) => item.ituMember);
  const withNational = members.filter((item) => item.status === 'national').length;

  return (
    <section>
      <PageHeader
        title={t('registry.world.title')}
        description={t('registry.world.intro')}
        actions={
          <Link to="/registry/exchange" className="page-header__link" data-testid="exchange-link">
            {t('registry.exchange.link')}
          </Link>
        }
      />
      <WorldFilters filter={filter} onChange={setFilter} asOf={asOf} onAsOf={setAsOf} />
      {countries.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, countries.error).message} />
      ) : null}
      {countries.data === null ? (
        <Loading />
      ) : (
        <>
          <div className="world-layout" aria-busy={countries.status === 'loading'}>
            <WorldMap
              items={items}
              matched={matched}
              onOpen={(iso3) => void navigate(`/registry/countries/${iso3}${asOfQuery(asOf)}`)}
            />
            <MapLegend counts={counts} />
          </div>
          <p className="registry-summary" role="status" data-testid="registry-summary">
            {t('registry.world.summary', {
              date: formatPartialDate(countries.data.asOf),
              members: formatNumber(members.length),
              national: formatNumber(withNational),
              share: formatPercent(members.length ? withNational / members.length : 0),
            })}
          </p>
          {shown.length === 0 ? (
            <EmptyState title={t('registry.world.emptyTitle')}>
              {t('registry.world.emptyBody')}
            </EmptyState>
          ) : (
            <CountryTable items={shown} asOf={asOf} />
          )}
        </>
      )}
    </section>
  );
}
