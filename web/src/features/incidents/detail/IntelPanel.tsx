import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { Alert } from '../../../ui';
import { getIncidentIntelHits } from '../../exchange/api';
import type { IntelHit } from '../../exchange/types';
import { TlpLabel } from '../components/Labels';
import { useIncident } from './context';

const objectLink = (hit: IntelHit) =>
  hit.collectionId === null
    ? null
    : `/exchange/collections/${encodeURIComponent(hit.collectionId)}/objects/${encodeURIComponent(hit.indicator.id)}`;

/**
 * Threat intelligence that names this incident's observables: indicators received from peers
 * (or made here) whose patterns name an address, a network holding it, a domain, a URL or its
 * host, an e-mail address or a hash. Only indicators the user may read are asked; a pattern
 * that asks for more than the one value is flagged as a partial match.
 */
export function IntelPanel() {
  const { t } = useTranslation('incidents');
  const { incident, version } = useIncident();
  const answer = useResource(() => getIncidentIntelHits(incident.id), [incident.id, version]);
  const hits = answer.data?.hits ?? [];
  return (
    <section
      className="incident-card"
      aria-labelledby="incident-intel-title"
      data-testid="intel-panel"
    >
      <h2 id="incident-intel-title" className="incident-card__title">
        {t('detail.intel.title')}
      </h2>
      {answer.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, answer.error).message} />
      ) : null}
      {answer.data && hits.length === 0 ? (
        <p className="incident-card__empty">
          {t('detail.intel.empty', { count: answer.data.indicators })}
        </p>
      ) : null}
      {hits.length > 0 ? (
        <ul className="intel-hits">
          {hits.map((hit) => {
            const to = objectLink(hit);
            const name = hit.indicator.name ?? hit.indicator.id;
            return (
              <li
                key={`${hit.observable.kind}|${hit.observable.value}|${hit.indicator.id}|${hit.term.value}`}
                className="intel-hit"
                data-indicator={name}
              >
                <div className="intel-hit__head">
                  <span className="intel-hit__value" dir="ltr">
                    {hit.observable.value}
                  </span>{' '}
                  <span className={`intel-hit__rule intel-hit__rule--${hit.rule}`}>
                    {t(`detail.intel.rules.${hit.rule}`)}
                  </span>
                </div>
                <div>
                  {to ? <Link to={to}>{name}</Link> : name} <TlpLabel tlp={hit.indicator.tlp} />
                </div>
                <code className="intel-hit__source" dir="ltr">
                  {hit.term.source}
                </code>
                {hit.indicator.partial ? (
                  <p className="intel-hit__partial">{t('detail.intel.partial')}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
