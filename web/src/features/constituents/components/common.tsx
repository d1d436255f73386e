import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ApiError } from '../../../app/api';
import { Badge } from '../../../ui';
import type { Verification } from '../types';
import '../constituents.css';

/** The constituents pages, one link each; the current one is marked for screen readers too. */
export function ConstituentsNav() {
  const { t } = useTranslation('constituents');
  const links: ReadonlyArray<[string, string, boolean]> = [
    ['/constituents', 'common.nav.orgs', true],
    ['/constituents/lookup', 'common.nav.lookup', false],
    ['/constituents/import', 'common.nav.import', false],
  ];
  return (
    <nav className="sub-nav" aria-label={t('common.nav.label')}>
      <ul>
        {links.map(([to, key, end]) => (
          <li key={to}>
            <NavLink to={to} end={end} className="sub-nav__link">
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const verificationTone = {
  verified: 'success',
  pending: 'warning',
  unverified: 'neutral',
  rejected: 'danger',
} as const;

export function VerificationBadge({ status }: { status: Verification }) {
  const { t } = useTranslation('constituents');
  return <Badge tone={verificationTone[status]}>{t(`common.verification.${status}`)}</Badge>;
}

export function CriticalBadge() {
  const { t } = useTranslation('constituents');
  return <Badge tone="danger">{t('common.critical')}</Badge>;
}

/** The field problems of a 422, by field name (`body.` prefix dropped), for the form to show. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const out: Record<string, string> = {};
  for (const issue of error.problem.errors ?? []) {
    const field = issue.field.replace(/^body\./, '');
    out[field] ??= issue.message;
  }
  return out;
}

/** "BBD5 EAD2 4C0D ..." for people comparing fingerprints by eye. */
export const groupFingerprint = (fingerprint: string) =>
  (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
