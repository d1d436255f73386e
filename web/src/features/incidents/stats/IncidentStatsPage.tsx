import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { Alert, EmptyState, Loading, PageHeader, Table } from '../../../ui';
import { useReference } from '../components/useReference';
import { filterFrom, getStats, type ListFilter } from '../list/api';
import { ListFilters } from '../list/ListFilters';
import { BarChart, LineChart, type Datum } from './Charts';
import './stats.css';

/** Counts by RSIT class, sector and month: charts, each followed by the same numbers as a table. */
export default function IncidentStatsPage() {
  const { t } = useTranslation('incidents');
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filter = filterFrom(params);
  const reference = useReference();
  const stats = useResource(() => getStats(filterFrom(new URLSearchParams(key))), [key]);
  useDocumentTitle(t('stats.title'));
  const classes = new Map((reference.data?.rsit ?? []).map((c) => [c.id, c.name]));
  const apply = (next: ListFilter) => setParams(new URLSearchParams(next));
  const data = stats.data;
  const byClass: Datum[] = (data?.byRsitClass ?? []).map((r) => ({
    label: r.key ? (classes.get(r.key) ?? r.key) : t('stats.unclassified'),
    value: r.count,
  }));
  const bySector: Datum[] = (data?.bySector ?? []).map((r) => ({
    label: r.key ? t(`core.sectors.${r.key}`, { defaultValue: r.key }) : t('stats.noSector'),
    value: r.count,
  }));
  const byMonth: Datum[] = (data?.byMonth ?? []).map((r) => ({ label: r.month, value: r.count }));

  const section = (
    id: string,
    title: string,
    chart: React.ReactNode,
    rows: Datum[],
    first: string,
  ) => (
    <section className="stats-block" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {chart}
      <Table
        caption={t('stats.tableOf', { title })}
        columns={[
          { key: 'label', label: first },
          { key: 'count', label: t('stats.count') },
        ]}
      >
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td className="numeric">{formatNumber(r.value)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );

  return (
    <section className="incident-stats">
      <PageHeader
        title={t('stats.title')}
        description={t('stats.intro')}
        actions={
          <Link className="btn btn--secondary" to={`/incidents${key ? `?${key}` : ''}`}>
            {t('stats.toList')}
          </Link>
        }
      />
      <ListFilters key={key} value={filter} reference={reference.data} onApply={apply} />
      {stats.error ? <Alert tone="error" title={describeError(t, stats.error).message} /> : null}
      {!data ? (
        <Loading />
      ) : data.total === 0 ? (
        <EmptyState title={t('stats.emptyTitle')}>{t('stats.emptyBody')}</EmptyState>
      ) : (
        <>
          <p role="status" className="result-count">
            {t('stats.total', { count: data.total })}
          </p>
          <div className="stats-grid">
            {section(
              'stats-class',
              t('stats.byClass'),
              <BarChart title={t('stats.byClass')} data={byClass} />,
              byClass,
              t('stats.class'),
            )}
            {section(
              'stats-sector',
              t('stats.bySector'),
              <BarChart title={t('stats.bySector')} data={bySector} />,
              bySector,
              t('stats.sector'),
            )}
            {section(
              'stats-month',
              t('stats.byMonth'),
              <LineChart title={t('stats.byMonth')} data={byMonth} />,
              byMonth,
              t('stats.month'),
            )}
          </div>
        </>
      )}
    </section>
  );
}
