import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { Alert, Badge, EmptyState, Loading, PageHeader } from '../../../ui';
import { importProject, listProjects } from '../api';
import { NewProjectForm } from './NewProjectForm';

/** Every establishment project the user can see, and the way to start one. */
export default function ProjectsPage() {
  const { t } = useTranslation('toolkit');
  const { can } = useAuth();
  const navigate = useNavigate();
  const projects = useResource(() => listProjects(), []);
  const [importError, setImportError] = useState<string | null>(null);
  useDocumentTitle(t('core.projects.title'));

  async function onImport(file: File | undefined) {
    if (!file) return;
    setImportError(null);
    try {
      const parsed: unknown = JSON.parse(await file.text());
      const result = await importProject(parsed);
      void navigate(`/toolkit/projects/${encodeURIComponent(result.project.id)}`);
    } catch (error) {
      setImportError(
        error instanceof SyntaxError
          ? t('core.projects.importNotJson')
          : describeError(t, error).message,
      );
    }
  }

  const items = projects.data?.items ?? [];
  return (
    <section>
      <PageHeader title={t('core.projects.title')} description={t('core.projects.intro')} />
      {projects.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, projects.error).message} />
      ) : null}
      <div className="toolkit-projects">
        <div className="toolkit-projects__list">
          <h2 className="toolkit-section-title">{t('core.projects.yours')}</h2>
          {!projects.data ? (
            <Loading />
          ) : items.length === 0 ? (
            <EmptyState title={t('core.projects.empty')}>
              <p>{t('core.projects.emptyHelp')}</p>
            </EmptyState>
          ) : (
            <ul className="toolkit-cards">
              {items.map((p) => (
                <li key={p.id} className="toolkit-card">
                  <h3 className="toolkit-card__title">
                    <Link to={`/toolkit/projects/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                  </h3>
                  <p className="toolkit-card__meta">
                    {t(`core.kinds.${p.kind}`)}
                    {p.iso3 ? ` · ${p.iso3}` : ''}
                    {p.sector ? ` · ${p.sector}` : ''}
                  </p>
                  <p className="toolkit-card__meta">
                    <Badge tone="neutral">{t(`core.phases.${p.phase}`)}</Badge>{' '}
                    {p.myRole ? t(`core.roles.${p.myRole}`) : t('core.roles.coordinator')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
        {can('toolkit.edit') ? (
          <div className="toolkit-projects__side">
            <NewProjectForm
              onCreated={(id) => void navigate(`/toolkit/projects/${encodeURIComponent(id)}`)}
            />
            <div className="toolkit-panel">
              <h2 className="toolkit-section-title">{t('core.projects.importTitle')}</h2>
              <p className="toolkit-muted">{t('core.projects.importHelp')}</p>
              <label className="toolkit-file">
                <span>{t('core.projects.importLabel')}</span>
                <input
                  type="file"
                  accept="application/json,.json"
                  onChange={(event) => void onImport(event.target.files?.[0])}
                />
              </label>
              {importError ? <Alert tone="error" title={importError} /> : null}
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
