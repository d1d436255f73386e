/**
 * Shapes of the law API (src/modules/law). The catalogue, assessment and coverage types come
 * from the server's own files; the views below mirror service.ts and report.service.ts, which
 * the web build cannot import (they reach the database). Keep them in step with those files.
 */
import type {
  AssessmentInput,
  AssessmentStatus,
  Assessment,
  Ratification,
  RatificationInput,
  RatificationStatus,
} from '../../../../src/modules/law/assessment.schema.js';
import type {
  Catalogue,
  Category,
  ChecklistElement,
  Instrument,
  Provision,
  Reference,
} from '../../../../src/modules/law/catalogue.schema.js';
import type {
  Coverage,
  CoverageCounts,
  ProvisionState,
} from '../../../../src/modules/law/coverage.js';
import type { GapState } from '../../../../src/modules/law/gaps.js';
import type { Matrix, MatrixRow } from '../../../../src/modules/law/matrix.js';

export type {
  Assessment,
  AssessmentInput,
  AssessmentStatus,
  Category,
  ChecklistElement,
  Coverage,
  CoverageCounts,
  GapState,
  Instrument,
  Provision,
  ProvisionState,
  Ratification,
  RatificationInput,
  RatificationStatus,
  Reference,
};

/** The catalogue as `GET /api/law/catalogue` answers it (without the file's `$schema`, `kind`). */
export type LawCatalogue = Omit<Catalogue, '$schema' | 'kind'>;

/** The statuses a user records, in the order forms offer them. */
export const assessmentStatuses = [
  'enacted',
  'partially',
  'draft',
  'absent',
  'not-applicable',
] as const satisfies readonly AssessmentStatus[];

/** Every state a provision can be in for a country, in the order charts stack them. */
export const provisionStates = [
  'enacted',
  'partially',
  'draft',
  'absent',
  'not-assessed',
  'not-applicable',
] as const satisfies readonly ProvisionState[];

export const ratificationStatuses = [
  'none',
  'signed',
  'ratified',
  'acceded',
] as const satisfies readonly RatificationStatus[];

/** One line of `GET /api/law/countries`. */
export interface CountrySummary {
  iso3: string;
  name: string;
  assessed: number;
  percent: number | null;
  lastAssessedAt: string;
}

/** `GET /api/law/countries/:iso3`. */
export interface CountryLaw {
  country: {
    iso3: string;
    name: string;
    ituRegion: string | null;
    organisations: string[];
    groups: string[];
  };
  catalogueVersion: string;
  assessments: Assessment[];
  ratifications: Ratification[];
  coverage: Coverage;
}

export interface ReportGap {
  rank: number;
  provision: string;
  title: string;
  category: string;
  state: GapState;
  references: Reference[];
  checklist: ChecklistElement[];
}

interface ReportMeta {
  lang: string;
  date: string;
  generatedAt: string;
  generatedBy: string;
}

interface Titled {
  id: string;
  title: string;
}

/** `GET /api/law/countries/:iso3/report?format=json`. */
export interface CountryReport extends ReportMeta {
  country: { iso3: string; name: string };
  catalogue: { id: string; version: string; title: string };
  categories: Titled[];
  instruments: Pick<Instrument, 'id' | 'shortName' | 'title' | 'unit' | 'mapped' | 'binding'>[];
  priority: string[];
  coverage: Coverage;
  ratifications: {
    instrument: string;
    status: RatificationStatus | null;
    date: string | null;
    source: string | null;
    sourceUrl: string | null;
  }[];
  gaps: ReportGap[];
}

export const selectionKinds = ['region', 'organisation', 'group'] as const;
export type SelectionKind = (typeof selectionKinds)[number];

/** `GET /api/law/matrix?format=json`. */
export interface MatrixReport extends ReportMeta {
  selection: { kind: SelectionKind; id: string };
  catalogue: { id: string; version: string; title: string };
  categories: Titled[];
  countries: Matrix['countries'];
  rows: Array<MatrixRow & { title: string }>;
}

/** `POST /api/law/assessments/import`. */
export interface ImportReport {
  dryRun: boolean;
  imported: number;
  unchanged: number;
  countries: string[];
}

/** One refused row of an import (the problem's `errors`). */
export interface RowError {
  row: number;
  line?: number;
  field: string;
  message: string;
}
