import type { Organisation } from './constituent.schema.js';

/**
 * What the constituents API answers besides the entities (lookup, CSV/JSON and RIR imports).
 * Kept apart from the services, and from anything that needs Node.js, so that the web app can
 * import these types (type-only).
 */

/** How a match was found; `asn-range` is an AS number inside an owned block `AS64496-AS64511`. */
export type MatchRule = 'longest-prefix' | 'exact-asn' | 'asn-range' | 'longest-suffix';

/** A contact as the lookup and the incidents module show it (the key text stays behind). */
export interface ContactSummary {
  id: string;
  name: string;
  role: string;
  email: string;
  phone: string | null;
  languages: string[];
  pgpFingerprint: string | null;
  hasPgpKey: boolean;
  isPrimary: boolean;
}

export interface OwnerMatch {
  org: Pick<
    Organisation,
    | 'id'
    | 'name'
    | 'sector'
    | 'critical'
    | 'iso3'
    | 'language'
    | 'notifyChannel'
    | 'notifyFormat'
    | 'notifyPgp'
    | 'verification'
  >;
  contacts: ContactSummary[];
  rule: MatchRule;
  /** The owned value that matched: `192.0.2.0/24`, `AS64500`, `example.org`. */
  value: string;
  prefixLength?: number;
}

export interface OwnershipAnswer {
  query: string;
  queryKind: 'ipv4' | 'ipv6' | 'asn' | 'domain' | 'url' | 'email';
  normalised: string;
  /** The most specific level; several organisations when they share it. */
  matches: OwnerMatch[];
  /** Less specific owned values that also hold the query, most specific first. */
  covering: OwnerMatch[];
}

export interface RowError {
  /** CSV: the line of the file (header = 1). JSON: the organisation's position (first = 1). */
  line: number;
  /** CSV: the column. JSON: the path inside the organisation, e.g. `ownership[2].value`. */
  field: string;
  message: string;
}

export interface ImportReport {
  /** `all`: any bad row and nothing is written. `valid`: write the good rows, report the rest. */
  mode: 'all' | 'valid';
  dryRun: boolean;
  written: boolean;
  rows: number;
  orgsCreated: number;
  contactsAdded: number;
  ownershipAdded: number;
  duplicates: number;
  errors: RowError[];
}

export interface RirReport {
  dryRun: boolean;
  written: boolean;
  orgId: string | null;
  orgCreated: boolean;
  records: number;
  ipv4: number;
  ipv6: number;
  asn: number;
  added: number;
  duplicates: number;
  errors: RowError[];
}
