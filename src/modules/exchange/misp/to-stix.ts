import { isIPv4, isIPv6 } from 'node:net';
import { checkPattern } from '../pattern/index.js';
import { tlp2MarkingIds, type Tlp } from '../stix/marking-ids.js';
import { parseStixObject } from '../stix/parse.js';
import { stricterTlp } from '../stix/markings.js';
import { withScoId } from '../stix/sco-id.js';
import type { MispAttribute, MispEvent } from './schema.js';
import { tlpOfDistribution, tlpOfTags } from './tlp.js';

export interface Skipped {
  uuid: string;
  type: string;
  reason: string;
}

type Obj = Record<string, unknown> & { type: string; id: string };

const hashNames: Record<string, string> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
};

const iso = (epoch: number) => new Date(epoch * 1000).toISOString();
/** A string literal of the STIX patterning language. */
const quoted = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

interface Observed {
  sco: Record<string, unknown> & { type: string };
  /** The comparison an indicator tests. */
  pattern: string;
}

/** What a MISP attribute observes, as a STIX observable and a pattern; or why not. */
export function observedOf(type: string, value: string): Observed | string {
  const v = value.trim();
  const ip = (text: string): Observed | string => {
    const address = text.split('/')[0] ?? '';
    const kind = isIPv4(address) ? 'ipv4-addr' : isIPv6(address) ? 'ipv6-addr' : undefined;
    if (!kind) return `"${text}" is not an IP address`;
    return { sco: { type: kind, value: text }, pattern: `[${kind}:value = ${quoted(text)}]` };
  };
  switch (type) {
    case 'ip-src':
    case 'ip-dst':
      return ip(v);
    case 'ip-src|port':
    case 'ip-dst|port':
      return ip(v.split('|')[0] ?? '');
    case 'domain':
    case 'hostname':
      return {
        sco: { type: 'domain-name', value: v.toLowerCase() },
        pattern: `[domain-name:value = ${quoted(v.toLowerCase())}]`,
      };
    case 'url':
      return { sco: { type: 'url', value: v }, pattern: `[url:value = ${quoted(v)}]` };
    case 'email':
    case 'email-src':
    case 'email-dst':
      return {
        sco: { type: 'email-addr', value: v },
        pattern: `[email-addr:value = ${quoted(v)}]`,
      };
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512': {
      const name = hashNames[type]!;
      return {
        sco: { type: 'file', hashes: { [name]: v.toLowerCase() } },
        pattern: `[file:hashes.${quoted(name)} = ${quoted(v.toLowerCase())}]`,
      };
    }
    case 'filename':
      return { sco: { type: 'file', name: v }, pattern: `[file:name = ${quoted(v)}]` };
    case 'AS': {
      const n = /^(?:AS)?(\d{1,10})$/i.exec(v);
      if (!n || Number(n[1]) > 4_294_967_295) return `"${v}" is not an AS number`;
      return {
        sco: { type: 'autonomous-system', number: Number(n[1]) },
        pattern: `[autonomous-system:number = ${Number(n[1])}]`,
      };
    }
    default: {
      const composite = /^filename\|(md5|sha1|sha256|sha512)$/.exec(type);
      if (composite) {
        const [name = '', hash = ''] = v.split('|');
        const algorithm = hashNames[composite[1]!]!;
        return {
          sco: { type: 'file', name, hashes: { [algorithm]: hash.toLowerCase() } },
          pattern: `[file:name = ${quoted(name)} AND file:hashes.${quoted(algorithm)} = ${quoted(hash.toLowerCase())}]`,
        };
      }
      return `MISP attribute type ${type} has no STIX observable in cirtkit`;
    }
  }
}

export interface MispToStix {
  objects: Obj[];
  skipped: Skipped[];
}

/**
 * A MISP event as STIX 2.1: a report (name = info, the event's tags as labels, the event uuid
 * as an external reference) over an indicator for each attribute meant for detection (to_ids)
 * and an observable for each other one; CVEs as vulnerabilities. STIX ids reuse the MISP uuids
 * (observables keep their deterministic ids), so importing the same event again changes
 * nothing. TLP comes from `tlp:` tags, else from the distribution; an attribute is never less
 * strict than its event. Attributes cirtkit cannot map are listed, not fatal.
 */
export function mispToStix(event: MispEvent): MispToStix {
  const e = event.Event;
  const eventTlp = tlpOfTags(e.Tag) ?? tlpOfDistribution(e.distribution);
  const eventTime = e.timestamp ?? Math.floor(Date.parse(`${e.date}T00:00:00Z`) / 1000);
  const objects = new Map<string, Obj>();
  const skipped: Skipped[] = [];
  const marking = (tlp: Tlp | undefined) =>
    tlp ? { object_marking_refs: [tlp2MarkingIds[tlp]] } : {};

  const add = (attribute: MispAttribute) => {
    const own = tlpOfTags(attribute.Tag ?? []) ?? tlpOfDistribution(attribute.distribution);
    const tlp = own && eventTlp ? stricterTlp(own, eventTlp) : (own ?? eventTlp);
    const when = iso(attribute.timestamp ?? eventTime);
    const labels = (attribute.Tag ?? []).map((t) => t.name).filter((n) => !/^tlp:/i.test(n));
    if (attribute.type === 'vulnerability') {
      const cve = attribute.value.trim().toUpperCase();
      if (!/^CVE-\d{4}-\d{4,}$/.test(cve)) {
        skipped.push({
          uuid: attribute.uuid,
          type: attribute.type,
          reason: `"${attribute.value}" is not a CVE id`,
        });
        return;
      }
      objects.set(`vulnerability--${attribute.uuid}`, {
        type: 'vulnerability',
        spec_version: '2.1',
        id: `vulnerability--${attribute.uuid.toLowerCase()}`,
        created: when,
        modified: when,
        name: cve,
        external_references: [{ source_name: 'cve', external_id: cve }],
        ...(labels.length ? { labels } : {}),
        ...marking(tlp),
      });
      return;
    }
    const observed = observedOf(attribute.type, attribute.value);
    if (typeof observed === 'string') {
      skipped.push({ uuid: attribute.uuid, type: attribute.type, reason: observed });
      return;
    }
    if (attribute.to_ids) {
      const id = `indicator--${attribute.uuid.toLowerCase()}`;
      objects.set(id, {
        type: 'indicator',
        spec_version: '2.1',
        id,
        created: when,
        modified: when,
        name: `${attribute.type}: ${attribute.value.trim()}`,
        ...(attribute.comment ? { description: attribute.comment } : {}),
        indicator_types: ['malicious-activity'],
        pattern: observed.pattern,
        pattern_type: 'stix',
        valid_from: when,
        ...(labels.length ? { labels } : {}),
        ...marking(tlp),
      });
    } else {
      const sco = withScoId({ ...observed.sco, spec_version: '2.1', ...marking(tlp) }) as Obj;
      objects.set(sco.id, sco);
    }
  };
  for (const attribute of e.Attribute) add(attribute);
  for (const object of e.Object) for (const attribute of object.Attribute) add(attribute);
  // A value MISP accepts may not make a valid STIX object (a "domain" with spaces): say so.
  for (const [id, object] of objects) {
    const checked = parseStixObject(object, { ids: 'received', checkPattern });
    if (checked.ok) continue;
    objects.delete(id);
    skipped.push({
      uuid: id.slice(id.indexOf('--') + 2),
      type: object.type,
      reason: checked.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    });
  }

  if (objects.size === 0) return { objects: [], skipped };
  const published = iso(e.publish_timestamp ?? eventTime);
  const created = iso(Math.min(eventTime, Math.floor(Date.parse(`${e.date}T00:00:00Z`) / 1000)));
  const labels = [
    ...e.Tag.map((t) => t.name).filter((n) => !/^tlp:/i.test(n)),
    ...e.Galaxy.flatMap((g) => g.GalaxyCluster.map((c) => c.tag_name)),
  ];
  const report: Obj = {
    type: 'report',
    spec_version: '2.1',
    id: `report--${e.uuid.toLowerCase()}`,
    created,
    modified: iso(eventTime),
    name: e.info,
    report_types: ['threat-report'],
    published,
    object_refs: [...objects.keys()],
    ...(labels.length ? { labels: [...new Set(labels)] } : {}),
    external_references: [{ source_name: 'misp', external_id: e.uuid.toLowerCase() }],
    ...marking(eventTlp),
  };
  return { objects: [...objects.values(), report], skipped };
}
