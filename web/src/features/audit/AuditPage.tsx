import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import type { AuditEntry } from '../../app/types';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Alert, Button, EmptyState, Loading, PageHeader, Table } from '../../ui';
import { listAudit, noAuditFilter, type AuditFilter } from './api';
import { AuditFilters } from './AuditFilters';
import { AuditRow } from './AuditRow';
import { VerifyChain } from './VerifyChain';

interface LoadedEntries {
  items: AuditEntry[];
  nextBefore: number | null;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>(noAuditFilter);
  const [entries, setEntries] = useState<LoadedEntries | null>(null);
  const [busy, setBusy] = useState(false);
  // The raw error is kept so its message follows a language change.
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('audit.title'));

  // A new filter starts over from the newest entry; "load more" then walks back by cursor.
  useEffect(() => {
    let current = true;
    setBusy(true);
    setFailure(null);
    setEntries(null);
    listAudit(filter, null)
      .then((page) => current && setEntries(page))
      .catch((error: unknown) => current && setFailure(error))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [filter]);

  async function loadMore() {
    if (!entries || entries.nextBefore === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const page = await listAudit(filter, entries.nextBefore);
      setEntries({ items: [...entries.items, ...page.items], nextBefore: page.nextBefore });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const columns = [
    { key: 'toggle', label: t('audit.columns.details'), visuallyHidden: true },
    { key: 'at', label: t('audit.columns.at') },
    { key: 'actor', label: t('audit.columns.actor') },
    { key: 'action', label: t('audit.columns.action') },
    { key: 'entity', label: t('audit.columns.entity') },
    { key: 'ip', label: t('audit.columns.ip') },
  ];

  return (
    <section>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={<VerifyChain />}
      />
      <AuditFilters onApply={setFilter} />
      {failure ? <Alert tone="error" title={describeError(t, failure).message} /> : null}
      {entries === null ? (
        busy ? (
          <Loading />
        ) : null
      ) : entries.items.length === 0 ? (
        <EmptyState title={t('audit.emptyTitle')}>{t('audit.emptyBody')}</EmptyState>
      ) : (
        <>
          <Table caption={t('audit.caption')} captionHidden columns={columns}>
            {entries.items.map((entry) => (
              <AuditRow key={entry.seq} entry={entry} />
            ))}
          </Table>
          <div className="load-more">
            <p role="status" className="result-count">
              {t('audit.shown', { shown: entries.items.length })}
            </p>
            {entries.nextBefore !== null ? (
              <Button onClick={() => void loadMore()} busy={busy}>
                {t('audit.loadMore')}
              </Button>
            ) : (
              <p className="muted">{t('audit.end')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
