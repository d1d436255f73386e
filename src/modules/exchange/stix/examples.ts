/**
 * Valid example objects of every type, modelled on the examples of the STIX 2.1 specification
 * (written for cirtkit, not copied). Tests start from one and change what they check; each
 * builder takes overrides, so no test shares a mutable object with another.
 */
import { tlp2MarkingIds } from './marking-ids.js';

type Obj = Record<string, unknown>;
/** An example object: its type, then any properties. */
export type Example = { type: string; [key: string]: unknown };

export const exampleIds = {
  identity: 'identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e',
  indicator: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  malware: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
  vulnerability: 'vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061',
  report: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
  note: 'note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061',
  opinion: 'opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7',
  incident: 'incident--7f2b3a95-6f64-4c0c-8e2a-5a3b9b4f1c11',
  grouping: 'grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
  relationship: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad',
  sighting: 'sighting--ee20065d-2555-424f-ad9e-0f8428623c75',
  location: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64',
  observedData: 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf',
  extensionDefinition: 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e',
  bundle: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
} as const;

const created = '2026-03-01T09:30:00.000Z';
const common = (type: string, id: string): Example => ({
  type,
  spec_version: '2.1',
  id,
  created_by_ref: exampleIds.identity,
  created,
  modified: created,
});

export const exampleIdentity = (o: Obj = {}): Example => ({
  ...common('identity', exampleIds.identity),
  name: 'CERT-Example',
  identity_class: 'organization',
  sectors: ['government-national'],
  contact_information: 'cert@example.org',
  ...o,
});

export const exampleIndicator = (o: Obj = {}): Example => ({
  ...common('indicator', exampleIds.indicator),
  name: 'C2 address of the campaign',
  indicator_types: ['malicious-activity'],
  pattern: "[ipv4-addr:value = '198.51.100.3']",
  pattern_type: 'stix',
  valid_from: '2026-03-01T00:00:00Z',
  valid_until: '2026-06-01T00:00:00Z',
  kill_chain_phases: [{ kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: 'c2' }],
  object_marking_refs: [tlp2MarkingIds.green],
  ...o,
});

export const exampleMalware = (o: Obj = {}): Example => ({
  ...common('malware', exampleIds.malware),
  name: 'Cryptolocker',
  is_family: true,
  malware_types: ['ransomware'],
  first_seen: '2026-01-01T00:00:00Z',
  last_seen: '2026-02-01T00:00:00Z',
  implementation_languages: ['c++'],
  ...o,
});

export const exampleVulnerability = (o: Obj = {}): Example => ({
  ...common('vulnerability', exampleIds.vulnerability),
  name: 'CVE-2021-44228',
  description: 'Remote code execution in a logging library.',
  external_references: [{ source_name: 'cve', external_id: 'CVE-2021-44228' }],
  ...o,
});

export const exampleReport = (o: Obj = {}): Example => ({
  ...common('report', exampleIds.report),
  name: 'Ransomware campaign against municipalities',
  report_types: ['threat-report'],
  published: '2026-03-02T08:00:00Z',
  object_refs: [exampleIds.indicator, exampleIds.malware, exampleIds.relationship],
  ...o,
});

export const exampleNote = (o: Obj = {}): Example => ({
  ...common('note', exampleIds.note),
  abstract: 'Seen again',
  content: 'The same address was used against two constituents this week.',
  authors: ['Analyst on duty'],
  object_refs: [exampleIds.indicator],
  ...o,
});

export const exampleOpinion = (o: Obj = {}): Example => ({
  ...common('opinion', exampleIds.opinion),
  explanation: 'Confirmed by our own sensors.',
  opinion: 'strongly-agree',
  object_refs: [exampleIds.indicator],
  ...o,
});

export const exampleIncident = (o: Obj = {}): Example => ({
  ...common('incident', exampleIds.incident),
  name: 'Ransomware at a water utility',
  description: 'Files encrypted on the billing servers.',
  ...o,
});

export const exampleGrouping = (o: Obj = {}): Example => ({
  ...common('grouping', exampleIds.grouping),
  name: 'Suspicious traffic to one address',
  context: 'suspicious-activity',
  object_refs: [exampleIds.indicator, 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4'],
  ...o,
});

export const exampleRelationship = (o: Obj = {}): Example => ({
  ...common('relationship', exampleIds.relationship),
  relationship_type: 'indicates',
  source_ref: exampleIds.indicator,
  target_ref: exampleIds.malware,
  start_time: '2026-01-01T00:00:00Z',
  stop_time: '2026-02-01T00:00:00Z',
  ...o,
});

export const exampleSighting = (o: Obj = {}): Example => ({
  ...common('sighting', exampleIds.sighting),
  first_seen: '2026-03-01T10:00:00Z',
  last_seen: '2026-03-01T12:00:00Z',
  count: 12,
  sighting_of_ref: exampleIds.indicator,
  observed_data_refs: [exampleIds.observedData],
  where_sighted_refs: [exampleIds.identity, exampleIds.location],
  ...o,
});

// SCO ids are the deterministic ones (checked against the reference implementation in sco-id.test.ts).
export const exampleIpv4 = (o: Obj = {}): Example => ({
  type: 'ipv4-addr',
  spec_version: '2.1',
  id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
  value: '198.51.100.3',
  ...o,
});

export const exampleIpv6 = (o: Obj = {}): Example => ({
  type: 'ipv6-addr',
  spec_version: '2.1',
  id: 'ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f',
  value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
  ...o,
});

export const exampleDomain = (o: Obj = {}): Example => ({
  type: 'domain-name',
  spec_version: '2.1',
  id: 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7',
  value: 'example.com',
  resolves_to_refs: ['ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4'],
  ...o,
});

export const exampleUrl = (o: Obj = {}): Example => ({
  type: 'url',
  spec_version: '2.1',
  id: 'url--47c3cf9a-5027-5bf0-997a-017c7edc7c55',
  value: 'https://example.com/research/index.html',
  ...o,
});

export const exampleEmail = (o: Obj = {}): Example => ({
  type: 'email-addr',
  spec_version: '2.1',
  id: 'email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934',
  value: 'john@example.com',
  display_name: 'John Doe',
  ...o,
});

export const exampleFile = (o: Obj = {}): Example => ({
  type: 'file',
  spec_version: '2.1',
  id: 'file--031167ef-a8b3-5ad9-8aa0-5380ff1e520c',
  hashes: {
    'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649',
    MD5: 'a92e5b2bae0b4b3a3d81c85610b95cd4',
    'SHA-1': '5374e08903744ceeaedd8f5e1bfc06b2c4688e76',
  },
  name: 'a92e5b2bae.exe',
  size: 77312,
  ...o,
});

export const exampleAutonomousSystem = (o: Obj = {}): Example => ({
  type: 'autonomous-system',
  spec_version: '2.1',
  id: 'autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff',
  number: 15139,
  name: 'Example Networks',
  rir: 'ARIN',
  ...o,
});

export const exampleExtensionDefinition = (o: Obj = {}): Example => ({
  ...common('extension-definition', exampleIds.extensionDefinition),
  name: 'National CIRT profile',
  description: 'Facts a national CIRT publishes about itself.',
  schema: 'https://example.org/schemas/national-cirt.json',
  version: '1.0.0',
  extension_types: ['property-extension'],
  ...o,
});

export const exampleStatementMarking = (o: Obj = {}): Example => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id: 'marking-definition--d81f86b9-975b-4c0b-875e-810c5ad45a4f',
  created: '2026-01-01T00:00:00.000Z',
  name: 'Copyright CERT-Example',
  definition_type: 'statement',
  definition: { statement: 'Copyright 2026, CERT-Example' },
  ...o,
});

/** One of each type, all valid together. */
export const everyExample = (): Example[] => [
  exampleIdentity(),
  exampleIndicator(),
  exampleMalware(),
  exampleVulnerability(),
  exampleReport(),
  exampleNote(),
  exampleOpinion(),
  exampleIncident(),
  exampleGrouping(),
  exampleRelationship(),
  exampleSighting(),
  exampleIpv4(),
  exampleIpv6(),
  exampleDomain(),
  exampleUrl(),
  exampleEmail(),
  exampleFile(),
  exampleAutonomousSystem(),
  exampleExtensionDefinition(),
  exampleStatementMarking(),
];
