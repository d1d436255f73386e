import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { Alert, Button, Loading, PageHeader, Select, Table } from '../../ui';
import { TlpLabel } from '../incidents/components/Labels';
import { getNamedConstituents, getObjectVersions, getTeamIdentity, recordSighting } from './api';
import { ExchangeNav } from './components/ExchangeNav';
import { tlpLevels, unversioned, type ObjectVersion, type Tlp } from './types';
import './exchange.css';

function Provenance({ version }: { version: ObjectVersion }) {
  const { t } = useTranslation('exchange');
  if (version.provenance.length === 0)
    return <p className="muted">{t('object.provenance.none')}</p>;
  return (
    <ul className="exchange-provenance">
      {version.provenance.map((p, i) => (
        <li key={i}>
          {t(`object.provenance.${p.source}`, {
            peer: p.peerName ?? p.peerId ?? '',
            collection: p.collection ?? '',
            when: formatDateTime(p.receivedAt),
          })}
        </li>
      ))}
    </ul>
  );
}

function SightingForm({ collection, indicator }: { collection: string; indicator: string }) {
  const { t } = useTranslation('exchange');
  const [tlp, setTlp] = useState<Tlp>('green');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function record() {
    setError(null);
    try {
      const made = await recordSighting({
        collectionId: collection,
        indicatorId: indicator,
        count: 1,
        tlp,
      });
      setDone(made.sighting.id);
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <section className="exchange-section" aria-labelledby="sighting-heading">
      <h2 id="sighting-heading" className="section-title">
        {t('object.sighting.title')}
      </h2>
      <p className="exchange-section__intro">{t('object.sighting.intro')}</p>
      <div className="exchange-inline">
        <Select
          label={t('object.sighting.tlp')}
          value={tlp}
          onChange={(v) => setTlp(v as Tlp)}
          options={tlpLevels.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
        />
        <Button variant="primary" onClick={() => void record()} data-testid="record-sighting">
          {t('object.sighting.record')}
        </Button>
      </div>
      {done ? (
        <Alert tone="success" title={t('object.sighting.done')}>
          <Link
            to={`/exchange/collections/${encodeURIComponent(collection)}/objects/${encodeURIComponent(done)}`}
          >
            {done}
          </Link>
        </Alert>
      ) : null}
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
    </section>
  );
}

/** Object types whose values (or referenced objects' values) the ownership index is asked about. */
const namingTypes = new Set([
  'indicator',
  'report',
  'grouping',
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'email-addr',
  'autonomous-system',
]);

/** "Which of our constituents are named here?": owners of the values the object names. */
function NamedConstituents({ objectId, version }: { objectId: string; version: string }) {
  const { t } = useTranslation('exchange');
  const named = useResource(() => getNamedConstituents(objectId), [objectId, version]);
  return (
    <section
      className="exchange-section"
      aria-labelledby="named-heading"
      data-testid="named-constituents"
    >
      <h2 id="named-heading" className="section-title">
        {t('object.named.title')}
      </h2>
      <p className="exchange-section__intro">{t('object.named.intro')}</p>
      {named.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, named.error).message} />
      ) : null}
      {named.data && named.data.constituents.length === 0 ? (
        <p className="muted">{t('object.named.empty', { total: named.data.values })}</p>
      ) : null}
      {named.data && named.data.constituents.length > 0 ? (
        <ul className="exchange-named">
          {named.data.constituents.map(({ org, matched }) => (
            <li key={org.id} data-org={org.name}>
              <Link to={`/constituents/orgs/${encodeURIComponent(org.id)}`}>{org.name}</Link>
              <ul>
                {matched.map((m) => (
                  <li key={`${m.objectId}|${m.kind}|${m.value}`}>
                    <span dir="ltr">{m.value}</span>{' '}
                    <span className="muted">{t('object.named.owned', { owned: m.owned })}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One STIX object: every version the user may see, where each came from, what was taken out. */
export default function ObjectPage() {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const { collectionId = '', objectId = '' } = useParams();
  const versions = useResource(
    () => getObjectVersions(collectionId, objectId),
    [collectionId, objectId],
  );
  const latest = versions.data?.at(-1);
  const name = latest && typeof latest.object.name === 'string' ? latest.object.name : objectId;
  useDocumentTitle(name);
  const team = useResource(getTeamIdentity, []);
  // STIX lets only the creator version an object; observables have no versions.
  const editable =
    can('exchange.share') &&
    latest !== undefined &&
    team.data != null &&
    latest.object.created_by_ref === team.data.id &&
    latest.object.revoked !== true;

  return (
    <section>
      <ExchangeNav />
      <PageHeader
        title={name}
        description={<span dir="ltr">{objectId}</span>}
        actions={
          editable ? (
            <Link
              className="btn btn--secondary"
              to={`/exchange/collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(objectId)}/edit`}
              data-testid="edit-object"
            >
              {t('object.editor.newVersion')}
            </Link>
          ) : null
        }
      />
      {versions.status === 'loading' && !versions.data ? <Loading /> : null}
      {versions.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, versions.error).message} />
      ) : null}
      {versions.data ? (
        <>
          <Table
            caption={t('object.versions')}
            columns={[
              { key: 'version', label: t('objects.columns.version') },
              { key: 'tlp', label: t('objects.columns.tlp') },
              { key: 'added', label: t('objects.columns.added') },
              { key: 'from', label: t('object.provenance.title') },
            ]}
          >
            {versions.data.map((v) => (
              <tr key={v.version}>
                <td>{v.version === unversioned ? '—' : formatDateTime(v.version)}</td>
                <td>
                  <TlpLabel tlp={v.tlp} />
                </td>
                <td>{formatDateTime(v.dateAdded)}</td>
                <td>
                  <Provenance version={v} />
                </td>
              </tr>
            ))}
          </Table>
          {latest ? (
            <section className="exchange-section" aria-labelledby="json-heading">
              <h2 id="json-heading" className="section-title">
                {t('object.json')}
              </h2>
              {latest.removed.length > 0 ? (
                <Alert
                  tone="info"
                  title={t('object.removed', { fields: latest.removed.join(', ') })}
                />
              ) : null}
              <pre className="exchange-json" dir="ltr" tabIndex={0} data-testid="object-json">
                {JSON.stringify(latest.object, null, 2)}
              </pre>
            </section>
          ) : null}
          {latest && namingTypes.has(latest.object.type) && can('constituents.read') ? (
            <NamedConstituents objectId={objectId} version={latest.version} />
          ) : null}
          {latest?.object.type === 'indicator' && can('exchange.share') ? (
            <SightingForm collection={collectionId} indicator={objectId} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
