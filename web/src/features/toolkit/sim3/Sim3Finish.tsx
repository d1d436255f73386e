import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../app/errors';
import { currentLocale } from '../../../i18n';
import { Alert, Button, ConfirmDialog } from '../../../ui';
import type { Tiers } from '../content';
import {
  deleteSim3,
  exportUrl,
  finaliseSim3,
  sim3Path,
  type RegistryOutcome,
  type Sim3Assessment,
} from './api';
import type { Sim3Evaluation } from './evaluate';
import { formatCount, formatDay } from './format';
import { useStartSim3 } from './useStartSim3';

interface Sim3FinishProps {
  assessment: Sim3Assessment;
  evaluation: Sim3Evaluation;
  tiers: Tiers;
  /** May change this draft (project editor and the assessment still a draft). */
  canEdit: boolean;
  /** May start assessments in the project. */
  canStart: boolean;
  /** Saves what is waiting; false when that failed. */
  saveNow(): Promise<boolean>;
  latestRevision(): number;
  onFinalised(outcome: RegistryOutcome): void;
}

/** What the registry did with a final assessment, in the reader's language. */
export function RegistryNote({ outcome, tiers }: { outcome: RegistryOutcome; tiers: Tiers }) {
  const { t } = useTranslation('toolkit');
  if (outcome.recorded && outcome.what === 'maturity')
    return (
      <Alert tone="success" title={t('sim3.finish.done')} testId="sim3-registry">
        <p>
          {t('sim3.finish.recorded', {
            tier: tiers.tiers.find((x) => x.id === outcome.detail)?.label ?? outcome.detail,
          })}
        </p>
      </Alert>
    );
  const reason =
    outcome.detail === 'The project is not linked to a registry team'
      ? t('sim3.finish.notLinked')
      : outcome.detail === 'No tier reached yet'
        ? t('sim3.finish.noTier')
        : t('sim3.finish.refused', { detail: outcome.detail });
  return (
    <Alert tone="info" title={t('sim3.finish.done')} testId="sim3-registry">
      <p>{reason}</p>
    </Alert>
  );
}

/**
 * The end of the page: finalise (after a confirmation that says what the registry will get),
 * delete a draft, start a re-assessment from a final one, and download the assessment.
 */
export function Sim3Finish(props: Sim3FinishProps) {
  const { assessment: a, evaluation, tiers } = props;
  const { t } = useTranslation('toolkit');
  const navigate = useNavigate();
  const reassess = useStartSim3(a.projectId);
  const [dialog, setDialog] = useState<'finalise' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lang = currentLocale();
  const reached = tiers.tiers.find((x) => x.id === evaluation.tiers.achieved)?.label;
  const missing = evaluation.parameters - evaluation.assessed;

  const open = (which: 'finalise' | 'delete') => {
    setError(null);
    setDialog(which);
  };

  const finalise = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await props.saveNow())) throw new Error('unsaved');
      const done = await finaliseSim3(a.id, props.latestRevision());
      setDialog(null);
      props.onFinalised(done.registry);
    } catch (e) {
      setError(
        e instanceof Error && e.message === 'unsaved'
          ? t('sim3.finish.unsaved')
          : describeError(t, e).message,
      );
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await deleteSim3(a.id);
      void navigate(sim3Path(a.projectId));
    } catch (e) {
      setError(describeError(t, e).message);
      setBusy(false);
    }
  };

  return (
    <section className="sim3-finish" aria-labelledby="sim3-finish-title">
      <h2 className="section-title" id="sim3-finish-title">
        {t('sim3.finish.title')}
      </h2>
      <div className="sim3-finish__grid">
        <div className="toolkit-panel">
          {a.status === 'final' ? (
            <>
              <p>
                {t('sim3.finish.finalOn', {
                  day: formatDay(a.finalisedAt),
                  who: a.finalisedBy ?? '',
                })}
              </p>
              {props.canStart ? (
                <>
                  <p className="muted">{t('sim3.finish.reassessText')}</p>
                  <p>
                    <Button
                      variant="primary"
                      busy={reassess.busy}
                      onClick={() => void reassess.start(a.id)}
                      data-testid="sim3-reassess"
                    >
                      {t('sim3.finish.reassess')}
                    </Button>
                  </p>
                </>
              ) : null}
            </>
          ) : props.canEdit ? (
            <>
              <p>{t('sim3.finish.finaliseText')}</p>
              <div className="actions">
                <Button
                  variant="primary"
                  onClick={() => open('finalise')}
                  data-testid="sim3-finalise"
                >
                  {t('sim3.finish.finalise')}
                </Button>
                <Button variant="danger" onClick={() => open('delete')}>
                  {t('sim3.finish.delete')}
                </Button>
              </div>
            </>
          ) : (
            <p>{t('sim3.finish.readOnly')}</p>
          )}
          {error && dialog === null ? <Alert tone="error" title={error} /> : null}
          {reassess.error ? <Alert tone="error" title={reassess.error} /> : null}
        </div>
        <div className="toolkit-panel">
          <h3 className="toolkit-subtitle">{t('sim3.finish.exportTitle')}</h3>
          <p className="muted">{t('sim3.finish.exportText')}</p>
          <ul className="sim3-finish__exports">
            <li>
              <a
                className="btn btn--secondary"
                href={exportUrl(a.id, 'pdf', lang)}
                data-testid="sim3-pdf"
              >
                {t('sim3.finish.pdf')}
              </a>
            </li>
            <li>
              <a
                className="btn btn--secondary"
                href={exportUrl(a.id, 'md', lang)}
                data-testid="sim3-md"
              >
                {t('sim3.finish.markdown')}
              </a>
            </li>
            <li>
              <a
                className="btn btn--secondary"
                href={exportUrl(a.id, 'json', lang)}
                data-testid="sim3-json"
              >
                {t('sim3.finish.json')}
              </a>
            </li>
            <li>
              <a href={exportUrl(a.id, 'html', lang)} target="_blank" rel="noopener">
                {t('sim3.finish.html')}
                <span className="visually-hidden"> {t('sim3.finish.newTab')}</span>
              </a>
            </li>
          </ul>
        </div>
      </div>
      <ConfirmDialog
        open={dialog === 'finalise'}
        title={t('sim3.finish.confirmTitle')}
        confirmLabel={t('sim3.finish.confirm')}
        busy={busy}
        error={error}
        onConfirm={() => void finalise()}
        onCancel={() => setDialog(null)}
      >
        <p>
          {reached
            ? t('sim3.finish.confirmTier', { tier: reached })
            : t('sim3.finish.confirmNoTier')}
        </p>
        {missing > 0 ? (
          <Alert
            tone="warning"
            title={t('sim3.finish.confirmMissing', { n: formatCount(missing) })}
          />
        ) : null}
        <p>{t('sim3.finish.confirmText')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('sim3.finish.deleteTitle')}
        confirmLabel={t('sim3.finish.deleteConfirm')}
        destructive
        busy={busy}
        error={error}
        onConfirm={() => void remove()}
        onCancel={() => setDialog(null)}
      >
        <p>{t('sim3.finish.deleteText', { title: a.title })}</p>
      </ConfirmDialog>
    </section>
  );
}
