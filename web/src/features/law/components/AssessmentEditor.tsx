import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { Alert, Button, Loading, Select, TextField } from '../../../ui';
import { assessmentHistory, saveAssessment } from '../api';
import type { FieldIssue } from '../fieldErrors';
import { formatDay } from '../format';
import {
  assessmentStatuses,
  type Assessment,
  type AssessmentStatus,
  type Provision,
} from '../types';
import { filled, issuesOf, TextAreaField, useFocusFirstProblem, useIssueText } from './fields';
import { StateMark } from './marks';

interface Draft {
  status: AssessmentStatus;
  lawTitle: string;
  article: string;
  adoptedOn: string;
  link: string;
  notes: string;
}

const draftOf = (a: Assessment | undefined): Draft => ({
  status: a?.status ?? 'absent',
  lawTitle: a?.lawTitle ?? '',
  article: a?.article ?? '',
  adoptedOn: a?.adoptedOn ?? '',
  link: a?.link ?? '',
  notes: a?.notes ?? '',
});

/**
 * The status of one provision in the country's law, with the law that gives it. A refused save
 * shows each problem beside its field and changes nothing.
 */
export function AssessmentEditor({
  iso3,
  provision,
  assessment,
  onCancel,
  onSaved,
}: {
  iso3: string;
  provision: Provision;
  assessment: Assessment | undefined;
  onCancel(): void;
  onSaved(assessment: Assessment): void;
}) {
  const { t } = useTranslation('law');
  const issueText = useIssueText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(assessment));
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const { container: formRef, refused } = useFocusFirstProblem<HTMLFormElement>();
  const set = (field: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setIssues(({ [field]: _, ...rest }) => rest);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const { status, ...rest } = draft;
      const saved = await saveAssessment(iso3, provision.id, { status, ...filled(rest) });
      setIssues({});
      onSaved(saved);
    } catch (error) {
      const found = issuesOf(error);
      setIssues(found);
      refused();
      setFailure(
        Object.keys(found).length > 0 ? t('common.fixFields') : describeError(t, error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="law-editor"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('country.form.label', { id: provision.id })}
      data-testid="assessment-form"
    >
      {failure ? (
        <Alert tone="error" title={failure} testId="assessment-error">
          {issues.body ? <p>{issueText(issues.body)}</p> : null}
        </Alert>
      ) : null}
      <div className="law-editor__grid">
        <div className="law-editor__status">
          <Select
            label={t('country.form.status')}
            value={draft.status}
            onChange={(value) => set('status')(value)}
            error={issueText(issues.status)}
            options={assessmentStatuses.map((s) => ({ value: s, label: t(`common.states.${s}`) }))}
            data-testid="assessment-status"
          />
        </div>
        <div className="law-editor__law">
          <TextField
            label={t('country.form.lawTitle')}
            hint={t('country.form.lawTitleHint')}
            value={draft.lawTitle}
            onChange={set('lawTitle')}
            error={issueText(issues.lawTitle)}
            maxLength={300}
            data-testid="assessment-law-title"
          />
        </div>
        <div className="law-editor__article">
          <TextField
            label={t('country.form.article')}
            hint={t('country.form.articleHint')}
            value={draft.article}
            onChange={set('article')}
            error={issueText(issues.article)}
            maxLength={100}
            data-testid="assessment-article"
          />
        </div>
        <div className="law-editor__adopted">
          <TextField
            type="date"
            label={t('country.form.adoptedOn')}
            value={draft.adoptedOn}
            onChange={set('adoptedOn')}
            error={issueText(issues.adoptedOn)}
            data-testid="assessment-adopted"
          />
        </div>
        <div className="law-editor__link">
          <TextField
            type="url"
            dir="ltr"
            label={t('country.form.link')}
            hint={t('country.form.linkHint')}
            value={draft.link}
            onChange={set('link')}
            error={issueText(issues.link)}
            data-testid="assessment-link"
          />
        </div>
      </div>
      <TextAreaField
        label={t('country.form.notes')}
        value={draft.notes}
        onChange={set('notes')}
        error={issueText(issues.notes)}
        maxLength={4000}
      />
      <div className="law-editor__buttons">
        <Button type="submit" variant="primary" busy={busy} data-testid="assessment-save">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** Every saved version, newest first: who, when, and what they recorded. */
export function AssessmentHistory({
  iso3,
  provision,
  version,
}: {
  iso3: string;
  provision: string;
  /** The current version's time: the history is asked again when it changes. */
  version: string | undefined;
}) {
  const { t } = useTranslation('law');
  const history = useResource(() => assessmentHistory(iso3, provision), [iso3, provision, version]);
  if (history.status === 'failed')
    return <Alert tone="error" title={describeError(t, history.error).message} />;
  if (!history.data) return <Loading />;
  return (
    <div className="law-history" data-testid="assessment-history">
      <h5 className="law-history__title">{t('country.history.title', { id: provision })}</h5>
      {history.data.length === 0 ? (
        <p className="muted">{t('country.history.empty')}</p>
      ) : (
        <ol className="law-history__list">
          {history.data.map((a, i) => (
            <li key={`${a.assessedAt}-${i}`} className="law-history__item">
              <p className="law-history__meta">
                {t('country.history.by', {
                  who: a.assessedBy,
                  when: formatDateTime(a.assessedAt),
                })}
              </p>
              <p className="law-history__what">
                <StateMark state={a.status} />
                {a.lawTitle ? (
                  <bdi className="law-history__law">
                    {a.article
                      ? t('country.provisions.lawArticle', { law: a.lawTitle, article: a.article })
                      : a.lawTitle}
                    {a.adoptedOn ? ` · ${formatDay(a.adoptedOn)}` : ''}
                  </bdi>
                ) : null}
              </p>
              {a.notes ? <p className="law-history__notes">{a.notes}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
