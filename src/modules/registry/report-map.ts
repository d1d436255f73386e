import { createRequire } from 'node:module';
import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryStatus } from './registry.schema.js';

const require = createRequire(import.meta.url);

interface Shape {
  numeric: number;
  path: string;
}
interface Dot {
  numeric: number;
  x: number;
  y: number;
}

export const mapWidth = 960;
export const mapHeight = 470;

let cache: { shapes: Shape[]; dots: Dot[] } | undefined;

/**
 * Country outlines projected once per process (Equal Earth, 110m) and dots for the small states
 * that the 110m map leaves out (taken from the 50m map's centroids): many small island states
 * are exactly the countries Resolution 58 names, so none may be missing from the map.
 */
function geometry(): { shapes: Shape[]; dots: Dot[] } {
  if (cache) return cache;
  const load = (file: string) => {
    const topology = require(`world-atlas/${file}`) as Topology<{ countries: GeometryCollection }>;
    return feature(topology, topology.objects.countries).features;
  };
  const coarse = load('countries-110m.json');
  const projection = geoEqualEarth().fitSize([mapWidth, mapHeight], { type: 'Sphere' });
  const path = geoPath(projection);
  const shapes = coarse
    .filter((f) => f.id !== undefined)
    .map((f) => ({ numeric: Number(f.id), path: path(f as GeoPermissibleObjects) ?? '' }))
    .filter((s) => s.path !== '');
  const have = new Set(shapes.map((s) => s.numeric));
  const dots = load('countries-50m.json')
    .filter((f) => f.id !== undefined && !have.has(Number(f.id)))
    .flatMap((f) => {
      const point = projection(geoCentroid(f));
      return point
        ? [
            {
              numeric: Number(f.id),
              x: Math.round(point[0] * 10) / 10,
              y: Math.round(point[1] * 10) / 10,
            },
          ]
        : [];
    });
  cache = { shapes, dots };
  return cache;
}

export const statusColours: Record<CountryStatus, string> = {
  national: '#1f6fb2',
  government_or_sectoral: '#8ec1e8',
  none: '#e08214',
  unknown: '#d9d9d9',
};

/** The choropleth as SVG markup; `unknown` is hatched so status is not told by colour alone. */
export function mapSvg(statusByNumeric: ReadonlyMap<number, CountryStatus>, label: string): string {
  const { shapes, dots } = geometry();
  const fill = (numeric: number) => {
    const status = statusByNumeric.get(numeric);
    return status === undefined
      ? '#f2f2f2'
      : status === 'unknown'
        ? 'url(#hatch)'
        : statusColours[status];
  };
  const paths = shapes.map((s) => `<path d="${s.path}" fill="${fill(s.numeric)}"/>`).join('');
  const circles = dots
    .filter((d) => statusByNumeric.has(d.numeric))
    .map((d) => `<circle cx="${d.x}" cy="${d.y}" r="3.2" fill="${fill(d.numeric)}"/>`)
    .join('');
  return (
    `<svg viewBox="0 0 ${mapWidth} ${mapHeight}" role="img" aria-label="${label}" class="map">` +
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="4" height="4" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="4" stroke="#9a9a9a" stroke-width="1.2"/></pattern></defs>` +
    `<g stroke="#ffffff" stroke-width="0.4">${paths}</g><g stroke="#333333" stroke-width="0.5">${circles}</g></svg>`
  );
}
