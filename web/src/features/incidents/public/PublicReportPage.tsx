import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSelect } from '../../../app/LanguageSelect';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { Alert, Button, SkipLink, TextField, mainContentId } from '../../../ui';
import { Field, describedBy } from '../../../ui/Field';
import './public.css';

interface Problem {
  code?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

type Outcome =
  | { kind: 'sent'; reference: string; acknowledged: boolean; email: string }
  | { kind: 'failed'; message: string; details: string[] }
  | null;

const maxFiles = 5;

/**
 * The public report form at /report: anyone may report an incident without an account. The
 * answer is the case reference (and an acknowledgement e-mail). A field named `website`,
 * hidden from people and from screen readers, catches robots.
 */
export default function PublicReportPage() {
  const { t, i18n } = useTranslation('incidents');
  useDocumentTitle(t('public.title'));
  const [description, setDescription] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [observables, setObservables] = useState('');
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  const observablesId = useId();
  const filesId = useId();

  function show(next: Outcome) {
    setOutcome(next);
    // Move the reader to the result so screen readers announce it.
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (description.trim() === '') missing.description = t('public.descriptionMissing');
    if (email.trim() === '') missing.email = t('public.emailMissing');
    if (files.length > maxFiles)
      missing.attachments = t('public.tooManyFiles', { count: maxFiles });
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      show({ kind: 'failed', message: t('public.fixFields'), details: Object.values(missing) });
      return;
    }
    const form = new FormData();
    form.append('description', description);
    form.append('email', email.trim());
    form.append('name', name);
    form.append('organisation', organisation);
    form.append('observables', observables);
    form.append('language', i18n.language.split('-')[0] ?? 'en');
    form.append('website', website);
    for (const file of files) form.append('attachments', file, file.name);
    setBusy(true);
    try {
      const response = await fetch('/api/public/reports', {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      const body = (await response.json().catch(() => ({}))) as Problem & {
        reference?: string;
        acknowledgement?: string;
      };
      if (response.ok && body.reference) {
        show({
          kind: 'sent',
          reference: body.reference,
          acknowledged: body.acknowledgement === 'sent',
          email: email.trim(),
        });
        return;
      }
      const fieldErrors: Record<string, string> = {};
      for (const issue of body.errors ?? []) fieldErrors[issue.field] ??= issue.message;
      setErrors(fieldErrors);
      const message =
        response.status === 429
          ? t('public.rateLimited')
          : response.status === 413
            ? t('public.tooLarge')
            : response.status === 422
              ? t('public.fixFields')
              : t('public.failed');
      show({
        kind: 'failed',
        message,
        details: (body.errors ?? [])
          .map((e) => e.message)
          .concat(body.errors?.length ? [] : body.detail ? [body.detail] : []),
      });
    } catch {
      show({ kind: 'failed', message: t('public.network'), details: [] });
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setDescription('');
    setObservables('');
    setFiles([]);
    setErrors({});
    setOutcome(null);
  }

  return (
    <div className="login public-report">
      <SkipLink />
      <header className="login__header">
        <span className="brand brand--dark">
          <span className="brand__mark" aria-hidden="true" />
          cirtkit
        </span>
        <LanguageSelect />
      </header>
      <main id={mainContentId} className="login__main" tabIndex={-1}>
        <div className="login__card public-report__card">
          <h1 className="login__title">{t('public.title')}</h1>
          <p className="login__intro">{t('public.intro')}</p>
          <div ref={resultRef} tabIndex={-1} className="public-report__result">
            {outcome?.kind === 'sent' ? (
              <Alert tone="success" title={t('public.sentTitle')}>
                <p>
                  {t('public.sentReference')}{' '}
                  <strong className="public-report__reference" dir="ltr">
                    {outcome.reference}
                  </strong>
                </p>
                <p>
                  {outcome.acknowledged
                    ? t('public.sentAcknowledged', { email: outcome.email })
                    : t('public.sentNoMail')}
                </p>
              </Alert>
            ) : outcome?.kind === 'failed' ? (
              <Alert tone="error" title={outcome.message}>
                {outcome.details.length > 0 ? (
                  <ul>
                    {outcome.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </Alert>
            ) : null}
          </div>
          {outcome?.kind === 'sent' ? (
            <Button variant="secondary" onClick={reset}>
              {t('public.another')}
            </Button>
          ) : (
            <form onSubmit={(event) => void submit(event)} noValidate>
              <Field
                id={descriptionId}
                label={t('public.description')}
                hint={t('public.descriptionHint')}
                error={errors.description}
              >
                <textarea
                  id={descriptionId}
                  name="description"
                  className="input public-report__textarea"
                  rows={6}
                  required
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                  aria-invalid={errors.description ? true : undefined}
                  aria-describedby={describedBy(
                    descriptionId,
                    t('public.descriptionHint'),
                    errors.description,
                  )}
                />
              </Field>
              <TextField
                label={t('public.email')}
                hint={t('public.emailHint')}
                type="email"
                name="email"
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                dir="ltr"
                required
                value={email}
                onChange={setEmail}
                error={errors.email}
              />
              <TextField
                label={t('public.name')}
                name="name"
                autoComplete="name"
                value={name}
                onChange={setName}
                error={errors.name}
              />
              <TextField
                label={t('public.organisation')}
                name="organisation"
                autoComplete="organization"
                value={organisation}
                onChange={setOrganisation}
                error={errors.organisation}
              />
              <Field
                id={observablesId}
                label={t('public.observables')}
                hint={t('public.observablesHint')}
                error={errors.observables}
              >
                <textarea
                  id={observablesId}
                  name="observables"
                  className="input public-report__textarea public-report__textarea--mono"
                  rows={4}
                  dir="ltr"
                  spellCheck={false}
                  value={observables}
                  onChange={(e) => setObservables(e.target.value)}
                  aria-invalid={errors.observables ? true : undefined}
                  aria-describedby={describedBy(
                    observablesId,
                    t('public.observablesHint'),
                    errors.observables,
                  )}
                />
              </Field>
              <Field
                id={filesId}
                label={t('public.attachments')}
                hint={t('public.attachmentsHint', { count: maxFiles })}
                error={errors.attachments}
              >
                <input
                  id={filesId}
                  name="attachments"
                  type="file"
                  multiple
                  className="input"
                  onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
                  aria-invalid={errors.attachments ? true : undefined}
                  aria-describedby={describedBy(
                    filesId,
                    t('public.attachmentsHint', { count: maxFiles }),
                    errors.attachments,
                  )}
                />
              </Field>
              {/* People and screen readers never see this field; robots fill it in. */}
              <div className="public-report__trap" aria-hidden="true">
                <label>
                  Website
                  <input
                    name="website"
                    type="text"
                    tabIndex={-1}
                    autoComplete="off"
                    value={website}
                    onChange={(e) => setWebsite(e.target.value)}
                  />
                </label>
              </div>
              <Button type="submit" variant="primary" busy={busy} className="btn--block">
                {busy ? t('public.sending') : t('public.submit')}
              </Button>
            </form>
          )}
          <p className="login__help">
            {t('public.privacy')} <Link to="/login">{t('public.staffLogin')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
