import { memo, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { describeError } from '../../app/errors';
import { useResource } from '../../app/useResource';
import { Alert, Loading } from '../../ui';
import { nextStop, type MapStop } from './mapKeyboard';
import { MapTooltip, type TooltipAt } from './MapTooltip';
import type { CountryItem, CountryStatus } from './types';
import {
  loadWorldGeometry,
  mapWidth,
  type CountryShape,
  type WorldGeometry,
} from './worldGeometry';

interface WorldMapProps {
  items: CountryItem[];
  /** Codes of the countries the filters keep; the others are drawn faint. */
  matched: ReadonlySet<string>;
  onOpen(iso3: string): void;
}

/*
 * Accessibility: the table under the map is the full accessible equivalent (same countries,
 * same facts, sortable). The map is a convenience on top of it, usable by keyboard without
 * costing 200 tab stops: it is one stop (roving tabindex). Arrow keys move to the nearest
 * country in that direction, Enter opens its profile, and each country is a link with a name
 * that says its status and teams, so a screen reader on the map hears what a sighted user sees.
 * Countries outside the filters are drawn faint and left out of the keyboard path.
 */
export function WorldMap({ items, matched, onOpen }: WorldMapProps) {
  const { t } = useTranslation();
  const geometry = useResource(loadWorldGeometry, []);
  const frame = useRef<HTMLDivElement>(null);
  const [tooltip, setTooltip] = useState<TooltipAt | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const patternId = useId().replace(/:/g, '');

  const byNumeric = useMemo(() => new Map(items.map((item) => [item.numeric, item])), [items]);
  const byIso3 = useMemo(() => new Map(items.map((item) => [item.iso3, item])), [items]);
  const stops = useMemo<MapStop[]>(() => {
    if (!geometry.data) return [];
    return [...geometry.data.countries, ...geometry.data.dots]
      .flatMap((shape) => {
        const item = byNumeric.get(shape.numeric);
        return item && matched.has(item.iso3) ? [{ iso3: item.iso3, x: shape.x, y: shape.y }] : [];
      })
      .sort((a, b) => a.x - b.x);
  }, [geometry.data, byNumeric, matched]);
  const tabStop = active && stops.some((s) => s.iso3 === active) ? active : stops[0]?.iso3;

  if (geometry.status === 'failed') {
    return <Alert tone="error" title={describeError(t, geometry.error).message} />;
  }
  const world = geometry.data;
  if (!world) return <Loading />;

  const showAtShape = (iso3: string) => {
    const stop = stops.find((s) => s.iso3 === iso3);
    const width = frame.current?.clientWidth ?? mapWidth;
    const scale = width / mapWidth;
    if (stop) setTooltip({ iso3, x: stop.x * scale, y: stop.y * scale, width });
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const iso3 = (event.target as Element).getAttribute('data-iso3');
    const box = frame.current?.getBoundingClientRect();
    if (!iso3 || !box) return setTooltip(null);
    setTooltip({ iso3, x: event.clientX - box.left, y: event.clientY - box.top, width: box.width });
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const iso3 = (event.target as Element).getAttribute('data-iso3');
    if (!iso3) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(iso3);
    } else if (event.key === 'Escape') {
      setTooltip(null);
    } else {
      const next = nextStop(stops, iso3, event.key);
      if (!next) return;
      event.preventDefault();
      setActive(next.iso3);
      frame.current?.querySelector<SVGElement>(`[data-iso3="${next.iso3}"]`)?.focus();
    }
  };
  const hovered = tooltip ? byIso3.get(tooltip.iso3) : undefined;
  const highlighted = tooltip ? shapeOf(world, hovered) : undefined;

  return (
    <figure className="world-map">
      <div className="world-map__frame" ref={frame} onPointerLeave={() => setTooltip(null)}>
        <svg
          className="world-map__svg"
          viewBox={`0 0 ${mapWidth} ${world.height}`}
          role="group"
          aria-label={t('registry.world.mapLabel')}
          aria-describedby="world-map-help"
          data-testid="registry-map"
          onPointerMove={onPointerMove}
          onKeyDown={onKeyDown}
          onClick={(event) => {
            const iso3 = (event.target as Element).getAttribute('data-iso3');
            if (iso3) onOpen(iso3);
          }}
          onFocus={(event) => {
            const iso3 = (event.target as Element).getAttribute('data-iso3');
            if (iso3) showAtShape(iso3);
          }}
          onBlur={() => setTooltip(null)}
        >
          <Patterns id={patternId} />
          <path className="map-land" d={world.background} aria-hidden="true" />
          <Countries
            world={world}
            byNumeric={byNumeric}
            matched={matched}
            tabStop={tabStop}
            patternId={patternId}
            t={t}
          />
          {highlighted ? <Highlight shape={highlighted} /> : null}
        </svg>
        {tooltip && hovered ? (
          <MapTooltip at={tooltip} item={hovered} matched={matched.has(hovered.iso3)} />
        ) : null}
      </div>
      <figcaption id="world-map-help" className="world-map__help">
        {t('registry.world.mapHelp')}
      </figcaption>
    </figure>
  );
}

function shapeOf(world: WorldGeometry, item: CountryItem | undefined) {
  if (!item) return undefined;
  const match = (shape: CountryShape) => shape.numeric === item.numeric;
  return world.countries.find(match) ?? world.dots.find(match);
}

const dotRadius = 3.5;

function Highlight({ shape }: { shape: CountryShape }) {
  return shape.d ? (
    <path className="map-highlight" d={shape.d} aria-hidden="true" />
  ) : (
    <circle
      className="map-highlight"
      cx={shape.x}
      cy={shape.y}
      r={dotRadius + 1.5}
      aria-hidden="true"
    />
  );
}

function fillOf(status: CountryStatus, patternId: string): string {
  if (status === 'government_or_sectoral') return `url(#${patternId}-dots)`;
  if (status === 'unknown') return `url(#${patternId}-hatch)`;
  return `var(--map-${status})`;
}

interface CountriesProps {
  world: WorldGeometry;
  byNumeric: Map<number, CountryItem>;
  matched: ReadonlySet<string>;
  tabStop: string | undefined;
  patternId: string;
  t: TFunction;
}

/** The country shapes; memoised so that moving the pointer redraws only the tooltip. */
const Countries = memo(function Countries(props: CountriesProps) {
  const { world, byNumeric, matched, tabStop, patternId, t } = props;
  const draw = (shape: CountryShape) => {
    const item = byNumeric.get(shape.numeric);
    if (!item) {
      return shape.d ? (
        <path key={shape.numeric} className="map-land" d={shape.d} aria-hidden="true" />
      ) : null;
    }
    const inFilter = matched.has(item.iso3);
    const teams = item.teams.map((team) => team.name).join(', ') || t('registry.world.noTeam');
    const common = {
      'data-iso3': item.iso3,
      className: `map-country map-country--${item.status}${inFilter ? '' : ' map-country--out'}`,
      style: inFilter ? { fill: fillOf(item.status, patternId) } : undefined,
      ...(inFilter
        ? {
            role: 'link',
            tabIndex: item.iso3 === tabStop ? 0 : -1,
            'aria-label': t('registry.world.countryLabel', {
              name: item.name,
              status: t(`registry.status.${item.status}`),
              teams,
            }),
          }
        : { 'aria-hidden': true }),
    };
    return shape.d ? (
      <path key={item.iso3} {...common} d={shape.d} />
    ) : (
      <circle key={item.iso3} {...common} cx={shape.x} cy={shape.y} r={dotRadius} />
    );
  };
  return (
    <>
      <g className="map-countries">{world.countries.map(draw)}</g>
      <g className="map-dots">{world.dots.map(draw)}</g>
    </>
  );
});

/** Dotted (government or sectoral CIRT only) and hatched (unknown) fills. */
function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-dots`} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" style={{ fill: 'var(--map-government_or_sectoral)' }} />
        <circle cx="2" cy="2" r="0.9" style={{ fill: 'var(--map-dots)' }} />
      </pattern>
      <pattern
        id={`${id}-hatch`}
        width="4"
        height="4"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="4" height="4" style={{ fill: 'var(--map-unknown)' }} />
        <line
          x1="0"
          y1="0"
          x2="0"
          y2="4"
          style={{ stroke: 'var(--map-hatch)' }}
          strokeWidth="1.2"
        />
      </pattern>
    </defs>
  );
}
