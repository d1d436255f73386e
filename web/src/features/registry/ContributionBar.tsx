import { useTranslation } from 'react-i18next';
import { formatDecimal } from './format';
import { needFactors, type Contribution } from './types';

interface ContributionBarProps {
  contributions: Contribution[];
  /** The largest possible score (the sum of the weights), which fills the whole bar. */
  max: number;
}

/**
 * The score as a stacked bar, one segment per factor in a fixed order and colour (the legend
 * beside the ranking names them). The bar is an image whose text alternative lists each
 * factor's points, so nothing is told by colour alone.
 */
export function ContributionBar({ contributions, max }: ContributionBarProps) {
  const { t } = useTranslation();
  const parts = contributions.filter((c) => c.points > 0);
  const label =
    parts.length === 0
      ? t('registry.needs.noPoints')
      : parts
          .map((c) =>
            t('registry.needs.factorPoints', {
              factor: t(`registry.factor.${c.factor}.name`),
              points: formatDecimal(c.points),
            }),
          )
          .join('; ');
  return (
    <span className="contribution-bar" role="img" aria-label={label}>
      {parts.map((c) => (
        <span
          key={c.factor}
          className={`contribution-bar__part factor--${needFactors.indexOf(c.factor)}`}
          style={{ inlineSize: `${max > 0 ? (100 * c.points) / max : 0}%` }}
        />
      ))}
    </span>
  );
}

export function FactorSwatch({ factor }: { factor: Contribution['factor'] }) {
  return (
    <span className={`factor-swatch factor--${needFactors.indexOf(factor)}`} aria-hidden="true" />
  );
}
