/**
 * Shapes of the law API (src/modules/law), all from the server's own files: the catalogue,
 * assessment and coverage schemas, and the answers (answers.ts, types only, so the web build can
 * import it).
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

export {
  selectionKinds,
  type CountryLaw,
  type CountryReport,
  type CountrySummary,
  type ImportReport,
  type MatrixReport,
  type ReportGap,
  type RowError,
  type SelectionKind,
} from '../../../../src/modules/law/answers.js';
