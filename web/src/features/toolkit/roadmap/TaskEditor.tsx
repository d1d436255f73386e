import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { Alert, Button } from '../../../ui';
import { fieldsOf, updateTask, type Task } from './api';
import { formatPercent } from './Meter';
import { changesOf, draftOf, taskStatuses, withStatus, type TaskDraft } from './tasks';

interface TaskEditorProps {
  projectId: string;
  task: Task;
  titleId: string;
  ownersListId: string;
  /** After a save (or a conflict): the page reloads the roadmap. */
  onSaved(): void;
  /** Tells the card whether there are changes not saved yet (it shows them while closed). */
  onDirtyChange(dirty: boolean): void;
  actions: ReactNode;
}

type Outcome =
  { kind: 'none' } | { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; message: string };

/**
 * Owner, due date, status and progress of one task, edited in place and saved with the task's
 * revision. A stale revision means someone else changed the task: the page reloads it and the
 * editor says so, so nobody's change is overwritten without them knowing.
 */
export function TaskEditor(props: TaskEditorProps) {
  const { projectId, task, titleId, ownersListId, onSaved, onDirtyChange, actions } = props;
  const { t } = useTranslation('toolkit');
  const [draft, setDraft] = useState<TaskDraft>(() => draftOf(task));
  const [revision, setRevision] = useState(task.revision);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const form = useRef<HTMLFormElement>(null);
  // The task changed on the server (a save, a reload): start again from what it holds now.
  if (task.revision !== revision) {
    setRevision(task.revision);
    setDraft(draftOf(task));
  }
  const changes = changesOf(task, draft);
  const dirty = Object.keys(changes).length > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const set = (change: Partial<TaskDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome({ kind: 'none' });
  };
  const id = (field: string) => `task-${task.id}-${field}`;

  async function save() {
    if (!dirty) return;
    setBusy(true);
    try {
      await updateTask(projectId, task.id, {
        ...fieldsOf(task),
        ...changes,
        revision: task.revision,
      });
      setOutcome({ kind: 'saved' });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: 'conflict' });
        onSaved();
      } else setOutcome({ kind: 'failed', message: describeError(t, error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="task-editor"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {outcome.kind === 'conflict' ? (
        <Alert tone="warning" title={t('roadmap.task.conflict')} />
      ) : null}
      {outcome.kind === 'failed' ? <Alert tone="error" title={outcome.message} /> : null}
      <div className="task-editor__fields">
        <div className="task-editor__field">
          <label className="task-editor__label" htmlFor={id('owner')}>
            {t('roadmap.task.owner')}
          </label>
          <input
            id={id('owner')}
            className="input"
            list={ownersListId}
            maxLength={200}
            autoComplete="off"
            value={draft.owner}
            onChange={(e) => set({ owner: e.target.value })}
          />
        </div>
        <div className="task-editor__field">
          <label className="task-editor__label" htmlFor={id('due')}>
            {t('roadmap.task.due')}
          </label>
          <input
            id={id('due')}
            type="date"
            className="input"
            value={draft.due}
            onChange={(e) => set({ due: e.target.value })}
          />
        </div>
        <div className="task-editor__field">
          <label className="task-editor__label" htmlFor={id('status')}>
            {t('roadmap.task.status')}
          </label>
          <select
            id={id('status')}
            className="select"
            value={draft.status}
            onChange={(e) => set(withStatus(draft, e.target.value as TaskDraft['status']))}
          >
            {taskStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`roadmap.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="task-editor__field task-editor__field--progress">
          <label className="task-editor__label" htmlFor={id('progress')}>
            {t('roadmap.task.progress')}
          </label>
          <span className="task-editor__range">
            <input
              id={id('progress')}
              type="range"
              min={0}
              max={100}
              step={5}
              value={draft.progress}
              disabled={draft.status === 'done'}
              aria-valuetext={formatPercent(draft.progress)}
              aria-describedby={draft.status === 'done' ? id('progress-hint') : undefined}
              onChange={(e) => set({ progress: Number(e.target.value) })}
            />
            <output htmlFor={id('progress')} className="task-editor__value">
              {formatPercent(draft.progress)}
            </output>
          </span>
          {draft.status === 'done' ? (
            <span id={id('progress-hint')} className="visually-hidden">
              {t('roadmap.task.doneIsFull')}
            </span>
          ) : null}
        </div>
      </div>
      <div className="task-editor__actions">
        {/* aria-disabled, not disabled: the button keeps focus after saving. */}
        <Button type="submit" variant="primary" busy={busy} aria-disabled={!dirty}>
          {t('roadmap.task.save')}
        </Button>
        {dirty ? (
          <Button
            onClick={() => {
              setDraft(draftOf(task));
              form.current?.querySelector<HTMLElement>('button[type=submit]')?.focus();
            }}
          >
            {t('roadmap.task.discard')}
          </Button>
        ) : null}
        <span className="task-editor__state" aria-live="polite">
          {dirty
            ? t('roadmap.task.unsaved')
            : outcome.kind === 'saved'
              ? t('roadmap.task.saved')
              : ''}
        </span>
        <span className="task-editor__more">{actions}</span>
      </div>
    </form>
  );
}
