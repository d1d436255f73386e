import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../app/format';
import { Table } from '../../ui';
import { FactorSwatch } from './ContributionBar';
import { formatDecimal, formatPercent } from './format';
import type { CountryProfile } from './types';

/** Where the country stands in the "where needed" ranking, and why. */
export function NeedSection({ need }: { need: CountryProfile['need'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="need-heading" className="profile-section">
      <h2 id="need-heading" className="section-title">
        {t('registry.profile.needTitle')}
      </h2>
      {need ? (
        <>
          <p>
            {t('registry.profile.needRank', {
              rank: formatNumber(need.rank),
              score: formatDecimal(need.score),
            })}{' '}
            <Link to="/registry/needs">{t('registry.profile.needLink')}</Link>
          </p>
          <Table
            caption={t('registry.profile.needCaption')}
            columns={[
              { key: 'factor', label: t('registry.needs.columns.factor') },
              { key: 'value', label: t('registry.needs.columns.value') },
              { key: 'points', label: t('registry.needs.columns.points') },
            ]}
          >
            {need.contributions.map((c) => (
              <tr key={c.factor}>
                <th scope="row">
                  <FactorSwatch factor={c.factor} /> {t(`registry.factor.${c.factor}.name`)}
                  <span className="cell__note">{t(`registry.factor.${c.factor}.description`)}</span>
                </th>
                <td className="cell--number">{formatPercent(c.value)}</td>
                <td className="cell--number">{formatDecimal(c.points)}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : (
        <p className="muted">{t('registry.profile.needNone')}</p>
      )}
    </section>
  );
}
