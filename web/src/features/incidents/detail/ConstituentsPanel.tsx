import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { Alert, Button } from '../../../ui';
import { setConstituent } from '../api';
import { splitError } from '../components/errors';
import type { AffectedConstituent } from '../types';
import { ConstituentSearch } from './ConstituentSearch';
import { useIncident } from './context';

/**
 * Organisations the incident affects. Owners found through the observables arrive as
 * suggestions, with what matched; the analyst confirms or dismisses each. Confirmed ones are
 * those the notify dialog offers. An organisation the lookup did not find is added by hand
 * through the search below the list.
 */
export function ConstituentsPanel({ constituents }: { constituents: AffectedConstituent[] }) {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, refresh, canHandle } = useIncident();
  const { can } = useAuth();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function decide(orgId: string, action: 'confirmed' | 'dismissed') {
    setBusy(`${orgId}:${action}`);
    setFailure(null);
    try {
      await setConstituent(incident.id, orgId, action);
      refresh();
    } catch (e) {
      setFailure(splitError(t, tApp, e).form);
    } finally {
      setBusy(null);
    }
  }

  const shown = [...constituents].sort(
    (a, b) => order(a.origin) - order(b.origin) || a.orgName.localeCompare(b.orgName),
  );
  return (
    <section
      className="incident-card"
      aria-labelledby="incident-constituents-title"
      data-testid="constituents-panel"
    >
      <h2 id="incident-constituents-title" className="incident-card__title">
        {t('detail.constituents.title')}
      </h2>
      {failure ? <Alert tone="error" title={failure} /> : null}
      {shown.length === 0 ? (
        <p className="incident-card__empty">{t('detail.constituents.empty')}</p>
      ) : (
        <ul className="constituent-list">
          {shown.map((c) => (
            <li
              key={c.orgId}
              className={`constituent constituent--${c.origin}`}
              data-org={c.orgName}
              data-origin={c.origin}
            >
              <div className="constituent__head">
                <span className="constituent__name">{c.orgName}</span>
                <span className={`constituent__origin constituent__origin--${c.origin}`}>
                  {t(`detail.constituents.origin.${c.origin}`)}
                </span>
              </div>
              {c.matched.length > 0 ? (
                <ul className="constituent__matches">
                  {c.matched.map((m, i) => (
                    <li key={i}>
                      {t('detail.constituents.matched', {
                        observable: m.observable,
                        rule: t(`detail.rules.${m.rule}`, { defaultValue: m.rule }),
                        value: m.value,
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canHandle && c.origin !== 'confirmed' && c.origin !== 'manual' ? (
                <div className="constituent__actions">
                  <Button
                    variant="primary"
                    busy={busy === `${c.orgId}:confirmed`}
                    onClick={() => void decide(c.orgId, 'confirmed')}
                    aria-label={t('detail.constituents.confirmOrg', { name: c.orgName })}
                  >
                    {t('detail.constituents.confirm')}
                  </Button>
                  {c.origin === 'suggested' ? (
                    <Button
                      variant="quiet"
                      busy={busy === `${c.orgId}:dismissed`}
                      onClick={() => void decide(c.orgId, 'dismissed')}
                      aria-label={t('detail.constituents.dismissOrg', { name: c.orgName })}
                    >
                      {t('detail.constituents.dismiss')}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canHandle && can('constituents.read') && !incident.mergedIntoId ? (
        <ConstituentSearch listed={constituents} />
      ) : null}
    </section>
  );
}

const order = (origin: AffectedConstituent['origin']) =>
  ({ suggested: 0, confirmed: 1, manual: 1, dismissed: 2 })[origin];
