import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Alert, Badge, Button } from '../../../ui';
import type { Tiers } from '../content';
import type { Sim3Evaluation } from './evaluate';
import { formatCount, formatMean, formatTime } from './format';
import { tierPanelId } from './TierPanel';
import type { SaveState } from './useSim3Draft';

/** The tier reached as a badge: green when one is reached, neutral for none yet. */
export function TierBadge({ tiers, tierId }: { tiers: Tiers | null; tierId: string | null }) {
  const { t } = useTranslation('toolkit');
  const label = tiers?.tiers.find((tier) => tier.id === tierId)?.label;
  return tierId ? (
    <Badge tone="success">{label ?? t(`sim3.tierNames.${tierId}`)}</Badge>
  ) : (
    <Badge tone="neutral">{t('sim3.summary.noTier')}</Badge>
  );
}

/** The figures at the top of an assessment: mean, parameters assessed, tier reached, next. */
export function Sim3Summary({ evaluation, tiers }: { evaluation: Sim3Evaluation; tiers: Tiers }) {
  const { t } = useTranslation('toolkit');
  const { next, blockers } = evaluation.tiers;
  const nextLabel = tiers.tiers.find((tier) => tier.id === next)?.label;
  return (
    <dl className="sim3-summary" data-testid="sim3-summary">
      <div className="sim3-summary__item">
        <dt>{t('sim3.summary.mean')}</dt>
        <dd className="sim3-summary__figure" data-testid="sim3-mean">
          {evaluation.mean === null ? '–' : formatMean(evaluation.mean)}
          <span className="sim3-summary__of">
            {' '}
            {t('sim3.summary.outOf', { max: formatCount(4) })}
          </span>
        </dd>
      </div>
      <div className="sim3-summary__item">
        <dt>{t('sim3.summary.assessed')}</dt>
        <dd className="sim3-summary__figure">
          {t('sim3.summary.assessedValue', {
            assessed: formatCount(evaluation.assessed),
            total: formatCount(evaluation.parameters),
          })}
        </dd>
      </div>
      <div className="sim3-summary__item">
        <dt>{t('sim3.summary.tier')}</dt>
        <dd data-testid="sim3-tier">
          <TierBadge tiers={tiers} tierId={evaluation.tiers.achieved} />
        </dd>
      </div>
      <div className="sim3-summary__item">
        <dt>{t('sim3.summary.next')}</dt>
        <dd data-testid="sim3-next">
          {next && nextLabel ? (
            <>
              <strong>{nextLabel}</strong>{' '}
              <a href={`#${tierPanelId}`}>
                {t('sim3.summary.blocking', { n: formatCount(blockers.length) })}
              </a>
            </>
          ) : (
            t('sim3.summary.allReached')
          )}
        </dd>
      </div>
    </dl>
  );
}

/** Where the draft stands: saved, waiting, saving, refused, or overtaken by someone else. */
export function SaveStatus({
  state,
  onSave,
  onReload,
}: {
  state: SaveState;
  onSave(): void;
  onReload(): void;
}) {
  const { t } = useTranslation('toolkit');
  if (state.kind === 'conflict')
    return (
      <Alert tone="error" title={t('sim3.save.conflict')} testId="sim3-conflict">
        <p>{t('sim3.save.conflictText')}</p>
        <Button variant="primary" onClick={onReload}>
          {t('sim3.save.reload')}
        </Button>
      </Alert>
    );
  const text =
    state.kind === 'saving'
      ? t('sim3.save.saving')
      : state.kind === 'dirty'
        ? t('sim3.save.dirty')
        : state.kind === 'saved'
          ? t('sim3.save.saved', { time: formatTime(state.at) })
          : state.kind === 'failed'
            ? t('sim3.save.failed', { reason: describeError(t, state.error).message })
            : t('sim3.save.idle');
  return (
    <div className={`sim3-save sim3-save--${state.kind}`}>
      <p
        className="sim3-save__text"
        role="status"
        data-testid="sim3-save-state"
        data-state={state.kind}
      >
        {text}
      </p>
      <Button
        onClick={onSave}
        disabled={state.kind === 'idle' || state.kind === 'saved'}
        busy={state.kind === 'saving'}
      >
        {state.kind === 'failed' ? t('sim3.save.retry') : t('sim3.save.now')}
      </Button>
    </div>
  );
}
