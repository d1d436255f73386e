/**
 * "Share this incident": an incident as an anonymised STIX 2.1 report for peers. What leaves is
 * what an analyst of another CIRT can act on (the observables chosen, as observables and as
 * indicators; the RSIT classification; the sector; an anonymised timeline of dates and
 * statuses) and nothing that names the victim or the people involved: no incident title, no
 * reporter, no comments, no constituent, and by default no observable a constituent owns (the
 * victim's own addresses and domains).
 *
 * Pure and deterministic: the same incident, choices and time `at` give the same objects, ids
 * included (see `hashedUuidV4`), so the preview shown to the analyst is exactly
 * what the confirmation stores.
 */
import { createHash } from 'node:crypto';
import { observedOf } from '../misp/index.js';
import { tlp2MarkingIds, withScoId, type StixObject, type Tlp } from '../stix/index.js';

/**
 * A UUID in version 4 form whose 122 free bits come from SHA-256 of `name` rather than from a
 * random source. STIX 2.1 requires UUIDv4 for domain objects (section 2.9); a v4 UUID only
 * promises unpredictable bits, which a hash of the incident id, the time and the choices gives,
 * while letting the preview and the confirmation compute the same ids.
 */
export function hashedUuidV4(name: string): string {
  const bytes = createHash('sha256').update(`cirtkit-share|${name}`, 'utf8').digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ShareableIncident {
  id: string;
  rsitClass: string | null;
  rsitType: string | null;
  sector: string | null;
  severity: string | null;
  occurredAt: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  status: string;
}

export interface ShareableObservable {
  id: string;
  kind: string;
  value: string;
  /** Names of the constituents that own it (the victim's own assets), if any. */
  ownedBy: readonly string[];
}

export interface ShareChoice {
  tlp: Tlp;
  /** The report's name; the incident's title is never used (it often names the victim). */
  title: string;
  /** Free text the analyst writes for peers. */
  summary: string;
  /** Ids of the observables to include; absent: every observable no constituent owns. */
  observableIds?: readonly string[] | undefined;
  /** Also one indicator per observable (what peers' tools detect on). */
  indicators: boolean;
}

export interface LeftOut {
  observableId: string;
  value: string;
  reason: 'owned-by-constituent' | 'not-chosen' | 'not-expressible';
  detail?: string;
}

export interface IncidentReport {
  objects: StixObject[];
  reportId: string;
  leftOut: LeftOut[];
}

/** MISP attribute types standing for the incident observable kinds (to reuse one mapping). */
const mispTypeOf: Readonly<Record<string, string>> = {
  ipv4: 'ip-dst',
  ipv6: 'ip-dst',
  domain: 'domain',
  url: 'url',
  email: 'email',
  asn: 'AS',
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  file: 'filename',
};

const day = (iso: string) => iso.slice(0, 10);

/** Dates and statuses only: who did what stays home. */
export function anonymisedTimeline(
  incident: ShareableIncident,
  statusChanges: readonly { at: string; to: string }[],
): string[] {
  const lines: string[] = [];
  if (incident.occurredAt) lines.push(`${day(incident.occurredAt)}: occurred`);
  lines.push(`${day(incident.createdAt)}: reported to the CIRT`);
  if (incident.acknowledgedAt) lines.push(`${day(incident.acknowledgedAt)}: acknowledged`);
  for (const change of statusChanges) lines.push(`${day(change.at)}: status ${change.to}`);
  if (incident.resolvedAt) lines.push(`${day(incident.resolvedAt)}: resolved`);
  if (incident.closedAt) lines.push(`${day(incident.closedAt)}: closed`);
  return lines;
}

/** The objects of the shared report, in bundle order (creator, report, then what it names). */
export function incidentReport(input: {
  incident: ShareableIncident;
  observables: readonly ShareableObservable[];
  statusChanges: readonly { at: string; to: string }[];
  choice: ShareChoice;
  /** The team's STIX identity, the creator of everything shared. */
  identity: StixObject;
  /** STIX timestamp of the share: `created`, `modified`, `published`, and part of each id. */
  at: string;
}): IncidentReport {
  const { incident, choice, identity, at } = input;
  const id = (type: string, part: string) =>
    `${type}--${hashedUuidV4(`${incident.id}|${at}|${choice.tlp}|${part}`)}`;
  const common = {
    spec_version: '2.1',
    created: at,
    modified: at,
    created_by_ref: identity.id,
    object_marking_refs: [tlp2MarkingIds[choice.tlp]],
  };
  const chosen = choice.observableIds ? new Set(choice.observableIds) : undefined;
  const leftOut: LeftOut[] = [];
  const named: StixObject[] = [];
  for (const o of input.observables) {
    if (chosen ? !chosen.has(o.id) : o.ownedBy.length > 0) {
      leftOut.push({
        observableId: o.id,
        value: o.value,
        reason: chosen ? 'not-chosen' : 'owned-by-constituent',
        ...(chosen ? {} : { detail: o.ownedBy.join(', ') }),
      });
      continue;
    }
    const observed = observedOf(mispTypeOf[o.kind] ?? o.kind, o.value);
    if (typeof observed === 'string') {
      leftOut.push({
        observableId: o.id,
        value: o.value,
        reason: 'not-expressible',
        detail: observed,
      });
      continue;
    }
    const sco = withScoId({
      ...observed.sco,
      spec_version: '2.1',
      object_marking_refs: [tlp2MarkingIds[choice.tlp]],
    }) as unknown as StixObject;
    named.push(sco);
    if (choice.indicators) {
      named.push({
        type: 'indicator',
        ...common,
        id: id('indicator', `${o.kind}|${o.value}`),
        name: `${o.kind} ${o.value}`,
        indicator_types: ['malicious-activity'],
        pattern: observed.pattern,
        pattern_type: 'stix',
        valid_from: at,
      } as unknown as StixObject);
    }
  }
  const classification = [incident.rsitClass, incident.rsitType].filter(
    (x): x is string => x !== null,
  );
  const timeline = anonymisedTimeline(incident, input.statusChanges);
  const facts = [
    classification.length > 0 ? `Classification (RSIT): ${classification.join(' / ')}` : null,
    incident.sector ? `Sector: ${incident.sector}` : null,
    incident.severity ? `Severity: ${incident.severity}` : null,
    `Status: ${incident.status}`,
    '',
    'Timeline (UTC):',
    ...timeline.map((line) => `- ${line}`),
  ].filter((x): x is string => x !== null);
  const stixIncident = {
    type: 'incident',
    ...common,
    id: id('incident', 'incident'),
    name: choice.title,
    description: facts.join('\n'),
    // The RSIT machine tag as MISP writes it, so it survives a round trip through MISP.
    ...(incident.rsitClass
      ? {
          labels: [
            incident.rsitType
              ? `rsit:${incident.rsitClass}="${incident.rsitType}"`
              : `rsit:${incident.rsitClass}`,
          ],
        }
      : {}),
  } as unknown as StixObject;
  const reportId = id('report', 'report');
  const report = {
    type: 'report',
    ...common,
    id: reportId,
    name: choice.title,
    ...(choice.summary.trim() ? { description: choice.summary.trim() } : {}),
    report_types: ['threat-report'],
    published: at,
    object_refs: [stixIncident.id, ...named.map((o) => o.id)],
  } as unknown as StixObject;
  return { objects: [identity, report, stixIncident, ...named], reportId, leftOut };
}
