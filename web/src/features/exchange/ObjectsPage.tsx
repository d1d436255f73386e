import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatDateTime, formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import {
  Alert,
  Button,
  Dialog,
  EmptyState,
  Loading,
  PageHeader,
  Select,
  Table,
  TextField,
} from '../../ui';
import { fieldErrors } from '../constituents/components/common';
import { TlpLabel } from '../incidents/components/Labels';
import { createCollection, importBundle, listCollections, listObjects } from './api';
import { ExchangeNav } from './components/ExchangeNav';
import { MispPanel } from './components/MispPanel';
import { unversioned, type ImportResult, type ObjectSummary } from './types';
import './exchange.css';

const types = [
  '',
  'indicator',
  'malware',
  'vulnerability',
  'report',
  'sighting',
  'identity',
  'relationship',
  'note',
  'grouping',
  'incident',
];

function NewCollectionDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t } = useTranslation('exchange');
  const [title, setTitle] = useState('');
  const [alias, setAlias] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);
  async function submit() {
    setError(null);
    try {
      const made = await createCollection({ title, ...(alias ? { alias } : {}) });
      onCreated(made.id);
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <Dialog
      open={open}
      title={t('objects.newCollection.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="new-collection-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('objects.newCollection.submit')}
          </Button>
        </>
      }
    >
      {error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" title={describeError(t, error).message} />
      ) : null}
      <TextField
        label={t('objects.newCollection.name')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        required
      />
      <TextField
        label={t('objects.newCollection.alias')}
        hint={t('objects.newCollection.aliasHint')}
        value={alias}
        onChange={setAlias}
        error={errors.alias}
        dir="ltr"
      />
    </Dialog>
  );
}

function ImportPanel({ collection, onDone }: { collection: string; onDone(): void }) {
  const { t } = useTranslation('exchange');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await file.text());
      } catch {
        throw new Error(t('objects.import.notJson', { name: file.name }));
      }
      setResult(await importBundle(collection, bundle));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="exchange-section" aria-labelledby="import-heading">
      <h2 id="import-heading" className="section-title">
        {t('objects.import.title')}
      </h2>
      <p className="exchange-section__intro">{t('objects.import.intro')}</p>
      <label className="field__label" htmlFor="bundle-file">
        {t('objects.import.file')}
      </label>
      <input
        id="bundle-file"
        className="exchange-form__file"
        type="file"
        accept=".json,application/json,application/stix+json"
        onChange={(e) => void upload(e)}
        disabled={busy}
        data-testid="bundle-file"
      />
      {busy ? <Loading /> : null}
      {error ? (
        <Alert
          tone="error"
          title={
            error instanceof Error && !('problem' in error)
              ? error.message
              : describeError(t, error).message
          }
        />
      ) : null}
      {result ? (
        <div data-testid="import-result">
          <Alert
            tone={result.refused > 0 ? 'warning' : 'success'}
            title={t('objects.import.result', {
              stored: formatNumber(result.stored),
              refused: formatNumber(result.refused),
              total: formatNumber(result.total),
            })}
          />
          {result.failures.length > 0 ? (
            <Table
              caption={t('objects.import.failures')}
              columns={[
                { key: 'id', label: t('objects.columns.id') },
                { key: 'reason', label: t('objects.import.reason') },
              ]}
            >
              {result.failures.slice(0, 100).map((f, i) => (
                <tr key={`${f.id}-${i}`}>
                  <td dir="ltr" className="exchange-id">
                    {f.id}
                  </td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </Table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The collections of this instance and their objects, as the signed-in user may see them. */
export default function ObjectsPage() {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  useDocumentTitle(t('objects.title'));
  const collections = useResource(listCollections, []);
  const [collection, setCollection] = useState('');
  const [type, setType] = useState('');
  const [rows, setRows] = useState<ObjectSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [adding, setAdding] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!collection && collections.data?.[0]) setCollection(collections.data[0].id);
  }, [collection, collections.data]);

  useEffect(() => {
    if (!collection) return;
    let live = true;
    setLoading(true);
    setError(null);
    listObjects(collection, type, null).then(
      (page) => {
        if (!live) return;
        setRows(page.objects);
        setNext(page.more ? page.next : null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!live) return;
        setError(caught);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [collection, type, generation]);

  async function more() {
    if (!next) return;
    const page = await listObjects(collection, type, next);
    setRows((previous) => [...previous, ...page.objects]);
    setNext(page.more ? page.next : null);
  }

  const apply = (event: FormEvent) => event.preventDefault();

  return (
    <section>
      <ExchangeNav />
      <PageHeader
        title={t('objects.title')}
        description={t('objects.intro')}
        actions={
          <>
            {can('exchange.share') && collection ? (
              <Link
                className="btn btn--secondary"
                to={`/exchange/collections/${encodeURIComponent(collection)}/new`}
                data-testid="new-object"
              >
                {t('object.editor.newTitle')}
              </Link>
            ) : null}
            {can('exchange.manage') ? (
              <Button
                variant="primary"
                onClick={() => setAdding(true)}
                data-testid="add-collection"
              >
                {t('objects.newCollection.open')}
              </Button>
            ) : null}
          </>
        }
      />
      <NewCollectionDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(id) => {
          setAdding(false);
          collections.reload();
          setCollection(id);
        }}
      />
      {collections.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, collections.error).message} />
      ) : null}
      {collections.data && collections.data.length === 0 ? (
        <EmptyState title={t('objects.noCollections.title')}>
          {t('objects.noCollections.text')}
        </EmptyState>
      ) : null}
      {collections.data && collections.data.length > 0 ? (
        <>
          <form
            className="exchange-filters"
            role="search"
            aria-label={t('objects.filters.label')}
            onSubmit={apply}
          >
            <Select
              label={t('objects.filters.collection')}
              value={collection}
              onChange={setCollection}
              data-testid="collection-picker"
              options={collections.data.map((c) => ({
                value: c.id,
                label: c.alias ? `${c.title} (${c.alias})` : c.title,
              }))}
            />
            <Select
              label={t('objects.filters.type')}
              value={type}
              onChange={setType}
              options={types.map((ty) => ({
                value: ty,
                label: ty === '' ? t('objects.filters.anyType') : ty,
              }))}
            />
          </form>
          {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
          {loading && rows.length === 0 ? <Loading /> : null}
          {!loading && rows.length === 0 && !error ? (
            <EmptyState title={t('objects.empty.title')}>{t('objects.empty.text')}</EmptyState>
          ) : null}
          {rows.length > 0 ? (
            <Table
              caption={t('objects.caption', { count: rows.length })}
              columns={[
                { key: 'label', label: t('objects.columns.label') },
                { key: 'type', label: t('objects.columns.type') },
                { key: 'tlp', label: t('objects.columns.tlp') },
                { key: 'version', label: t('objects.columns.version') },
                { key: 'added', label: t('objects.columns.added') },
              ]}
            >
              {rows.map((o) => (
                <tr key={`${o.id} ${o.version}`} data-testid="object-row">
                  <td>
                    <Link
                      to={`/exchange/collections/${encodeURIComponent(collection)}/objects/${encodeURIComponent(o.id)}`}
                      dir="auto"
                    >
                      {o.label}
                    </Link>
                  </td>
                  <td dir="ltr">{o.type}</td>
                  <td>
                    <TlpLabel tlp={o.tlp} />
                  </td>
                  <td>{o.version === unversioned ? '—' : formatDateTime(o.version)}</td>
                  <td>{formatDateTime(o.dateAdded)}</td>
                </tr>
              ))}
            </Table>
          ) : null}
          {next ? (
            <Button onClick={() => void more()} data-testid="more-objects">
              {t('objects.more')}
            </Button>
          ) : null}
          {can('exchange.share') && collection ? (
            <ImportPanel collection={collection} onDone={() => setGeneration((g) => g + 1)} />
          ) : null}
          {can('exchange.share') && collection ? (
            <MispPanel collection={collection} onDone={() => setGeneration((g) => g + 1)} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
