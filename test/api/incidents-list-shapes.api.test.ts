import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { newId } from '../../src/kernel/index.js';
import type { Incident, IncidentStatus, Tlp } from '../../src/modules/incidents/incident.schema.js';
import {
  incidentListQuerySchema,
  type IncidentListQuery,
  type ListSort,
} from '../../src/modules/incidents/list-query.js';
import {
  keyRuns,
  listIncidents,
  type ListDeps,
  type ListTuning,
} from '../../src/modules/incidents/list.service.js';
import {
  insertObservables,
  normaliseAll,
} from '../../src/modules/incidents/observables.service.js';
import {
  grantAccess,
  insertIncident,
  nextNumber,
  updateIncident,
} from '../../src/modules/incidents/store.js';
import type { Db } from '../../src/storage/index.js';
import { ManualClock } from '../support/clock.js';
import { createTestDb, type TestDb } from '../support/db.js';

/**
 * The incident list answers one query in several SQL shapes, chosen after probing the
 * data (list.service.ts `sqlitePlan`): full text as `candidates` or `slices`, an organisation as
 * a list of its incidents or checked per row, a sector sorted by update walking the order. The
 * thresholds are tuned here so that every shape is reached on a small data set, and every
 * shape must give exactly the answer computed in plain TypeScript from the data. On PostgreSQL
 * only `manyMatches` counts (`postgresPlan`: full text as `candidates` or in the plain query).
 */

describe('keyRuns', () => {
  it('groups sorted search keys into runs, a gap above 2000 starting a new one', () => {
    assert.deepEqual(keyRuns([]), []);
    assert.deepEqual(keyRuns([7]), [[7, 7]]);
    assert.deepEqual(keyRuns([7, 7, 7]), [[7, 7]]);
    const keys = [10000, 5, 2003, 1, 4005, 3, 2004, 4005];
    assert.deepEqual(keyRuns(keys), [
      [1, 2004],
      [4005, 4005],
      [10000, 10000],
    ]);
    // The input is not sorted in place.
    assert.deepEqual(keys, [10000, 5, 2003, 1, 4005, 3, 2004, 4005]);
    // A gap of exactly 2000 stays in the run, 2001 starts a new one.
    assert.deepEqual(keyRuns([2000, 0]), [[0, 2000]]);
    assert.deepEqual(keyRuns([2001, 0]), [
      [0, 0],
      [2001, 2001],
    ]);
    assert.deepEqual(keyRuns([1, 2, 3, 2004, 2005, 9000, 9001, 9001]), [
      [1, 3],
      [2004, 2005],
      [9000, 9001],
    ]);
  });
});

const count = 80;
const hour = 3_600_000;
const base = Date.parse('2026-02-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** One incident as the test means it: the expected answers are computed from these alone. */
interface Model {
  i: number;
  id: string;
  label: string;
  reference: string;
  title: string;
  description: string;
  observables: string[];
  status: IncidentStatus;
  sector: string | null;
  tlp: Tlp;
  createdAt: string;
  updatedAt: string;
  /** The viewer is on the access list. */
  viewerListed: boolean;
  /** Organisations that count (not dismissed). */
  orgs: Set<string>;
  /** Organisations linked but dismissed by an analyst. */
  dismissed: Set<string>;
}

const big = 'org-big';
const small = 'org-small';
const mid = 'org-mid';
const statuses: IncidentStatus[] = [
  'new',
  'triage',
  'in-progress',
  'waiting-external',
  'resolved',
  'closed',
];
const tlps: Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];
const restricted = (m: Model) => m.tlp === 'red' || m.tlp === 'amber+strict';
const readable = (m: Model) => !restricted(m) || m.viewerListed;

/** The words of incident i, at different frequencies (placed in the title or the description). */
function words(i: number): { title: string[]; description: string[] } {
  const title: string[] = [];
  const description: string[] = [];
  const put = (w: string) => (i % 2 === 0 ? title : description).push(w);
  // Almost every incident; three of the others mention a product whose name begins so.
  if (i % 16 !== 3) put('malware');
  else if (i % 32 === 3) description.push('malwarebytes');
  if ([0, 3, 7].includes(i % 10)) put('phishing');
  if (i % 25 === 11) description.push('phishers');
  if (i % 19 === 4) description.push('ransomware');
  if ([14, 19, 50].includes(i)) title.push('wiper');
  if (i === 40) description.push('traffic to 192.0.2.5 seen again');
  return { title, description };
}

const users = { viewer: 'u-viewer', other: 'u-other' };

function modelOf(i: number): Model {
  const created = base + i * hour - (i % 13 === 7 ? hour : 0); // some share the previous time
  const updated =
    i % 4 === 0
      ? base + 200 * hour + ((i * 37) % count) * 60_000 // later, out of creation order
      : created + i * 1000;
  const { title, description } = words(i);
  const observables = [`192.0.2.${(i % 9) * 5 + 5}`];
  if (i % 6 === 1) observables.push(`c2-${i}.example.net`);
  const orgs = new Set<string>();
  const dismissed = new Set<string>();
  if (i % 2 === 1 || i % 5 === 0) orgs.add(big);
  if (i % 10 === 4) dismissed.add(big);
  if (i % 11 === 2) orgs.add(small);
  if (i === 30 || i === 60) dismissed.add(small);
  if (i % 7 === 1) orgs.add(mid);
  return {
    i,
    id: '',
    label: `#${String(i).padStart(2, '0')}`,
    reference: '',
    title: ['Case', String(i), ...title].join(' '),
    description: ['Report', ...description].join(' '),
    observables,
    status: statuses[i % statuses.length]!,
    sector: i % 3 === 0 ? 'health' : i % 3 === 1 ? 'energy' : null,
    tlp: tlps[i % tlps.length]!,
    createdAt: iso(created),
    updatedAt: iso(updated),
    // The viewer created some (i % 8 === 6) and was added to the list of others.
    viewerListed: i % 4 < 2 || i % 8 === 6 || i % 7 === 3,
    orgs,
    dismissed,
  };
}

/** Lower-cased tokens of letters, digits and marks, as both search engines index them. */
const tokensOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

interface Term {
  tokens: string[];
  prefix: boolean;
}
function termsOf(q: string): Term[] {
  return q
    .trim()
    .split(/\s+/u)
    .map((word) => ({ tokens: tokensOf(word), prefix: word.endsWith('*') }))
    .filter((t) => t.tokens.length > 0);
}

/** The term's tokens follow each other in the text, each a whole word (the last a prefix). */
function phraseIn(words: string[], term: Term): boolean {
  const n = term.tokens.length;
  for (let start = 0; start + n <= words.length; start++) {
    if (
      term.tokens.every((t, k) => {
        const w = words[start + k]!;
        return term.prefix && k === n - 1 ? w.startsWith(t) : w === t;
      })
    )
      return true;
  }
  return false;
}

/** Every term in one field (SQLite: a phrase does not cross fields; the data never asks it to). */
function matches(m: Model, q: string): boolean {
  const fields = [m.reference, m.title, m.description, m.observables.join(' ')].map(tokensOf);
  return termsOf(q).every((term) => fields.some((f) => phraseIn(f, term)));
}
/** The same over the whole document, as PostgreSQL reads it: must agree for the test's queries. */
function matchesWhole(m: Model, q: string): boolean {
  const all = tokensOf([m.reference, m.title, m.description, m.observables.join(' ')].join(' '));
  return termsOf(q).every((term) => phraseIn(all, term));
}

interface Case {
  name: string;
  q?: string;
  status?: IncidentStatus[];
  sector?: string;
  constituent?: string;
  sort?: ListSort;
}

const sortValue = (m: Model, sort: ListSort) =>
  sort.endsWith('created') ? m.createdAt : m.updatedAt;

/** Every filter but the TLP rule, in list order. */
function matching(models: Model[], c: Case): Model[] {
  const sort = c.sort ?? '-created';
  const desc = sort.startsWith('-');
  return models
    .filter(
      (m) =>
        (c.q === undefined || matches(m, c.q)) &&
        (c.status === undefined || c.status.includes(m.status)) &&
        (c.sector === undefined || m.sector === c.sector) &&
        (c.constituent === undefined || m.orgs.has(c.constituent)),
    )
    .sort((a, b) => {
      const [x, y] = [sortValue(a, sort), sortValue(b, sort)];
      const cmp = x !== y ? (x < y ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return desc ? -cmp : cmp;
    });
}
const expectedOf = (models: Model[], c: Case) => matching(models, c).filter(readable);

const sorts: ListSort[] = ['-created', 'created', '-updated', 'updated'];
const cases: Case[] = [
  { name: 'everything readable' },
  { name: 'q in almost all', q: 'malware' },
  { name: 'q in ~30%', q: 'phishing' },
  { name: 'q in ~5%', q: 'ransomware' },
  { name: 'q rare', q: 'wiper' },
  { name: 'q a part of a word only', q: 'phish' },
  { name: 'q nowhere', q: 'zebra' },
  { name: 'q prefix', q: 'phish*' },
  { name: 'q prefix of a common word', q: 'malware*' },
  { name: 'q two words', q: 'phishing malware' },
  { name: 'q two words, one rare', q: 'malware ransomware' },
  { name: 'q an address (phrase)', q: '192.0.2.5' },
  { name: 'q an address prefix', q: '192.0.2.1*' },
  { name: 'q + status', q: 'malware', status: ['in-progress'] },
  { name: 'q + two statuses', q: 'malware', status: ['new', 'triage'] },
  { name: 'q + sector', q: 'phishing', sector: 'health' },
  { name: 'q + sector by update', q: 'malware', sector: 'health', sort: '-updated' },
  { name: 'q + big organisation', q: 'malware', constituent: big },
  { name: 'q + small organisation', q: 'malware', constituent: small },
  { name: 'q rare + big organisation', q: 'phishing', constituent: big, sort: 'updated' },
  {
    name: 'q + sector + organisation + statuses by update',
    q: 'malware',
    sector: 'energy',
    constituent: big,
    status: ['new', 'triage'], // energy incidents are triage or resolved
    sort: '-updated',
  },
  { name: 'big organisation', constituent: big },
  { name: 'big organisation by update', constituent: big, sort: 'updated' },
  { name: 'small organisation', constituent: small },
  { name: 'small organisation by update', constituent: small, sort: '-updated' },
  { name: 'sector by update, newest first', sector: 'health', sort: '-updated' },
  { name: 'sector by update, oldest first', sector: 'health', sort: 'updated' },
  { name: 'sector by creation', sector: 'energy', sort: 'created' },
  ...sorts.map((sort): Case => ({ name: `q common ${sort}`, q: 'malware', sort })),
  ...sorts.map((sort): Case => ({ name: `q ~30% ${sort}`, q: 'phishing', sort })),
  ...sorts.map((sort): Case => ({ name: `q prefix ${sort}`, q: 'phish*', sort })),
];

/** Each tuning and the shapes it must reach on this data (SQLite): slices or candidates for
 * full text, and per-row organisation checks with sector walks, or neither. */
const tunings: { name: string; tuning: Partial<ListTuning>; slices: boolean; perRow: boolean }[] = [
  { name: 'default', tuning: {}, slices: false, perRow: false },
  {
    name: 'always slices, tiny',
    tuning: { manyMatches: 0, slice: 3 },
    slices: true,
    perRow: false,
  },
  {
    name: 'always candidates, tiny rounds',
    tuning: { manyMatches: 1_000_000, candidates: 2 },
    slices: false,
    perRow: false,
  },
  {
    name: 'per-row organisation and sector walks',
    tuning: { manyRows: 0 },
    slices: false,
    perRow: true,
  },
  { name: 'never per row', tuning: { manyRows: 1_000_000 }, slices: false, perRow: false },
];

/** Records the SQL the list runs, to check that each tuning reaches the shape it is meant to. */
function recording(db: Db, seen: string[]): Db {
  const executor = db.kysely.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      seen.push(executor.compileQuery(node, queryId).sql);
      return node;
    },
    transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return Promise.resolve(result);
    },
  };
  return { ...db, kysely: db.kysely.withPlugin(plugin), close: () => db.close() };
}

const limit = 3;

describe('incident list: every SQL shape gives the same answers', () => {
  let t: TestDb;
  const models: Model[] = [];
  const byId = new Map<string, Model>();
  const clock = new ManualClock('2026-03-01T00:00:00.000Z');
  const label = (id: string) => byId.get(id)?.label ?? `unknown ${id}`;

  before(async () => {
    t = await createTestDb();
    const db = t.db.kysely;
    const at = '2026-01-01T00:00:00.000Z';
    for (const id of Object.values(users))
      await db
        .insertInto('users')
        .values({
          id,
          email: `${id}@example.org`,
          display_name: id,
          role: 'analyst',
          password_hash: 'x',
          locale: 'en',
          disabled: 0,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          created_at: at,
          updated_at: at,
          last_login_at: null,
        })
        .execute();
    for (const [id, name] of [
      [big, 'Big Hospital Group'],
      [small, 'Small Utility'],
      [mid, 'Mid Bank'],
    ] as const)
      await db
        .insertInto('constituent_orgs')
        .values({
          id,
          name,
          short_name: null,
          sector: 'health',
          critical: 0,
          iso3: null,
          language: 'en',
          notify_channel: 'email',
          notify_format: 'text',
          notify_pgp: 'none',
          verification: 'unverified',
          verified_at: null,
          verified_by: null,
          website: null,
          notes: '',
          revision: 1,
          created_at: at,
          created_by: users.other,
          updated_at: at,
          updated_by: users.other,
        })
        .execute();

    // Incidents in creation order, as the product writes them (store functions, in a
    // transaction each); those updated later are first written as drafts, then updated.
    for (let i = 0; i < count; i++) {
      const m = modelOf(i);
      // SQLite numbers search keys in insertion order: a gap (as after many deletions) makes
      // the later incidents' keys a second run, so slices ask the index for several runs.
      if (i === count / 2 && t.db.dialect === 'sqlite') {
        await sql`insert into incident_search_keys (id, incident_id) values (10000, 'gap')`.execute(
          db,
        );
      }
      const creator = i % 8 === 6 ? users.viewer : users.other;
      const updatedLater = i % 4 === 0;
      await db.transaction().execute(async (trx) => {
        const number = await nextNumber(trx, 2026);
        m.reference = `CIRT-2026-${String(number).padStart(6, '0')}`;
        m.id = newId();
        const incident: Incident = {
          id: m.id,
          reference: m.reference,
          title: m.title,
          description: updatedLater ? 'Draft' : m.description,
          status: updatedLater ? 'new' : m.status,
          rsitClass: null,
          rsitType: null,
          tlp: m.tlp,
          pap: 'amber',
          severity: null,
          impact: null,
          sector: m.sector,
          assigneeId: null,
          queue: null,
          source: 'ui',
          reporter: { name: null, email: null, organisation: null },
          occurredAt: null,
          createdAt: m.createdAt,
          createdBy: creator,
          updatedAt: m.createdAt,
          acknowledgedAt: null,
          resolvedAt: null,
          closedAt: null,
          ackDueAt: null,
          resolveDueAt: null,
          mergedIntoId: null,
          revision: 1,
        };
        await insertIncident(trx, incident);
        await grantAccess(trx, m.id, creator, creator, m.createdAt);
        if (m.viewerListed) await grantAccess(trx, m.id, users.viewer, users.other, m.createdAt);
        await insertObservables(
          trx,
          m.id,
          normaliseAll(
            m.observables.map((value) => ({
              kind: value.startsWith('192') ? 'ipv4' : 'domain',
              value,
            })),
          ),
          creator,
          m.createdAt,
        );
        for (const org of [...m.orgs, ...m.dismissed])
          await trx
            .insertInto('incident_constituents')
            .values({
              incident_id: m.id,
              org_id: org,
              origin: m.dismissed.has(org)
                ? 'dismissed'
                : ['suggested', 'confirmed', 'manual'][i % 3]!,
              matched: '[]',
              added_at: m.createdAt,
              added_by: null,
            })
            .execute();
        if (updatedLater)
          await updateIncident(trx, {
            ...incident,
            description: m.description,
            status: m.status,
            updatedAt: m.updatedAt,
            revision: 2,
          });
        else if (m.updatedAt !== m.createdAt)
          await updateIncident(trx, { ...incident, updatedAt: m.updatedAt, revision: 2 });
      });
      models.push(m);
      byId.set(m.id, m);
    }
    if (t.db.dialect === 'sqlite')
      await sql`delete from incident_search_keys where incident_id = 'gap'`.execute(db);
  });
  after(() => t.cleanup());

  /** Follows nextCursor from the first page to the last; checks each page's size and cursor. */
  async function pageThrough(deps: ListDeps, c: Case): Promise<string[]> {
    const got: string[] = [];
    let cursor: string | undefined;
    const expected = expectedOf(models, c).length;
    const pages = Math.max(1, Math.ceil(expected / limit));
    for (let page = 1; ; page++) {
      const query: IncidentListQuery = incidentListQuerySchema.parse({
        q: c.q,
        status: c.status,
        sector: c.sector,
        constituent: c.constituent,
        sort: c.sort,
        limit,
        cursor,
      });
      const answer = await listIncidents(deps, { userId: users.viewer }, query);
      got.push(...answer.items.map((item) => item.id));
      const last = page >= pages;
      assert.equal(
        answer.nextCursor === null,
        last,
        `page ${page} of ${pages}: nextCursor ${answer.nextCursor === null ? 'null' : 'given'}; so far ${got.map(label).join(' ')}`,
      );
      if (!last) assert.equal(answer.items.length, limit, `page ${page} of ${pages} is not full`);
      if (answer.nextCursor === null || page > pages + 1) return got;
      cursor = answer.nextCursor;
    }
  }

  it('has data that reaches every case', async () => {
    assert.equal(models.length, count);
    const stored = await t.db.kysely
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), count);
    const sizes = new Map(cases.map((c) => [c.name, expectedOf(models, c).length]));
    const rare = [
      'q rare',
      'q in ~5%',
      'q two words, one rare',
      'q a part of a word only',
      'q nowhere',
    ];
    for (const c of cases) {
      // The test's queries never depend on whether a phrase may cross fields.
      for (const m of models)
        if (c.q) assert.equal(matches(m, c.q), matchesWhole(m, c.q), `${c.name}: ${m.label}`);
      const all = matching(models, c);
      const expected = expectedOf(models, c);
      if (rare.includes(c.name)) continue;
      assert.ok(expected.length > limit, `${c.name}: ${expected.length} rows, want pages`);
      // Restricted incidents both shown (viewer listed) and hidden (not listed).
      assert.ok(expected.some(restricted), `${c.name}: no readable restricted incident`);
      assert.ok(
        all.some((m) => !readable(m)),
        `${c.name}: no hidden restricted incident`,
      );
    }
    assert.equal(sizes.get('q nowhere'), 0);
    assert.equal(sizes.get('q a part of a word only'), 0);
    assert.ok(sizes.get('q rare')! >= 1 && sizes.get('q in ~5%')! >= 1);
    for (const name of ['q rare', 'q in ~5%']) {
      const c = cases.find((x) => x.name === name)!;
      assert.ok(expectedOf(models, c).some(restricted), `${name}: a readable restricted one`);
      assert.ok(
        matching(models, c).some((m) => !readable(m)),
        `${name}: a hidden one`,
      );
    }
    // Prefixes find more than the whole word; a word is not found inside a longer one.
    assert.ok(sizes.get('q prefix')! > sizes.get('q in ~30%')!);
    assert.ok(sizes.get('q prefix of a common word')! > sizes.get('q in almost all')!);
    assert.ok(sizes.get('q in almost all')! < sizes.get('everything readable')!);
    // The address phrase: whole parts only (192.0.2.5 is not 192.0.2.50 nor 192.0.2.15).
    const phrase = expectedOf(
      models,
      cases.find((x) => x.q === '192.0.2.5')!,
    );
    assert.ok(phrase.some((m) => m.observables.includes('192.0.2.5')));
    assert.ok(phrase.some((m) => m.description.includes('192.0.2.5')));
    assert.ok(phrase.every((m) => !m.observables.some((o) => /192\.0\.2\.(15|45)$/.test(o))));
    // A dismissed link would change the answer if it counted.
    for (const org of [big, small])
      assert.ok(
        models.some((m) => readable(m) && m.dismissed.has(org) && !m.orgs.has(org)),
        `a readable incident with ${org} dismissed`,
      );
    // Sorting by update differs from sorting by creation.
    const ids = (c: Case) => expectedOf(models, c).map((m) => m.id);
    assert.notDeepEqual(
      ids({ name: '', q: 'malware', sort: 'created' }),
      ids({ name: '', q: 'malware', sort: 'updated' }),
    );
    // Equal creation times, split across pages somewhere (the cursor's id tie-break).
    assert.ok(
      cases.some((c) => {
        const list = expectedOf(models, c);
        const sort = c.sort ?? '-created';
        return list.some(
          (m, k) =>
            k % limit === limit - 1 &&
            list[k + 1] !== undefined &&
            sortValue(list[k + 1]!, sort) === sortValue(m, sort),
        );
      }),
      'no tie across a page boundary',
    );
    if (t.db.dialect === 'sqlite') {
      const keys = await sql<{ id: number }>`select id from incident_search_keys`.execute(
        t.db.kysely,
      );
      assert.equal(keys.rows.length, count);
      assert.equal(keyRuns(keys.rows.map((k) => Number(k.id))).length, 2);
    }
  });

  for (const { name, tuning, slices, perRow } of tunings)
    it(`gives the expected pages with tuning: ${name}`, async (ctx) => {
      const seen: string[] = [];
      const deps: ListDeps = { db: recording(t.db, seen), clock, listTuning: tuning };
      for (const c of cases)
        await ctx.test(c.name, async () => {
          const expected = expectedOf(models, c).map((m) => label(m.id));
          const got = (await pageThrough(deps, c)).map(label);
          assert.deepEqual(got, expected, `${name} / ${c.name}`);
        });
      if (t.db.dialect !== 'sqlite') return;
      // Each tuning reaches the shapes it is meant to reach.
      const used = (fragment: string) => seen.some((s) => s.includes(fragment));
      assert.equal(used('rowid between'), slices, 'slices');
      assert.equal(
        used('from incident_search s join incident_search_keys k'),
        !slices,
        'candidates',
      );
      assert.equal(used('limit 1) is not null'), perRow, 'organisation per row');
      assert.equal(used('+incidents.sector'), perRow, 'sector walk');
    });
});
