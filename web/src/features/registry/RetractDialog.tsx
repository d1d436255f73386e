import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, TextField } from '../../ui';
import { retractFact } from './api';
import { describeEvent } from './events';
import { splitApiError } from './fieldErrors';
import { formatPartialDate } from './format';
import type { TeamEvent } from './types';

interface RetractDialogProps {
  event: TeamEvent | null;
  onClose(): void;
  onRetracted(): void;
}

/** Retracts a wrong fact. It stays in the history, struck through, with the reason given here. */
export function RetractDialog({ event, onClose, onRetracted }: RetractDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!event) return;
    setReason('');
    setFieldError(undefined);
    setFailure(null);
  }, [event]);

  async function confirm() {
    if (!event) return;
    if (reason.trim().length < 3) {
      setFieldError(t('registry.retract.reasonMissing'));
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setFailure(null);
    try {
      await retractFact(event.id, reason.trim());
      onRetracted();
    } catch (error) {
      const split = splitApiError(t, error);
      setFieldError(split.fields.reason);
      setFailure(split.form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={event !== null}
      title={t('registry.retract.title')}
      confirmLabel={t('registry.retract.confirm')}
      destructive
      busy={busy}
      error={failure}
      onCancel={onClose}
      onConfirm={() => void confirm()}
    >
      {event ? (
        <p>
          {t('registry.retract.body', {
            what: describeEvent(t, event.value),
            date: formatPartialDate(event.date),
          })}
        </p>
      ) : null}
      <TextField
        label={t('registry.retract.reason')}
        hint={t('registry.retract.reasonHint')}
        required
        value={reason}
        onChange={setReason}
        error={fieldError}
      />
    </ConfirmDialog>
  );
}
