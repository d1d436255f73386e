import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import type { Locale } from '../../../app/types';
import { currentLocale } from '../../../i18n';
import { Alert, Button, Loading, PageHeader } from '../../../ui';
import '../../../ui/theme-toolkit-rfc2350.css';
import { useProject } from '../projects/ProjectContext';
import { getRfc2350, getServicesCatalogue, saveRfc2350 } from './api';
import { errorsByField, fieldId, issuesOf } from './fields';
import { PreviewPanel } from './PreviewPanel';
import { ProfileForm } from './ProfileForm';
import { SignDialog } from './SignDialog';
import type { Issue, Rfc2350Profile, Rfc2350State } from './types';
import { usePreview } from './usePreview';
import { VerifyDialog } from './VerifyDialog';

type Notice = { tone: 'success' | 'error' | 'warning'; text: string; conflict?: boolean } | null;

/**
 * The team's RFC 2350 profile: filled once in the order of the RFC's template, previewed live
 * as the plain-text document and as security.txt, downloaded in five formats, signed with the
 * team's OpenPGP key and verified. Read-only members see the preview, downloads and verify.
 */
export default function Rfc2350Page() {
  const { t } = useTranslation('toolkit');
  const { project, access } = useProject();
  const uiLang = currentLocale();
  useDocumentTitle(t('rfc2350.title'));
  const resource = useResource(() => getRfc2350(project.id, uiLang), [project.id, uiLang]);
  const catalogue = useResource(() => getServicesCatalogue(uiLang), [uiLang]);
  const [state, setState] = useState<Rfc2350State | null>(null);
  const [profile, setProfile] = useState<Rfc2350Profile | null>(null);
  const [docLang, setDocLang] = useState<Locale>(uiLang);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [saveIssues, setSaveIssues] = useState<Issue[]>([]);
  const [dialog, setDialog] = useState<'sign' | 'verify' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!resource.data) return;
    setState(resource.data);
    setProfile(resource.data.profile);
  }, [resource.data]);

  const { preview, pending } = usePreview(project.id, profile, docLang);

  if (resource.status === 'failed' && !state)
    return <Alert tone="error" title={describeError(t, resource.error).message} />;
  if (!state || !profile) return <Loading />;

  const canEdit = access.canEdit && state.canEdit;
  const dirty = JSON.stringify(profile) !== JSON.stringify(state.profile);
  const issues = saveIssues.length ? saveIssues : (preview?.issues ?? []);
  const errors = errorsByField(t, issues);
  const keyInfo = preview ? preview.key : state.key;
  const change = (next: Rfc2350Profile) => {
    setProfile(next);
    setSaveIssues([]);
    if (notice?.tone === 'success') setNotice(null);
  };

  async function save() {
    if (!state || !profile) return;
    setSaving(true);
    setNotice(null);
    try {
      const answer = await saveRfc2350(project.id, uiLang, state.revision, profile);
      setState(answer);
      setProfile(answer.profile);
      setSaveIssues([]);
      setNotice({ tone: 'success', text: t('rfc2350.savedNotice', { revision: answer.revision }) });
    } catch (error) {
      const found = issuesOf(error);
      setSaveIssues(found);
      const conflict = error instanceof ApiError && error.code === 'conflict';
      setNotice({
        tone: 'error',
        conflict,
        text: conflict
          ? t('rfc2350.conflict')
          : found.length
            ? t('rfc2350.notSaved', { count: found.length })
            : describeError(t, error).message,
      });
      if (found[0])
        document
          .getElementById(fieldId(found[0].field.replace(/^body\.profile\.|\.\d+$/g, '')))
          ?.focus();
    } finally {
      setSaving(false);
    }
  }

  async function importFile(file: File) {
    try {
      const parsed = JSON.parse(await file.text()) as { format?: unknown; profile?: unknown };
      if (
        parsed.format !== 'cirtkit.rfc2350' ||
        typeof parsed.profile !== 'object' ||
        !parsed.profile
      )
        throw new Error('not an export');
      change({ ...state!.profile, ...(parsed.profile as Partial<Rfc2350Profile>) });
      setNotice({ tone: 'warning', text: t('rfc2350.import.done', { file: file.name }) });
    } catch {
      setNotice({ tone: 'error', text: t('rfc2350.import.failed', { file: file.name }) });
    }
  }

  const status = state.saved
    ? t('rfc2350.status.saved', {
        revision: state.revision,
        date: formatDateTime(state.updatedAt),
        who: state.updatedBy ?? '?',
      })
    : t('rfc2350.status.notSaved');

  return (
    <div className="rfc2350">
      <PageHeader title={t('rfc2350.title')} description={t('rfc2350.description')} />
      <p className="rfc2350-status" data-testid="rfc2350-status">
        {status}
        {dirty ? (
          <span className="rfc2350-status__dirty"> {t('rfc2350.status.unsaved')}</span>
        ) : null}
      </p>
      {!canEdit ? <Alert tone="info" title={t('rfc2350.readOnly')} testId="read-only" /> : null}
      {notice ? (
        <Alert tone={notice.tone} title={notice.text} testId="rfc2350-notice">
          {notice.conflict ? (
            <Button onClick={() => resource.reload()}>{t('rfc2350.reloadLatest')}</Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="rfc2350-toolbar" role="group" aria-label={t('rfc2350.actions')}>
        {canEdit ? (
          <>
            <Button variant="primary" busy={saving} onClick={() => void save()} data-testid="save">
              {t('rfc2350.save')}
            </Button>
            <Button onClick={() => setDialog('sign')} data-testid="open-sign">
              {t('rfc2350.sign.open')}
            </Button>
          </>
        ) : null}
        <Button onClick={() => setDialog('verify')} data-testid="open-verify">
          {t('rfc2350.verify.open')}
        </Button>
        {canEdit ? (
          <>
            <Button onClick={() => fileInput.current?.click()}>{t('rfc2350.import.open')}</Button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              hidden
              aria-label={t('rfc2350.import.open')}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </>
        ) : null}
      </div>
      <div className={canEdit ? 'rfc2350-layout' : 'rfc2350-layout rfc2350-layout--read'}>
        {canEdit ? (
          <form
            className="rfc2350-main"
            noValidate
            aria-label={t('rfc2350.formLabel')}
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <ProfileForm
              template={state.template}
              profile={profile}
              errors={errors}
              keyInfo={keyInfo}
              catalogue={catalogue.data}
              planned={state.plannedServices}
              onChange={change}
            />
            <div className="rfc2350-savebar">
              <Button type="submit" variant="primary" busy={saving}>
                {t('rfc2350.save')}
              </Button>
              {dirty ? (
                <span className="rfc2350-status__dirty">{t('rfc2350.status.unsaved')}</span>
              ) : null}
            </div>
          </form>
        ) : null}
        <PreviewPanel
          projectId={project.id}
          preview={preview}
          pending={pending}
          lang={docLang}
          onLangChange={setDocLang}
          dirty={dirty}
          securityTxtValid={!state.securityTxt.problems.some((p) => p.severity === 'error')}
        />
      </div>
      <SignDialog
        open={dialog === 'sign'}
        projectId={project.id}
        lang={docLang}
        onClose={() => setDialog(null)}
      />
      <VerifyDialog
        open={dialog === 'verify'}
        projectId={project.id}
        lang={docLang}
        hasProfileKey={Boolean(state.key)}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
