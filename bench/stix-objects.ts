/** Mixed STIX objects of realistic sizes for the exchange benchmarks, from a fixed seed. */
import { tlp2MarkingIds } from '../src/modules/exchange/stix/marking-ids.js';
import type { StixObject } from '../src/modules/exchange/stix/schemas.js';

// A small deterministic generator (xorshift32).
let seed = 0x1234567;
export const random = (n: number) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uuid = (n: number) => `${hex(random(2 ** 32), 8)}-0000-4000-8000-${hex(n, 12)}`;
const tlps = [tlp2MarkingIds.clear, tlp2MarkingIds.green, tlp2MarkingIds.amber] as const;

/** Mixed objects of realistic sizes: indicators (some in several versions), observables, identities. */
export function makeObject(n: number, at: string): StixObject {
  const kind = random(10);
  const marking = { object_marking_refs: [tlps[random(3)]!] };
  if (kind < 5)
    return {
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${uuid(n)}`,
      created: at,
      modified: at,
      name: `Malicious host ${n}`,
      description: `Seen in phishing campaign ${random(1000)} against the constituency; block and report hits to the CIRT.`,
      indicator_types: ['malicious-activity'],
      pattern: `[ipv4-addr:value = '198.51.${random(256)}.${random(256)}'] OR [domain-name:value = 'host${n}.example.org']`,
      pattern_type: 'stix',
      valid_from: at,
      labels: ['phishing'],
      ...marking,
    };
  if (kind < 9)
    return {
      type: 'ipv4-addr',
      spec_version: '2.1',
      id: `ipv4-addr--${uuid(n)}`,
      value: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      ...marking,
    };
  return {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuid(n)}`,
    created: at,
    modified: at,
    name: `Constituent ${n}`,
    identity_class: 'organization',
    sectors: ['government-national'],
    ...marking,
  };
}
