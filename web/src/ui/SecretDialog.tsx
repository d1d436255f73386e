import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface SecretDialogProps {
  open: boolean;
  title: ReactNode;
  /** Who or what the secret belongs to, e.g. "One-time password for ana@cert.example". */
  intro: ReactNode;
  label: ReactNode;
  secret: string;
  testId: string;
  onClose(): void;
}

/**
 * Shows a secret the server will never send again (one-time password, API token), with a copy
 * button and a plain warning. The secret sits in a read-only monospace box, left-to-right even
 * in Arabic, so it can be selected and read character by character.
 */
export function SecretDialog({
  open,
  title,
  intro,
  label,
  secret,
  testId,
  onClose,
}: SecretDialogProps) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState('copied');
    } catch {
      setCopyState('failed'); // e.g. no clipboard permission over plain HTTP
    }
  }

  function close() {
    setCopyState('idle');
    onClose();
  }

  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      footer={
        <Button variant="primary" onClick={close}>
          {t('secret.done')}
        </Button>
      }
    >
      <p>{intro}</p>
      <Alert tone="warning" title={t('secret.warning')} />
      <div className="secret">
        <span className="secret__label" id={`${testId}-label`}>
          {label}
        </span>
        <code
          className="secret__value"
          dir="ltr"
          data-testid={testId}
          aria-labelledby={`${testId}-label`}
        >
          {secret}
        </code>
        <Button onClick={() => void copy()}>{t('secret.copy')}</Button>
      </div>
      <p className="secret__status" role="status">
        {copyState === 'copied'
          ? t('secret.copied')
          : copyState === 'failed'
            ? t('secret.copyFailed')
            : ''}
      </p>
    </Dialog>
  );
}
