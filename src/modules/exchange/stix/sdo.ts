/**
 * The STIX Domain Objects the exchange module produces or accepts (specification section 4):
 * grouping, identity, incident, indicator, malware, note, opinion, report, vulnerability.
 */
import { z } from 'zod';
import { list, killChainPhaseSchema, ordered, sdoCommonShape, stixObject } from './common.js';
import { identifierSchema, refSchema } from './identifier.js';
import { timestampSchema } from './timestamp.js';
import {
  closedVocab,
  groupingContextOv,
  identityClassOv,
  implementationLanguageOv,
  indicatorTypeOv,
  industrySectorOv,
  malwareTypeOv,
  openVocab,
  opinionEnum,
  patternTypeOv,
  processorArchitectureOv,
  reportTypeOv,
} from './vocab.js';

const objectRefs = list(identifierSchema);

/** Section 4.7. The pattern grammar is checked by an injected checker (see schemas.ts). */
export const indicatorSchema = stixObject(
  {
    ...sdoCommonShape('indicator'),
    name: z.string().optional(),
    description: z.string().optional(),
    indicator_types: list(openVocab(indicatorTypeOv)).optional(),
    pattern: z.string().min(1, { error: 'must not be empty' }),
    pattern_type: openVocab(patternTypeOv),
    pattern_version: z.string().optional(),
    valid_from: timestampSchema,
    valid_until: timestampSchema.optional(),
    kill_chain_phases: list(killChainPhaseSchema).optional(),
  },
  ordered('created', 'modified'),
  ordered('valid_from', 'valid_until', true),
);

/** Section 4.10: a family needs a name. */
export const malwareSchema = stixObject(
  {
    ...sdoCommonShape('malware'),
    name: z.string().optional(),
    description: z.string().optional(),
    malware_types: list(openVocab(malwareTypeOv)).optional(),
    is_family: z.boolean(),
    aliases: list(z.string()).optional(),
    kill_chain_phases: list(killChainPhaseSchema).optional(),
    first_seen: timestampSchema.optional(),
    last_seen: timestampSchema.optional(),
    operating_system_refs: list(refSchema(['software'])).optional(),
    architecture_execution_envs: list(openVocab(processorArchitectureOv)).optional(),
    implementation_languages: list(openVocab(implementationLanguageOv)).optional(),
    capabilities: list(z.string()).optional(),
    sample_refs: list(refSchema(['file', 'artifact'])).optional(),
  },
  ordered('created', 'modified'),
  ordered('first_seen', 'last_seen'),
  (malware, report) => {
    if (malware.is_family === true && malware.name === undefined)
      report(['name'], 'is required when is_family is true');
  },
);

/** Section 4.19. A CVE goes in external_references with source_name "cve". */
export const vulnerabilitySchema = stixObject(
  {
    ...sdoCommonShape('vulnerability'),
    name: z.string().min(1, { error: 'must not be empty' }),
    description: z.string().optional(),
  },
  ordered('created', 'modified'),
);

/** Section 4.17. */
export const reportSchema = stixObject(
  {
    ...sdoCommonShape('report'),
    name: z.string().min(1, { error: 'must not be empty' }),
    description: z.string().optional(),
    report_types: list(openVocab(reportTypeOv)).optional(),
    published: timestampSchema,
    object_refs: objectRefs,
  },
  ordered('created', 'modified'),
);

/** Section 4.13. */
export const noteSchema = stixObject(
  {
    ...sdoCommonShape('note'),
    abstract: z.string().optional(),
    content: z.string().min(1, { error: 'must not be empty' }),
    authors: list(z.string()).optional(),
    object_refs: objectRefs,
  },
  ordered('created', 'modified'),
);

/** Section 4.15: the opinion is a closed vocabulary. */
export const opinionSchema = stixObject(
  {
    ...sdoCommonShape('opinion'),
    explanation: z.string().optional(),
    authors: list(z.string()).optional(),
    opinion: closedVocab(opinionEnum),
    object_refs: objectRefs,
  },
  ordered('created', 'modified'),
);

/** Section 4.5: teams, constituents and the people in them. */
export const identitySchema = stixObject(
  {
    ...sdoCommonShape('identity'),
    name: z.string().min(1, { error: 'must not be empty' }),
    description: z.string().optional(),
    roles: list(z.string()).optional(),
    identity_class: openVocab(identityClassOv).optional(),
    sectors: list(openVocab(industrySectorOv)).optional(),
    contact_information: z.string().optional(),
  },
  ordered('created', 'modified'),
);

/** Section 4.6 (a stub in 2.1, extended by extension definitions). */
export const incidentSchema = stixObject(
  {
    ...sdoCommonShape('incident'),
    name: z.string().min(1, { error: 'must not be empty' }),
    description: z.string().optional(),
    kill_chain_phases: list(killChainPhaseSchema).optional(),
  },
  ordered('created', 'modified'),
);

/** Section 4.4. */
export const groupingSchema = stixObject(
  {
    ...sdoCommonShape('grouping'),
    name: z.string().optional(),
    description: z.string().optional(),
    context: openVocab(groupingContextOv),
    object_refs: objectRefs,
  },
  ordered('created', 'modified'),
);

export type Indicator = z.infer<typeof indicatorSchema>;
export type Malware = z.infer<typeof malwareSchema>;
export type Vulnerability = z.infer<typeof vulnerabilitySchema>;
export type Report = z.infer<typeof reportSchema>;
export type Note = z.infer<typeof noteSchema>;
export type Opinion = z.infer<typeof opinionSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type Grouping = z.infer<typeof groupingSchema>;
