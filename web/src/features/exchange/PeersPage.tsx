import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import {
  Alert,
  Badge,
  Button,
  Dialog,
  EmptyState,
  Loading,
  PageHeader,
  SecretDialog,
  Select,
  Table,
  TextField,
} from '../../ui';
import { fieldErrors } from '../constituents/components/common';
import {
  createGroup,
  createPeer,
  getSettings,
  listGroups,
  listPeers,
  listSubscriptions,
  saveSettings,
} from './api';
import { ExchangeNav } from './components/ExchangeNav';
import {
  relationships,
  tlpLevels,
  trustLevels,
  type Relationship,
  type Tlp,
  type Trust,
} from './types';
import './exchange.css';

function NewPeerDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: string, secret: string): void;
}) {
  const { t } = useTranslation('exchange');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [relationship, setRelationship] = useState<Relationship>('community');
  const [trust, setTrust] = useState<Trust>('medium');
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);
  async function submit() {
    setError(null);
    try {
      const made = await createPeer({
        name,
        ...(country ? { country: country.toUpperCase() } : {}),
        relationship,
        trust,
        contacts: [],
        ...(url
          ? { remote: { url, ...(username ? { username } : {}), ...(secret ? { secret } : {}) } }
          : {}),
      });
      onCreated(made.peer.id, made.secret);
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <Dialog
      open={open}
      title={t('peers.new.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="new-peer-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('peers.new.submit')}
          </Button>
        </>
      }
    >
      {error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" title={describeError(t, error).message} />
      ) : null}
      <TextField
        label={t('peers.fields.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        required
        autoComplete="off"
      />
      <TextField
        label={t('peers.fields.country')}
        hint={t('peers.fields.countryHint')}
        value={country}
        onChange={setCountry}
        error={errors.country}
        maxLength={3}
        dir="ltr"
      />
      <Select
        label={t('peers.fields.relationship')}
        hint={t(`peers.relationships.${relationship}.hint`)}
        value={relationship}
        onChange={(v) => setRelationship(v as Relationship)}
        options={relationships.map((r) => ({
          value: r,
          label: t(`peers.relationships.${r}.name`),
        }))}
      />
      <Select
        label={t('peers.fields.trust')}
        value={trust}
        onChange={(v) => setTrust(v as Trust)}
        options={trustLevels.map((l) => ({ value: l, label: t(`peers.trust.${l}`) }))}
      />
      <TextField
        label={t('peers.fields.url')}
        hint={t('peers.fields.urlHint')}
        value={url}
        onChange={setUrl}
        error={errors['remote.url']}
        dir="ltr"
        type="url"
      />
      <TextField
        label={t('peers.fields.username')}
        value={username}
        onChange={setUsername}
        dir="ltr"
        autoComplete="off"
      />
      <TextField
        label={t('peers.fields.secret')}
        hint={t('peers.fields.secretHint')}
        value={secret}
        onChange={setSecret}
        dir="ltr"
        type="password"
        autoComplete="new-password"
      />
    </Dialog>
  );
}

/** Sharing groups: lists of peers a collection can be opened to at once. */
function Groups() {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const navigate = useNavigate();
  const groups = useResource(listGroups, []);
  const peers = useResource(listPeers, []);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const peerName = (id: string) => peers.data?.find((p) => p.id === id)?.name ?? id;

  async function add() {
    setError(null);
    try {
      const made = await createGroup({ name, peerIds: [] });
      void navigate(`/exchange/groups/${encodeURIComponent(made.id)}`);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="exchange-section" aria-labelledby="groups-heading">
      <h2 id="groups-heading" className="section-title">
        {t('peers.groups.title')}
      </h2>
      <p className="exchange-section__intro">{t('peers.groups.intro')}</p>
      {groups.data && groups.data.length === 0 ? (
        <p className="muted">{t('peers.groups.empty')}</p>
      ) : null}
      {groups.data && groups.data.length > 0 ? (
        <Table
          caption={t('peers.groups.title')}
          captionHidden
          columns={[
            { key: 'name', label: t('peers.groups.name') },
            { key: 'members', label: t('peers.groups.members') },
          ]}
        >
          {groups.data.map((g) => (
            <tr key={g.id} data-testid="group-row">
              <td>
                <Link to={`/exchange/groups/${encodeURIComponent(g.id)}`}>{g.name}</Link>
              </td>
              <td>
                {g.peerIds.length === 0
                  ? t('peers.groups.noMembers')
                  : g.peerIds.map(peerName).join(', ')}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      {can('exchange.manage') ? (
        <form
          className="exchange-inline"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <TextField
            label={t('peers.groups.newName')}
            value={name}
            onChange={setName}
            error={fieldErrors(error)['body.name']}
          />
          <Button type="submit" data-testid="add-group">
            {t('peers.groups.new')}
          </Button>
        </form>
      ) : null}
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
    </section>
  );
}

function DefaultTlp() {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const settings = useResource(getSettings, []);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!settings.data) return null;
  const current = settings.data.defaultTlp;
  return (
    <section className="exchange-section" aria-labelledby="default-tlp-heading">
      <h2 id="default-tlp-heading" className="section-title">
        {t('peers.defaultTlp.title')}
      </h2>
      <p className="exchange-section__intro">{t('peers.defaultTlp.intro')}</p>
      {can('exchange.manage') ? (
        <Select
          label={t('peers.defaultTlp.label')}
          value={current}
          onChange={(v) => {
            setSaved(false);
            setError(null);
            saveSettings(v as Tlp).then(
              () => {
                settings.reload();
                setSaved(true);
              },
              (caught: unknown) => setError(caught),
            );
          }}
          options={tlpLevels.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
        />
      ) : (
        <p>{`TLP:${current.toUpperCase()}`}</p>
      )}
      {saved ? <Alert tone="success" title={t('peers.defaultTlp.saved')} /> : null}
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
    </section>
  );
}

/** The peer CIRTs this instance exchanges with, how each poll went, and the default TLP. */
export default function PeersPage() {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const navigate = useNavigate();
  useDocumentTitle(t('peers.title'));
  const peers = useResource(listPeers, []);
  const subscriptions = useResource(listSubscriptions, []);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<{ id: string; secret: string } | null>(null);
  const failing = (peerId: string) =>
    (subscriptions.data ?? []).find((s) => s.peerId === peerId && s.lastError);

  return (
    <section>
      <ExchangeNav />
      <PageHeader
        title={t('peers.title')}
        description={t('peers.intro')}
        actions={
          can('exchange.manage') ? (
            <Button variant="primary" onClick={() => setAdding(true)} data-testid="add-peer">
              {t('peers.new.open')}
            </Button>
          ) : null
        }
      />
      <NewPeerDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(id, secret) => {
          setAdding(false);
          setIssued({ id, secret });
          peers.reload();
        }}
      />
      <SecretDialog
        open={issued !== null}
        title={t('peers.secret.title')}
        intro={t('peers.secret.intro')}
        label={t('peers.secret.label')}
        secret={issued?.secret ?? ''}
        testId="peer-secret"
        onClose={() => {
          const id = issued?.id;
          setIssued(null);
          if (id) void navigate(`/exchange/peers/${encodeURIComponent(id)}`);
        }}
      />
      {peers.status === 'loading' && !peers.data ? <Loading /> : null}
      {peers.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, peers.error).message} />
      ) : null}
      {peers.data && peers.data.length === 0 ? (
        <EmptyState title={t('peers.empty.title')}>{t('peers.empty.text')}</EmptyState>
      ) : null}
      {peers.data && peers.data.length > 0 ? (
        <Table
          caption={t('peers.caption')}
          captionHidden
          columns={[
            { key: 'name', label: t('peers.fields.name') },
            { key: 'relationship', label: t('peers.fields.relationship') },
            { key: 'trust', label: t('peers.fields.trust') },
            { key: 'endpoint', label: t('peers.fields.url') },
            { key: 'state', label: t('peers.columns.state') },
          ]}
        >
          {peers.data.map((p) => {
            const problem = failing(p.id);
            return (
              <tr key={p.id} data-testid="peer-row">
                <td>
                  <Link to={`/exchange/peers/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                  {p.country ? <span className="muted"> · {p.country}</span> : null}
                </td>
                <td>{t(`peers.relationships.${p.relationship}.name`)}</td>
                <td>{t(`peers.trust.${p.trust}`)}</td>
                <td dir="ltr" className="exchange-id">
                  {p.remote?.url ?? '—'}
                </td>
                <td>
                  {p.disabled ? (
                    <Badge tone="neutral">{t('peers.state.disabled')}</Badge>
                  ) : problem ? (
                    <Badge tone="danger">
                      {t('peers.state.failing', { when: formatDateTime(problem.lastPollAt) })}
                    </Badge>
                  ) : (
                    <Badge tone="success">{t('peers.state.active')}</Badge>
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      ) : null}
      <Groups />
      <DefaultTlp />
    </section>
  );
}
