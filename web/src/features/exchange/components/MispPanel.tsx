import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../../app/format';
import { Alert, Button, Loading, Table, TextField } from '../../../ui';
import { importMispEvent, mispExportUrl, readMispFeed } from '../api';
import type { MispFeedOutcome, MispImportResult } from '../types';

/**
 * MISP beside STIX for one collection: import a MISP event file, download the collection as
 * MISP events, read a MISP feed into it, and the address of the MISP feed peers subscribe to
 * (each peer sees only what its grants and TLP let through).
 */
export function MispPanel({ collection, onDone }: { collection: string; onDone(): void }) {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const [result, setResult] = useState<MispImportResult | null>(null);
  const [feed, setFeed] = useState<MispFeedOutcome | null>(null);
  const [url, setUrl] = useState('');
  const [authorization, setAuthorization] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const feedAddress = `${window.location.origin}/misp-feed/${encodeURIComponent(collection)}/`;

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new Error(t('objects.import.notJson', { name: file.name }));
      }
      setResult(await importMispEvent(collection, json));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function read() {
    setBusy(true);
    setError(null);
    setFeed(null);
    try {
      setFeed(await readMispFeed(collection, url.trim(), authorization.trim() || undefined));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="exchange-section" aria-labelledby="misp-heading" data-testid="misp-panel">
      <h2 id="misp-heading" className="section-title">
        {t('objects.misp.title')}
      </h2>
      <p className="exchange-section__intro">{t('objects.misp.intro')}</p>
      <label className="field__label" htmlFor="misp-file">
        {t('objects.misp.file')}
      </label>
      <input
        id="misp-file"
        className="exchange-form__file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => void upload(e)}
        disabled={busy}
        data-testid="misp-file"
      />
      <p>
        <a className="btn btn--secondary" href={mispExportUrl(collection)} download>
          {t('objects.misp.export')}
        </a>
      </p>
      {can('exchange.manage') ? (
        <form
          className="exchange-inline"
          onSubmit={(event) => {
            event.preventDefault();
            void read();
          }}
        >
          <TextField
            label={t('objects.misp.feedUrl')}
            hint={t('objects.misp.feedUrlHint')}
            value={url}
            dir="ltr"
            onChange={setUrl}
          />
          <TextField
            label={t('objects.misp.authorization')}
            value={authorization}
            dir="ltr"
            autoComplete="off"
            onChange={setAuthorization}
          />
          <Button type="submit" disabled={busy || url.trim() === ''} data-testid="misp-feed-read">
            {t('objects.misp.read')}
          </Button>
        </form>
      ) : null}
      <p className="exchange-section__intro">
        {t('objects.misp.published')}{' '}
        <code dir="ltr" data-testid="misp-feed-address">
          {feedAddress}
        </code>
      </p>
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
        <div data-testid="misp-result">
          <Alert
            tone={result.refused > 0 || result.skipped.length > 0 ? 'warning' : 'success'}
            title={t('objects.misp.result', {
              stored: formatNumber(result.stored),
              refused: formatNumber(result.refused),
              skipped: formatNumber(result.skipped.length),
            })}
          />
          {result.skipped.length > 0 ? (
            <Table
              caption={t('objects.misp.skippedCaption')}
              columns={[
                { key: 'type', label: t('objects.misp.attributeType') },
                { key: 'reason', label: t('objects.import.reason') },
              ]}
            >
              {result.skipped.slice(0, 100).map((s) => (
                <tr key={s.uuid}>
                  <td dir="ltr">{s.type}</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </Table>
          ) : null}
        </div>
      ) : null}
      {feed ? (
        <Alert
          tone={feed.problems.length > 0 ? 'warning' : 'success'}
          title={t('objects.misp.feedResult', {
            events: formatNumber(feed.events),
            stored: formatNumber(feed.stored),
            refused: formatNumber(feed.refused),
          })}
          testId="misp-feed-result"
        >
          {feed.problems.length > 0 ? (
            <ul>
              {feed.problems.slice(0, 20).map((p) => (
                <li key={p.event}>
                  <span dir="ltr">{p.event}</span>: {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
