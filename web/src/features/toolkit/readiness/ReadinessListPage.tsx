import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../app/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  Loading,
  PageHeader,
  Table,
} from '../../../ui';
import '../../../ui/theme-toolkit-readiness.css';
import { getQuestionnaire, type Questionnaire } from '../content';
import { useProject } from '../projects/ProjectContext';
import { deleteAssessment, listReadiness, startReadiness, type AssessmentListItem } from './api';
import { formatCount, formatDay, formatScore } from './format';
import { ScoreBar } from './ScoreBar';

/** What a readiness assessment is, with the areas it covers: the page's empty state. */
function Explainer({ questionnaire }: { questionnaire: Questionnaire | null }) {
  const { t } = useTranslation('toolkit');
  return (
    <div className="rs-explainer">
      <p>{t('readiness.list.explain')}</p>
      {questionnaire ? (
        <ol className="rs-explainer__areas" aria-label={t('readiness.list.areas')}>
          {questionnaire.areas.map((a) => (
            <li key={a.id}>{a.title}</li>
          ))}
        </ol>
      ) : null}
      <p>{t('readiness.list.explainPhases')}</p>
    </div>
  );
}

export default function ReadinessListPage() {
  const { t } = useTranslation('toolkit');
  const lang = currentLocale();
  const navigate = useNavigate();
  const { project, access } = useProject();
  const list = useResource(() => listReadiness(project.id), [project.id]);
  const items = list.data?.items ?? [];
  const versions = [...new Set(items.map((i) => i.contentVersion))].sort();
  // Level names come from each assessment's own questionnaire version; the newest explains.
  const content = useResource(
    () => Promise.all([getQuestionnaire(lang), ...versions.map((v) => getQuestionnaire(lang, v))]),
    [lang, versions.join(' ')],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<AssessmentListItem | null>(null);
  useDocumentTitle(t('readiness.list.title'));
  const base = `/toolkit/projects/${encodeURIComponent(project.id)}/readiness`;
  const levelLabel = (item: AssessmentListItem) =>
    content.data
      ?.find((q) => q.version === item.contentVersion)
      ?.levels.find((l) => l.id === item.summary.levelId)?.label ?? '';

  const start = async (copyFrom?: string) => {
    setBusy(copyFrom ?? 'new');
    setError(null);
    try {
      const title = t('readiness.list.defaultTitle', {
        n: formatCount(items.length + 1),
        day: formatDay(new Date().toISOString()),
      });
      const created = await startReadiness(project.id, title, copyFrom);
      void navigate(`${base}/${encodeURIComponent(created.id)}`);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };
  const remove = async (item: AssessmentListItem) => {
    setBusy(item.id);
    setError(null);
    try {
      await deleteAssessment(item.id);
      setDeleting(null);
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const startButton = access.canEdit ? (
    <Button
      variant="primary"
      onClick={() => void start()}
      busy={busy === 'new'}
      data-testid="readiness-start"
    >
      {t('readiness.list.start')}
    </Button>
  ) : null;
  return (
    <section className="readiness">
      <PageHeader
        title={t('readiness.list.title')}
        description={t('readiness.list.intro')}
        actions={items.length > 0 ? startButton : null}
      />
      {error && !deleting ? <Alert tone="error" title={describeError(t, error).message} /> : null}
      {list.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, list.error).message} />
      ) : null}
      {!list.data ? (
        list.status === 'failed' ? null : (
          <Loading />
        )
      ) : items.length === 0 ? (
        <EmptyState title={t('readiness.list.empty')}>
          <Explainer questionnaire={content.data?.[0] ?? null} />
          {startButton ?? <p>{t('readiness.list.readOnly')}</p>}
        </EmptyState>
      ) : (
        <Table
          caption={t('readiness.list.caption', { project: project.name })}
          captionHidden
          columns={[
            { key: 'title', label: t('readiness.list.columns.title') },
            { key: 'status', label: t('readiness.list.columns.status') },
            { key: 'score', label: t('readiness.list.columns.score') },
            { key: 'answered', label: t('readiness.list.columns.answered') },
            { key: 'gaps', label: t('readiness.list.columns.gaps') },
            { key: 'actions', label: t('readiness.list.columns.actions'), visuallyHidden: true },
          ]}
        >
          {[...items].reverse().map((item) => (
            <tr key={item.id} data-assessment={item.id}>
              <th scope="row">
                <Link to={`${base}/${encodeURIComponent(item.id)}`}>
                  <bdi>{item.title}</bdi>
                </Link>
                <span className="rs-list__sub">
                  {t('readiness.list.started', {
                    day: formatDay(item.createdAt),
                    who: item.createdBy,
                  })}
                </span>
              </th>
              <td>
                <Badge tone={item.status === 'final' ? 'success' : 'warning'}>
                  {t(`readiness.status.${item.status}`)}
                </Badge>
                <span className="rs-list__sub">
                  {item.status === 'final'
                    ? t('readiness.list.finalisedOn', { day: formatDay(item.finalisedAt) })
                    : t('readiness.list.updatedOn', { day: formatDay(item.updatedAt) })}
                </span>
              </td>
              <td className="rs-list__score">
                <span className="rs-list__figure">
                  {formatScore(item.summary.percent)}{' '}
                  <span className="rs-list__level">{levelLabel(item)}</span>
                </span>
                <ScoreBar percent={item.summary.percent} compact />
              </td>
              <td className="rs-cell--number">
                {t('readiness.results.answeredOf', {
                  answered: formatCount(item.summary.answered),
                  questions: formatCount(item.summary.questions),
                })}
              </td>
              <td className="rs-cell--number">{formatCount(item.summary.gaps)}</td>
              <td>
                <div className="rs-list__actions">
                  {item.status === 'final' && access.canEdit ? (
                    <Button onClick={() => void start(item.id)} busy={busy === item.id}>
                      {t('readiness.list.startFrom')}
                      <span className="visually-hidden"> {item.title}</span>
                    </Button>
                  ) : null}
                  {item.status === 'draft' && access.canEdit ? (
                    <Button variant="quiet" onClick={() => setDeleting(item)}>
                      {t('readiness.list.delete')}
                      <span className="visually-hidden"> {item.title}</span>
                    </Button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {items.length > 0 ? (
        <details className="rs-list__about">
          <summary>{t('readiness.list.about')}</summary>
          <Explainer questionnaire={content.data?.[0] ?? null} />
        </details>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('readiness.list.deleteTitle')}
        confirmLabel={t('readiness.list.deleteConfirm')}
        destructive
        busy={busy !== null}
        error={error && deleting ? describeError(t, error).message : null}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => {
          setDeleting(null);
          setError(null);
        }}
      >
        <p>{t('readiness.list.deleteText', { title: deleting?.title ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
