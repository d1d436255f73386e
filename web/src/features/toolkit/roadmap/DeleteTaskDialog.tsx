import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { ConfirmDialog } from '../../../ui';
import { deleteTask, type Task } from './api';

interface DeleteTaskDialogProps {
  projectId: string;
  task: Task | null;
  onClose(): void;
  onDeleted(task: Task): void;
}

/** Asks before a task leaves the roadmap for good. */
export function DeleteTaskDialog({ projectId, task, onClose, onDeleted }: DeleteTaskDialogProps) {
  const { t } = useTranslation('toolkit');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [task?.id]);

  async function confirm() {
    if (!task) return;
    setBusy(true);
    try {
      await deleteTask(projectId, task.id);
      onDeleted(task);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? t('roadmap.delete.openGap')
          : describeError(t, e).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={task !== null}
      title={t('roadmap.delete.title', { task: task?.title ?? '' })}
      confirmLabel={t('roadmap.delete.confirm')}
      destructive
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>{t(task?.gapId ? 'roadmap.delete.bodyClosed' : 'roadmap.delete.body')}</p>
    </ConfirmDialog>
  );
}
