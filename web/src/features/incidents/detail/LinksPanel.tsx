import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useResource } from '../../../app/useResource';
import { Alert, Button, ConfirmDialog, Select, TextField } from '../../../ui';
import { addLink, deleteLink, listLinks, mergeInto } from '../api';
import { splitError } from '../components/errors';
import { StatusBadge } from '../components/Labels';
import { linkKinds, type LinkKind } from '../types';
import { useIncident } from './context';
import { usePanelActions } from './panelActions';

/**
 * Links to other incidents (related, duplicate of, caused by, parent of), and merging this
 * incident into another one (incidents.manage): it is then closed and points to the other.
 */
export function LinksPanel() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const { incident, version, refresh, canHandle, canManage, setIncident } = useIncident();
  const links = useResource(() => listLinks(incident.id), [incident.id, version]);
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<LinkKind>('related');
  const [targetError, setTargetError] = useState<string | undefined>();
  const { busy, setBusy, failure, setFailure, run } = usePanelActions({ withFields: true });
  const [merging, setMerging] = useState<string | null>(null);

  async function link() {
    if (target.trim() === '') return setTargetError(t('detail.links.targetMissing'));
    setTargetError(undefined);
    if (await run('link', () => addLink(incident.id, { to: target.trim(), kind }))) setTarget('');
  }

  const items = links.data?.links ?? [];
  return (
    <section
      className="incident-card"
      aria-labelledby="incident-links-title"
      data-testid="links-panel"
    >
      <h2 id="incident-links-title" className="incident-card__title">
        {t('detail.links.title')}
      </h2>
      {incident.mergedIntoId ? (
        <Alert tone="info" title={t('detail.links.mergedInto')}>
          <Link to={`/incidents/${encodeURIComponent(incident.mergedIntoId)}`}>
            {t('detail.links.openTarget')}
          </Link>
        </Alert>
      ) : null}
      {failure ? <Alert tone="error" title={failure} /> : null}
      {items.length === 0 ? (
        <p className="incident-card__empty">{t('detail.links.empty')}</p>
      ) : (
        <ul className="link-list">
          {items.map((l) => (
            <li key={l.id} className="link-list__item">
              <span className="link-list__kind">
                {t(
                  `detail.links.kinds.${l.fromId === incident.id ? l.kind : `${l.kind}-reverse`}`,
                  {
                    defaultValue: t(`detail.links.kinds.${l.kind}`),
                  },
                )}
              </span>{' '}
              <Link to={`/incidents/${encodeURIComponent(l.other.id)}`}>
                <span dir="ltr">{l.other.reference}</span> {l.other.title}
              </Link>{' '}
              <StatusBadge status={l.other.status} />
              {canHandle ? (
                <Button
                  variant="quiet"
                  busy={busy === l.id}
                  onClick={() => void run(l.id, () => deleteLink(incident.id, l.id))}
                  aria-label={t('detail.links.removeOf', { reference: l.other.reference })}
                >
                  {t('detail.links.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canHandle && !incident.mergedIntoId ? (
        <form
          className="link-add"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void link();
          }}
        >
          <TextField
            id="link-target"
            label={t('detail.links.target')}
            hint={t('detail.links.targetHint')}
            dir="ltr"
            value={target}
            error={targetError}
            onChange={setTarget}
          />
          <Select
            id="link-kind"
            label={t('detail.links.kind')}
            value={kind}
            options={linkKinds.map((k) => ({ value: k, label: t(`detail.links.kinds.${k}`) }))}
            onChange={(value) => setKind(value as LinkKind)}
          />
          <div className="link-add__actions">
            <Button type="submit" busy={busy === 'link'} data-testid="link-add">
              {t('detail.links.add')}
            </Button>
            {canManage ? (
              <Button
                variant="danger"
                onClick={() =>
                  target.trim() === ''
                    ? setTargetError(t('detail.links.targetMissing'))
                    : setMerging(target.trim())
                }
              >
                {t('detail.links.merge')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
      <ConfirmDialog
        open={merging !== null}
        title={t('detail.links.mergeTitle', { target: merging ?? '' })}
        confirmLabel={t('detail.links.mergeConfirm')}
        destructive
        busy={busy === 'merge'}
        error={failure}
        onCancel={() => setMerging(null)}
        onConfirm={() =>
          void (async () => {
            setBusy('merge');
            setFailure(null);
            try {
              const merged = await mergeInto(incident.id, merging!);
              setIncident(merged);
              setMerging(null);
              if (merged.mergedIntoId)
                void navigate(`/incidents/${encodeURIComponent(merged.mergedIntoId)}`);
              refresh();
            } catch (e) {
              setFailure(splitError(t, tApp, e).form);
            } finally {
              setBusy(null);
            }
          })()
        }
      >
        <p>{t('detail.links.mergeExplain', { reference: incident.reference })}</p>
      </ConfirmDialog>
    </section>
  );
}
