import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { Alert, Button, Checkbox, ConfirmDialog, Loading, PageHeader, TextField } from '../../ui';
import { fieldErrors } from '../constituents/components/common';
import { deleteGroup, listCollections, listGroups, listPeers, updateGroup } from './api';
import { ExchangeNav } from './components/ExchangeNav';
import { Grants } from './components/Grants';
import './exchange.css';

/**
 * One sharing group: its members (peer CIRTs) and the collections opened to it. A grant to a
 * group reaches every member, each within what TLP lets reach that peer.
 */
export default function GroupPage() {
  const { t } = useTranslation('exchange');
  const { can } = useAuth();
  const navigate = useNavigate();
  const { groupId = '' } = useParams();
  const groups = useResource(listGroups, []);
  const peers = useResource(listPeers, []);
  const collections = useResource(listCollections, []);
  const group = groups.data?.find((g) => g.id === groupId);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [members, setMembers] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const manage = can('exchange.manage');
  useDocumentTitle(group?.name ?? t('peers.groups.title'));

  useEffect(() => {
    if (!group) return;
    setName(group.name);
    setDescription(group.description ?? '');
    setMembers(new Set(group.peerIds));
  }, [group]);

  async function save() {
    setError(null);
    setSaved(false);
    try {
      await updateGroup(groupId, {
        name,
        ...(description ? { description } : {}),
        peerIds: [...members],
      });
      setSaved(true);
      groups.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  if (groups.status === 'loading' && !groups.data) return <Loading />;
  if (!group)
    return (
      <section>
        <ExchangeNav />
        <Alert tone="error" title={t('peers.groups.notFound')}>
          <Link to="/exchange/peers">{t('peers.groups.back')}</Link>
        </Alert>
      </section>
    );
  const errors = fieldErrors(error);
  return (
    <section>
      <ExchangeNav />
      <PageHeader
        title={group.name}
        description={t('peers.groups.pageIntro')}
        actions={
          manage ? (
            <Button variant="danger" onClick={() => setConfirming(true)} data-testid="delete-group">
              {t('peers.groups.delete')}
            </Button>
          ) : null
        }
      />
      <form
        className="exchange-section"
        aria-labelledby="group-members-heading"
        data-testid="group-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="group-members-heading" className="section-title">
          {t('peers.groups.members')}
        </h2>
        <TextField
          label={t('peers.groups.name')}
          value={name}
          onChange={setName}
          disabled={!manage}
          error={errors['body.name']}
        />
        <TextField
          label={t('peers.groups.description')}
          value={description}
          onChange={setDescription}
          disabled={!manage}
        />
        <fieldset className="exchange-members">
          <legend className="field__label">{t('peers.groups.membersLegend')}</legend>
          {(peers.data ?? []).length === 0 ? (
            <p className="muted">{t('peers.groups.noPeers')}</p>
          ) : (
            (peers.data ?? []).map((p) => (
              <Checkbox
                key={p.id}
                id={`member-${p.id}`}
                label={p.country ? `${p.name} (${p.country})` : p.name}
                checked={members.has(p.id)}
                onChange={(on) => {
                  if (!manage) return;
                  const next = new Set(members);
                  if (on) next.add(p.id);
                  else next.delete(p.id);
                  setMembers(next);
                  setSaved(false);
                }}
              />
            ))
          )}
        </fieldset>
        {manage ? (
          <Button type="submit" variant="primary" data-testid="save-group">
            {t('peers.groups.save')}
          </Button>
        ) : null}
        {saved ? <Alert tone="success" title={t('peers.groups.saved')} /> : null}
        {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
      </form>
      {collections.data ? <Grants grantee={{ groupId }} collections={collections.data} /> : null}
      <ConfirmDialog
        open={confirming}
        title={t('peers.groups.deleteTitle', { name: group.name })}
        confirmLabel={t('peers.groups.delete')}
        destructive
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void deleteGroup(groupId).then(() => navigate('/exchange/peers'), setError);
        }}
      >
        {t('peers.groups.deleteText')}
      </ConfirmDialog>
    </section>
  );
}
