import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatDateTime, formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import {
  Alert,
  Button,
  ConfirmDialog,
  EmptyState,
  Loading,
  PageHeader,
  SecretDialog,
  Select,
  Table,
  TextField,
} from '../../ui';
import { TlpLabel } from '../incidents/components/Labels';
import {
  createSubscription,
  getPeer,
  listCollections,
  listSubscriptions,
  pollNow,
  previewPeer,
  rotatePeerSecret,
} from './api';
import { ExchangeNav } from './components/ExchangeNav';
import { Grants } from './components/Grants';
import type { Collection, Peer, PollOutcome } from './types';
import './exchange.css';

function Subscriptions({ peer, collections }: { peer: Peer; collections: Collection[] }) {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const subs = useResource(listSubscriptions, []);
  const [remote, setRemote] = useState('');
  const [local, setLocal] = useState('');
  const [outcome, setOutcome] = useState<PollOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mine = (subs.data ?? []).filter((s) => s.peerId === peer.id);
  const title = (id: string) => collections.find((c) => c.id === id)?.title ?? id;

  async function add() {
    setError(null);
    try {
      await createSubscription({
        peerId: peer.id,
        remoteCollection: remote.trim(),
        localCollection: local || collections[0]!.id,
        intervalSeconds: 3600,
      });
      setRemote('');
      subs.reload();
    } catch (caught) {
      setError(caught);
    }
  }
  async function poll(id: string) {
    setError(null);
    setOutcome(null);
    try {
      setOutcome(await pollNow(id));
      subs.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="exchange-section" aria-labelledby="subs-heading">
      <h2 id="subs-heading" className="section-title">
        {t('peers.subscriptions.title')}
      </h2>
      <p className="exchange-section__intro">{t('peers.subscriptions.intro')}</p>
      {!peer.remote ? <Alert tone="info" title={t('peers.subscriptions.noRemote')} /> : null}
      {mine.length === 0 ? (
        <p className="muted">{t('peers.subscriptions.none')}</p>
      ) : (
        <Table
          caption={t('peers.subscriptions.title')}
          captionHidden
          columns={[
            { key: 'remote', label: t('peers.subscriptions.remote') },
            { key: 'local', label: t('peers.subscriptions.local') },
            { key: 'last', label: t('peers.subscriptions.last') },
            { key: 'received', label: t('peers.subscriptions.received') },
            { key: 'actions', label: t('common.actions'), visuallyHidden: true },
          ]}
        >
          {mine.map((s) => (
            <tr key={s.id} data-testid="subscription-row">
              <td dir="ltr" className="exchange-id">
                {s.remoteCollection}
              </td>
              <td>{title(s.localCollection)}</td>
              <td>
                {s.lastPollAt ? formatDateTime(s.lastPollAt) : t('peers.subscriptions.never')}
                {s.lastError ? (
                  <p className="exchange-error" data-testid="subscription-error">
                    {t('peers.subscriptions.error', { error: s.lastError, failures: s.failures })}
                  </p>
                ) : null}
              </td>
              <td>{formatNumber(s.received)}</td>
              <td>
                {can('exchange.share') ? (
                  <Button onClick={() => void poll(s.id)} data-testid="poll-now">
                    {t('peers.subscriptions.poll')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {outcome ? (
        <Alert
          tone={outcome.error ? 'error' : 'success'}
          title={
            outcome.error
              ? t('peers.subscriptions.failed', { error: outcome.error })
              : t('peers.subscriptions.polled', {
                  received: formatNumber(outcome.received),
                  refused: formatNumber(outcome.refused),
                })
          }
        />
      ) : null}
      {can('exchange.manage') && peer.remote && collections.length > 0 ? (
        <form
          className="exchange-grant-form"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <h3 className="subsection-title">{t('peers.subscriptions.add')}</h3>
          <TextField
            label={t('peers.subscriptions.remote')}
            hint={t('peers.subscriptions.remoteHint')}
            value={remote}
            onChange={setRemote}
            dir="ltr"
            required
          />
          <Select
            label={t('peers.subscriptions.local')}
            value={local || collections[0]!.id}
            onChange={setLocal}
            options={collections.map((c) => ({ value: c.id, label: c.title }))}
          />
          <Button type="submit" variant="primary" data-testid="add-subscription">
            {t('peers.subscriptions.submit')}
          </Button>
        </form>
      ) : null}
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
    </section>
  );
}

function PreviewPanel({ peer }: { peer: Peer }) {
  const { t } = useTranslation('exchange');
  const preview = useResource(() => previewPeer(peer.id), [peer.id]);
  return (
    <section
      className="exchange-section"
      aria-labelledby="preview-heading"
      data-testid="peer-preview"
    >
      <h2 id="preview-heading" className="section-title">
        {t('peers.preview.title', { name: peer.name })}
      </h2>
      <p className="exchange-section__intro">{t('peers.preview.intro')}</p>
      <Button onClick={preview.reload}>{t('peers.preview.refresh')}</Button>
      {preview.status === 'loading' && !preview.data ? <Loading /> : null}
      {preview.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, preview.error).message} />
      ) : null}
      {preview.data && preview.data.collections.length === 0 ? (
        <EmptyState title={t('peers.preview.nothing')} />
      ) : null}
      {preview.data?.collections.map((c) => (
        <Table
          key={c.id}
          caption={t('peers.preview.collection', { title: c.title, count: c.objects.length })}
          columns={[
            { key: 'label', label: t('objects.columns.label') },
            { key: 'type', label: t('objects.columns.type') },
            { key: 'tlp', label: t('objects.columns.tlp') },
            { key: 'removed', label: t('peers.preview.removed') },
          ]}
        >
          {c.objects.map((o) => (
            <tr key={`${o.id} ${o.version}`} data-testid="preview-row">
              <td>
                <Link
                  to={`/exchange/collections/${encodeURIComponent(c.id)}/objects/${encodeURIComponent(o.id)}`}
                  dir="auto"
                >
                  {o.label}
                </Link>
              </td>
              <td dir="ltr">{o.type}</td>
              <td>
                <TlpLabel tlp={o.tlp} />
              </td>
              <td dir="ltr">{o.removed && o.removed.length > 0 ? o.removed.join(', ') : '—'}</td>
            </tr>
          ))}
        </Table>
      ))}
    </section>
  );
}

/** One peer: who it is, what it may read and write, what it would receive now, its polls. */
export default function PeerPage() {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const { peerId = '' } = useParams();
  const peer = useResource(() => getPeer(peerId), [peerId]);
  const collections = useResource(listCollections, []);
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  useDocumentTitle(peer.data?.name ?? t('peers.title'));

  if (peer.status === 'failed')
    return <Alert tone="error" title={describeError(t, peer.error).message} />;
  if (!peer.data || !collections.data) return <Loading />;
  const p = peer.data;
  return (
    <section>
      <ExchangeNav />
      <PageHeader
        title={p.name}
        description={t(`peers.relationships.${p.relationship}.hint`)}
        actions={
          can('exchange.manage') ? (
            <Button onClick={() => setConfirming(true)} data-testid="rotate-secret">
              {t('peers.secret.rotate')}
            </Button>
          ) : null
        }
      />
      <dl className="exchange-facts">
        <dt>{t('peers.fields.relationship')}</dt>
        <dd>{t(`peers.relationships.${p.relationship}.name`)}</dd>
        <dt>{t('peers.fields.trust')}</dt>
        <dd>{t(`peers.trust.${p.trust}`)}</dd>
        <dt>{t('peers.fields.country')}</dt>
        <dd>{p.country ?? '—'}</dd>
        <dt>{t('peers.fields.url')}</dt>
        <dd dir="ltr" className="exchange-id">
          {p.remote?.url ?? '—'}
        </dd>
        <dt>{t('peers.fields.issued')}</dt>
        <dd dir="ltr">{p.tokenPrefix ? `${p.tokenPrefix}…` : '—'}</dd>
      </dl>
      <ConfirmDialog
        open={confirming}
        title={t('peers.secret.rotateTitle')}
        confirmLabel={t('peers.secret.rotate')}
        destructive
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void rotatePeerSecret(p.id).then((made) => {
            setSecret(made.secret);
            peer.reload();
          });
        }}
      >
        {t('peers.secret.rotateText', { name: p.name })}
      </ConfirmDialog>
      <SecretDialog
        open={secret !== null}
        title={t('peers.secret.title')}
        intro={t('peers.secret.intro')}
        label={t('peers.secret.label')}
        secret={secret ?? ''}
        testId="peer-secret"
        onClose={() => setSecret(null)}
      />
      <Grants grantee={{ peerId: p.id }} collections={collections.data} />
      <PreviewPanel peer={p} />
      <Subscriptions peer={p} collections={collections.data} />
    </section>
  );
}
