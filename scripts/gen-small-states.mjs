// Writes web/src/features/registry/small-states.json: a centroid for every country or territory
// that the 110m world map (world-atlas/countries-110m.json) leaves out because it is too small,
// so the registry's world map can still draw it as a dot. Many small island developing states
// (SIDS) are among them. Run again after upgrading world-atlas:
//   node scripts/gen-small-states.mjs
// Centroids come from the 50m map; the few places missing there too (Tuvalu, Gibraltar) from 10m.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const load = (name) => JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8'));
const features = (topology) => feature(topology, topology.objects.countries).features;

const drawn = new Set(features(load('countries-110m.json')).map((f) => f.id));
const round = (value) => Math.round(value * 100) / 100;
const out = [];

for (const file of ['countries-50m.json', 'countries-10m.json']) {
  for (const country of features(load(file))) {
    if (country.id === undefined || drawn.has(country.id)) continue;
    drawn.add(country.id);
    const [lon, lat] = geoCentroid(country);
    out.push({ numeric: Number(country.id), lon: round(lon), lat: round(lat) });
  }
}

out.sort((a, b) => a.numeric - b.numeric);
const target = new URL('../web/src/features/registry/small-states.json', import.meta.url);
writeFileSync(
  target,
  `[\n${out.map((row) => `  { "numeric": ${row.numeric}, "lon": ${row.lon}, "lat": ${row.lat} }`).join(',\n')}\n]\n`,
);
console.log(`small states: ${out.length} written to ${target.pathname}`);
