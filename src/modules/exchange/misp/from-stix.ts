import { randomUUID } from 'node:crypto';
import { tlpLevels, type Tlp } from '../stix/marking-ids.js';
import { tlpOf } from '../stix/markings.js';
import type { MispEvent } from './schema.js';
import { distributionOfTlp } from './tlp.js';

type Obj = Record<string, unknown> & { type: string; id: string };
type Attribute = MispEvent['Event']['Attribute'][number];

const mispHash: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-512': 'sha512',
};
const unquote = (s: string) => s.replace(/\\(['\\])/g, '$1');
const str = `'((?:[^'\\\\]|\\\\.)*)'`;
const single = new RegExp(
  `^\\[([a-z0-9-]+):(value|name|number|hashes\\.'([^']+)') = (?:${str}|(\\d+))\\]$`,
);
const fileAndHash = new RegExp(`^\\[file:name = ${str} AND file:hashes\\.'([^']+)' = ${str}\\]$`);

/** A simple STIX pattern (one comparison, or a file's name and hash) as a MISP type and value. */
export function attributeOfPattern(pattern: string): { type: string; value: string } | undefined {
  const both = fileAndHash.exec(pattern);
  if (both) {
    const algorithm = mispHash[both[2]!];
    return algorithm
      ? { type: `filename|${algorithm}`, value: `${unquote(both[1]!)}|${unquote(both[3]!)}` }
      : undefined;
  }
  const m = single.exec(pattern);
  if (!m) return undefined;
  const [, objectType, property, hash, text, number] = m;
  const value = text !== undefined ? unquote(text) : (number ?? '');
  if (objectType === 'ipv4-addr' || objectType === 'ipv6-addr') return { type: 'ip-dst', value };
  if (objectType === 'domain-name') return { type: 'domain', value };
  if (objectType === 'url') return { type: 'url', value };
  if (objectType === 'email-addr') return { type: 'email', value };
  if (objectType === 'autonomous-system' && property === 'number') return { type: 'AS', value };
  if (objectType === 'file' && property === 'name') return { type: 'filename', value };
  if (objectType === 'file' && hash && mispHash[hash]) return { type: mispHash[hash], value };
  return undefined;
}

function attributeOfSco(o: Obj): { type: string; value: string } | undefined {
  const value = typeof o.value === 'string' ? o.value : undefined;
  switch (o.type) {
    case 'ipv4-addr':
    case 'ipv6-addr':
      return value ? { type: 'ip-dst', value } : undefined;
    case 'domain-name':
      return value ? { type: 'domain', value } : undefined;
    case 'url':
      return value ? { type: 'url', value } : undefined;
    case 'email-addr':
      return value ? { type: 'email', value } : undefined;
    case 'autonomous-system':
      return typeof o.number === 'number' ? { type: 'AS', value: String(o.number) } : undefined;
    case 'file': {
      const hashes = (o.hashes ?? {}) as Record<string, string>;
      const [algorithm, hash] = Object.entries(hashes).find(([a]) => mispHash[a]) ?? [];
      const name = typeof o.name === 'string' ? o.name : undefined;
      if (algorithm && hash)
        return name
          ? { type: `filename|${mispHash[algorithm]}`, value: `${name}|${hash}` }
          : { type: mispHash[algorithm]!, value: hash };
      return name ? { type: 'filename', value: name } : undefined;
    }
    default:
      return undefined;
  }
}

const uuidOf = (id: string) => id.slice(id.indexOf('--') + 2);
const epoch = (t: unknown) =>
  String(Math.floor(Date.parse(typeof t === 'string' ? t : '') / 1000) || 0);
const category = (type: string) =>
  type === 'vulnerability'
    ? 'External analysis'
    : /md5|sha|filename/.test(type)
      ? 'Payload delivery'
      : 'Network activity';

/**
 * STIX objects as one MISP event: the report (if any) gives the uuid, info and tags; each
 * indicator with a simple pattern becomes an attribute for detection (to_ids), each observable
 * an attribute, each vulnerability a `vulnerability` attribute. Each attribute carries its
 * `tlp:` tag and matching distribution; the event takes the strictest level of its contents.
 */
export function stixToMisp(
  objects: readonly Obj[],
  options: { defaultTlp: Tlp; orgName: string; info?: string },
): { event: MispEvent; skipped: { id: string; reason: string }[] } {
  const report = objects.find((o) => o.type === 'report');
  const attributes: Attribute[] = [];
  const skipped: { id: string; reason: string }[] = [];
  let strictest: Tlp = 'clear';
  for (const o of objects) {
    if (o.type === 'report' || o.type === 'identity' || o.type === 'marking-definition') continue;
    let mapped: { type: string; value: string } | undefined;
    let toIds = false;
    if (o.type === 'indicator' && typeof o.pattern === 'string') {
      mapped = attributeOfPattern(o.pattern);
      toIds = true;
    } else if (o.type === 'vulnerability' && typeof o.name === 'string')
      mapped = { type: 'vulnerability', value: o.name };
    else mapped = attributeOfSco(o);
    if (!mapped) {
      skipped.push({ id: o.id, reason: `${o.type} has no MISP attribute in cirtkit` });
      continue;
    }
    const tlp = tlpOf(o, { defaultTlp: options.defaultTlp });
    if (tlpLevels.indexOf(tlp) > tlpLevels.indexOf(strictest)) strictest = tlp;
    attributes.push({
      uuid:
        o.id.includes('--') && /^[0-9a-f-]{36}$/.test(uuidOf(o.id)) ? uuidOf(o.id) : randomUUID(),
      type: mapped.type,
      category: category(mapped.type),
      value: mapped.value,
      to_ids: toIds,
      comment: typeof o.description === 'string' ? o.description : '',
      timestamp: Number(epoch(o.modified ?? o.created ?? new Date().toISOString())),
      distribution: distributionOfTlp(tlp),
      Tag: [{ name: `tlp:${tlp}` }],
    });
  }
  const labels = Array.isArray(report?.labels) ? (report.labels as string[]) : [];
  const date =
    typeof report?.published === 'string'
      ? report.published.slice(0, 10)
      : new Date().toISOString().slice(0, 10);
  const event = {
    Event: {
      uuid: report ? uuidOf(report.id) : randomUUID(),
      info: typeof report?.name === 'string' ? report.name : (options.info ?? 'Shared by cirtkit'),
      date,
      threat_level_id: 4,
      analysis: 2,
      distribution: distributionOfTlp(strictest),
      published: true,
      timestamp: Number(epoch(report?.modified ?? new Date().toISOString())),
      publish_timestamp: Number(epoch(report?.published ?? new Date().toISOString())),
      Orgc: { name: options.orgName },
      Tag: [{ name: `tlp:${strictest}` }, ...labels.map((name) => ({ name }))],
      Attribute: attributes,
      Object: [],
      Galaxy: [],
    },
  } as MispEvent;
  return { event, skipped };
}
