import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { currentLocale } from '../../../i18n';
import { Alert, Badge, Button } from '../../../ui';
import type { Questionnaire } from '../content';
import { exportUrl, type Assessment, type ExportFormat } from './api';
import { formatCount, formatDay, formatScore, formatTime, levelOf } from './format';
import { ScoreBar } from './ScoreBar';
import type { Draft } from './useDraft';

interface AssessmentSummaryProps {
  assessment: Assessment;
  questionnaire: Questionnaire;
  draft: Draft;
  editable: boolean;
  onFinalise(): void;
  onReload(): void;
}

/** What "saved" means right now, in words; read out politely when it changes. */
function SaveStatus({ draft, updatedAt }: { draft: Draft; updatedAt: string }) {
  const { t } = useTranslation('toolkit');
  const { state } = draft;
  const text =
    state.kind === 'saving'
      ? t('readiness.save.saving')
      : state.kind === 'dirty'
        ? t('readiness.save.dirty')
        : state.kind === 'saved'
          ? t('readiness.save.savedAt', { time: formatTime(state.at) })
          : state.kind === 'idle'
            ? t('readiness.save.lastSaved', {
                time: formatTime(updatedAt),
                day: formatDay(updatedAt),
              })
            : t('readiness.save.notSaved');
  return (
    <p
      className={`rs-save rs-save--${state.kind}`}
      role="status"
      data-testid="readiness-save-status"
    >
      {text}
    </p>
  );
}

const formats: Array<{ format: ExportFormat; key: string }> = [
  { format: 'pdf', key: 'pdf' },
  { format: 'md', key: 'markdown' },
  { format: 'json', key: 'json' },
];

/**
 * The assessment at a glance: status, how much is answered, the score and level, whether the
 * answers are saved, and what can be done with it (save, finalise, download).
 */
export function AssessmentSummary(props: AssessmentSummaryProps) {
  const { assessment, questionnaire, draft, editable } = props;
  const { t } = useTranslation('toolkit');
  const lang = currentLocale();
  const { result, state } = draft;
  const level = levelOf(questionnaire, result.levelId);
  const answeredShare = result.questions ? (100 * result.answered) / result.questions : 0;
  const final = assessment.status === 'final';
  return (
    <>
      <div className="rs-summary" data-testid="readiness-summary">
        <div className="rs-summary__stats">
          <div className="rs-summary__item">
            <p className="rs-summary__label">{t('readiness.summary.status')}</p>
            <p className="rs-summary__value">
              <Badge tone={final ? 'success' : 'warning'}>
                {t(final ? 'readiness.status.final' : 'readiness.status.draft')}
              </Badge>
            </p>
            {final ? (
              <p className="rs-summary__note">
                {t('readiness.summary.finalised', {
                  day: formatDay(assessment.finalisedAt),
                  who: assessment.finalisedBy ?? '',
                })}
              </p>
            ) : null}
          </div>
          <div className="rs-summary__item rs-summary__item--wide">
            <p className="rs-summary__label">{t('readiness.summary.progress')}</p>
            <p className="rs-summary__value" data-testid="readiness-progress">
              {t('readiness.summary.answered', {
                answered: formatCount(result.answered),
                questions: formatCount(result.questions),
              })}
            </p>
            <ScoreBar percent={answeredShare} compact />
          </div>
          <div className="rs-summary__item">
            <p className="rs-summary__label">{t('readiness.summary.score')}</p>
            <p className="rs-summary__value" data-testid="readiness-score">
              {formatScore(result.percent)}
              {level ? <span className="rs-summary__level"> · {level.label}</span> : null}
            </p>
          </div>
        </div>
        {editable ? (
          <div className="rs-summary__actions">
            <SaveStatus draft={draft} updatedAt={assessment.updatedAt} />
            <div className="rs-summary__buttons">
              <Button
                onClick={() => void draft.saveNow()}
                busy={state.kind === 'saving'}
                disabled={state.kind === 'conflict'}
                data-testid="readiness-save"
              >
                {t('readiness.save.button')}
              </Button>
              <Button
                variant="primary"
                onClick={props.onFinalise}
                disabled={state.kind === 'conflict'}
                data-testid="readiness-finalise"
              >
                {t('readiness.finalise.button')}
              </Button>
            </div>
          </div>
        ) : null}
      </div>
      {state.kind === 'conflict' ? (
        <Alert tone="warning" title={t('readiness.save.conflict')} testId="readiness-conflict">
          <p>{t('readiness.save.conflictHelp')}</p>
          <Button onClick={props.onReload}>{t('readiness.save.reload')}</Button>
        </Alert>
      ) : null}
      {state.kind === 'failed' ? (
        <Alert tone="error" title={t('readiness.save.failed')}>
          <p>{describeError(t, state.error).message}</p>
          <Button onClick={() => void draft.saveNow()}>{t('readiness.save.retry')}</Button>
        </Alert>
      ) : null}
      <div className="rs-exports">
        <span className="rs-exports__label" id="readiness-exports-label">
          {t('readiness.export.label')}
        </span>
        <ul className="rs-exports__list" aria-labelledby="readiness-exports-label">
          {formats.map(({ format, key }) => (
            <li key={format}>
              <a
                href={exportUrl(assessment.id, format, lang)}
                download
                data-testid={`readiness-export-${format}`}
              >
                {t(`readiness.export.${key}`)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
