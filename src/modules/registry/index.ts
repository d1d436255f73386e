/**
 * Registry: countries and their groups (reference data), national CIRTs with their dated
 * history, where CIRTs are needed, and the Resolution 58 progress report.
 */
export { registryRoutes } from './registry.routes.js';
export { loadReferenceData, defaultDataDir, type ReferenceData } from './reference-data.js';
export { seedRegistry } from './seed.js';
export {
  needsAsOf,
  reportView,
  reportAsOf,
  addTeam,
  recordFact,
  retractFact,
  recordReadinessAssessment,
  requireCountry,
  nameOf,
  today,
  type RegistryDeps,
} from './service.js';
export { groupsAsOf } from './status.js';
export { progressReport, resolutionBaselines, type ProgressReport } from './indicators.js';
export { compareSelfReports, type SelfReport, type SelfReportRow } from './self-reports.js';
export { defaultWeights, needFactors, type Weights } from './needs.js';
export * from './registry.schema.js';
export { defaultComparison } from './indicators.js';
export { reportRows } from './report-csv.js';
export {
  exportRows,
  parseFactsCsv,
  parseFactsJson,
  exchangeColumns,
  type RowError,
} from './exchange.js';
export { importFacts, type ImportReport } from './import.js';
export { loadTeams } from './store.js';
export { reportHtml } from './report-html.js';
/** Region, organisation and group names in six languages, for other modules' reports. */
export { reportStrings as registryReportStrings } from './report-strings.js';
