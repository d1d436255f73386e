/**
 * Model-law harmonisation: the provision catalogue (data, versioned, in six languages), each
 * country's assessment provision by provision and its ratification of the instruments, with
 * their histories, coverage per category and instrument, gaps in priority order and matrices
 * across countries. The report and the web UI read through this file only.
 */
export { lawRoutes, importBodyLimit } from './law.routes.js';
export { lawReportRoutes } from './report.routes.js';
export { lawDeps, type LawDeps } from './deps.js';
export {
  loadLawCatalogue,
  defaultLawDir,
  compareVersions,
  LawContentError,
  type LawContent,
} from './catalogue.js';
export { localiseCatalogue, catalogueKeys } from './catalogue-i18n.js';
export * from './catalogue.schema.js';
export * from './assessment.schema.js';
export * from './coverage.js';
export * from './gaps.js';
export * from './matrix.js';
export {
  currentAssessments,
  currentRatifications,
  assessmentHistory,
  ratificationHistory,
  type AssessmentChange,
  type RatificationChange,
} from './store.js';
export {
  countryLaw,
  countrySummaries,
  requireProvision,
  requireInstrument,
  ratifiable,
  setAssessment,
  setRatification,
  type CountryLaw,
  type CountrySummary,
} from './service.js';
export { importColumns, type RowError } from './exchange.js';
export { importAssessments, type ImportReport } from './import.js';
