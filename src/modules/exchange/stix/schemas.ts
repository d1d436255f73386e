/**
 * One schema for every STIX object the exchange module accepts, discriminated by `type`, and
 * the bundle. Two rules depend on the caller and are added by `stixObjectSchemaFor`:
 *
 * - `ids: 'produced'` (the default) holds objects to what this instance writes: UUIDv4 in the
 *   ids of SDOs, SROs and meta objects, and in SCOs the deterministic UUIDv5 (a UUIDv4 only
 *   when no ID contributing property is present). `ids: 'received'` accepts any RFC 4122 UUID,
 *   which is all the specification requires of others (OpenCTI, for one, names SDOs by UUIDv5).
 * - `checkPattern` checks indicator patterns of pattern_type `stix` (the grammar lives in
 *   ../pattern; this module does not depend on it).
 */
import { z } from 'zod';
import { isRecord, list, stixObject, type Rule } from './common.js';
import { familyOf, parseStixId, stixIdSchema } from './identifier.js';
import { extensionDefinitionSchema, markingDefinitionSchema } from './meta.js';
import {
  autonomousSystemSchema,
  domainNameSchema,
  emailAddrSchema,
  fileSchema,
  ipv4AddrSchema,
  ipv6AddrSchema,
  urlObjectSchema,
} from './sco.js';
import { deterministicScoId } from './sco-id.js';
import {
  groupingSchema,
  identitySchema,
  incidentSchema,
  indicatorSchema,
  malwareSchema,
  noteSchema,
  opinionSchema,
  reportSchema,
  vulnerabilitySchema,
} from './sdo.js';
import { relationshipSchema, sightingSchema } from './sro.js';

export const stixSchemas = {
  grouping: groupingSchema,
  identity: identitySchema,
  incident: incidentSchema,
  indicator: indicatorSchema,
  malware: malwareSchema,
  note: noteSchema,
  opinion: opinionSchema,
  report: reportSchema,
  vulnerability: vulnerabilitySchema,
  relationship: relationshipSchema,
  sighting: sightingSchema,
  'autonomous-system': autonomousSystemSchema,
  'domain-name': domainNameSchema,
  'email-addr': emailAddrSchema,
  file: fileSchema,
  'ipv4-addr': ipv4AddrSchema,
  'ipv6-addr': ipv6AddrSchema,
  url: urlObjectSchema,
  'marking-definition': markingDefinitionSchema,
  'extension-definition': extensionDefinitionSchema,
} as const;

export type StixType = keyof typeof stixSchemas;
export const stixTypes = Object.keys(stixSchemas) as StixType[];

const union = z.discriminatedUnion('type', [
  groupingSchema,
  identitySchema,
  incidentSchema,
  indicatorSchema,
  malwareSchema,
  noteSchema,
  opinionSchema,
  reportSchema,
  vulnerabilitySchema,
  relationshipSchema,
  sightingSchema,
  autonomousSystemSchema,
  domainNameSchema,
  emailAddrSchema,
  fileSchema,
  ipv4AddrSchema,
  ipv6AddrSchema,
  urlObjectSchema,
  markingDefinitionSchema,
  extensionDefinitionSchema,
]);

export type StixObject = z.infer<typeof union>;
export type StixObjectOf<T extends StixType> = z.infer<(typeof stixSchemas)[T]>;

/** A problem the pattern checker found; `offset` counts UTF-16 units from the pattern's start. */
export interface PatternProblemLike {
  offset: number;
  message: string;
}

export interface StixParseOptions {
  /** Which identifiers to accept; see the module comment. Default `produced`. */
  ids?: 'produced' | 'received';
  /** Checks the pattern of an indicator whose pattern_type is `stix`. */
  checkPattern?: (pattern: string) => readonly PatternProblemLike[];
}

const producedIds: Rule = (object, report) => {
  if (typeof object.id !== 'string' || typeof object.type !== 'string') return;
  const parsed = parseStixId(object.id);
  if (!parsed || parsed.type !== object.type) return;
  if (familyOf(object.type) === 'sco') {
    const expected = deterministicScoId(object as { type: string });
    if (expected === undefined ? parsed.version !== 4 : expected !== object.id)
      report(
        ['id'],
        expected === undefined
          ? 'must use a UUIDv4 (no ID contributing property is present)'
          : `must be the deterministic id ${expected} (UUIDv5 of the ID contributing properties)`,
      );
  } else if (parsed.version !== 4) {
    report(['id'], `must use a UUIDv4, not a version ${parsed.version} UUID`);
  }
};

const patternRule =
  (check: NonNullable<StixParseOptions['checkPattern']>): Rule =>
  (object, report) => {
    if (object.type !== 'indicator' || object.pattern_type !== 'stix') return;
    if (typeof object.pattern !== 'string' || object.pattern === '') return;
    for (const problem of check(object.pattern)) report(['pattern'], problem.message);
  };

function withRules(rules: Rule[]) {
  if (rules.length === 0) return union;
  return union.superRefine(
    (object, ctx) => {
      for (const rule of rules)
        rule(object, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    },
    { when: (payload) => isRecord(payload.value) && typeof payload.value.type === 'string' },
  );
}

/** Every object type of this module, with the rules for what this instance produces. */
export const stixObjectSchema = withRules([producedIds]);

const cache = new Map<string, typeof stixObjectSchema>();
const patternCache = new WeakMap<object, Map<string, typeof stixObjectSchema>>();

/** The object schema for these options (built once per set of options). */
export function stixObjectSchemaFor(options: StixParseOptions = {}): typeof stixObjectSchema {
  const ids = options.ids ?? 'produced';
  const check = options.checkPattern;
  const store = check
    ? (patternCache.get(check) ?? patternCache.set(check, new Map()).get(check)!)
    : cache;
  let schema = store.get(ids);
  if (!schema) {
    const rules: Rule[] = ids === 'produced' ? [producedIds] : [];
    if (check) rules.push(patternRule(check));
    schema = withRules(rules);
    store.set(ids, schema);
  }
  return schema;
}

/** The bundle envelope (section 8); its objects are checked one by one by parseBundle. */
export const bundleEnvelopeSchema = stixObject({
  type: z.literal('bundle'),
  id: stixIdSchema('bundle'),
  objects: list(z.unknown()).optional(),
});

export const bundleSchema = stixObject({
  type: z.literal('bundle'),
  id: stixIdSchema('bundle'),
  objects: list(stixObjectSchema).optional(),
});

export type Bundle = z.infer<typeof bundleSchema>;
