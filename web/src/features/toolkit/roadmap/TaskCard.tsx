import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button } from '../../../ui';
import type { Roadmap, Task } from './api';
import { GapLine } from './GapLine';
import { Meter } from './Meter';
import { TaskEditor } from './TaskEditor';
import { canDelete, isOverdue } from './tasks';

const statusTone = {
  todo: 'neutral',
  doing: 'warning',
  done: 'success',
  dropped: 'neutral',
} as const;

interface TaskCardProps {
  projectId: string;
  task: Task;
  sources: Roadmap['sources'];
  base: string;
  today: string;
  next: boolean;
  canEdit: boolean;
  ownersListId: string;
  formatDay(day: string): string;
  onSaved(): void;
  onEditText(task: Task): void;
  onDelete(task: Task): void;
}

/**
 * One task of the roadmap: what it is, which gap it closes, who does it by when and how far it
 * is. "Update" opens its editor in place; once opened, the editor stays mounted while closed, so
 * a change not yet saved is not lost (the card says so).
 */
export function TaskCard(props: TaskCardProps) {
  const { t } = useTranslation('toolkit');
  const { task, canEdit, formatDay } = props;
  const [open, setOpen] = useState(false);
  // The editor mounts when first opened (a roadmap has dozens of tasks) and then stays.
  const [opened, setOpened] = useState(false);
  const [dirty, setDirty] = useState(false);
  const titleId = `task-${task.id}-title`;
  const panelId = `task-${task.id}-panel`;
  const overdue = isOverdue(task, props.today);
  return (
    <li
      className={`task-card task-card--${task.status}${overdue ? ' task-card--overdue' : ''}`}
      data-task-id={task.id}
      data-gap-id={task.gapId ?? undefined}
    >
      <div className="task-card__head">
        <h4 id={titleId} className="task-card__title">
          <bdi>{task.title}</bdi>
        </h4>
        <p className="task-card__badges">
          <Badge tone={statusTone[task.status]}>{t(`roadmap.status.${task.status}`)}</Badge>
          {overdue ? (
            <Badge tone="danger">
              {t('roadmap.task.overdue', { date: task.due ? formatDay(task.due) : '' })}
            </Badge>
          ) : null}
          {props.next ? <Badge tone="neutral">{t('roadmap.task.next')}</Badge> : null}
          {dirty ? <Badge tone="warning">{t('roadmap.task.unsaved')}</Badge> : null}
        </p>
      </div>
      <GapLine task={task} sources={props.sources} base={props.base} />
      <div className="task-card__summary">
        <dl className="task-card__facts">
          <div>
            <dt>{t('roadmap.task.owner')}</dt>
            <dd data-testid="task-owner" className={task.owner ? undefined : 'is-empty'}>
              {task.owner ? <bdi>{task.owner}</bdi> : t('roadmap.task.noOwner')}
            </dd>
          </div>
          <div>
            <dt>{t('roadmap.task.due')}</dt>
            <dd data-testid="task-due" className={task.due ? undefined : 'is-empty'}>
              {task.due ? formatDay(task.due) : t('roadmap.task.noDue')}
            </dd>
          </div>
          <div className="task-card__progress">
            <dt>{t('roadmap.task.progress')}</dt>
            <dd>
              <Meter percent={task.status === 'done' ? 100 : task.progress} />
            </dd>
          </div>
        </dl>
        <button
          type="button"
          className="task-card__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            setOpen((o) => !o);
            setOpened(true);
          }}
        >
          <span className="disclosure__icon" aria-hidden="true" />
          {t(canEdit ? 'roadmap.task.update' : 'roadmap.task.details')}
          <span className="visually-hidden">: {task.title}</span>
        </button>
      </div>
      <div id={panelId} className="task-card__panel" hidden={!open}>
        <p className="task-card__detail">
          {task.detail ? <bdi>{task.detail}</bdi> : t('roadmap.task.noDetail')}
        </p>
        {canEdit && opened ? (
          <TaskEditor
            projectId={props.projectId}
            task={task}
            titleId={titleId}
            ownersListId={props.ownersListId}
            onSaved={props.onSaved}
            onDirtyChange={setDirty}
            actions={
              <>
                <Button variant="quiet" onClick={() => props.onEditText(task)}>
                  {t('roadmap.task.editText')}
                  <span className="visually-hidden">: {task.title}</span>
                </Button>
                {canDelete(task) ? (
                  <Button variant="quiet" onClick={() => props.onDelete(task)}>
                    {t('roadmap.task.delete')}
                    <span className="visually-hidden">: {task.title}</span>
                  </Button>
                ) : null}
              </>
            }
          />
        ) : null}
      </div>
    </li>
  );
}
