import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { isoNow, type Clock } from '../../kernel/index.js';
import type { Database, Db, Executor } from '../../storage/index.js';
import type { IncidentStatus, Pap, Tlp } from './incident.schema.js';
import {
  decodeCursor,
  encodeCursor,
  incidentFilterSchema,
  filterProblems,
  fromBound,
  tlpAtMost,
  toBound,
  type IncidentFilter,
  type IncidentListQuery,
  type ListSort,
} from './list-query.js';
import { fts5Match, pgTsQuery, searchTerms, type SearchTerm } from './search.js';
import { slaState } from './sla.js';
import { AppError } from '../../kernel/index.js';

/** What the list, statistics and export need: the incidents module's deps have both. */
export interface ListDeps {
  db: Db;
  clock: Clock;
  /** Where the SQLite list changes shape (tests set small values to reach every shape). */
  listTuning?: Partial<ListTuning>;
}

/** Who is looking: the TLP rule needs the user, `assignee=me` too. */
export interface Viewer {
  userId: string;
}

type Eb = ExpressionBuilder<Database, 'incidents'>;

/** TLP levels only the incident's access list may read (the one rule, in its SQL form). */
export const restrictedTlp = ['red', 'amber+strict'] as const;

/**
 * The TLP read rule as a condition on `incidents`: not RED or AMBER+STRICT, or the viewer is
 * on the incident's access list. No role bypasses it. (`incidents.read` is checked by the route.)
 * `offset 0` keeps the access list a lookup per restricted row: without it PostgreSQL may read
 * every access row of the viewer into a hash first (tens of thousands for a busy analyst).
 */
export function readableBy(
  eb: Eb,
  userId: string,
  dialect: Db['dialect'] = 'sqlite',
): Expression<SqlBool> {
  const access = eb
    .selectFrom('incident_access')
    .select(sql.lit(1).as('one'))
    .whereRef('incident_access.incident_id', '=', 'incidents.id')
    .where('incident_access.user_id', '=', userId);
  return eb.or([
    eb('incidents.tlp', 'not in', [...restrictedTlp]),
    eb.exists(dialect === 'postgres' ? access.offset(0) : access),
  ]);
}

/** Every condition of a filter, the TLP rule first. */
export function filterConditions(
  eb: Eb,
  dialect: Db['dialect'],
  filter: IncidentFilter,
  viewer: Viewer,
  now: string,
  plan: QueryPlan = {},
): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [readableBy(eb, viewer.userId, dialect)];
  const terms = filter.q && !plan.search ? searchTerms(filter.q) : [];
  if (terms.length > 0)
    where.push(
      dialect === 'sqlite'
        ? sql<SqlBool>`incidents.id in (select k.incident_id from incident_search s
            join incident_search_keys k on k.id = s.rowid
            where incident_search match ${fts5Match(terms)})`
        : sql<SqlBool>`incidents.id in (select incident_id from incident_search
            where doc @@ to_tsquery('simple', ${pgTsQuery(terms)}))`,
    );
  if (filter.status?.length) where.push(oneOf(eb, dialect, 'status', filter.status));
  if (filter.rsitClass) where.push(eb('incidents.rsit_class', '=', filter.rsitClass));
  if (filter.rsitType) where.push(eb('incidents.rsit_type', '=', filter.rsitType));
  if (filter.tlp?.length) where.push(oneOf(eb, dialect, 'tlp', filter.tlp));
  if (filter.severity?.length) where.push(oneOf(eb, dialect, 'severity', filter.severity));
  if (filter.sector)
    where.push(
      plan.walkOrder
        ? sql<SqlBool>`+incidents.sector = ${filter.sector}`
        : eb('incidents.sector', '=', filter.sector),
    );
  // An organisation with many incidents: check each row of the list order (primary key). A
  // scalar subquery, not EXISTS: SQLite turns EXISTS into a join and first builds a Bloom
  // filter over every organisation's rows (a hundred times slower at 1,000,000 incidents).
  if (filter.constituent && plan.constituentPerRow)
    where.push(
      sql<SqlBool>`(select 1 from incident_constituents
        where incident_constituents.incident_id = incidents.id
          and incident_constituents.org_id = ${filter.constituent}
          and incident_constituents.origin <> 'dismissed' limit 1) is not null`,
    );
  // Few incidents per organisation: start from them (its index), not from the whole table.
  else if (filter.constituent)
    where.push(
      eb(
        'incidents.id',
        'in',
        eb
          .selectFrom('incident_constituents')
          .select('incident_constituents.incident_id')
          .where('incident_constituents.org_id', '=', filter.constituent)
          .where('incident_constituents.origin', '<>', 'dismissed'),
      ),
    );
  if (filter.assignee === 'none') where.push(eb('incidents.assignee_id', 'is', null));
  else if (filter.assignee)
    where.push(
      eb('incidents.assignee_id', '=', filter.assignee === 'me' ? viewer.userId : filter.assignee),
    );
  if (filter.createdFrom)
    where.push(eb('incidents.created_at', '>=', fromBound(filter.createdFrom)));
  if (filter.createdTo) where.push(eb('incidents.created_at', '<', toBound(filter.createdTo)));
  if (filter.updatedFrom)
    where.push(eb('incidents.updated_at', '>=', fromBound(filter.updatedFrom)));
  if (filter.updatedTo) where.push(eb('incidents.updated_at', '<', toBound(filter.updatedTo)));
  if (filter.slaBreached !== undefined) {
    const breached = sql<SqlBool>`((incidents.ack_due_at is not null
        and coalesce(incidents.acknowledged_at, ${now}) > incidents.ack_due_at)
      or (incidents.resolve_due_at is not null
        and coalesce(incidents.resolved_at, incidents.closed_at, ${now}) > incidents.resolve_due_at))`;
    where.push(filter.slaBreached ? breached : sql<SqlBool>`not ${breached}`);
  }
  return where;
}

/**
 * `column in (...)`. One value: the (column, created_at, id) index gives the rows in list order.
 * Several values on SQLite: the index would give each value's rows apart, to be merged and
 * sorted whole, so the condition is marked (unary +) not to use it and the list walks
 * (created_at, id) instead, stopping at the page's end. PostgreSQL's planner weighs this itself.
 */
function oneOf(
  eb: Eb,
  dialect: Db['dialect'],
  column: 'status' | 'tlp' | 'severity',
  values: readonly string[],
): Expression<SqlBool> {
  if (values.length === 1) return eb(`incidents.${column}`, '=', values[0]!);
  if (dialect === 'postgres') return eb(`incidents.${column}`, 'in', values);
  return sql<SqlBool>`+${sql.ref(`incidents.${column}`)} in (${sql.join(values)})`;
}

/**
 * How the SQL of a list is shaped after looking at the data (`sqlitePlan`; on PostgreSQL only
 * `search`, from the planner's estimate in `postgresPlan`). Empty: the plain shape, as
 * statistics use it.
 */
export interface QueryPlan {
  /**
   * The full-text condition is left out of the SQL and answered apart: `candidates` takes the
   * matches in list order from the search index and the sort keys kept beside it (migration
   * 0009), then checks the other filters on them; `slices` (SQLite) walks the list order and
   * keeps the rows the search index holds.
   */
  search?: 'candidates' | 'slices';
  /** The organisation filter is checked row by row instead of listing its incidents first. */
  constituentPerRow?: boolean;
  /** The sector does not choose the index: the list walks its sort order. */
  walkOrder?: boolean;
}

export interface ListTuning {
  /**
   * Below this many rows a condition is answered by listing its rows and sorting them; from it
   * on, by walking the list's order and checking each row (a page then needs few rows of that
   * walk). Counting stops at the threshold, so probing costs the same for any size.
   */
  manyRows: number;
  /**
   * Full text: below this many matches they are sorted on their own (a few milliseconds per
   * thousand); from it on, a page is found sooner walking the list order a slice at a time.
   */
  manyMatches: number;
  /** Rows of the list order taken per slice. */
  slice: number;
  /**
   * Matches taken in the first round of `candidates` and checked at a time (each later round
   * takes sixteen times more; when other filters are set, forty times from the first round,
   * checked five times as many at a time).
   */
  candidates: number;
}

export const defaultListTuning: ListTuning = {
  manyRows: 4000,
  manyMatches: 8000,
  slice: 500,
  candidates: 200,
};

async function atLeast(
  db: Executor,
  query: ReturnType<typeof sql<{ n: number }>>,
  threshold: number,
): Promise<boolean> {
  const row = (await query.execute(db)).rows[0];
  return (row?.n ?? 0) >= threshold;
}
async function sqlitePlan(
  db: Executor,
  filter: IncidentFilter,
  sort: ListSort,
  terms: SearchTerm[],
  tuning: ListTuning,
): Promise<QueryPlan> {
  const plan: QueryPlan = {};
  const { manyRows, manyMatches } = tuning;
  // Every term must match, so one term with few matches makes few matches: count term by term
  // (a single word is counted at once; matching several together costs more).
  if (terms.length > 0) {
    plan.search = 'slices';
    for (const term of terms)
      if (
        !(await atLeast(
          db,
          sql<{ n: number }>`select count(*) as n from (select 1 from incident_search
            where incident_search match ${fts5Match([term])} limit ${manyMatches})`,
          manyMatches,
        ))
      ) {
        plan.search = 'candidates';
        break;
      }
  }
  if (filter.constituent)
    plan.constituentPerRow = await atLeast(
      db,
      sql<{ n: number }>`select count(*) as n from (select 1 from incident_constituents
        where org_id = ${filter.constituent} and origin <> 'dismissed' limit ${manyRows})`,
      manyRows,
    );
  // The sector's index ends with created_at: sorted by update, a big sector is quicker found
  // walking the update order than sorted whole.
  if (filter.sector && !sort.endsWith('created'))
    plan.walkOrder = await atLeast(
      db,
      sql<{ n: number }>`select count(*) as n from (select 1 from incidents
        where sector = ${filter.sector} limit ${manyRows})`,
      manyRows,
    );
  return plan;
}

/**
 * PostgreSQL: its planner walks the list order and tests each incident's search document when
 * it expects matches to come soon, which for a word in a few thousand incidents means reading
 * ten thousand documents. Its own estimate of the matches (the statistics ANALYZE keeps of
 * every word) tells when gathering the matches first is better.
 */
async function postgresPlan(
  db: Executor,
  terms: SearchTerm[],
  tuning: ListTuning,
): Promise<QueryPlan> {
  if (terms.length === 0) return {};
  const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`explain
    (format json) select 1 from incident_search
    where doc @@ to_tsquery('simple', ${pgTsQuery(terms)})`.execute(db);
  const estimate = rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? Infinity;
  return estimate < tuning.manyMatches ? { search: 'candidates' } : {};
}

export function checkFilter(filter: IncidentFilter): void {
  const issues = filterProblems(filter).map((i) => ({ ...i, field: `querystring.${i.field}` }));
  if (issues.length)
    throw new AppError('validation_failed', 'The filter contradicts itself', { issues });
}

const sortColumn = {
  created: 'incidents.created_at',
  updated: 'incidents.updated_at',
} as const;

function sortOf(sort: ListSort) {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as keyof typeof sortColumn;
  return { column: sortColumn[key], descending, key };
}

/** One row of the list: enough to show, sort and badge it. */
export interface IncidentSummary {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  rsitClass: string | null;
  rsitType: string | null;
  tlp: Tlp;
  pap: Pap;
  severity: string | null;
  sector: string | null;
  assignee: { id: string; name: string | null } | null;
  queue: string | null;
  createdAt: string;
  updatedAt: string;
  ackDueAt: string | null;
  resolveDueAt: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedIntoId: string | null;
  sla: { ackBreached: boolean; resolveBreached: boolean };
}

export interface IncidentPage {
  items: IncidentSummary[];
  /** Give it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

function listSelect(
  db: Executor,
  dialect: Db['dialect'],
  filter: IncidentFilter,
  viewer: Viewer,
  now: string,
  plan: QueryPlan = {},
) {
  return db
    .selectFrom('incidents')
    .leftJoin('users', 'users.id', 'incidents.assignee_id')
    .where((eb) => eb.and(filterConditions(eb, dialect, filter, viewer, now, plan)))
    .select([
      'incidents.id',
      'incidents.reference',
      'incidents.title',
      'incidents.description',
      'incidents.status',
      'incidents.rsit_class',
      'incidents.rsit_type',
      'incidents.tlp',
      'incidents.pap',
      'incidents.severity',
      'incidents.impact',
      'incidents.sector',
      'incidents.assignee_id',
      'users.display_name as assignee_name',
      'incidents.queue',
      'incidents.source',
      'incidents.created_at',
      'incidents.updated_at',
      'incidents.ack_due_at',
      'incidents.resolve_due_at',
      'incidents.acknowledged_at',
      'incidents.resolved_at',
      'incidents.closed_at',
      'incidents.merged_into_id',
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>['execute']>>[number];

function toSummary(row: ListRow, now: string): IncidentSummary {
  const sla = slaState(
    {
      ackDueAt: row.ack_due_at,
      acknowledgedAt: row.acknowledged_at,
      resolveDueAt: row.resolve_due_at,
      resolvedAt: row.resolved_at,
      closedAt: row.closed_at,
    },
    new Date(now),
  );
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status as IncidentStatus,
    rsitClass: row.rsit_class,
    rsitType: row.rsit_type,
    tlp: row.tlp as Tlp,
    pap: row.pap as Pap,
    severity: row.severity,
    sector: row.sector,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? null } : null,
    queue: row.queue,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ackDueAt: row.ack_due_at,
    resolveDueAt: row.resolve_due_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    mergedIntoId: row.merged_into_id,
    sla: { ackBreached: sla.ack === 'breached', resolveBreached: sla.resolve === 'breached' },
  };
}

type Position = { value: string; id: string };

/** Rows of one page, keyset-paged on (sort column, id): as fast on page 1,000 as on page 1. */
async function pageRows(
  deps: ListDeps,
  viewer: Viewer,
  filter: IncidentFilter,
  sort: ListSort,
  limit: number,
  cursor: string | undefined,
  now: string,
): Promise<{ rows: ListRow[]; next: string | null }> {
  const order = sortOf(sort);
  const after = cursor ? decodeCursor(cursor, sort, 'querystring.cursor') : null;
  const { kysely, dialect } = deps.db;
  const tuning = { ...defaultListTuning, ...deps.listTuning };
  const terms = filter.q ? searchTerms(filter.q) : [];
  const plan =
    dialect === 'sqlite'
      ? await sqlitePlan(kysely, filter, sort, terms, tuning)
      : await postgresPlan(kysely, terms, tuning);
  const shape: Shape = { db: kysely, dialect, filter, viewer, now, plan, order, tuning };
  const wanted = limit + 1;
  const rows =
    plan.search === 'candidates'
      ? await candidateRows(shape, terms, wanted, after)
      : plan.search === 'slices'
        ? await slicedRows(shape, terms, wanted, after)
        : await ordered(shape, listSelect(kysely, dialect, filter, viewer, now, plan), after)
            .limit(wanted)
            .execute();
  const more = rows.length > limit;
  if (more) rows.pop();
  const last = rows.at(-1);
  const next =
    more && last
      ? encodeCursor({
          sort,
          value: order.key === 'created' ? last.created_at : last.updated_at,
          id: last.id,
        })
      : null;
  return { rows, next };
}

/** Everything a list query's shape depends on. */
interface Shape {
  db: Executor;
  dialect: Db['dialect'];
  filter: IncidentFilter;
  viewer: Viewer;
  now: string;
  plan: QueryPlan;
  order: ReturnType<typeof sortOf>;
  tuning: ListTuning;
}

/** The keyset condition: (sort key, id) after `from` in the list order. */
function afterPosition(
  sortKey: RawBuilder<unknown>,
  idKey: RawBuilder<unknown>,
  from: Position,
  descending: boolean,
): RawBuilder<SqlBool> {
  return descending
    ? sql<SqlBool>`(${sortKey}, ${idKey}) < (${from.value}, ${from.id})`
    : sql<SqlBool>`(${sortKey}, ${idKey}) > (${from.value}, ${from.id})`;
}

/** After `from` in the list order (the keyset condition), sorted that way. */
function ordered<Q extends SelectQueryBuilder<Database, 'incidents', object>>(
  { order }: Shape,
  query: Q,
  from: Position | null,
): Q {
  const { column, descending } = order;
  let q = query;
  if (from)
    q = q.where(afterPosition(sql.ref(column), sql.ref('incidents.id'), from, descending)) as Q;
  return q
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('incidents.id', descending ? 'desc' : 'asc') as Q;
}

/**
 * Full rows of these incidents that pass every filter, in list order. On PostgreSQL without
 * bitmap scans: given a thousand ids, the planner would AND their bitmap with a filter's index
 * (all 85,000 incidents of a sector: 18 ms) instead of looking the thousand up (a few ms).
 */
function rowsAmong(shape: Shape, ids: string[], size: number): Promise<ListRow[]> {
  const { db, dialect, filter, viewer, now, plan } = shape;
  const query = (executor: Executor) =>
    ordered(
      shape,
      listSelect(executor, dialect, filter, viewer, now, plan).where(
        // One array parameter on PostgreSQL: a thousand parameters cost more to bind than to run.
        dialect === 'postgres'
          ? sql<SqlBool>`incidents.id = any(${ids}::text[])`
          : sql<SqlBool>`incidents.id in (${sql.join(ids)})`,
      ),
      null,
    )
      .limit(size)
      .execute();
  if (dialect !== 'postgres' || db.isTransaction) return query(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_bitmapscan = off`.execute(trx);
    return query(trx);
  });
}

const filterKeys = Object.keys(incidentFilterSchema.shape) as (keyof IncidentFilter)[];

/** Whether any filter besides the full text is set (an empty list sets nothing). */
function narrowed(f: IncidentFilter): boolean {
  return filterKeys.some((key) => {
    const value = f[key];
    return key !== 'q' && value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
}

/** Matches taken per search at the most (each becomes a bound parameter of a later query). */
const maxCandidates = 8000;

/**
 * Fewer matches than `manyMatches`: take them in list order straight from the search index,
 * reading only the sort keys kept beside it, then check the other filters and the TLP rule
 * on the first ones. When too few pass, the next round takes sixteen times more matches after
 * the last one seen.
 */
async function candidateRows(
  shape: Shape,
  terms: SearchTerm[],
  wanted: number,
  after: Position | null,
): Promise<ListRow[]> {
  const { order } = shape;
  const { descending } = order;
  const direction = sql.raw(descending ? 'desc' : 'asc');
  const out: ListRow[] = [];
  let from = after;
  // Other filters let fewer matches through: take many at once rather than search again, and
  // check them in bigger chunks.
  const few = narrowed(shape.filter);
  const chunk = shape.tuning.candidates * (few ? 5 : 1);
  let size = few ? Math.min(shape.tuning.candidates * 40, maxCandidates) : chunk;
  // The sort keys kept beside the search entries (migration 0009).
  const sortKey = sql.ref(`k.${order.key}_at`);
  const indexQuery =
    shape.dialect === 'postgres' ? await pgIndexQuery(shape.db, terms, shape.now) : '';
  const idKey = sql.ref('k.incident_id');
  for (;;) {
    const keyset = from ? sql`and ${afterPosition(sortKey, idKey, from, descending)}` : sql``;
    const { rows: matches } = await sql<Position>`${
      shape.dialect === 'sqlite'
        ? sql`select ${idKey} as id, ${sortKey} as value
            from incident_search s join incident_search_keys k on k.id = s.rowid
            where incident_search match ${fts5Match(terms)}`
        : indexQuery === pgTsQuery(terms)
          ? sql`select ${idKey} as id, ${sortKey} as value from incident_search k
              where k.doc @@ to_tsquery('simple', ${indexQuery})`
          : sql`with m as materialized (select incident_id, created_at, updated_at, doc
                from incident_search where doc @@ to_tsquery('simple', ${indexQuery}))
              select ${idKey} as id, ${sortKey} as value from m k
              where k.doc @@ to_tsquery('simple', ${pgTsQuery(terms)})`
    } ${keyset}
      order by ${sortKey} ${direction}, ${idKey} ${direction}
      limit ${size}`.execute(shape.db);
    if (matches.length === 0) return out;
    // Check the other filters a chunk at a time: the page is usually in the first one.
    for (let i = 0; i < matches.length && out.length < wanted; i += chunk)
      out.push(
        ...(await rowsAmong(
          shape,
          matches.slice(i, i + chunk).map((m) => m.id),
          wanted - out.length,
        )),
      );
    if (out.length >= wanted || matches.length < size) return out;
    from = matches.at(-1)!;
    size = Math.min(size * 16, maxCandidates);
  }
}

/**
 * PostgreSQL's GIN index reads the whole entry of every word in a query, and a word found in
 * most incidents (`server`, or `cirt` in every reference) costs tens of milliseconds however
 * rare the other words are. So the index is asked only for the query's words that are not
 * common, by the statistics ANALYZE keeps (`pg_stats.most_common_elems`), and the whole query
 * is checked on what it returns. With no such word, the index is asked for the whole query.
 * Common means in a quarter of the incidents or more: measured at 1,000,000, reading a word's
 * entry costs about 60 ms per share of incidents holding it, checking a returned row about
 * 4 µs, so a word in fewer than a quarter still narrows a few thousand matches for less than
 * it costs to check them all.
 */
const commonShare = 0.25;
const commonWords = new WeakMap<object, { at: number; words: Set<string> }>();

async function pgIndexQuery(db: Executor, terms: SearchTerm[], now: string): Promise<string> {
  const at = Date.parse(now);
  let known = commonWords.get(db);
  if (!known || at - known.at > 5 * 60_000 || at < known.at) {
    const { rows } = await sql<{ word: string; share: number }>`select x.word, x.share
      from pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs)
        as x(word, share)
      where schemaname = current_schema() and tablename = 'incident_search' and attname = 'doc'
        and x.share >= ${commonShare}`.execute(db);
    known = { at, words: new Set(rows.map((r) => r.word)) };
    commonWords.set(db, known);
  }
  const common = known.words;
  const rare = terms.flatMap((t) =>
    t.tokens.filter((token, i) => !(t.prefix && i === t.tokens.length - 1) && !common.has(token)),
  );
  return rare.length > 0
    ? pgTsQuery(rare.map((token) => ({ tokens: [token], prefix: false })))
    : pgTsQuery(terms);
}

/**
 * A term found in many incidents (SQLite): rather than sorting all its matches, walk the list
 * order (every other filter applied, reading only ids and search keys) a slice at a time and
 * keep the rows the search index holds, asking it only for the slice's runs of search keys.
 * Search keys are given in creation order, so a slice of the newest incidents is one short run.
 */
async function slicedRows(
  shape: Shape,
  terms: SearchTerm[],
  wanted: number,
  after: Position | null,
): Promise<ListRow[]> {
  const { db, dialect, filter, viewer, now, plan, order, tuning } = shape;
  const match = fts5Match(terms);
  const kept: string[] = [];
  let from = after;
  for (;;) {
    const rows = await ordered(
      shape,
      db
        .selectFrom('incidents')
        .where((eb) => eb.and(filterConditions(eb, dialect, filter, viewer, now, plan)))
        .select([
          'incidents.id',
          sql<string>`${sql.ref(order.column)}`.as('value'),
          sql<number>`(select k.id from incident_search_keys k
            where k.incident_id = incidents.id)`.as('search_key'),
        ]),
      from,
    )
      .limit(tuning.slice)
      .execute();
    if (rows.length === 0) break;
    const found = new Set<number>();
    // The driver binds numbers as reals, which FTS5 would not take as a rowid range: cast.
    for (const [low, high] of keyRuns(rows.map((r) => r.search_key))) {
      const hits = await sql<{ rowid: number }>`select rowid from incident_search
        where incident_search match ${match}
          and rowid between cast(${low} as integer) and cast(${high} as integer)`.execute(db);
      for (const h of hits.rows) found.add(h.rowid);
    }
    for (const r of rows) if (found.has(r.search_key)) kept.push(r.id);
    if (kept.length >= wanted || rows.length < tuning.slice) break;
    from = rows.at(-1)!;
  }
  return kept.length === 0 ? [] : rowsAmong(shape, kept.slice(0, wanted), wanted);
}

/**
 * Search keys grouped into runs the index is asked for one by one: a gap of more than this many
 * keys starts a new run, so scattered rows (an old incident updated today) cost one small range
 * each instead of one range over everything between them.
 */
const runGap = 2000;

export function keyRuns(keys: readonly number[]): [number, number][] {
  const sorted = [...keys].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const k of sorted) {
    const run = runs.at(-1);
    if (run && k - run[1] <= runGap) run[1] = k;
    else runs.push([k, k]);
  }
  return runs;
}

export async function listIncidents(
  deps: ListDeps,
  viewer: Viewer,
  query: IncidentListQuery,
): Promise<IncidentPage> {
  checkFilter(query);
  const now = isoNow(deps.clock);
  const { rows, next } = await pageRows(
    deps,
    viewer,
    query,
    query.sort,
    query.limit,
    query.cursor,
    now,
  );
  return { items: rows.map((r) => toSummary(r, now)), nextCursor: next };
}

/** Export rows: the same filters, capped at a TLP level, in batches over the keyset. */
export interface ExportRow extends IncidentSummary {
  description: string;
  impact: string | null;
  source: string;
}

export const exportMaxRows = 100_000;

export async function exportIncidents(
  deps: ListDeps,
  viewer: Viewer,
  filter: IncidentFilter,
  sort: ListSort,
  maxTlp: Tlp | undefined,
): Promise<{ rows: ExportRow[]; truncated: boolean }> {
  checkFilter(filter);
  const now = isoNow(deps.clock);
  const allowed = maxTlp ? tlpAtMost(maxTlp) : undefined;
  const capped: IncidentFilter = allowed
    ? { ...filter, tlp: (filter.tlp ?? allowed).filter((t) => allowed.includes(t)) }
    : filter;
  if (capped.tlp && capped.tlp.length === 0) return { rows: [], truncated: false };
  const out: ExportRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const batch = Math.min(1000, exportMaxRows - out.length);
    const { rows, next } = await pageRows(deps, viewer, capped, sort, batch, cursor, now);
    for (const row of rows)
      out.push({
        ...toSummary(row, now),
        description: row.description,
        impact: row.impact,
        source: row.source,
      });
    if (!next) return { rows: out, truncated: false };
    if (out.length >= exportMaxRows) return { rows: out, truncated: true };
    cursor = next;
  }
}
