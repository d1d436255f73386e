import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Button, EmptyState, Loading, PageHeader } from '../../../ui';
import { useProject } from '../projects/ProjectContext';
import { phases } from '../types';
import { exportFormats, getRoadmap, roadmapExportUrl, type Task } from './api';
import { DeleteTaskDialog } from './DeleteTaskDialog';
import { RoadmapFilters } from './RoadmapFilters';
import { RoadmapOverview } from './RoadmapOverview';
import { formatPercent } from './Meter';
import { TaskCard } from './TaskCard';
import { TaskDialog } from './TaskDialog';
import { localDay, matchesFilter, ownersOf, statusFilters, type TaskFilter } from './tasks';
import '../../../ui/theme-toolkit.css';
import '../../../ui/theme-toolkit-roadmap.css';

const ownersListId = 'roadmap-owners';

/**
 * The establishment plan: tasks generated from the gaps of the assessments and the services
 * chosen, plus tasks added by hand, by phase, with owners, due dates, status and progress.
 */
export default function RoadmapPage() {
  const { t } = useTranslation('toolkit');
  const { project, members, access } = useProject();
  const lang = currentLocale();
  const roadmap = useResource(() => getRoadmap(project.id), [project.id]);
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Task | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('roadmap.title'));

  const status = params.get('status') ?? '';
  const filter: TaskFilter = {
    status: (statusFilters as readonly string[]).includes(status)
      ? (status as TaskFilter['status'])
      : '',
    phase: (phases as readonly string[]).includes(params.get('phase') ?? '')
      ? params.get('phase')!
      : '',
    owner: params.get('owner') ?? '',
  };
  const setFilter = (next: TaskFilter) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')), {
      replace: true,
    });
  const formatDay = useMemo(() => {
    const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  }, [lang]);

  const base = `/toolkit/projects/${encodeURIComponent(project.id)}`;
  const header = (
    <PageHeader
      title={t('roadmap.title')}
      description={t('roadmap.intro')}
      actions={
        <div className="roadmap-export" role="group" aria-label={t('roadmap.export.label')}>
          <span className="roadmap-export__label" aria-hidden="true">
            {t('roadmap.export.label')}
          </span>
          {exportFormats.map((format) => (
            <a
              key={format}
              className="btn btn--secondary roadmap-export__link"
              href={roadmapExportUrl(project.id, format, lang)}
              data-testid={`roadmap-export-${format}`}
              {...(format === 'html' ? { target: '_blank', rel: 'noopener' } : { download: '' })}
            >
              {t(`roadmap.export.${format}`)}
            </a>
          ))}
        </div>
      }
    />
  );
  const data = roadmap.data;
  if (roadmap.status === 'failed' && !data)
    return (
      <section>
        {header}
        <Alert tone="error" title={describeError(t, roadmap.error).message} />
      </section>
    );
  if (!data) return <Loading />;

  const owners = ownersOf(data.tasks, lang);
  const suggestions = [...new Set([...members.map((m) => m.displayName), ...owners])];
  const shown = data.tasks.filter((task) => matchesFilter(task, filter));
  const today = localDay();
  const next = new Set(data.next);
  const changed = (message: string) => {
    setNotice(message);
    roadmap.reload();
  };

  return (
    <section className="roadmap-page" aria-busy={roadmap.status === 'loading'}>
      {header}
      <datalist id={ownersListId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {roadmap.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, roadmap.error).message} />
      ) : null}
      <RoadmapOverview
        projectId={project.id}
        roadmap={data}
        base={base}
        canEdit={access.canEdit}
        onGenerated={roadmap.reload}
      />
      <div className="roadmap-toolbar">
        <h2 className="roadmap-toolbar__title">{t('roadmap.tasks')}</h2>
        {access.canEdit ? (
          <Button variant="primary" onClick={() => setDialog('new')} data-testid="roadmap-add">
            {t('roadmap.add')}
          </Button>
        ) : (
          <p className="roadmap-toolbar__note">{t('roadmap.readOnly')}</p>
        )}
      </div>
      {notice ? <Alert tone="success" title={notice} /> : null}
      {data.tasks.length === 0 ? (
        <EmptyState title={t('roadmap.empty.title')}>{t('roadmap.empty.body')}</EmptyState>
      ) : (
        <>
          <RoadmapFilters filter={filter} owners={owners} onChange={setFilter} />
          <p className="result-count" aria-live="polite">
            {t('roadmap.shown', {
              shown: formatNumber(shown.length),
              total: formatNumber(data.tasks.length),
            })}
          </p>
          {phases
            .filter((phase) => filter.phase === '' || filter.phase === phase)
            .map((phase) => {
              const list = shown.filter((task) => task.phase === phase);
              const p = data.progress.byPhase.find((x) => x.phase === phase);
              return (
                <section
                  key={phase}
                  className="roadmap-phase"
                  aria-labelledby={`phase-${phase}`}
                  data-phase={phase}
                >
                  <div className="roadmap-phase__head">
                    <h3 id={`phase-${phase}`} className="roadmap-phase__title">
                      {t('roadmap.phaseHeading', {
                        number: formatNumber(phases.indexOf(phase) + 1),
                        phase: t(`roadmap.phase.${phase}`),
                      })}
                    </h3>
                    <p className="roadmap-phase__summary">
                      {p && p.total
                        ? t('roadmap.phaseSummary', {
                            percent: formatPercent(p.percent),
                            done: formatNumber(p.done),
                            total: formatNumber(p.total),
                          })
                        : t('roadmap.progress.noTasks')}
                    </p>
                  </div>
                  <p className="roadmap-phase__hint">{t(`roadmap.phaseHint.${phase}`)}</p>
                  {list.length === 0 ? (
                    <p className="roadmap-phase__empty">
                      {t(
                        shown.length === data.tasks.length
                          ? 'roadmap.phaseEmpty'
                          : 'roadmap.phaseFiltered',
                      )}
                    </p>
                  ) : (
                    <ol className="task-list">
                      {list.map((task) => (
                        <TaskCard
                          key={task.id}
                          projectId={project.id}
                          task={task}
                          sources={data.sources}
                          base={base}
                          today={today}
                          next={next.has(task.id)}
                          canEdit={access.canEdit}
                          ownersListId={ownersListId}
                          formatDay={formatDay}
                          onSaved={roadmap.reload}
                          onEditText={setDialog}
                          onDelete={setDeleting}
                        />
                      ))}
                    </ol>
                  )}
                </section>
              );
            })}
        </>
      )}
      <TaskDialog
        projectId={project.id}
        target={dialog}
        ownersListId={ownersListId}
        onClose={() => setDialog(null)}
        onDone={(task) => {
          const added = dialog === 'new';
          setDialog(null);
          changed(t(added ? 'roadmap.added' : 'roadmap.edited', { task: task.title }));
        }}
      />
      <DeleteTaskDialog
        projectId={project.id}
        task={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(task) => {
          setDeleting(null);
          changed(t('roadmap.deleted', { task: task.title }));
        }}
      />
    </section>
  );
}
