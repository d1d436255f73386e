import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ConfirmDialog } from '../../../ui';
import { addObservables, deleteObservable } from '../api';
import { splitError } from '../components/errors';
import { ObservablesInput } from '../new/ObservablesInput';
import { parseObservables } from '../new/observables';
import type { AffectedConstituent, Observable } from '../types';
import { useIncident } from './context';
import { useConfirmedDelete } from './panelActions';

interface ObservablesPanelProps {
  observables: Observable[];
  constituents: AffectedConstituent[];
}

/**
 * The incident's observables, each with the organisation(s) that own it by the ownership
 * lookup and the rule that matched (longest prefix, exact AS number, longest domain suffix).
 * Adding observables runs the lookup; owners appear as suggested constituents. Removing one
 * asks for a confirmation; the organisations it suggested stay listed.
 */
export function ObservablesPanel({ observables, constituents }: ObservablesPanelProps) {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, refresh, canHandle } = useIncident();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { doomed, ask, dialog, said, titleRef } = useConfirmedDelete(
    observables,
    (observable) => deleteObservable(incident.id, observable.id),
    (observable) => t('detail.observables.deleted', { value: observable.value }),
  );

  const ownersOf = (o: Observable) =>
    constituents.flatMap((c) =>
      c.matched
        .filter((m) => m.observable === o.value || m.observable === o.id)
        .map((m) => ({ org: c, rule: m.rule, value: m.value })),
    );

  async function add() {
    const parsed = parseObservables(text);
    const unknown = parsed.filter((p) => p.kind === null);
    if (parsed.length === 0) return setError(t('detail.observables.nothing'));
    if (unknown.length > 0)
      return setError(
        t('core.observables.unknownLines', { lines: unknown.map((u) => u.line).join(', ') }),
      );
    setError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await addObservables(
        incident.id,
        parsed.map((p) => ({ kind: p.kind!, value: p.value })),
      );
      setText('');
      refresh();
    } catch (e) {
      const split = splitError(t, tApp, e);
      setFailure([split.form, ...Object.values(split.fields)].join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="incident-card"
      aria-labelledby="incident-observables-title"
      data-testid="observables-panel"
    >
      <h2
        id="incident-observables-title"
        className="incident-card__title"
        ref={titleRef}
        tabIndex={-1}
      >
        {t('detail.observables.title')}{' '}
        <span className="incident-card__count">{observables.length}</span>
      </h2>
      <p className="visually-hidden" role="status" data-testid="observables-status">
        {said}
      </p>
      {observables.length === 0 ? (
        <p className="incident-card__empty">{t('detail.observables.empty')}</p>
      ) : (
        <div
          className="table-wrap"
          role="region"
          aria-labelledby="incident-observables-title"
          tabIndex={0}
        >
          <table className="table incident-table">
            <thead>
              <tr>
                <th scope="col">{t('detail.observables.kind')}</th>
                <th scope="col">{t('detail.observables.value')}</th>
                <th scope="col">{t('detail.observables.owner')}</th>
                {canHandle ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('detail.observables.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {observables.map((o) => {
                const owners = ownersOf(o);
                return (
                  <tr key={o.id} data-observable={o.value}>
                    <td>{t(`core.observableKinds.${o.kind}`)}</td>
                    <td>
                      <code dir="ltr" className="incident-code">
                        {o.value}
                      </code>
                    </td>
                    <td>
                      {owners.length === 0 ? (
                        <span className="incident-muted">{t('detail.observables.noOwner')}</span>
                      ) : (
                        <ul className="owner-list">
                          {owners.map((owner) => (
                            <li key={`${owner.org.orgId}-${owner.value}`}>
                              <span className="owner-list__org">{owner.org.orgName}</span>{' '}
                              <span className="owner-list__rule">
                                {t(`detail.rules.${owner.rule}`, { defaultValue: owner.rule })}{' '}
                                <code dir="ltr">{owner.value}</code>
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    {canHandle ? (
                      <td>
                        <Button
                          variant="quiet"
                          onClick={() => ask(o)}
                          aria-label={t('detail.observables.deleteOne', { value: o.value })}
                        >
                          {t('detail.observables.delete')}
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canHandle ? (
        <form
          className="observables-add"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          {failure ? <Alert tone="error" title={failure} /> : null}
          <ObservablesInput id="observables-add" value={text} error={error} onChange={setText} />
          <Button type="submit" busy={busy} data-testid="observables-add">
            {t('detail.observables.add')}
          </Button>
        </form>
      ) : null}
      <ConfirmDialog
        {...dialog}
        title={t('detail.observables.deleteTitle')}
        confirmLabel={t('detail.observables.delete')}
        destructive
      >
        <p>{t('detail.observables.deleteBody', { value: doomed?.value ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
