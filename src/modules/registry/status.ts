import { happenedBy, notYetBy } from './partial-date.js';
import type {
  Confidence,
  Country,
  CountryStatus,
  Group,
  GroupMembership,
  MaturityTier,
  Team,
  TeamEvent,
  TeamType,
} from './registry.schema.js';

/** What the registry can say about a team on one day. */
export interface TeamState {
  /** true: operating; false: not yet or no longer; undefined: the registry cannot tell. */
  active: boolean | undefined;
  name: string;
  type: TeamType;
  maturity: MaturityTier | null;
  accreditations: { body: string; status: string; date: string }[];
  /** The weakest confidence among the facts this state rests on. */
  confidence: Confidence;
}

const rank: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };
const weakest = (a: Confidence, b: Confidence): Confidence => (rank[a] <= rank[b] ? a : b);

const sortedCache = new WeakMap<Team, TeamEvent[]>();

/** A team's live facts, oldest first; sorted once per team object (reports ask for many days). */
function liveFacts(team: Team): TeamEvent[] {
  let sorted = sortedCache.get(team);
  if (!sorted) {
    sorted = team.events
      .filter((e) => e.retracted === null)
      .sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : a.recordedAt.localeCompare(b.recordedAt),
      );
    sortedCache.set(team, sorted);
  }
  return sorted;
}

/** Facts in force on `day`: not retracted and certainly dated on or before it, oldest first. */
function factsBy(team: Team, day: string): TeamEvent[] {
  return liveFacts(team).filter((e) => happenedBy(e.date, day));
}

export function teamStateAsOf(team: Team, day: string): TeamState {
  const live = liveFacts(team);
  const facts = factsBy(team, day);
  const state: TeamState = {
    active: undefined,
    name: team.name,
    type: team.type,
    maturity: null,
    accreditations: [],
    confidence: 'high',
  };
  const accreditations = new Map<string, { body: string; status: string; date: string }>();
  for (const fact of facts) {
    const v = fact.value;
    if (v.kind === 'established' || v.kind === 'observed') {
      // Seen operating (again, after a closure): active.
      state.active = true;
      state.confidence = weakest(state.confidence, fact.confidence);
    }
    if (v.kind === 'closed') state.active = false;
    if (v.kind === 'renamed') state.name = v.name;
    if (v.kind === 'type') state.type = v.type;
    if (v.kind === 'maturity') state.maturity = v.tier;
    if (v.kind === 'accreditation')
      accreditations.set(v.body, { body: v.body, status: v.status, date: fact.date });
  }
  // No fact by that day: the team did not exist yet if it was founded later, else nobody knows.
  const established = live.filter((e) => e.value.kind === 'established');
  if (
    state.active === undefined &&
    established.length > 0 &&
    established.every((e) => notYetBy(e.date, day))
  ) {
    state.active = false;
  }
  state.accreditations = [...accreditations.values()].filter((a) => a.status !== 'withdrawn');
  return state;
}

/** The footnote-1 groups a country belonged to on `day`. */
export function groupsAsOf(
  memberships: readonly GroupMembership[],
  iso3: string,
  day: string,
): Group[] {
  const found = memberships.filter(
    (m) =>
      m.iso3 === iso3 &&
      (m.from === null || happenedBy(m.from, day)) &&
      (m.to === null || !happenedBy(m.to, day)),
  );
  return [...new Set(found.map((m) => m.group))].sort();
}

export interface CountryState {
  status: CountryStatus;
  teams: { id: string; name: string; type: TeamType; maturity: MaturityTier | null }[];
  maturity: MaturityTier | null;
  lowConfidence: boolean;
}

const tierRank: Record<MaturityTier, number> = { basic: 0, intermediate: 1, advanced: 2 };

/**
 * The country's CIRT status on `day`. A national team in operation makes it `national`; other
 * teams `government_or_sectoral`. Without operating teams, a member state is `none` unless a
 * team's existence on that day cannot be told (founding date unknown and first seen later),
 * which is `unknown`, as is any territory without a team.
 */
export function countryStateAsOf(
  country: Country,
  teams: readonly Team[],
  day: string,
): CountryState {
  const states = teams
    .filter((t) => t.iso3 === country.iso3)
    .map((team) => ({ team, state: teamStateAsOf(team, day) }));
  const active = states.filter((s) => s.state.active === true);
  const undetermined = states.some((s) => s.state.active === undefined);
  const national = active.filter((s) => s.state.type === 'national');
  const status: CountryStatus =
    national.length > 0
      ? 'national'
      : active.length > 0
        ? 'government_or_sectoral'
        : undetermined || country.sovereignty !== 'member_state'
          ? 'unknown'
          : 'none';
  const maturity =
    (national.length > 0 ? national : active)
      .map((s) => s.state.maturity)
      .filter((m): m is MaturityTier => m !== null)
      .sort((a, b) => tierRank[b] - tierRank[a])[0] ?? null;
  return {
    status,
    teams: active
      .map((s) => ({
        id: s.team.id,
        name: s.state.name,
        type: s.state.type,
        maturity: s.state.maturity,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    maturity,
    lowConfidence: active.some((s) => s.state.confidence === 'low'),
  };
}
