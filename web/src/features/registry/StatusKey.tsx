import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { statuses, type CountryStatus } from './types';

/**
 * A status as a swatch plus its name. The swatch repeats the map's fill and pattern (solid,
 * dotted, plain, hatched), so the map, its legend and the table read the same; the word carries
 * the meaning for everyone.
 */
export function StatusKey({ status }: { status: CountryStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-key">
      <span className={`status-swatch status-swatch--${status}`} aria-hidden="true" />
      {t(`registry.status.${status}`)}
    </span>
  );
}

export function MapLegend({ counts }: { counts?: Record<CountryStatus, number> }) {
  const { t } = useTranslation();
  return (
    <div className="map-legend">
      <p className="map-legend__title" id="map-legend-title">
        {t('registry.world.legend')}
      </p>
      <ul className="map-legend__list" aria-labelledby="map-legend-title">
        {statuses.map((status) => (
          <li key={status} className="map-legend__item">
            <StatusKey status={status} />
            {counts ? (
              <span className="map-legend__count">{formatNumber(counts[status])}</span>
            ) : null}
          </li>
        ))}
        <li className="map-legend__item">
          <span className="status-key">
            <span className="status-swatch status-swatch--filtered" aria-hidden="true" />
            {t('registry.world.filteredOut')}
          </span>
        </li>
        <li className="map-legend__item">
          <span className="status-key">
            <span className="status-swatch status-swatch--dot" aria-hidden="true" />
            {t('registry.world.smallState')}
          </span>
        </li>
      </ul>
    </div>
  );
}
