import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import type { Locale } from '../../../app/types';
import { Alert, Button, Dialog } from '../../../ui';
import { verifyRfc2350 } from './api';
import { errorsByField, issuesOf, type FieldErrors } from './fields';
import { formatDate, groupFingerprint } from './KeySummary';
import { TextAreaField } from './TextAreaField';
import type { Verification } from './types';

interface VerifyDialogProps {
  open: boolean;
  projectId: string;
  lang: Locale;
  hasProfileKey: boolean;
  onClose(): void;
}

/** Checks a signed document or security.txt against the profile's key, or another one. */
export function VerifyDialog({ open, projectId, lang, hasProfileKey, onClose }: VerifyDialogProps) {
  const { t } = useTranslation('toolkit');
  const [signedText, setSignedText] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setSignedText('');
    setPublicKey('');
    setErrors({});
    setFailure(null);
    setResult(null);
  }, [open]);

  async function submit() {
    setBusy(true);
    setErrors({});
    setFailure(null);
    setResult(null);
    try {
      setResult(
        await verifyRfc2350(projectId, {
          signedText,
          ...(publicKey.trim() ? { publicKey } : {}),
          lang,
        }),
      );
    } catch (error) {
      const issues = issuesOf(error);
      setErrors(errorsByField(t, issues));
      setFailure(issues.length ? null : describeError(t, error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title={t('rfc2350.verify.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="verify-dialog"
      footer={
        <>
          <Button type="submit" variant="primary" busy={busy}>
            {t('rfc2350.verify.submit')}
          </Button>
          <Button onClick={onClose}>{t('rfc2350.close')}</Button>
        </>
      }
    >
      {failure ? <Alert tone="error" title={failure} /> : null}
      {result ? (
        result.valid ? (
          <Alert tone="success" title={t('rfc2350.verify.valid')} testId="verify-result">
            <p>
              {t('rfc2350.verify.by', { fingerprint: groupFingerprint(result.fingerprint ?? '') })}
            </p>
            {result.signedAt ? (
              <p>{t('rfc2350.verify.at', { date: formatDate(result.signedAt) })}</p>
            ) : null}
            <p>
              {result.matches
                ? t(
                    `rfc2350.verify.matches.${result.matches === 'rfc2350' ? 'rfc2350' : 'securityTxt'}`,
                  )
                : t('rfc2350.verify.matches.none')}
            </p>
          </Alert>
        ) : (
          <Alert tone="error" title={t('rfc2350.verify.invalid')} testId="verify-result">
            <p>
              {t(`rfc2350.verify.reasons.${result.reasonCode ?? 'invalid'}`, {
                keyId: result.keyId ?? '?',
                defaultValue: result.reason ?? '',
              })}
            </p>
          </Alert>
        )
      ) : null}
      <TextAreaField
        label={t('rfc2350.verify.signedText')}
        hint={t('rfc2350.verify.signedTextHint')}
        value={signedText}
        onChange={setSignedText}
        error={errors.signedText}
        code
        rows={8}
      />
      <TextAreaField
        label={t('rfc2350.verify.publicKey')}
        hint={t(hasProfileKey ? 'rfc2350.verify.publicKeyHint' : 'rfc2350.verify.publicKeyNeeded')}
        value={publicKey}
        onChange={setPublicKey}
        error={errors.publicKey}
        code
        rows={4}
      />
    </Dialog>
  );
}
