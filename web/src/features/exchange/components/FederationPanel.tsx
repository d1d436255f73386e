import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { listReceivedProfiles } from '../api';
import { useExchangeStrings } from '../i18n';
import type { ReceivedProfile } from '../types';

/** Where a received profile came from: which peer, which collection, when. */
function Provenance({ profile }: { profile: ReceivedProfile }) {
  const { t } = useTranslation('exchange');
  return (
    <ul className="plain-list federation-provenance">
      {profile.provenance.map((p, i) => (
        <li key={i}>
          {t(`object.provenance.${p.source}`, {
            peer: p.peerName ?? p.peerId ?? '',
            collection: p.collection ?? '',
            when: formatDateTime(p.receivedAt),
          })}
        </li>
      ))}
    </ul>
  );
}

/** A fingerprint in groups of four, as OpenPGP tools print it. */
const grouped = (fingerprint: string) => fingerprint.replace(/(.{4})(?=.)/g, '$1 ');

/** Whether the profile is signed, and whether the signature holds under the peer's key. */
function Signature({ profile }: { profile: ReceivedProfile }) {
  const { t } = useTranslation('exchange');
  const s = profile.signature;
  const text =
    s.state === 'unsigned'
      ? t('common.federation.signature.unsigned')
      : s.state === 'verified'
        ? t('common.federation.signature.verified', { fingerprint: grouped(s.fingerprint) })
        : t(`common.federation.signature.${s.state}`, {
            fingerprint: grouped(s.fingerprint),
            reason: s.reason,
          });
  return (
    <p
      className={`federation-signature federation-signature--${s.state}`}
      data-testid="federation-signature"
      data-state={s.state}
    >
      {text}
    </p>
  );
}

/**
 * On the registry's country profile: what the country's own CIRT instances published about
 * themselves through federation (the cirtkit team-profile extension), beside the registry's
 * own data and clearly apart from it, each with where and when it came from.
 */
export function FederationPanel({ iso3 }: { iso3: string }) {
  const { can } = useAuth();
  const allowed = can('exchange.read');
  const ready = useExchangeStrings();
  const { t } = useTranslation('exchange');
  const profiles = useResource(
    () => (allowed ? listReceivedProfiles(iso3) : Promise.resolve(null)),
    [allowed, iso3],
  );
  const list = (profiles.data ?? []).filter((p) => p.profile.country === iso3);
  if (!ready || list.length === 0) return null;
  return (
    <section
      aria-labelledby="federation-heading"
      className="profile-section"
      data-testid="federation-panel"
    >
      <h2 id="federation-heading" className="section-title">
        {t('common.federation.title')}
      </h2>
      <p className="muted">{t('common.federation.intro')}</p>
      {list.map((p) => (
        <article key={p.identityId} className="federation-profile" data-team={p.name}>
          <h3 className="federation-profile__name">{p.name}</h3>
          <dl className="federation-profile__facts">
            <dt>{t('common.federation.teamType')}</dt>
            <dd>{t(`common.federation.teamTypes.${p.profile.team_type}`)}</dd>
            <dt>{t('common.federation.status')}</dt>
            <dd>{t(`common.federation.statuses.${p.profile.status}`)}</dd>
            {p.profile.established ? (
              <>
                <dt>{t('common.federation.established')}</dt>
                <dd>{p.profile.established}</dd>
              </>
            ) : null}
            {p.profile.maturity ? (
              <>
                <dt>{t('common.federation.maturity')}</dt>
                <dd>
                  {t('common.federation.maturityValue', {
                    tier: t(`common.federation.tiers.${p.profile.maturity.tier}`),
                    date: p.profile.maturity.assessed_on,
                  })}
                </dd>
              </>
            ) : null}
            {p.profile.services.length > 0 ? (
              <>
                <dt>{t('common.federation.services')}</dt>
                <dd>{p.profile.services.length}</dd>
              </>
            ) : null}
            {p.profile.rfc2350_url ? (
              <>
                <dt>{t('common.federation.rfc2350')}</dt>
                <dd>
                  <a href={p.profile.rfc2350_url} dir="ltr" rel="noreferrer">
                    {p.profile.rfc2350_url}
                  </a>
                </dd>
              </>
            ) : null}
            {p.profile.indicators.map((indicator) => (
              <div key={indicator.id} className="federation-profile__indicator">
                <dt dir="ltr">{indicator.id}</dt>
                <dd>
                  {String(indicator.value)}{' '}
                  <span className="muted">
                    {t('common.federation.asOf', { date: indicator.as_of })}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
          <Signature profile={p} />
          <p className="federation-profile__source">{t('common.federation.source')}</p>
          <Provenance profile={p} />
        </article>
      ))}
    </section>
  );
}
