import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { Alert, Badge, Button, EmptyState, Loading, PageHeader, Select, Table } from '../../../ui';
import { StatusBadge, TlpLabel } from '../components/Labels';
import { useReference } from '../components/useReference';
import { tlpLevels } from '../types';
import { exportUrl, filterFrom, listIncidents, type IncidentPage, type ListFilter } from './api';
import { ListFilters } from './ListFilters';
import { SavedFilters } from './SavedFilters';
import './list.css';

/** The incident list: search, filters, saved filters, SLA and TLP at a glance, CSV export. */
export default function IncidentListPage() {
  const { t } = useTranslation('incidents');
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const key = params.toString();
  const reference = useReference();
  const [page, setPage] = useState<IncidentPage | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [maxTlp, setMaxTlp] = useState('amber');
  useDocumentTitle(t('list.title'));

  useEffect(() => {
    let current = true;
    setBusy(true);
    setFailure(null);
    setPage(null);
    listIncidents(filterFrom(new URLSearchParams(key)), null)
      .then((answer) => current && setPage(answer))
      .catch((error: unknown) => current && setFailure(error))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [key]);

  async function more() {
    if (!page?.nextCursor) return;
    setBusy(true);
    try {
      const next = await listIncidents(filter, page.nextCursor);
      setPage({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const apply = (next: ListFilter) => setParams(new URLSearchParams(next));
  const ladder = new Map((reference.data?.ladder ?? []).map((l) => [l.id, l.name]));
  const classes = new Map((reference.data?.rsit ?? []).map((c) => [c.id, c.name]));
  const columns = [
    { key: 'reference', label: t('list.columns.reference') },
    { key: 'title', label: t('list.columns.title') },
    { key: 'status', label: t('list.columns.status') },
    { key: 'tlp', label: t('list.columns.tlp') },
    { key: 'severity', label: t('list.columns.severity') },
    { key: 'rsit', label: t('list.columns.rsit') },
    { key: 'assignee', label: t('list.columns.assignee') },
    { key: 'created', label: t('list.columns.created') },
    { key: 'sla', label: t('list.columns.sla') },
  ];

  return (
    <section className="incident-list">
      <PageHeader
        title={t('list.title')}
        description={t('list.intro')}
        actions={
          <div className="incident-list__actions">
            <Link className="btn btn--primary" to="/incidents/new">
              {t('list.new')}
            </Link>
            <Link className="btn btn--secondary" to={`/incidents/stats${key ? `?${key}` : ''}`}>
              {t('list.stats')}
            </Link>
          </div>
        }
      />
      <ListFilters key={key} value={filter} reference={reference.data} onApply={apply} />
      <SavedFilters current={filter} onPick={apply} />
      <div className="incident-export">
        <Select
          label={t('list.export.maxTlp')}
          hint={t('list.export.hint')}
          value={maxTlp}
          onChange={setMaxTlp}
          options={tlpLevels.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
        />
        <a className="btn btn--secondary" href={exportUrl(filter, maxTlp)} download>
          {t('list.export.download')}
        </a>
      </div>
      {failure ? <Alert tone="error" title={describeError(t, failure).message} /> : null}
      {page === null ? (
        busy ? (
          <Loading />
        ) : null
      ) : page.items.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>{t('list.emptyBody')}</EmptyState>
      ) : (
        <>
          <Table caption={t('list.caption')} captionHidden columns={columns}>
            {page.items.map((i) => (
              <tr key={i.id}>
                <td dir="ltr">
                  <Link to={`/incidents/${i.id}`}>{i.reference}</Link>
                </td>
                <td>{i.title}</td>
                <td>
                  <StatusBadge status={i.status} />
                </td>
                <td>
                  <TlpLabel tlp={i.tlp} />
                </td>
                <td>{i.severity ? (ladder.get(i.severity) ?? i.severity) : '—'}</td>
                <td>{i.rsitClass ? (classes.get(i.rsitClass) ?? i.rsitClass) : '—'}</td>
                <td>{i.assignee ? (i.assignee.name ?? i.assignee.id) : t('list.unassigned')}</td>
                <td>{formatDateTime(i.createdAt)}</td>
                <td>
                  {i.sla.ackBreached || i.sla.resolveBreached ? (
                    <Badge tone="danger">
                      {i.sla.ackBreached && i.sla.resolveBreached
                        ? t('list.sla.both')
                        : i.sla.ackBreached
                          ? t('list.sla.ack')
                          : t('list.sla.resolve')}
                    </Badge>
                  ) : (
                    <span className="muted">{t('list.sla.ok')}</span>
                  )}
                </td>
              </tr>
            ))}
          </Table>
          <div className="load-more">
            <p role="status" className="result-count">
              {t('list.shown', { count: page.items.length })}
            </p>
            {page.nextCursor ? (
              <Button onClick={() => void more()} busy={busy}>
                {t('list.more')}
              </Button>
            ) : (
              <p className="muted">{t('list.end')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
