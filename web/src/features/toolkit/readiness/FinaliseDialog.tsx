import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ConfirmDialog } from '../../../ui';
import type { Project } from '../types';
import { finaliseAssessment, type RegistryOutcome } from './api';
import { formatCount } from './format';
import type { Draft } from './useDraft';

interface FinaliseDialogProps {
  open: boolean;
  assessmentId: string;
  project: Project;
  country: string;
  draft: Draft;
  onCancel(): void;
  onDone(outcome: RegistryOutcome): void;
}

/**
 * Asks before an assessment becomes final, says what that means (no more changes; a national
 * project's assessment goes into the registry), saves what is waiting, then finalises.
 */
export function FinaliseDialog(props: FinaliseDialogProps) {
  const { draft, project, country } = props;
  const { t } = useTranslation('toolkit');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unanswered = draft.result.questions - draft.result.answered;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await draft.saveNow())) {
        setError(t('readiness.finalise.notSaved'));
        return;
      }
      const { registry } = await finaliseAssessment(props.assessmentId, draft.currentRevision());
      props.onDone(registry);
    } catch (e) {
      setError(describeError(t, e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={props.open}
      title={t('readiness.finalise.title')}
      confirmLabel={t('readiness.finalise.confirm')}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={() => {
        setError(null);
        props.onCancel();
      }}
    >
      <p>{t('readiness.finalise.text')}</p>
      {unanswered > 0 ? (
        <p>
          {t('readiness.finalise.unanswered', {
            unanswered: formatCount(unanswered),
            questions: formatCount(draft.result.questions),
          })}
        </p>
      ) : null}
      <p>
        {project.kind === 'national' && project.iso3
          ? t('readiness.finalise.registryNational', { country })
          : t('readiness.finalise.registryOther')}
      </p>
    </ConfirmDialog>
  );
}
