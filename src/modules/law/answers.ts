/**
 * What the law API answers, as types (and the few constants they need): the server's services
 * build these and the web pages read them, so both sides share one definition. No runtime
 * imports here, so the web build can import this file.
 */
// The schema file, not the module's index: the web build imports this file.
import type { Locale } from '../accounts/accounts.schema.js';
import type { Assessment, Ratification, RatificationStatus } from './assessment.schema.js';
import type { ChecklistElement, Instrument, Reference } from './catalogue.schema.js';
import type { Coverage } from './coverage.js';
import type { GapState } from './gaps.js';
import type { Matrix, MatrixRow } from './matrix.js';

// --- A country ---------------------------------------------------------------------------------

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

/** One line of `GET /api/law/countries`. */
export interface CountrySummary {
  iso3: string;
  name: string;
  /** Provisions of the latest catalogue with an assessment. */
  assessed: number;
  /** Overall coverage, 0–100, null when every assessed provision is not applicable. */
  percent: number | null;
  /** The last change to the country's assessments or ratifications. */
  lastAssessedAt: string;
}

// --- Reports -----------------------------------------------------------------------------------

/** Who asked and when: the only parts of a report that change between two identical runs. */
export interface ReportMeta {
  lang: Locale;
  /** The day the report describes (YYYY-MM-DD). */
  date: string;
  generatedAt: string;
  generatedBy: string;
}

export interface CatalogueRef {
  id: string;
  version: string;
  title: string;
}

export interface Titled {
  id: string;
  title: string;
}

export type InstrumentSummary = Pick<
  Instrument,
  'id' | 'shortName' | 'title' | 'unit' | 'mapped' | 'binding'
>;

export interface ReportGap {
  rank: number;
  provision: string;
  title: string;
  category: string;
  state: GapState;
  references: Reference[];
  checklist: ChecklistElement[];
}

export interface ReportRatification {
  instrument: string;
  /** null: nothing recorded for this instrument yet. */
  status: RatificationStatus | null;
  date: string | null;
  source: string | null;
  sourceUrl: string | null;
}

/** `GET /api/law/countries/:iso3/report?format=json`. */
export interface CountryReport extends ReportMeta {
  country: { iso3: string; name: string };
  catalogue: CatalogueRef;
  categories: Titled[];
  instruments: InstrumentSummary[];
  /** Every category, in the order the gaps follow. */
  priority: string[];
  coverage: Coverage;
  ratifications: ReportRatification[];
  gaps: ReportGap[];
}

export const selectionKinds = ['region', 'organisation', 'group'] as const;
export type SelectionKind = (typeof selectionKinds)[number];
export interface Selection {
  kind: SelectionKind;
  id: string;
}

/** `GET /api/law/matrix?format=json`. */
export interface MatrixReport extends ReportMeta {
  selection: Selection;
  catalogue: CatalogueRef;
  categories: Titled[];
  countries: Matrix['countries'];
  rows: Array<MatrixRow & { title: string }>;
}

// --- Import -------------------------------------------------------------------------------------

/** `POST /api/law/assessments/import`. */
export interface ImportReport {
  dryRun: boolean;
  /** Rows saved (or that would be, in a dry run). */
  imported: number;
  /** Rows equal to the current record. */
  unchanged: number;
  /** The countries the file names, by code. */
  countries: string[];
}

/** One refused row (or the file itself: row 0). */
export interface RowError {
  /** 1-based data row: the first row under the CSV header, the first item of JSON `rows`. */
  row: number;
  /** CSV only: the line of the file (the header is line 1); differs from row + 1 after cells that span lines. */
  line?: number;
  /** The CSV column or the JSON field. */
  field: string;
  message: string;
}
