import { sql } from 'kysely';
import { newId } from '../../kernel/index.js';
import type { Db, Executor } from '../../storage/index.js';
import type {
  Assessment,
  AssessmentStatus,
  Ratification,
  RatificationStatus,
} from './assessment.schema.js';

/**
 * Kysely queries of the law module. Current rows answer "where does the country stand"; each
 * write also appends a history row whose `version` counts per (country, provision) or
 * (country, instrument), so history reads newest first even when two changes share a time.
 * Readers take a `Db` or any executor (the Kysely instance or a transaction).
 */
type Source = Db | Executor;
const executor = (source: Source): Executor => ('kysely' in source ? source.kysely : source);

/** A saved assessment with the user id kept beside the name (the API shows the name only). */
export interface AssessmentRecord extends Assessment {
  assessedById: string | null;
}
export interface RatificationRecord extends Ratification {
  recordedById: string | null;
}

/** One change in a history: the record as it was saved, its version and when it was written. */
export type AssessmentChange = Assessment & { version: number; recordedAt: string };
export type RatificationChange = Ratification & { version: number };

type AssessmentRow = {
  iso3: string;
  provision: string;
  status: string;
  law_title: string | null;
  article: string | null;
  adopted_on: string | null;
  link: string | null;
  notes: string | null;
  assessed_by_name: string;
  assessed_at: string;
};
type RatificationRow = {
  iso3: string;
  instrument: string;
  status: string;
  date: string | null;
  source: string | null;
  source_url: string | null;
  notes: string | null;
  recorded_by_name: string;
  recorded_at: string;
};

const toAssessment = (r: AssessmentRow): Assessment => ({
  iso3: r.iso3,
  provision: r.provision,
  status: r.status as AssessmentStatus,
  lawTitle: r.law_title,
  article: r.article,
  adoptedOn: r.adopted_on,
  link: r.link,
  notes: r.notes,
  assessedBy: r.assessed_by_name,
  assessedAt: r.assessed_at,
});

const toRatification = (r: RatificationRow): Ratification => ({
  iso3: r.iso3,
  instrument: r.instrument,
  status: r.status as RatificationStatus,
  date: r.date,
  source: r.source,
  sourceUrl: r.source_url,
  notes: r.notes,
  recordedBy: r.recorded_by_name,
  recordedAt: r.recorded_at,
});

const assessmentColumns = [
  'iso3',
  'provision',
  'status',
  'law_title',
  'article',
  'adopted_on',
  'link',
  'notes',
  'assessed_by_name',
  'assessed_at',
] as const;
const ratificationColumns = [
  'iso3',
  'instrument',
  'status',
  'date',
  'source',
  'source_url',
  'notes',
  'recorded_by_name',
  'recorded_at',
] as const;

/** The current assessments of these countries, by country then provision. */
export async function currentAssessments(
  db: Source,
  iso3s: readonly string[],
): Promise<Assessment[]> {
  if (iso3s.length === 0) return [];
  const rows = await executor(db)
    .selectFrom('law_assessments')
    .select(assessmentColumns)
    .where('iso3', 'in', [...new Set(iso3s)])
    .orderBy('iso3')
    .orderBy('provision')
    .execute();
  return rows.map(toAssessment);
}

/** One current assessment, if the provision was assessed in the country. */
export async function findAssessment(
  db: Source,
  iso3: string,
  provision: string,
): Promise<Assessment | undefined> {
  const row = await executor(db)
    .selectFrom('law_assessments')
    .select(assessmentColumns)
    .where('iso3', '=', iso3)
    .where('provision', '=', provision)
    .executeTakeFirst();
  return row && toAssessment(row);
}

/** The current ratification records of these countries, by country then instrument. */
export async function currentRatifications(
  db: Source,
  iso3s: readonly string[],
): Promise<Ratification[]> {
  if (iso3s.length === 0) return [];
  const rows = await executor(db)
    .selectFrom('law_ratifications')
    .select(ratificationColumns)
    .where('iso3', 'in', [...new Set(iso3s)])
    .orderBy('iso3')
    .orderBy('instrument')
    .execute();
  return rows.map(toRatification);
}

/** Countries with at least one assessment or ratification record. */
export async function recordedCountries(db: Source): Promise<string[]> {
  const rows = await executor(db)
    .selectFrom('law_assessments')
    .select('iso3')
    .union(executor(db).selectFrom('law_ratifications').select('iso3'))
    .execute();
  return rows.map((r) => r.iso3).sort();
}

/** Every saved version of one provision's assessment in a country, newest first. */
export async function assessmentHistory(
  db: Source,
  iso3: string,
  provision: string,
): Promise<AssessmentChange[]> {
  const rows = await executor(db)
    .selectFrom('law_assessment_history')
    .select([...assessmentColumns, 'version', 'recorded_at'])
    .where('iso3', '=', iso3)
    .where('provision', '=', provision)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ ...toAssessment(r), version: r.version, recordedAt: r.recorded_at }));
}

/** Every saved version of one instrument's ratification record in a country, newest first. */
export async function ratificationHistory(
  db: Source,
  iso3: string,
  instrument: string,
): Promise<RatificationChange[]> {
  const rows = await executor(db)
    .selectFrom('law_ratification_history')
    .select([...ratificationColumns, 'version'])
    .where('iso3', '=', iso3)
    .where('instrument', '=', instrument)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ ...toRatification(r), version: r.version }));
}

// --- Writes (inside the caller's transaction) -------------------------------------------------

/**
 * Serialises law writes across processes sharing PostgreSQL, so two writers never pick the
 * same next version. SQLite needs no lock: its transactions hold the only connection.
 */
export async function lockLawWrites(trx: Executor, dialect: Db['dialect']): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(5807010)`.execute(trx);
}

/** Rows per statement: well under SQLite's and PostgreSQL's limits on bound values. */
const chunkSize = 300;
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, i) =>
    items.slice(i * chunkSize, (i + 1) * chunkSize),
  );

/** The next version of each pair: 1 for a pair never written. Keys are `iso3|key`. */
async function nextVersions(
  trx: Executor,
  table: 'law_assessment_history' | 'law_ratification_history',
  keyColumn: 'provision' | 'instrument',
  pairs: ReadonlyArray<{ iso3: string; key: string }>,
): Promise<Map<string, number>> {
  const next = new Map(pairs.map((p) => [`${p.iso3}|${p.key}`, 1]));
  for (const part of chunks([...new Set(pairs.map((p) => p.iso3))])) {
    const rows = await trx
      .selectFrom(table)
      .select(['iso3', sql<string>`${sql.ref(keyColumn)}`.as('key')])
      .select((eb) => eb.fn.max('version').as('version'))
      .where('iso3', 'in', part)
      .groupBy(['iso3', keyColumn])
      .execute();
    for (const r of rows) {
      const key = `${r.iso3}|${r.key}`;
      if (next.has(key)) next.set(key, Number(r.version) + 1);
    }
  }
  return next;
}

/** Saves assessments as current and appends each to the history (one version each). */
export async function writeAssessments(
  trx: Executor,
  records: readonly AssessmentRecord[],
  recordedAt: string,
): Promise<void> {
  const versions = await nextVersions(
    trx,
    'law_assessment_history',
    'provision',
    records.map((r) => ({ iso3: r.iso3, key: r.provision })),
  );
  for (const part of chunks(records)) {
    const rows = part.map((r) => ({
      iso3: r.iso3,
      provision: r.provision,
      status: r.status,
      law_title: r.lawTitle,
      article: r.article,
      adopted_on: r.adoptedOn,
      link: r.link,
      notes: r.notes,
      assessed_by: r.assessedById,
      assessed_by_name: r.assessedBy,
      assessed_at: r.assessedAt,
    }));
    await trx
      .insertInto('law_assessments')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['iso3', 'provision']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          law_title: eb.ref('excluded.law_title'),
          article: eb.ref('excluded.article'),
          adopted_on: eb.ref('excluded.adopted_on'),
          link: eb.ref('excluded.link'),
          notes: eb.ref('excluded.notes'),
          assessed_by: eb.ref('excluded.assessed_by'),
          assessed_by_name: eb.ref('excluded.assessed_by_name'),
          assessed_at: eb.ref('excluded.assessed_at'),
        })),
      )
      .execute();
    await trx
      .insertInto('law_assessment_history')
      .values(
        rows.map((row) => ({
          ...row,
          id: newId(),
          version: versions.get(`${row.iso3}|${row.provision}`)!,
          recorded_at: recordedAt,
        })),
      )
      .execute();
  }
}

/** Saves a ratification record as current and appends it to the history. */
export async function writeRatification(trx: Executor, record: RatificationRecord): Promise<void> {
  const versions = await nextVersions(trx, 'law_ratification_history', 'instrument', [
    { iso3: record.iso3, key: record.instrument },
  ]);
  const row = {
    iso3: record.iso3,
    instrument: record.instrument,
    status: record.status,
    date: record.date,
    source: record.source,
    source_url: record.sourceUrl,
    notes: record.notes,
    recorded_by: record.recordedById,
    recorded_by_name: record.recordedBy,
    recorded_at: record.recordedAt,
  };
  await trx
    .insertInto('law_ratifications')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['iso3', 'instrument']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        date: eb.ref('excluded.date'),
        source: eb.ref('excluded.source'),
        source_url: eb.ref('excluded.source_url'),
        notes: eb.ref('excluded.notes'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_by_name: eb.ref('excluded.recorded_by_name'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute();
  await trx
    .insertInto('law_ratification_history')
    .values({
      ...row,
      id: newId(),
      version: versions.get(`${record.iso3}|${record.instrument}`)!,
    })
    .execute();
}
