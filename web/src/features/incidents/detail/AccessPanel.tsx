import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { Alert, Button, Select } from '../../../ui';
import { grantAccess, listAccess, revokeAccess } from '../api';
import { useIncident } from './context';
import { usePanelActions } from './panelActions';

/**
 * Who may read a TLP:RED or TLP:AMBER+STRICT incident. No role sees it otherwise, not even an
 * administrator; anyone on the list may add or remove others.
 */
export function AccessPanel() {
  const { t } = useTranslation('incidents');
  const { incident, reference, version, canHandle, me } = useIncident();
  const restricted = incident.access.restricted;
  const access = useResource(
    () => (restricted ? listAccess(incident.id) : Promise.resolve({ access: [] })),
    [incident.id, version, restricted],
  );
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { busy, failure, run } = usePanelActions({ withFields: true });
  if (!restricted) return null;

  const items = access.data?.access ?? [];
  const candidates = (reference.users ?? []).filter((u) => !items.some((a) => a.userId === u.id));
  return (
    <section
      className="incident-card"
      aria-labelledby="incident-access-title"
      data-testid="access-panel"
    >
      <h2 id="incident-access-title" className="incident-card__title">
        {t('detail.access.title')}
      </h2>
      <p className="incident-card__intro">{t('detail.access.intro')}</p>
      {failure ? <Alert tone="error" title={failure} /> : null}
      <ul className="access-list">
        {items.map((a) => (
          <li key={a.userId} className="access-list__item">
            <span>
              {a.displayName}
              {a.userId === me.id ? ` (${t('detail.access.you')})` : ''}
            </span>
            {a.email ? (
              <span className="incident-muted" dir="ltr">
                {a.email}
              </span>
            ) : null}
            {a.grantedAt ? (
              <span className="incident-muted">{formatDateTime(a.grantedAt)}</span>
            ) : null}
            {canHandle && items.length > 1 ? (
              <Button
                variant="quiet"
                busy={busy === a.userId}
                onClick={() => void run(a.userId, () => revokeAccess(incident.id, a.userId))}
                aria-label={t('detail.access.removeOf', { name: a.displayName })}
              >
                {t('detail.access.remove')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canHandle && candidates.length > 0 ? (
        <form
          className="access-add"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (userId === '') return setError(t('detail.access.userMissing'));
            setError(undefined);
            void run('add', () => grantAccess(incident.id, userId)).then(
              (ok) => ok && setUserId(''),
            );
          }}
        >
          <Select
            id="access-user"
            label={t('detail.access.user')}
            value={userId}
            error={error}
            options={[
              { value: '', label: t('detail.access.chooseUser') },
              ...candidates.map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` })),
            ]}
            onChange={setUserId}
          />
          <Button type="submit" busy={busy === 'add'}>
            {t('detail.access.add')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
