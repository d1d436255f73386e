import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import type { Locale } from '../../../app/types';
import { Alert, Button, Dialog, Select, TextField } from '../../../ui';
import { signRfc2350 } from './api';
import { errorsByField, issuesOf, type FieldErrors } from './fields';
import { TextAreaField } from './TextAreaField';
import type { Signed, SignedDocument } from './types';

interface SignDialogProps {
  open: boolean;
  projectId: string;
  lang: Locale;
  onClose(): void;
}

/** Saves a text as a file, as the browser's download would. */
export function downloadText(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Signs the saved document or security.txt with the team's private key. The key and its
 * passphrase live only in this dialog's state while it is open and are sent once; they are
 * cleared when the dialog closes or the signature comes back.
 */
export function SignDialog({ open, projectId, lang, onClose }: SignDialogProps) {
  const { t } = useTranslation('toolkit');
  const [document, setDocument] = useState<SignedDocument>('rfc2350');
  const [privateKey, setPrivateKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [signed, setSigned] = useState<Signed | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPrivateKey('');
    setPassphrase('');
    setErrors({});
    setFailure(null);
    setSigned(null);
  }, [open]);

  async function submit() {
    if (signed) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const answer = await signRfc2350(projectId, { document, privateKey, passphrase, lang });
      setSigned(answer);
      setPrivateKey('');
      setPassphrase('');
    } catch (error) {
      const issues = issuesOf(error);
      setErrors(errorsByField(t, issues));
      setFailure(issues.length ? null : describeError(t, error).message);
    } finally {
      setBusy(false);
    }
  }

  const filename =
    document === 'rfc2350' ? `rfc2350${lang === 'en' ? '' : `-${lang}`}.txt` : 'security.txt';
  return (
    <Dialog
      open={open}
      title={t('rfc2350.sign.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="sign-dialog"
      footer={
        signed ? (
          <>
            <Button variant="primary" onClick={() => downloadText(signed.signedText, filename)}>
              {t('rfc2350.sign.download', { file: filename })}
            </Button>
            <Button onClick={onClose}>{t('rfc2350.close')}</Button>
          </>
        ) : (
          <>
            <Button type="submit" variant="primary" busy={busy}>
              {t('rfc2350.sign.submit')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </>
        )
      }
    >
      {signed ? (
        <>
          <Alert
            tone="success"
            title={t('rfc2350.sign.done', { fingerprint: signed.fingerprint })}
          />
          {signed.warnings.map((w) => (
            <Alert
              key={w.code}
              tone="warning"
              title={t(`rfc2350.sign.warnings.${w.code}`, { defaultValue: w.message })}
            />
          ))}
          <TextAreaField
            label={t('rfc2350.sign.result')}
            value={signed.signedText}
            onChange={() => undefined}
            readOnly
            code
            rows={12}
            data-testid="signed-text"
          />
        </>
      ) : (
        <>
          <Alert tone="warning" title={t('rfc2350.sign.notKept')}>
            <p>{t('rfc2350.sign.notKeptBody')}</p>
          </Alert>
          {failure ? <Alert tone="error" title={failure} /> : null}
          <Select
            label={t('rfc2350.sign.document')}
            value={document}
            onChange={(value) => setDocument(value as SignedDocument)}
            options={[
              { value: 'rfc2350', label: t('rfc2350.sign.documents.rfc2350') },
              { value: 'security.txt', label: t('rfc2350.sign.documents.securityTxt') },
            ]}
          />
          <TextAreaField
            label={t('rfc2350.sign.privateKey')}
            hint={t('rfc2350.sign.privateKeyHint')}
            value={privateKey}
            onChange={setPrivateKey}
            error={errors.privateKey}
            autoComplete="off"
            code
            rows={6}
            placeholder="-----BEGIN PGP PRIVATE KEY BLOCK-----"
          />
          <TextField
            type="password"
            label={t('rfc2350.sign.passphrase')}
            hint={t('rfc2350.sign.passphraseHint')}
            value={passphrase}
            onChange={setPassphrase}
            error={errors.passphrase}
            autoComplete="off"
          />
        </>
      )}
    </Dialog>
  );
}
