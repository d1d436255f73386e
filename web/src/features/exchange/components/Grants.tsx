import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { Alert, Button, Checkbox, Select, Table } from '../../../ui';
import { TlpLabel } from '../../incidents/components/Labels';
import { createGrant, deleteGrant, listGrants } from '../api';
import type { Collection, Tlp } from '../types';
import { TlpChecks } from './TlpChecks';

/**
 * The sharing policy's lines for one peer or one sharing group: which collections it may read
 * or write, up to which TLP levels (TLP itself still rules within them).
 */
export function Grants({
  grantee,
  collections,
}: {
  grantee: { peerId: string } | { groupId: string };
  collections: Collection[];
}) {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const grants = useResource(listGrants, []);
  const [collection, setCollection] = useState('');
  const [canRead, setCanRead] = useState(true);
  const [canWrite, setCanWrite] = useState(false);
  const [tlps, setTlps] = useState<Tlp[]>(['clear', 'green', 'amber']);
  const [error, setError] = useState<unknown>(null);
  const mine = (grants.data ?? []).filter((g) =>
    'peerId' in grantee ? g.peerId === grantee.peerId : g.groupId === grantee.groupId,
  );
  const forGroup = 'groupId' in grantee;
  const title = (id: string) => collections.find((c) => c.id === id)?.title ?? id;

  async function add() {
    setError(null);
    try {
      await createGrant({
        collectionId: collection || collections[0]!.id,
        ...grantee,
        canRead,
        canWrite,
        tlpLevels: tlps,
      });
      grants.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="exchange-section" aria-labelledby="grants-heading">
      <h2 id="grants-heading" className="section-title">
        {t(forGroup ? 'peers.grants.groupTitle' : 'peers.grants.title')}
      </h2>
      <p className="exchange-section__intro">
        {t(forGroup ? 'peers.grants.groupIntro' : 'peers.grants.intro')}
      </p>
      {mine.length === 0 ? (
        <p className="muted">{t('peers.grants.none')}</p>
      ) : (
        <Table
          caption={t('peers.grants.title')}
          captionHidden
          columns={[
            { key: 'collection', label: t('objects.filters.collection') },
            { key: 'rights', label: t('peers.grants.rights') },
            { key: 'tlps', label: t('peers.grants.tlps') },
            { key: 'actions', label: t('common.actions'), visuallyHidden: true },
          ]}
        >
          {mine.map((g) => (
            <tr key={g.id} data-testid="grant-row">
              <td>{title(g.collectionId)}</td>
              <td>
                {[
                  g.canRead ? t('peers.grants.read') : null,
                  g.canWrite ? t('peers.grants.write') : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>
                <span className="exchange-inline">
                  {g.tlpLevels.map((l) => (
                    <TlpLabel key={l} tlp={l} />
                  ))}
                </span>
              </td>
              <td>
                {can('exchange.manage') ? (
                  <Button
                    onClick={() => {
                      void deleteGrant(g.id).then(() => grants.reload(), setError);
                    }}
                  >
                    {t('peers.grants.remove', { collection: title(g.collectionId) })}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {can('exchange.manage') && collections.length > 0 ? (
        <form
          className="exchange-grant-form"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <h3 className="subsection-title">{t('peers.grants.add')}</h3>
          <Select
            label={t('objects.filters.collection')}
            value={collection || collections[0]!.id}
            onChange={setCollection}
            options={collections.map((c) => ({ value: c.id, label: c.title }))}
          />
          <Checkbox label={t('peers.grants.read')} checked={canRead} onChange={setCanRead} />
          <Checkbox label={t('peers.grants.write')} checked={canWrite} onChange={setCanWrite} />
          <TlpChecks value={tlps} onChange={setTlps} />
          <Button type="submit" variant="primary" data-testid="add-grant">
            {t(forGroup ? 'peers.grants.groupSubmit' : 'peers.grants.submit')}
          </Button>
        </form>
      ) : null}
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
    </section>
  );
}
