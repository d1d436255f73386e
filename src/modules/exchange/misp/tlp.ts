import { tlpLevels, type Tlp } from '../stix/marking-ids.js';

/** `tlp:` machine tags as MISP writes them (TLP 1.0 WHITE read as CLEAR). */
export function tlpOfTags(tags: readonly { name: string }[]): Tlp | undefined {
  let found: Tlp | undefined;
  for (const { name } of tags) {
    const match = /^tlp:(clear|white|green|amber\+strict|amber|red)$/i.exec(name.trim());
    if (!match) continue;
    const word = match[1]!.toLowerCase();
    const level: Tlp = word === 'white' ? 'clear' : (word as Tlp);
    if (found === undefined || tlpLevels.indexOf(level) > tlpLevels.indexOf(found)) found = level;
  }
  return found;
}

/**
 * MISP's distribution levels as TLP, when no `tlp:` tag says: 0 your organisation only →
 * AMBER+STRICT, 1 this community → AMBER, 2 connected communities → GREEN, 3 all → CLEAR,
 * 4 a sharing group → AMBER; 5 (inherit the event's) → undefined.
 */
export function tlpOfDistribution(distribution: number | undefined): Tlp | undefined {
  switch (distribution) {
    case 0:
      return 'amber+strict';
    case 1:
    case 4:
      return 'amber';
    case 2:
      return 'green';
    case 3:
      return 'clear';
    default:
      return undefined;
  }
}

/** The distribution MISP should give information at this TLP. */
export function distributionOfTlp(tlp: Tlp): number {
  return { clear: 3, green: 2, amber: 1, 'amber+strict': 0, red: 0 }[tlp];
}
