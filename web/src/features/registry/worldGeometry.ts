import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import smallStates from './small-states.json';

/**
 * The world map's shapes, projected once. This module and the topology it loads are imported
 * dynamically by the map, so neither weighs on the login page or on the other registry pages.
 */
export const mapWidth = 960;

export interface CountryShape {
  /** ISO 3166-1 numeric code, as the API's `numeric`. */
  numeric: number;
  /** SVG path data; absent for states drawn as a dot. */
  d?: string;
  /** Where its label, tooltip and dot go, in map coordinates. */
  x: number;
  y: number;
}

export interface WorldGeometry {
  height: number;
  /** Land with no ISO code in the atlas (e.g. Kosovo): drawn as background only. */
  background: string;
  countries: CountryShape[];
  /** States too small for the 110m map, drawn as circles at their centroid. */
  dots: CountryShape[];
}

const antarctica = 10;
let cached: Promise<WorldGeometry> | null = null;

export function loadWorldGeometry(): Promise<WorldGeometry> {
  cached ??= import('world-atlas/countries-110m.json').then((module) =>
    build(module.default as unknown as Topology<{ countries: GeometryCollection }>),
  );
  return cached;
}

function build(topology: Topology<{ countries: GeometryCollection }>): WorldGeometry {
  const all = feature(topology, topology.objects.countries).features.filter(
    (f) => Number(f.id) !== antarctica,
  );
  const world = { type: 'FeatureCollection' as const, features: all };
  const projection = geoEqualEarth().fitWidth(mapWidth, world);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(world);
  projection.translate([projection.translate()[0], projection.translate()[1] - top + 2]);
  const height = Math.ceil(bottom - top) + 4;

  const countries: CountryShape[] = [];
  const background: string[] = [];
  for (const shape of all) {
    const d = path(shape) ?? '';
    if (shape.id === undefined) {
      background.push(d);
      continue;
    }
    const [x, y] = path.centroid(shape);
    countries.push({ numeric: Number(shape.id), d, x, y });
  }
  const dots = smallStates.flatMap(({ numeric, lon, lat }) => {
    const point = projection([lon, lat]);
    return point ? [{ numeric, x: point[0], y: point[1] }] : [];
  });
  return { height, background: background.join(''), countries, dots };
}
