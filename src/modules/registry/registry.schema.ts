import { z } from 'zod';
import { isPartialDate } from './partial-date.js';

export const ituRegions = [
  'africa',
  'americas',
  'arab_states',
  'asia_pacific',
  'cis',
  'europe',
] as const;
export const organisations = ['APT', 'ASMG', 'ATU', 'CEPT', 'CITEL', 'RCC'] as const;
/** Resolution 58's footnote 1: the groups of developing countries it names first. */
export const groups = ['LDC', 'LLDC', 'SIDS', 'EIT'] as const;
export const sovereignties = ['member_state', 'observer', 'territory', 'other'] as const;
export const teamTypes = ['national', 'government', 'sectoral'] as const;
export const confidences = ['high', 'medium', 'low'] as const;
export const maturityTiers = ['basic', 'intermediate', 'advanced'] as const;
export const accreditationBodies = ['FIRST', 'TI'] as const;
export const countryStatuses = ['national', 'government_or_sectoral', 'none', 'unknown'] as const;

export const iso3Schema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as KEN');
export const partialDateSchema = z
  .string()
  .refine(isPartialDate, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');
export const daySchema = z.iso.date('must be a date as YYYY-MM-DD');
export const confidenceSchema = z.enum(confidences);

export type ItuRegion = (typeof ituRegions)[number];
export type Organisation = (typeof organisations)[number];
export type Group = (typeof groups)[number];
export type TeamType = (typeof teamTypes)[number];
export type Confidence = (typeof confidences)[number];
export type MaturityTier = (typeof maturityTiers)[number];
export type CountryStatus = (typeof countryStatuses)[number];

/** A country or territory as shipped in data/registry/countries.csv. */
export const countrySchema = z.object({
  iso3: iso3Schema,
  iso2: z.string().regex(/^[A-Z]{2}$/),
  numeric: z.number().int().min(0).max(999),
  m49: z.number().int().min(0).max(999).nullable(),
  ituMember: z.boolean(),
  ituRegion: z.enum(ituRegions).nullable(),
  organisations: z.array(z.enum(organisations)),
  sovereignty: z.enum(sovereignties),
  notes: z.string(),
});
export type Country = z.infer<typeof countrySchema>;

export const groupMembershipSchema = z.object({
  iso3: iso3Schema,
  group: z.enum(groups),
  from: partialDateSchema.nullable(),
  to: partialDateSchema.nullable(),
  source: z.string().min(1),
  confidence: confidenceSchema,
});
export type GroupMembership = z.infer<typeof groupMembershipSchema>;

export const sourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string(),
  url: z.string(),
  date: z.string(),
  licence: z.string(),
  notes: z.string(),
});
export type Source = z.infer<typeof sourceSchema>;

export const assessmentSchema = z.object({
  iso3: iso3Schema,
  year: z.number().int().min(1990).max(2100).nullable(),
  source: z.string().min(1),
  confidence: confidenceSchema,
});
export type ReadinessAssessment = z.infer<typeof assessmentSchema>;

/** Where a fact comes from: a source of the shipped data, or one a coordinator cites. */
export const citationSchema = z.strictObject({
  sourceId: z.string().max(100).optional(),
  title: z.string().trim().max(300).optional(),
  url: z.url('must be a URL').max(2000).optional(),
});
export type Citation = z.infer<typeof citationSchema>;

/**
 * One dated fact about a team. Facts are never edited: a correction is a new fact, and a wrong
 * fact is retracted with a reason, so the registry always shows how it came to say what it says.
 */
export const teamEventValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('established') }),
  z.object({ kind: z.literal('observed') }),
  z.object({ kind: z.literal('closed') }),
  z.object({ kind: z.literal('renamed'), name: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('type'), type: z.enum(teamTypes) }),
  z.object({ kind: z.literal('maturity'), tier: z.enum(maturityTiers) }),
  z.object({
    kind: z.literal('accreditation'),
    body: z.enum(accreditationBodies),
    status: z.enum(['member', 'listed', 'accredited', 'certified', 'withdrawn']),
  }),
]);
export type TeamEventValue = z.infer<typeof teamEventValueSchema>;
export type TeamEventKind = TeamEventValue['kind'];

export interface TeamEvent {
  id: string;
  teamId: string;
  date: string;
  value: TeamEventValue;
  citation: Citation;
  confidence: Confidence;
  note: string;
  recordedAt: string;
  recordedBy: string;
  retracted: { at: string; by: string; reason: string } | null;
}

export interface Team {
  id: string;
  iso3: string;
  /** The name the team was first recorded with; later names are `renamed` events. */
  name: string;
  type: TeamType;
  events: TeamEvent[];
}
