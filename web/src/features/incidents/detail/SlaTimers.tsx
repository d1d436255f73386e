import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { formatSpan } from '../components/duration';
import { useIncident } from './context';
import { slaView, type ClockState } from './sla';

/**
 * Time to acknowledge and time to resolve, against the severity's SLA. A breach is said in
 * words ("Breached: 2 hr overdue") as well as shown in red, and the clocks tick every minute.
 */
export function SlaTimers() {
  const { t } = useTranslation('incidents');
  const { incident } = useIncident();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const view = slaView(incident, now);
  return (
    <section
      className="incident-card"
      aria-labelledby="incident-sla-title"
      data-testid="incident-sla"
    >
      <h2 id="incident-sla-title" className="incident-card__title">
        {t('detail.sla.title')}
      </h2>
      {view.acknowledge.state === 'none' && view.resolve.state === 'none' ? (
        <p className="incident-card__empty">{t('detail.sla.noSeverity')}</p>
      ) : (
        <dl className="sla-clocks">
          <SlaClock name={t('detail.sla.acknowledge')} clock={view.acknowledge} testId="sla-ack" />
          <SlaClock name={t('detail.sla.resolve')} clock={view.resolve} testId="sla-resolve" />
        </dl>
      )}
    </section>
  );
}

function SlaClock({ name, clock, testId }: { name: string; clock: ClockState; testId: string }) {
  const { t } = useTranslation('incidents');
  if (clock.state === 'none') return null;
  const text =
    clock.state === 'running'
      ? t('detail.sla.running', { span: formatSpan(clock.remainingMs) })
      : clock.state === 'met'
        ? t('detail.sla.met', { at: formatDateTime(clock.doneAt) })
        : t('detail.sla.breached', { span: formatSpan(clock.overdueMs) });
  return (
    <div
      className={`sla-clock sla-clock--${clock.state}`}
      data-testid={testId}
      data-state={clock.state}
    >
      <dt className="sla-clock__name">{name}</dt>
      <dd className="sla-clock__value">
        {clock.state === 'breached' ? (
          <span className="sla-clock__flag" aria-hidden="true">
            !
          </span>
        ) : null}
        <strong>{text}</strong>
        <span className="sla-clock__due">
          {t('detail.sla.due', { at: formatDateTime(clock.dueAt) })}
        </span>
      </dd>
    </div>
  );
}
