import { useTranslation } from 'react-i18next';
import { StatusKey } from './StatusKey';
import type { CountryItem } from './types';

export interface TooltipAt {
  iso3: string;
  /** Pixels from the map frame's left and top edges. */
  x: number;
  y: number;
  /** The frame's width then, to keep the tooltip inside it. */
  width: number;
}

interface MapTooltipProps {
  at: TooltipAt;
  item: CountryItem;
  matched: boolean;
}

/**
 * What hovering or focusing a country shows. It repeats the country's accessible name (the
 * path's aria-label), so it is hidden from screen readers. The map is geographic in every
 * language, so the tooltip is placed with physical left/top, flipped near the east edge.
 */
export function MapTooltip({ at, item, matched }: MapTooltipProps) {
  const { t } = useTranslation();
  const flip = at.x > at.width * 0.6;
  return (
    <div
      className="map-tooltip"
      aria-hidden="true"
      style={{
        left: at.x,
        top: at.y,
        transform: `translate(${flip ? 'calc(-100% - 12px)' : '12px'}, -50%)`,
      }}
    >
      <p className="map-tooltip__name">{item.name}</p>
      <StatusKey status={item.status} />
      {item.teams.length > 0 ? (
        <ul className="map-tooltip__teams">
          {item.teams.map((team) => (
            <li key={team.id}>
              {team.name}{' '}
              <span className="map-tooltip__type">{t(`registry.teamType.${team.type}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="map-tooltip__note">{t('registry.world.noTeam')}</p>
      )}
      {item.lowConfidence ? (
        <p className="map-tooltip__note">{t('registry.lowConfidence.label')}</p>
      ) : null}
      {matched ? null : <p className="map-tooltip__note">{t('registry.world.outsideFilter')}</p>}
    </div>
  );
}
