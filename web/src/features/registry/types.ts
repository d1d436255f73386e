/**
 * Shapes of the registry API (src/modules/registry): keep them in step with registry.routes.ts
 * and profile.ts when the API changes.
 */
export const ituRegions = [
  'africa',
  'americas',
  'arab_states',
  'asia_pacific',
  'cis',
  'europe',
] as const;
export const organisations = ['APT', 'ASMG', 'ATU', 'CEPT', 'CITEL', 'RCC'] as const;
export const groups = ['LDC', 'LLDC', 'SIDS', 'EIT'] as const;
export const statuses = ['national', 'government_or_sectoral', 'none', 'unknown'] as const;
export const teamTypes = ['national', 'government', 'sectoral'] as const;
export const confidences = ['high', 'medium', 'low'] as const;
export const maturityTiers = ['basic', 'intermediate', 'advanced'] as const;
export const accreditationBodies = ['FIRST', 'TI'] as const;
export const accreditationStatuses = [
  'member',
  'listed',
  'accredited',
  'certified',
  'withdrawn',
] as const;
export const needFactors = [
  'no_national_cirt',
  'footnote_group',
  'least_developed',
  'no_readiness_assessment',
  'low_maturity',
  'years_since_assessment',
] as const;

export type CountryStatus = (typeof statuses)[number];
export type TeamType = (typeof teamTypes)[number];
export type Confidence = (typeof confidences)[number];
export type MaturityTier = (typeof maturityTiers)[number];
export type NeedFactor = (typeof needFactors)[number];
export type Weights = Record<NeedFactor, number>;

export interface CountryItem {
  iso3: string;
  iso2: string;
  numeric: number;
  name: string;
  ituMember: boolean;
  ituRegion: string | null;
  organisations: string[];
  groups: string[];
  status: CountryStatus;
  teams: { id: string; name: string; type: TeamType }[];
  maturity: MaturityTier | null;
  readinessAssessed: boolean;
  lowConfidence: boolean;
}

export interface CountryList {
  asOf: string;
  items: CountryItem[];
}

export type EventValue =
  | { kind: 'established' | 'observed' | 'closed' }
  | { kind: 'renamed'; name: string }
  | { kind: 'type'; type: TeamType }
  | { kind: 'maturity'; tier: MaturityTier }
  | {
      kind: 'accreditation';
      body: (typeof accreditationBodies)[number];
      status: (typeof accreditationStatuses)[number];
    };
export type EventKind = EventValue['kind'];

export interface Citation {
  sourceId?: string;
  title?: string;
  url?: string;
}

export interface TeamEvent {
  id: string;
  date: string;
  value: EventValue;
  citation: Citation;
  confidence: Confidence;
  note: string;
  recordedAt: string;
  recordedBy: string;
  retracted: { at: string; by: string; reason: string } | null;
}

export interface Team {
  id: string;
  name: string;
  type: TeamType;
  active: boolean | null;
  events: TeamEvent[];
}

export interface Contribution {
  factor: NeedFactor;
  value: number;
  points: number;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  url: string;
  date: string;
}

export interface CountryProfile {
  iso3: string;
  iso2: string;
  numeric: number;
  m49: number | null;
  name: string;
  names: Record<'en' | 'fr' | 'es' | 'ar' | 'ru' | 'zh', string>;
  ituMember: boolean;
  ituRegion: string | null;
  organisations: string[];
  sovereignty: 'member_state' | 'observer' | 'territory' | 'other';
  notes: string;
  asOf: string;
  status: CountryStatus;
  maturity: MaturityTier | null;
  groups: {
    group: string;
    from: string | null;
    to: string | null;
    source: string;
    confidence: Confidence;
  }[];
  teams: Team[];
  assessments: { year: number | null; source: string; confidence: Confidence }[];
  sources: Source[];
  need: { rank: number; score: number; contributions: Contribution[] } | null;
}

export interface NeedsItem {
  rank: number;
  iso3: string;
  name: string;
  score: number;
  contributions: Contribution[];
}

export interface NeedsList {
  asOf: string;
  weights: Weights;
  defaults: Weights;
  items: NeedsItem[];
}

export interface NewTeam {
  iso3: string;
  name: string;
  type: TeamType;
  established: { date: string; citation: Citation; confidence: Confidence; note?: string };
}

export interface NewFact {
  date: string;
  value: EventValue;
  citation: Citation;
  confidence: Confidence;
  note?: string;
}
