/**
 * The TLP 2.0 disclosure rule (FIRST, Traffic Light Protocol version 2.0), one pure function
 * that every read, list, export, TAXII answer, MISP feed and push of the exchange module asks.
 * PAP says what a recipient may *do* with information, not who may receive it: it plays no part.
 *
 * | TLP          | may be disclosed to                                                      |
 * |--------------|--------------------------------------------------------------------------|
 * | CLEAR        | anyone, public channels included                                         |
 * | GREEN        | the community: peers, sharing groups, the organisation and its clients   |
 * | AMBER        | the organisation and its clients, on need-to-know, and a recipient this  |
 * |              | team chose (a peer its sharing policy names), who spreads it no further  |
 * |              | than its own organisation and clients                                    |
 * | AMBER+STRICT | the recipient organisation only                                          |
 * | RED          | named people only: local users on the object's access list; never leaves |
 *
 * A named local user (on the access list) may read everything; nothing but CLEAR goes public;
 * an unknown level is treated as RED, so a mistake fails closed.
 */
import { tlpLabel, tlpLevels, type Tlp } from '../stix/index.js';

export type RecipientKind = 'user' | 'peer' | 'sharing-group' | 'public';

/** Who would receive the information. Every flag defaults to false: grant nothing by omission. */
export interface Recipient {
  kind: RecipientKind;
  /** The recipient's organisation, when known (for the caller's records; not decisive). */
  organisationId?: string;
  /** Part of the organisation that holds the information (this team, another instance of it). */
  sameOrganisation?: boolean;
  /** A client of that organisation (a constituent), told on need-to-know. */
  client?: boolean;
  /** Inside the community: a trusted peer CIRT, a sharing group of the community. */
  community?: boolean;
  /** For a local user: named on the object's access list (the only way to TLP:RED). */
  onAccessList?: boolean;
  /**
   * A recipient this team chose: a peer or group its sharing policy grants a collection to.
   * TLP 2.0 lets the source pick the recipients of TLP:AMBER (and GREEN); they may spread it
   * only within their own organisation and clients. AMBER+STRICT and RED are not opened by it.
   */
  recipient?: boolean;
}

export interface PolicyOptions {
  /** The TLP of unmarked information (the instance's setting; TLP:AMBER by default). */
  defaultTlp: Tlp;
  /**
   * The levels the sharing policy lets go to this recipient (a peer's grant). TLP still decides
   * within them; a level outside them is refused whatever TLP would allow.
   */
  levels?: ReadonlySet<Tlp> | undefined;
}

export interface Decision {
  allowed: boolean;
  /** The level decided on (the default when the information was unmarked). */
  tlp: Tlp;
  /** True when no marking was given and the default applied. */
  defaulted: boolean;
  reason: string;
}

type Rule =
  | 'anyone'
  | 'named'
  | 'public'
  | 'red'
  | 'organisation'
  | 'recipient'
  | 'strict'
  | 'client'
  | 'amber'
  | 'community'
  | 'green';

const reasons: Record<Rule, (label: string) => string> = {
  anyone: (l) => `${l}: disclosure is not limited`,
  named: (l) => `${l}: a named user on the access list`,
  public: (l) => `${l}: only TLP:CLEAR may go to public channels`,
  red: (l) => `${l}: only named users of this instance on the access list; it never leaves`,
  organisation: (l) => `${l}: within the recipient organisation`,
  recipient: (l) =>
    `${l}: to a recipient this team chose, who spreads it only within its organisation and clients`,
  strict: (l) => `${l}: only within the recipient organisation`,
  client: (l) => `${l}: to a client of the organisation, on need-to-know`,
  amber: (l) => `${l}: only the recipient organisation and its clients`,
  community: (l) => `${l}: within the community`,
  green: (l) => `${l}: only within the community, not public channels`,
};

const allowing = new Set<Rule>([
  'anyone',
  'named',
  'organisation',
  'recipient',
  'client',
  'community',
]);

// Decisions are immutable and shared: a decision allocates nothing. Indexed by level, rule and
// whether the default applied.
const rules = Object.keys(reasons) as Rule[];
const decisions: Decision[][][] = tlpLevels.map((tlp) =>
  rules.map((rule) =>
    [false, true].map((defaulted) =>
      Object.freeze({
        allowed: allowing.has(rule),
        tlp,
        defaulted,
        reason: reasons[rule](defaulted ? `unmarked, so ${tlpLabel(tlp)}` : tlpLabel(tlp)),
      }),
    ),
  ),
);
const ruleIndex = new Map(rules.map((rule, i) => [rule, i]));
const notGranted: Decision[][] = tlpLevels.map((tlp) =>
  [false, true].map((defaulted) =>
    Object.freeze({
      allowed: false,
      tlp,
      defaulted,
      reason: `${defaulted ? `unmarked, so ${tlpLabel(tlp)}` : tlpLabel(tlp)}: the sharing policy does not let this level go to this recipient`,
    }),
  ),
);

function ruleFor(tlp: Tlp, r: Recipient): Rule {
  if (tlp === 'clear') return 'anyone';
  if (r.kind === 'public') return 'public';
  if (r.kind === 'user' && r.onAccessList === true) return 'named';
  switch (tlp) {
    case 'green':
      if (r.sameOrganisation === true) return 'organisation';
      if (r.client === true) return 'client';
      if (r.community === true) return 'community';
      return r.recipient === true ? 'recipient' : 'green';
    case 'amber':
      if (r.sameOrganisation === true) return 'organisation';
      if (r.client === true) return 'client';
      return r.recipient === true ? 'recipient' : 'amber';
    case 'amber+strict':
      return r.sameOrganisation === true ? 'organisation' : 'strict';
    default:
      return 'red';
  }
}

/**
 * May information at TLP `marking` (undefined or null: unmarked) be disclosed to `recipient`?
 *
 * @example
 *   mayDisclose('amber+strict', { kind: 'peer', community: true }, { defaultTlp: 'amber' })
 *   // { allowed: false, tlp: 'amber+strict', reason: 'TLP:AMBER+STRICT: only within the recipient organisation', … }
 */
export function mayDisclose(
  marking: Tlp | null | undefined,
  recipient: Recipient,
  options: PolicyOptions,
): Decision {
  const defaulted = marking === undefined || marking === null;
  let level = tlpLevels.indexOf(defaulted ? options.defaultTlp : marking);
  if (level < 0) level = tlpLevels.length - 1;
  const tlp = tlpLevels[level]!;
  if (options.levels !== undefined && !options.levels.has(tlp))
    return notGranted[level]![defaulted ? 1 : 0]!;
  const rule = ruleIndex.get(ruleFor(tlp, recipient))!;
  return decisions[level]![rule]![defaulted ? 1 : 0]!;
}
