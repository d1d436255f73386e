import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Alert, Button, Checkbox, Loading, PageHeader, Select, TextField } from '../../ui';
import {
  filterParams,
  groupedProvisions,
  isFiltered,
  mappedInstruments,
  noFilter,
  readFilter,
  type CatalogueFilter,
} from './catalogue';
import { CatalogueTable } from './components/CatalogueTable';
import { InstrumentList } from './components/InstrumentList';
import { LawNav } from './components/LawNav';
import { NotCovered, UnverifiedLegend } from './components/marks';
import type { LawCatalogue } from './types';
import { useCatalogue } from './useCatalogue';

function Filters({
  catalogue,
  filter,
  onChange,
}: {
  catalogue: LawCatalogue;
  filter: CatalogueFilter;
  onChange(patch: Partial<CatalogueFilter>): void;
}) {
  const { t } = useTranslation('law');
  // The search box keeps its own text, so typing never waits for the address to update; a new
  // address from elsewhere (a link, Back) replaces it.
  const [q, setQ] = useState(filter.q);
  const sent = useRef<string[]>([]);
  useEffect(() => {
    const own = sent.current.indexOf(filter.q);
    if (own >= 0) sent.current = sent.current.slice(own + 1);
    else setQ(filter.q);
  }, [filter.q]);
  return (
    <form
      className="filters law-filters"
      role="search"
      aria-label={t('catalogue.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        type="search"
        label={t('catalogue.filters.search')}
        value={q}
        onChange={(value) => {
          setQ(value);
          sent.current.push(value.trim() ? value : '');
          onChange({ q: value });
        }}
        data-testid="catalogue-search"
      />
      <Select
        label={t('catalogue.filters.instrument')}
        value={filter.instrument}
        onChange={(instrument) => onChange({ instrument })}
        data-testid="catalogue-instrument"
        options={[
          { value: '', label: t('catalogue.filters.allInstruments') },
          ...mappedInstruments(catalogue).map((i) => ({ value: i.id, label: i.shortName })),
        ]}
      />
      <Select
        label={t('catalogue.filters.category')}
        value={filter.category}
        onChange={(category) => onChange({ category })}
        data-testid="catalogue-category"
        options={[
          { value: '', label: t('catalogue.filters.allCategories') },
          ...catalogue.categories.map((c) => ({ value: c.id, label: c.title })),
        ]}
      />
      <div className="law-filters__end">
        <Checkbox
          label={t('catalogue.filters.legalBasis')}
          checked={filter.legalBasis}
          onChange={(legalBasis) => onChange({ legalBasis })}
        />
        {isFiltered(filter) ? (
          <Button variant="quiet" onClick={() => onChange(noFilter)}>
            {t('catalogue.filters.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Every provision of the catalogue against every mapped instrument, filtered from the address. */
export default function CataloguePage() {
  const { t } = useTranslation('law');
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  useDocumentTitle(t('catalogue.title'));

  const data = catalogue.data;
  const groups = data ? groupedProvisions(data, filter) : [];
  const shown = groups.reduce((n, g) => n + g.provisions.length, 0);

  return (
    <section>
      <LawNav />
      <PageHeader
        title={t('catalogue.title')}
        description={
          data ? t('catalogue.intro', { title: data.title, version: data.version }) : undefined
        }
      />
      {catalogue.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, catalogue.error).message} />
      ) : null}
      {!data ? (
        catalogue.status === 'failed' ? null : (
          <Loading />
        )
      ) : (
        <>
          {filter.legalBasis ? (
            <Alert tone="info" title={t('catalogue.legalBasisTitle')}>
              <p>{t('catalogue.legalBasisBody')}</p>
            </Alert>
          ) : null}
          <Filters
            catalogue={data}
            filter={filter}
            onChange={(patch) => {
              // Merge with the address as it is now: a second change may come before the page
              // has rendered the first (navigations render in a transition).
              const current = readFilter(new URLSearchParams(window.location.search));
              setParams(filterParams({ ...current, ...patch }), { replace: true });
            }}
          />
          <div className="law-table-head">
            <p className="result-count" role="status" data-testid="catalogue-count">
              {t('catalogue.count', {
                shown: formatNumber(shown),
                total: formatNumber(data.provisions.length),
              })}
            </p>
            <div className="law-legend law-legend--inline">
              <p className="law-legend__note">
                <NotCovered /> {t('catalogue.legendNotCovered')}
              </p>
              <UnverifiedLegend />
            </div>
          </div>
          {groups.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state__title">{t('catalogue.empty')}</p>
              <Button onClick={() => setParams({}, { replace: true })}>
                {t('catalogue.filters.clear')}
              </Button>
            </div>
          ) : (
            <CatalogueTable catalogue={data} groups={groups} highlight={filter.instrument} />
          )}
          <InstrumentList catalogue={data} />
        </>
      )}
    </section>
  );
}
