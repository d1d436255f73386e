import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../app/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Badge, Loading, PageHeader } from '../../../ui';
import { getDashboard, projectExportUrl } from '../api';
import { MembersPanel } from './MembersPanel';
import { PhaseStepper } from './PhaseStepper';
import { useProject } from './ProjectContext';
import { RegistryLink } from './RegistryLink';

function Meter({ value, label }: { value: number; label: string }) {
  return (
    <div className="toolkit-meter">
      <div
        className="toolkit-meter__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(value)}
        aria-label={label}
      >
        <span style={{ inlineSize: `${Math.max(0, Math.min(100, value))}%` }} />
      </div>
      <span className="toolkit-meter__value">{Math.round(value)} %</span>
    </div>
  );
}

/** Where the project stands: phase, readiness, maturity, services and the next tasks. */
export default function DashboardPage() {
  const { t } = useTranslation('toolkit');
  const { project, access } = useProject();
  const lang = currentLocale();
  const dashboard = useResource(
    () => getDashboard(project.id, lang),
    [project.id, project.revision, lang],
  );
  useDocumentTitle(project.name);
  const base = `/toolkit/projects/${encodeURIComponent(project.id)}`;
  const d = dashboard.data;
  return (
    <section>
      <PageHeader
        title={t('core.dashboard.title')}
        description={[
          t(`core.kinds.${project.kind}`),
          project.iso3,
          project.organisation,
          project.sector,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <a className="btn btn--secondary" href={projectExportUrl(project.id)} download>
            {t('core.dashboard.exportProject')}
          </a>
        }
      />
      <PhaseStepper />
      {dashboard.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, dashboard.error).message} />
      ) : null}
      {!d ? (
        <Loading />
      ) : (
        <div className="toolkit-dashboard">
          <article className="toolkit-card toolkit-card--stat">
            <h2 className="toolkit-card__title">{t('core.nav.readiness')}</h2>
            {d.readiness ? (
              <>
                <p className="toolkit-stat">
                  {t('core.dashboard.readinessLevel', { level: d.readiness.levelLabel })}
                </p>
                <Meter value={d.readiness.percent} label={t('core.nav.readiness')} />
                <p className="toolkit-muted">
                  {t('core.dashboard.answered', {
                    answered: d.readiness.answered,
                    questions: d.readiness.questions,
                  })}{' '}
                  ·{' '}
                  <Badge tone={d.readiness.status === 'final' ? 'success' : 'warning'}>
                    {t(`core.status.${d.readiness.status}`)}
                  </Badge>
                </p>
                <Link to={`${base}/readiness/${encodeURIComponent(d.readiness.assessmentId)}`}>
                  {d.readiness.title}
                </Link>
              </>
            ) : (
              <p className="toolkit-muted">
                {t('core.dashboard.noReadiness')}{' '}
                <Link to={`${base}/readiness`}>{t('core.dashboard.startReadiness')}</Link>
              </p>
            )}
          </article>
          <article className="toolkit-card toolkit-card--stat">
            <h2 className="toolkit-card__title">{t('core.nav.sim3')}</h2>
            {d.maturity ? (
              <>
                <p className="toolkit-stat">
                  {d.maturity.tier
                    ? t(`core.tiers.${d.maturity.tier}`)
                    : t('core.dashboard.noTier')}
                </p>
                <ul className="toolkit-quadrants">
                  {d.maturity.quadrants.map((q) => (
                    <li key={q.quadrantId}>
                      <span className="toolkit-quadrants__name">
                        {t(`core.quadrants.${q.quadrantId}`)}
                      </span>
                      <Meter
                        value={q.mean === null ? 0 : (q.mean / 4) * 100}
                        label={t(`core.quadrants.${q.quadrantId}`)}
                      />
                    </li>
                  ))}
                </ul>
                <p className="toolkit-muted">
                  {d.maturity.nextTier
                    ? t('core.dashboard.blockers', {
                        count: d.maturity.blockers,
                        tier: t(`core.tiers.${d.maturity.nextTier}`),
                      })
                    : t('core.dashboard.topTier')}
                </p>
                <Link to={`${base}/sim3/${encodeURIComponent(d.maturity.assessmentId)}`}>
                  {d.maturity.title}
                </Link>
              </>
            ) : (
              <p className="toolkit-muted">
                {t('core.dashboard.noSim3')}{' '}
                <Link to={`${base}/sim3`}>{t('core.dashboard.startSim3')}</Link>
              </p>
            )}
          </article>
          <article className="toolkit-card toolkit-card--stat">
            <h2 className="toolkit-card__title">{t('core.nav.services')}</h2>
            <dl className="toolkit-counts">
              {(['now', 'next', 'later'] as const).map((h) => (
                <div key={h}>
                  <dt>{t(`core.horizons.${h}`)}</dt>
                  <dd>{d.services[h]}</dd>
                </div>
              ))}
            </dl>
            <Link to={`${base}/services`}>{t('core.dashboard.chooseServices')}</Link>
          </article>
          <article className="toolkit-card toolkit-card--wide">
            <h2 className="toolkit-card__title">{t('core.nav.roadmap')}</h2>
            <Meter value={d.roadmap.progress.percent} label={t('core.nav.roadmap')} />
            <p className="toolkit-muted">
              {t('core.dashboard.tasksDone', {
                done: d.roadmap.progress.done,
                total: d.roadmap.progress.total,
              })}
              {d.roadmap.untrackedGaps > 0
                ? ` · ${t('core.dashboard.untracked', { count: d.roadmap.untrackedGaps })}`
                : ''}
            </p>
            {d.roadmap.next.length ? (
              <>
                <h3 className="toolkit-subtitle">{t('core.dashboard.nextTasks')}</h3>
                <ol className="toolkit-next">
                  {d.roadmap.next.map((task) => (
                    <li key={task.id}>
                      <span>{task.title}</span>
                      <span className="toolkit-muted">
                        {t(`core.phases.${task.phase}`)}
                        {task.owner ? ` · ${task.owner}` : ''}
                        {task.due ? ` · ${task.due}` : ''}
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            <Link to={`${base}/roadmap`}>{t('core.dashboard.openRoadmap')}</Link>
          </article>
          <MembersPanel />
          {project.kind !== 'organisational' && project.iso3 ? <RegistryLink /> : null}
          {!access.canEdit ? (
            <p className="toolkit-muted toolkit-card--wide">{t('core.dashboard.readOnly')}</p>
          ) : null}
        </div>
      )}
    </section>
  );
}
