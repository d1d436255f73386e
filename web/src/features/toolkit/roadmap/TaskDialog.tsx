import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitApiError, type FieldErrors } from '../../registry/fieldErrors';
import { Alert, Button, Dialog, Select, TextField } from '../../../ui';
import { Field, describedBy } from '../../../ui/Field';
import { phases, type Phase } from '../types';
import { createTask, fieldsOf, updateTask, type Task } from './api';

interface TaskDialogProps {
  projectId: string;
  /** 'new' adds a task; a task edits its title, detail and phase; null keeps it closed. */
  target: Task | 'new' | null;
  ownersListId: string;
  onClose(): void;
  onDone(task: Task): void;
}

interface Form {
  title: string;
  detail: string;
  phase: Phase;
  owner: string;
  due: string;
}

/** Adds a task by hand, or rewrites a task's title, detail and phase. */
export function TaskDialog({ projectId, target, ownersListId, onClose, onDone }: TaskDialogProps) {
  const { t } = useTranslation('toolkit');
  const detailId = useId();
  const [form, setForm] = useState<Form>({
    title: '',
    detail: '',
    phase: 'establishment',
    owner: '',
    due: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = target !== null;
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (!open) return;
    setForm({
      title: editing?.title ?? '',
      detail: editing?.detail ?? '',
      phase: editing?.phase ?? 'establishment',
      owner: '',
      due: '',
    });
    setErrors({});
    setFailure(null);
    // Only a new opening resets the form, not a reload of the same task.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing?.id]);

  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }));

  async function submit() {
    if (form.title.trim() === '') {
      setErrors({ title: t('roadmap.dialog.titleMissing') });
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const text = { title: form.title.trim(), detail: form.detail.trim(), phase: form.phase };
      const task = editing
        ? await updateTask(projectId, editing.id, {
            ...fieldsOf(editing),
            ...text,
            revision: editing.revision,
          })
        : await createTask(projectId, {
            ...text,
            owner: form.owner.trim() || null,
            due: form.due || null,
          });
      onDone(task);
    } catch (error) {
      const split = splitApiError(t, error);
      setErrors(split.fields);
      setFailure(split.form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title={editing ? t('roadmap.dialog.editTitle') : t('roadmap.dialog.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="task-dialog"
      footer={
        <>
          <Button type="submit" variant="primary" busy={busy}>
            {editing ? t('roadmap.dialog.save') : t('roadmap.dialog.add')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      {failure ? <Alert tone="error" title={failure} /> : null}
      <TextField
        label={t('roadmap.dialog.title')}
        required
        maxLength={300}
        autoComplete="off"
        value={form.title}
        onChange={(title) => set({ title })}
        error={errors.title}
      />
      <Field
        id={detailId}
        label={t('roadmap.dialog.detail')}
        hint={t('roadmap.dialog.detailHint')}
        error={errors.detail}
      >
        <textarea
          id={detailId}
          className="input"
          rows={4}
          maxLength={4000}
          value={form.detail}
          aria-describedby={describedBy(detailId, true, errors.detail)}
          onChange={(e) => set({ detail: e.target.value })}
        />
      </Field>
      <Select
        label={t('roadmap.dialog.phase')}
        value={form.phase}
        onChange={(phase) => set({ phase: phase as Phase })}
        options={phases.map((p) => ({ value: p, label: t(`roadmap.phase.${p}`) }))}
        error={errors.phase}
      />
      {editing ? null : (
        <>
          <TextField
            label={t('roadmap.task.owner')}
            hint={t('roadmap.dialog.ownerHint')}
            list={ownersListId}
            maxLength={200}
            autoComplete="off"
            value={form.owner}
            onChange={(owner) => set({ owner })}
            error={errors.owner}
          />
          <TextField
            label={t('roadmap.task.due')}
            type="date"
            value={form.due}
            onChange={(due) => set({ due })}
            error={errors.due}
          />
        </>
      )}
    </Dialog>
  );
}
