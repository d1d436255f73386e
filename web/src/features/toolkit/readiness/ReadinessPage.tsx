import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, EmptyState, Loading, PageHeader } from '../../../ui';
import '../../../ui/theme-toolkit-readiness.css';
import { getQuestionnaire } from '../content';
import { useProject } from '../projects/ProjectContext';
import { getAssessment, type RegistryOutcome } from './api';
import { ReadinessEditor } from './ReadinessEditor';
import { useCountryName } from './useCountryName';

/** What finalising reported to the registry, in the reader's language. */
function RegistryNews(props: { outcome: RegistryOutcome; year: string; country: string }) {
  const { outcome, year, country } = props;
  const { t } = useTranslation('toolkit');
  // Finalising removes the button that was pressed: the news takes the focus instead.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const known = /already recorded/i.test(outcome.detail)
    ? 'already'
    : /only national/i.test(outcome.detail)
      ? 'notNational'
      : null;
  return (
    <div ref={box} tabIndex={-1} className="rs-news">
      <Alert
        tone={outcome.recorded ? 'success' : 'info'}
        title={t('readiness.registry.finalised')}
        testId="readiness-registry"
      >
        <p>
          {outcome.recorded
            ? t('readiness.registry.recorded', { country, year })
            : known
              ? t(`readiness.registry.${known}`, { year })
              : t('readiness.registry.notRecorded', { detail: outcome.detail })}
        </p>
      </Alert>
    </div>
  );
}

export default function ReadinessPage() {
  const { t } = useTranslation('toolkit');
  const { projectId = '', assessmentId = '' } = useParams();
  const lang = currentLocale();
  const view = useResource(() => getAssessment(assessmentId), [assessmentId]);
  const version = view.data?.assessment.contentVersion;
  // Always the questionnaire version the answers were given to, never simply the newest.
  const questionnaire = useResource(
    () => (version ? getQuestionnaire(lang, version) : Promise.resolve(null)),
    [lang, version],
  );
  const [outcome, setOutcome] = useState<RegistryOutcome | null>(null);
  const { project } = useProject();
  const country = useCountryName(project.kind === 'national' ? project.iso3 : null);
  const listHref = `/toolkit/projects/${encodeURIComponent(projectId)}/readiness`;
  const back = (
    <Link to={listHref} className="back-link">
      {t('readiness.page.back')}
    </Link>
  );

  const failed =
    view.status === 'failed'
      ? view.error
      : questionnaire.status === 'failed'
        ? questionnaire.error
        : null;
  if (failed && (!view.data || !questionnaire.data)) {
    const missing = failed instanceof ApiError && failed.status === 404;
    return (
      <section className="readiness">
        {back}
        <PageHeader title={t('readiness.page.title')} />
        {missing ? (
          <EmptyState title={t('readiness.page.notFound')} />
        ) : (
          <Alert tone="error" title={describeError(t, failed).message} />
        )}
      </section>
    );
  }
  const data = view.data;
  const content = questionnaire.data;
  if (!data || !content || content.version !== data.assessment.contentVersion) return <Loading />;
  return (
    <section aria-busy={view.status === 'loading'}>
      {back}
      {outcome ? (
        <RegistryNews
          outcome={outcome}
          country={country}
          year={(data.assessment.finalisedAt ?? new Date().toISOString()).slice(0, 4)}
        />
      ) : null}
      <ReadinessEditor
        // A reload (after a conflict, or once final) starts again from what the server holds.
        key={`${data.assessment.id}:${data.assessment.revision}`}
        view={data}
        questionnaire={content}
        country={country}
        onReload={view.reload}
        onFinalised={(news) => {
          setOutcome(news);
          view.reload();
        }}
      />
    </section>
  );
}
