import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { Alert, Button, Loading, PageHeader, Select, TextField } from '../../../ui';
import { listProjects } from '../../toolkit/api';
import { getSettings, saveSettings } from '../api';
import { isConflict, splitError, type FieldErrors } from '../components/errors';
import { useReference } from '../components/useReference';
import type { IncidentSettings } from '../types';
import { QueuesEditor } from './QueuesEditor';
import { SlaEditor } from './SlaEditor';
import '../../../ui/theme-incidents.css';

/**
 * Settings of incident handling (incidents.manage): the team's name in outgoing mail, the
 * toolkit project whose BCM plan gives the severity ladder and the escalation matrix, the SLA
 * minutes per level, and the queues.
 */
export default function IncidentSettingsPage() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const stored = useResource(() => getSettings(), [generation]);
  const reference = useReference();
  const projects = useResource(() => listProjects().catch(() => null), []);
  const [draft, setDraft] = useState<IncidentSettings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ text: string; conflict: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('settings.title'));

  useEffect(() => {
    if (stored.data) {
      const { teamName, toolkitProjectId, sla, queues } = stored.data;
      setDraft(structuredClone({ teamName, toolkitProjectId, sla, queues }));
    }
  }, [stored.data]);

  async function save() {
    if (!draft || !stored.data) return;
    setBusy(true);
    setFailure(null);
    setNotice(null);
    setErrors({});
    try {
      const answer = await saveSettings(draft, stored.data.revision);
      setNotice(t('settings.saved', { revision: answer.revision }));
      setGeneration((g) => g + 1);
      reference.reload();
    } catch (e) {
      const split = splitError(t, tApp, e);
      setErrors(split.fields);
      setFailure({
        text: isConflict(e) ? t('settings.stale') : split.form,
        conflict: isConflict(e),
      });
    } finally {
      setBusy(false);
    }
  }

  const header = <PageHeader title={t('settings.title')} description={t('settings.intro')} />;
  if (!draft || !reference.data || !stored.data) {
    return (
      <>
        {header}
        {stored.status === 'failed' || reference.status === 'failed' ? (
          <Alert tone="error" title={splitError(t, tApp, stored.error ?? reference.error).form} />
        ) : (
          <Loading />
        )}
      </>
    );
  }
  const projectList = projects.data?.items ?? [];
  const projectChanged = draft.toolkitProjectId !== stored.data.toolkitProjectId;

  return (
    <>
      {header}
      <form
        className="incident-settings"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {failure ? (
          <Alert tone="error" title={failure.text} testId="settings-error">
            {Object.keys(errors).length > 0 ? (
              <ul>
                {Object.entries(errors).map(([field, message]) => (
                  <li key={field}>
                    <span dir="ltr">{field}</span>: {message}
                  </li>
                ))}
              </ul>
            ) : null}
            {failure.conflict ? (
              <Button
                onClick={() => {
                  setFailure(null);
                  setGeneration((g) => g + 1);
                }}
              >
                {t('settings.reload')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {notice ? <Alert tone="success" title={notice} /> : null}

        <section className="incident-card" aria-labelledby="settings-team-title">
          <h2 id="settings-team-title" className="incident-card__title">
            {t('settings.team.title')}
          </h2>
          <TextField
            id="settings-team-name"
            label={t('settings.team.label')}
            hint={t('settings.team.hint')}
            value={draft.teamName ?? ''}
            maxLength={120}
            autoComplete="organization"
            error={errors.teamName}
            onChange={(value) => setDraft({ ...draft, teamName: value || null })}
          />
        </section>

        <section className="incident-card" aria-labelledby="settings-project-title">
          <h2 id="settings-project-title" className="incident-card__title">
            {t('settings.project.title')}
          </h2>
          <p className="incident-card__intro">{t('settings.project.intro')}</p>
          <Select
            id="settings-project"
            label={t('settings.project.label')}
            value={draft.toolkitProjectId ?? ''}
            error={errors.toolkitProjectId}
            options={[
              { value: '', label: t('settings.project.none') },
              ...projectList.map((p) => ({ value: p.id, label: p.name })),
              ...(draft.toolkitProjectId &&
              !projectList.some((p) => p.id === draft.toolkitProjectId)
                ? [{ value: draft.toolkitProjectId, label: t('settings.project.unknown') }]
                : []),
            ]}
            onChange={(value) => setDraft({ ...draft, toolkitProjectId: value || null })}
          />
          {draft.toolkitProjectId && !projectChanged ? (
            <p>
              <Link to={`/toolkit/projects/${encodeURIComponent(draft.toolkitProjectId)}/bcm`}>
                {t('settings.project.openPlan')}
              </Link>
            </p>
          ) : null}
          {projectChanged ? <Alert tone="info" title={t('settings.project.changed')} /> : null}
        </section>

        <SlaEditor
          ladder={reference.data.ladder}
          sla={draft.sla}
          errors={errors}
          disabled={projectChanged}
          onChange={(sla) => setDraft({ ...draft, sla })}
        />

        <QueuesEditor
          queues={draft.queues}
          errors={errors}
          onChange={(queues) => setDraft({ ...draft, queues })}
        />

        <div className="incident-form__actions">
          <Button type="submit" variant="primary" busy={busy} data-testid="settings-save">
            {t('settings.save')}
          </Button>
          {stored.data.updatedAt ? (
            <span className="incident-muted">
              {t('settings.lastSaved', {
                at: formatDateTime(stored.data.updatedAt),
                by: stored.data.updatedBy ?? '',
              })}
            </span>
          ) : null}
        </div>
      </form>
    </>
  );
}
