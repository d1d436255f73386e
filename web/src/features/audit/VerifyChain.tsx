import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import type { ChainVerification } from '../../app/types';
import { Alert, Button } from '../../ui';
import { verifyChain } from './api';

/**
 * Re-computes the hash chain on the server. A break means an entry was altered or removed
 * outside the application, which an auditor needs to hear in plain words.
 */
export function VerifyChain() {
  const { t } = useTranslation();
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await verifyChain());
    } catch (error) {
      setFailure(describeError(t, error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="verify">
      <Button onClick={() => void verify()} busy={busy}>
        {busy ? t('audit.verify.running') : t('audit.verify.button')}
      </Button>
      <div className="verify__result" aria-live="polite">
        {failure ? <Alert tone="error" title={failure} /> : null}
        {result?.ok ? (
          <Alert tone="success" title={t('audit.verify.ok')}>
            {t('audit.verify.checked', { total: formatNumber(result.checked) })}
          </Alert>
        ) : null}
        {result && !result.ok ? (
          <Alert tone="error" title={t('audit.verify.broken', { seq: result.firstBadSeq ?? '?' })}>
            <p>{t('audit.verify.checked', { total: formatNumber(result.checked) })}</p>
            {result.problem ? <p>{t('audit.verify.reason', { reason: result.problem })}</p> : null}
            <p>{t('audit.verify.advice')}</p>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
