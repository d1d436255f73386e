import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n';
import type { KeyInfo } from './types';

/** A day in the reader's language, e.g. "3 Mar 2027". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
        date,
      );
}

/** "BBD5 EAD2 ..." as people compare fingerprints. */
export const groupFingerprint = (fingerprint: string) =>
  (fingerprint.match(/.{1,4}/g) ?? []).join(' ');

/** What the pasted public key is: its fingerprint above all, to compare with the team's. */
export function KeySummary({ info }: { info: KeyInfo }) {
  const { t } = useTranslation('toolkit');
  return (
    <dl className="rfc2350-key" data-testid="key-summary">
      <div>
        <dt>{t('rfc2350.key.fingerprint')}</dt>
        <dd>
          <code dir="ltr" data-testid="key-fingerprint">
            {groupFingerprint(info.fingerprint)}
          </code>
        </dd>
      </div>
      <div>
        <dt>{t('rfc2350.key.userIds')}</dt>
        <dd dir="auto">{info.userIds.join(', ') || '—'}</dd>
      </div>
      <div>
        <dt>{t('rfc2350.key.algorithm')}</dt>
        <dd dir="ltr">{info.algorithm}</dd>
      </div>
      <div>
        <dt>{t('rfc2350.key.created')}</dt>
        <dd>{formatDate(info.created)}</dd>
      </div>
      <div>
        <dt>{t('rfc2350.key.expires')}</dt>
        <dd>{info.expires ? formatDate(info.expires) : t('rfc2350.key.never')}</dd>
      </div>
    </dl>
  );
}
