import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { currentLocale } from '../../../i18n';
import { Alert, Button, Checkbox, Dialog } from '../../../ui';
import { previewNotification, sendNotification } from '../api';
import { splitError } from '../components/errors';
import { TextArea } from '../components/TextArea';
import type {
  AffectedConstituent,
  NotificationPreview,
  NotificationRequest,
  NotifyRefusalRule,
  PlannedMessage,
} from '../types';
import { useIncident } from './context';

interface NotifyDialogProps {
  open: boolean;
  onClose(): void;
  constituents: AffectedConstituent[];
}

interface Refusal {
  email: string;
  rule: NotifyRefusalRule | null;
  message: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Tells the affected constituents: choose the organisations (their primary contacts) and any
 * other addresses, preview each message in its recipient's language with the TLP and OpenPGP
 * decisions, then send. What a recipient may not receive is named, with the rule; then
 * nothing is sent.
 */
export function NotifyDialog({ open, onClose, constituents }: NotifyDialogProps) {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, refresh } = useIncident();
  const candidates = constituents.filter((c) => c.origin !== 'dismissed');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [extra, setExtra] = useState('');
  const [message, setMessage] = useState('');
  const [includeObservables, setIncludeObservables] = useState(true);
  const [preview, setPreview] = useState<NotificationPreview | null>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'preview' | 'send' | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  // Each opening starts with the confirmed organisations chosen and nothing previewed.
  useEffect(() => {
    if (!open) return;
    setChosen(
      new Set(
        candidates
          .filter((c) => c.origin === 'confirmed' || c.origin === 'manual')
          .map((c) => c.orgId),
      ),
    );
    setExtra('');
    setMessage('');
    setPreview(null);
    setRefusals([]);
    setFailure(null);
    setFieldError(undefined);
    setSent(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const addresses = extra
    .split(/[\n,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  const badAddresses = addresses.filter((a) => !emailPattern.test(a));

  function request(): NotificationRequest | null {
    if (badAddresses.length > 0) {
      setFieldError(t('detail.notify.badAddresses', { addresses: badAddresses.join(', ') }));
      return null;
    }
    const recipients = [
      ...[...chosen].map((orgId) => ({ orgId })),
      ...addresses.map((email) => ({ email })),
    ];
    if (recipients.length === 0) {
      setFieldError(t('detail.notify.chooseSomeone'));
      return null;
    }
    setFieldError(undefined);
    return { recipients, message, includeObservables };
  }

  async function runPreview() {
    const body = request();
    if (!body) return;
    setBusy('preview');
    setFailure(null);
    setRefusals([]);
    try {
      setPreview(await previewNotification(incident.id, body));
    } catch (e) {
      setFailure(splitError(t, tApp, e).form);
    } finally {
      setBusy(null);
    }
  }

  async function send() {
    const body = request();
    if (!body) return;
    setBusy('send');
    setFailure(null);
    setRefusals([]);
    try {
      const answer = await sendNotification(incident.id, body);
      const ok = answer.messages.filter((m) => m.status === 'sent');
      const failed = answer.messages.filter((m) => m.status === 'failed');
      setSent(
        t('detail.notify.sent', { count: ok.length }) +
          (failed.length
            ? ` ${t('detail.notify.someFailed', {
                addresses: failed.map((f) => f.to.join(', ')).join(', '),
              })}`
            : ''),
      );
      setPreview(null);
      refresh();
    } catch (e) {
      const named = refusalsOf(e);
      setFailure(splitError(t, tApp, e).form);
      if (named.length > 0) {
        // Show each refused message with its rule, in the reader's language.
        const again = await previewNotification(incident.id, body).catch(() => null);
        if (again) {
          setPreview(again);
          setRefusals(
            again.messages
              .filter((m) => m.refusal)
              .map((m) => ({
                email: m.to.email,
                rule: m.refusal!.rule,
                message: m.refusal!.message,
              })),
          );
        } else setRefusals(named);
      }
    } finally {
      setBusy(null);
    }
  }

  const languageName = useMemo(() => {
    const names = new Intl.DisplayNames([currentLocale()], { type: 'language' });
    return (code: string) => names.of(code) ?? code;
  }, []);

  const ruleText = (rule: NotifyRefusalRule | null, fallback: string) =>
    rule ? t(`detail.notify.rules.${rule}`, { defaultValue: fallback }) : fallback;

  return (
    <Dialog
      open={open}
      title={t('detail.notify.title')}
      onClose={onClose}
      onSubmit={() => void send()}
      testId="notify-dialog"
      footer={
        sent ? (
          <Button variant="primary" onClick={onClose}>
            {t('detail.notify.close')}
          </Button>
        ) : (
          <>
            <Button
              type="submit"
              variant="primary"
              busy={busy === 'send'}
              disabled={preview !== null && !preview.canSend}
              data-testid="notify-send"
            >
              {t('detail.notify.send')}
            </Button>
            <Button
              busy={busy === 'preview'}
              onClick={() => void runPreview()}
              data-testid="notify-preview"
            >
              {t('detail.notify.preview')}
            </Button>
            <Button variant="quiet" onClick={onClose}>
              {tApp('common.cancel')}
            </Button>
          </>
        )
      }
    >
      {sent ? (
        <Alert tone="success" title={sent} testId="notify-sent" />
      ) : (
        <>
          <p className="notify-tlp">
            {t('detail.notify.tlpNote', { tlp: `TLP:${incident.tlp.toUpperCase()}` })}
          </p>
          {failure ? (
            <Alert tone="error" title={failure} testId="notify-error">
              {refusals.length > 0 ? (
                <ul className="notify-refusals">
                  {refusals.map((r, i) => (
                    <li key={i}>
                      <span dir="ltr">{r.email}</span>: {ruleText(r.rule, r.message)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          <fieldset className="notify-recipients">
            <legend className="field__label">{t('detail.notify.recipients')}</legend>
            {fieldError ? <p className="field__error">{fieldError}</p> : null}
            {candidates.length === 0 ? (
              <p className="incident-muted">{t('detail.notify.noRecipients')}</p>
            ) : (
              candidates.map((c) => (
                <Checkbox
                  key={c.orgId}
                  id={`notify-org-${c.orgId}`}
                  label={t('detail.notify.orgContacts', { org: c.orgName })}
                  hint={c.origin === 'suggested' ? t('detail.notify.notConfirmed') : undefined}
                  checked={chosen.has(c.orgId)}
                  onChange={(checked) => {
                    const next = new Set(chosen);
                    if (checked) next.add(c.orgId);
                    else next.delete(c.orgId);
                    setChosen(next);
                    setPreview(null);
                  }}
                />
              ))
            )}
          </fieldset>
          <TextArea
            id="notify-extra"
            label={t('detail.notify.extra')}
            value={extra}
            rows={2}
            dir="ltr"
            onChange={(value) => {
              setExtra(value);
              setPreview(null);
            }}
          />
          <TextArea
            id="notify-message"
            label={t('detail.notify.message')}
            hint={t('detail.notify.messageHint')}
            value={message}
            rows={4}
            onChange={(value) => {
              setMessage(value);
              setPreview(null);
            }}
          />
          <Checkbox
            id="notify-observables"
            label={t('detail.notify.includeObservables')}
            checked={includeObservables}
            onChange={(value) => {
              setIncludeObservables(value);
              setPreview(null);
            }}
          />
          {preview ? (
            <PreviewList preview={preview} languageName={languageName} ruleText={ruleText} />
          ) : null}
        </>
      )}
    </Dialog>
  );
}

function PreviewList({
  preview,
  languageName,
  ruleText,
}: {
  preview: NotificationPreview;
  languageName(code: string): string;
  ruleText(rule: NotifyRefusalRule | null, fallback: string): string;
}) {
  const { t } = useTranslation('incidents');
  return (
    <section
      className="notify-previews"
      aria-label={t('detail.notify.previewLabel')}
      data-testid="notify-previews"
    >
      {!preview.mailEnabled ? (
        <Alert tone="warning" title={t('detail.notify.unavailable')} />
      ) : null}
      {preview.messages.map((m, i) => (
        <PreviewMessage key={i} message={m} languageName={languageName} ruleText={ruleText} />
      ))}
    </section>
  );
}

function PreviewMessage({
  message: m,
  languageName,
  ruleText,
}: {
  message: PlannedMessage;
  languageName(code: string): string;
  ruleText(rule: NotifyRefusalRule | null, fallback: string): string;
}) {
  const { t } = useTranslation('incidents');
  const pgp =
    m.pgp.sign && m.pgp.encrypt
      ? 'sign-encrypt'
      : m.pgp.encrypt
        ? 'encrypt'
        : m.pgp.sign
          ? 'sign'
          : 'none';
  return (
    <article
      className={m.allowed ? 'notify-preview' : 'notify-preview notify-preview--refused'}
      data-to={m.to.email}
    >
      <h3 className="notify-preview__title">
        {t('detail.notify.previewTitle', {
          to: m.to.name ? `${m.to.name} <${m.to.email}>` : m.to.email,
          language: languageName(m.lang),
        })}
      </h3>
      <p className="notify-preview__meta">
        {m.to.orgName ? <span>{m.to.orgName} · </span> : null}
        <span>{t(`detail.notify.pgp.${pgp}`)}</span>
      </p>
      {m.refusal ? (
        <p className="notify-preview__refusal">
          <strong>{t('detail.notify.refused')}</strong>{' '}
          {ruleText(m.refusal.rule, m.refusal.message)}
        </p>
      ) : null}
      <p className="notify-preview__subject" lang={m.lang}>
        <strong>{t('detail.timeline.mail.subject')}:</strong> {m.subject}
      </p>
      <pre className="notify-preview__body" lang={m.lang} dir="auto" tabIndex={0}>
        {m.text}
      </pre>
    </article>
  );
}

/** The recipients a refused send names (problem+json `errors`: "address: why"). */
function refusalsOf(error: unknown): Refusal[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map((issue) => {
    const [email = '', ...rest] = issue.message.split(': ');
    return { email, rule: null, message: rest.join(': ') || issue.message };
  });
}
