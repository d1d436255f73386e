import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { Alert, Loading } from '../../../ui';
import { getProject } from '../api';
import { ProjectContext, type ProjectContextValue } from './ProjectContext';

const sections = [
  { path: '', key: 'dashboard', end: true },
  { path: 'readiness', key: 'readiness', end: false },
  { path: 'sim3', key: 'sim3', end: false },
  { path: 'services', key: 'services', end: false },
  { path: 'roadmap', key: 'roadmap', end: false },
  { path: 'bcm', key: 'bcm', end: false },
  { path: 'rfc2350', key: 'rfc2350', end: false },
] as const;

/** Loads the project once for all its pages and shows the project's own navigation. */
export default function ProjectLayout() {
  const { t } = useTranslation('toolkit');
  const { projectId = '' } = useParams();
  const resource = useResource(() => getProject(projectId), [projectId]);
  const { data, reload } = resource;
  const value = useMemo<ProjectContextValue | null>(
    () => (data ? { ...data, reload } : null),
    [data, reload],
  );
  if (resource.status === 'failed' && !data)
    return <Alert tone="error" title={describeError(t, resource.error).message} />;
  if (!value) return <Loading />;
  const base = `/toolkit/projects/${encodeURIComponent(projectId)}`;
  return (
    <ProjectContext.Provider value={value}>
      <div className="toolkit-project">
        <p className="toolkit-project__name">{value.project.name}</p>
        <nav className="toolkit-nav" aria-label={t('core.nav.label', { name: value.project.name })}>
          <ul className="toolkit-nav__list">
            {sections.map((s) => (
              <li key={s.key}>
                <NavLink
                  className="toolkit-nav__link"
                  to={s.path ? `${base}/${s.path}` : base}
                  end={s.end}
                >
                  {t(`core.nav.${s.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <Outlet />
      </div>
    </ProjectContext.Provider>
  );
}
