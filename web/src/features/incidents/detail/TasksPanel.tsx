import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { Alert, Button, ConfirmDialog, TextField } from '../../../ui';
import { addTask, deleteTask, listTasks, updateTask } from '../api';
import type { Task } from '../types';
import { useIncident } from './context';
import { useConfirmedDelete, usePanelActions } from './panelActions';

/**
 * The incident's tasks: those the playbook of its RSIT type added, and those added by hand.
 * Tick to mark done (untick to reopen), assign to someone, delete one after a confirmation,
 * add a task at the bottom.
 */
export function TasksPanel() {
  const { t } = useTranslation('incidents');
  const { incident, reference, version, canHandle, me } = useIncident();
  const tasks = useResource(() => listTasks(incident.id), [incident.id, version]);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const { busy, failure, run } = usePanelActions({ withFields: false });
  const items = tasks.data?.tasks ?? [];
  const { doomed, ask, dialog, said, titleRef } = useConfirmedDelete(
    items,
    (task) => deleteTask(incident.id, task.id),
    (task) => t('detail.tasks.deleted', { title: task.title }),
  );

  async function add() {
    if (title.trim() === '') {
      setTitleError(t('detail.tasks.titleMissing'));
      return;
    }
    setTitleError(undefined);
    if (await run('add', () => addTask(incident.id, { title: title.trim() }))) setTitle('');
  }

  const done = items.filter((task) => task.status === 'done').length;
  const users = [
    { id: me.id, displayName: me.displayName },
    ...(reference.users ?? []).filter((u) => u.canHandle && u.id !== me.id),
  ];
  const nameOf = (id: string | null) =>
    id ? (users.find((u) => u.id === id)?.displayName ?? t('detail.triage.someoneElse')) : null;

  return (
    <section
      className="incident-card"
      aria-labelledby="incident-tasks-title"
      data-testid="tasks-panel"
    >
      <h2 id="incident-tasks-title" className="incident-card__title" ref={titleRef} tabIndex={-1}>
        {t('detail.tasks.title')}{' '}
        <span className="incident-card__count">
          {t('detail.tasks.progress', { done, total: items.length })}
        </span>
      </h2>
      {failure ? <Alert tone="error" title={failure} /> : null}
      <p className="visually-hidden" role="status" data-testid="tasks-status">
        {said}
      </p>
      {items.length === 0 && tasks.status === 'ready' ? (
        <p className="incident-card__empty">{t('detail.tasks.empty')}</p>
      ) : (
        <ul className="task-list">
          {items.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              users={users}
              assigneeName={nameOf(task.assigneeId)}
              disabled={!canHandle || busy !== null}
              onToggle={(checked) =>
                void run(task.id, () =>
                  updateTask(incident.id, task.id, { status: checked ? 'done' : 'open' }),
                )
              }
              onAssign={(assigneeId) =>
                void run(task.id, () => updateTask(incident.id, task.id, { assigneeId }))
              }
              onDelete={canHandle ? () => ask(task) : undefined}
            />
          ))}
        </ul>
      )}
      {canHandle ? (
        <form
          className="task-add"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <TextField
            id="task-add-title"
            label={t('detail.tasks.newTitle')}
            value={title}
            error={titleError}
            maxLength={300}
            onChange={setTitle}
          />
          <Button type="submit" busy={busy === 'add'} data-testid="task-add">
            {t('detail.tasks.add')}
          </Button>
        </form>
      ) : null}
      <ConfirmDialog
        {...dialog}
        title={t('detail.tasks.deleteTitle')}
        confirmLabel={t('detail.tasks.delete')}
        destructive
      >
        <p>{t('detail.tasks.deleteBody', { title: doomed?.title ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

interface TaskRowProps {
  task: Task;
  users: { id: string; displayName: string }[];
  assigneeName: string | null;
  disabled: boolean;
  onToggle(checked: boolean): void;
  onAssign(assigneeId: string | null): void;
  /** Absent for someone who may not handle the incident. */
  onDelete?(): void;
}

function TaskRow(props: TaskRowProps) {
  const { task, users, assigneeName, disabled, onToggle, onAssign, onDelete } = props;
  const { t } = useTranslation('incidents');
  const checkboxId = `task-${task.id}`;
  const isDone = task.status === 'done';
  return (
    <li className={`task-row task-row--${task.status}`} data-task={task.title}>
      <input
        id={checkboxId}
        type="checkbox"
        className="task-row__check"
        checked={isDone}
        disabled={disabled || task.status === 'cancelled'}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <div className="task-row__text">
        <label htmlFor={checkboxId} className="task-row__title">
          {task.title}
        </label>
        {task.description ? <p className="task-row__description">{task.description}</p> : null}
        <p className="task-row__meta">
          {task.templateKey ? (
            <span className="task-row__playbook">{t('detail.tasks.fromPlaybook')}</span>
          ) : null}
          {isDone && task.doneAt ? (
            <span>{t('detail.tasks.doneAt', { at: formatDateTime(task.doneAt) })}</span>
          ) : null}
          {task.status === 'cancelled' ? <span>{t('detail.tasks.cancelled')}</span> : null}
        </p>
      </div>
      <label className="visually-hidden" htmlFor={`${checkboxId}-assignee`}>
        {t('detail.tasks.assigneeOf', { title: task.title })}
      </label>
      <select
        id={`${checkboxId}-assignee`}
        className="select select--compact task-row__assignee"
        value={task.assigneeId ?? ''}
        disabled={disabled}
        onChange={(event) => onAssign(event.target.value || null)}
      >
        <option value="">{t('detail.tasks.nobody')}</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
        {task.assigneeId && !users.some((u) => u.id === task.assigneeId) ? (
          <option value={task.assigneeId}>{assigneeName}</option>
        ) : null}
      </select>
      {onDelete ? (
        <Button
          variant="quiet"
          className="task-row__delete"
          disabled={disabled}
          onClick={onDelete}
          aria-label={t('detail.tasks.deleteTask', { title: task.title })}
        >
          {t('detail.tasks.delete')}
        </Button>
      ) : null}
    </li>
  );
}
