/**
 * Constituents: what each organisation owns (IP prefixes, AS numbers, domains), the ownership
 * index answering "whose is this?", and the RIR delegated-statistics import.
 */
export {
  parseOwnershipValue,
  parseLookupQuery,
  parseIPv4Address,
  parseIPv6Address,
  parseAsNumber,
  parseIpPrefix,
  networkOf,
  formatIPv4,
  formatIPv6,
  refang,
  ownershipKinds,
  type OwnershipKind,
  type ParsedValue,
  type LookupTarget,
  type LookupQuery,
  type ParsedLookupQuery,
  type IpPrefix,
} from './ownership-value.js';
export { parseAsRange, formatAsRange, ipv4PrefixKey, readIPv6Prefix } from './ownership-value.js';
export {
  OwnershipIndex,
  type OwnershipEntry,
  type OwnershipMatch,
  type MatchRule,
} from './ownership-index.js';
export {
  constituentsDeps,
  type ConstituentsDeps,
  type ConstituentsOptions,
  type FetchLimits,
} from './deps.js';
export { constituentsRoutes } from './constituents.routes.js';
export {
  lookupOwnership,
  type OwnershipAnswer,
  type OwnerMatch,
  type ContactSummary,
} from './lookup.service.js';
export { getOrganisation } from './service.js';
export { findOrgsByIds } from './store.js';
export { sectors, sectorList, isCriticalInfrastructureSector, type Sector } from './sectors.js';
export type {
  Organisation,
  OrganisationDetail,
  OrgSummary,
  Contact,
  Ownership,
  NotifyPgp,
  NotifyFormat,
} from './constituent.schema.js';
export {
  checkItems as checkConstituentItems,
  importConstituents,
  parseConstituentsCsv,
  parseConstituentsJson,
  importColumns,
  type ImportReport,
  type RowError,
} from './import.js';
export {
  parseDelegated,
  parseDelegatedLine,
  createDelegatedParser,
  readDelegated,
  ipv4RangeToPrefixes,
  type DelegatedType,
  type DelegatedStatus,
  type DelegatedRecord,
  type DelegatedHeader,
  type DelegatedSummary,
  type DelegatedProblem,
  type DelegatedLine,
  type DelegatedOptions,
  type DelegatedResult,
} from './rir-delegated.js';
export { importRir, delegatedText, type RirImportInput, type RirReport } from './rir-import.js';
export { readRirSource } from './rir-source.js';
