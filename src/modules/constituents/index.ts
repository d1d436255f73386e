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
  formatIPv4,
  formatIPv6,
  refang,
  ownershipKinds,
  type OwnershipKind,
  type ParsedValue,
  type LookupTarget,
  type LookupQuery,
  type ParsedLookupQuery,
} from './ownership-value.js';
export {
  OwnershipIndex,
  type OwnershipEntry,
  type OwnershipMatch,
  type MatchRule,
} from './ownership-index.js';
