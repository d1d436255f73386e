import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { Alert, Badge, Button } from '../../../ui';
import { horizons, type Horizon } from './selection';
import type { SaveOutcome } from './useSelectionDraft';

interface ServicesSummaryProps {
  counts: Record<Horizon, number>;
  /** Planned services whose SIM3 requirements are all met; null without a SIM3 assessment. */
  ready: number | null;
  planned: number;
  canEdit: boolean;
  dirty: boolean;
  saving: boolean;
  outcome: SaveOutcome;
  updatedAt: string | null;
  updatedBy: string | null;
  roadmapHref: string;
  onSave(): void;
  onDiscard(): void;
  onReload(): void;
}

/** The plan in figures, and saving it; it stays at the bottom of the window while scrolling. */
export function ServicesSummary(props: ServicesSummaryProps) {
  const { t } = useTranslation('toolkit');
  const { outcome } = props;
  const buttons = useRef<HTMLDivElement>(null);
  return (
    <section className="services-summary" aria-labelledby="services-summary-title">
      <h2 id="services-summary-title" className="visually-hidden">
        {t('services.summary.title')}
      </h2>
      {outcome.kind === 'conflict' ? (
        <Alert tone="error" title={t('services.summary.conflict')}>
          <Button onClick={props.onReload}>{t('services.summary.reload')}</Button>
        </Alert>
      ) : null}
      {outcome.kind === 'failed' ? (
        <Alert tone="error" title={outcome.message}>
          {outcome.details.length ? (
            <ul>
              {outcome.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="services-summary__bar">
        <dl className="services-summary__counts">
          {horizons.map((h) => (
            <div key={h} className={`services-summary__count services-summary__count--${h}`}>
              <dt>{t(`services.horizon.${h}`)}</dt>
              <dd data-testid={`count-${h}`}>{props.counts[h]}</dd>
            </div>
          ))}
          <div className="services-summary__count">
            <dt>{t('services.summary.ready')}</dt>
            <dd>
              {props.ready === null
                ? t('services.summary.notChecked')
                : t('services.summary.readyOf', { ready: props.ready, planned: props.planned })}
            </dd>
          </div>
        </dl>
        <div className="services-summary__save">
          <p className="services-summary__state" aria-live="polite">
            {props.dirty ? (
              <Badge tone="warning">{t('services.summary.unsaved')}</Badge>
            ) : outcome.kind === 'saved' ? (
              <>
                <Badge tone="success">{t('services.summary.saved')}</Badge>{' '}
                <Link to={props.roadmapHref}>{t('services.summary.toRoadmap')}</Link>
              </>
            ) : (
              <span className="services-summary__when">
                {props.updatedAt
                  ? t('services.summary.lastSaved', {
                      date: formatDateTime(props.updatedAt),
                      who: props.updatedBy ?? '',
                    })
                  : t('services.summary.neverSaved')}
              </span>
            )}
          </p>
          {props.canEdit ? (
            <div className="services-summary__buttons" ref={buttons}>
              {props.dirty ? (
                <Button
                  onClick={() => {
                    props.onDiscard();
                    buttons.current?.querySelector<HTMLElement>('.btn--primary')?.focus();
                  }}
                  disabled={props.saving}
                >
                  {t('services.summary.discard')}
                </Button>
              ) : null}
              {/* aria-disabled, not disabled: the button keeps focus after saving. */}
              <Button
                variant="primary"
                busy={props.saving}
                aria-disabled={!props.dirty}
                onClick={() => {
                  if (props.dirty) props.onSave();
                }}
                data-testid="services-save"
              >
                {t('services.summary.save')}
              </Button>
            </div>
          ) : (
            <p className="services-summary__state">{t('services.summary.readOnly')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
