import { AppError, isoNow } from '../../kernel/index.js';
import { appendAudit, findUserById, type AuditContext, type Locale } from '../accounts/index.js';
import { groupsAsOf, nameOf, requireCountry, today } from '../registry/index.js';
import type {
  Assessment,
  AssessmentInput,
  Ratification,
  RatificationInput,
} from './assessment.schema.js';
import type { Catalogue, Instrument, Provision } from './catalogue.schema.js';
import { coverage, countStates, stateLookup } from './coverage.js';
import type { LawDeps } from './deps.js';
import {
  currentAssessments,
  currentRatifications,
  findAssessment,
  lockLawWrites,
  recordedCountries,
  writeAssessments,
  writeRatification,
  type AssessmentRecord,
} from './store.js';
import type { Executor } from '../../storage/index.js';
import type { CountryLaw, CountrySummary } from './answers.js';

export type { CountryLaw, CountrySummary };

/** The provision in the latest catalogue, or a 404 that names the id and the catalogue. */
export function requireProvision(catalogue: Catalogue, id: string): Provision {
  const provision = catalogue.provisions.find((p) => p.id === id);
  if (!provision)
    throw new AppError(
      'not_found',
      `No provision ${id} in catalogue ${catalogue.id} ${catalogue.version}`,
      { issues: [{ field: 'provision', message: `is not a provision of ${catalogue.id}` }] },
    );
  return provision;
}

export function requireInstrument(catalogue: Catalogue, id: string): Instrument {
  const instrument = catalogue.instruments.find((i) => i.id === id);
  if (!instrument)
    throw new AppError(
      'not_found',
      `No instrument ${id} in catalogue ${catalogue.id} ${catalogue.version}`,
      { issues: [{ field: 'instrument', message: `is not an instrument of ${catalogue.id}` }] },
    );
  return instrument;
}

/** Only treaties and protocols are signed, ratified or acceded to. */
export const ratifiable = (instrument: Instrument) =>
  instrument.nature === 'treaty' || instrument.nature === 'protocol';

/** The name history rows show: the user's display name at the time, else the audit label. */
export async function actorName(trx: Executor, context: AuditContext): Promise<string> {
  const user = context.actorId ? await findUserById(trx, context.actorId) : undefined;
  return user?.display_name ?? context.actorLabel;
}

/** Empty texts are stored as absent, so an export and its re-import compare equal. */
const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

/** The fields of an assessment that its user states (not who or when). */
export function assessmentFields(input: AssessmentInput) {
  return {
    status: input.status,
    lawTitle: orNull(input.lawTitle),
    article: orNull(input.article),
    adoptedOn: orNull(input.adoptedOn),
    link: orNull(input.link),
    notes: orNull(input.notes),
  };
}

/** Records a country's status for one provision: current row, history row and audit, at once. */
export async function setAssessment(
  deps: LawDeps,
  context: AuditContext,
  iso3: string,
  provisionId: string,
  input: AssessmentInput,
): Promise<Assessment> {
  requireCountry(deps.registry, iso3);
  requireProvision(deps.content.latest, provisionId);
  return deps.db.kysely.transaction().execute(async (trx) => {
    await lockLawWrites(trx, deps.db.dialect);
    const before = await findAssessment(trx, iso3, provisionId);
    const now = isoNow(deps.clock);
    const record: AssessmentRecord = {
      iso3,
      provision: provisionId,
      ...assessmentFields(input),
      assessedBy: await actorName(trx, context),
      assessedById: context.actorId,
      assessedAt: now,
    };
    await writeAssessments(trx, [record], now);
    const { assessedById: _, ...after } = record;
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'law.assessment_set',
        entityType: 'law_assessment',
        entityId: `${iso3}:${provisionId}`,
        before: before ?? null,
        after,
      },
      deps.clock,
    );
    return after;
  });
}

/** Records a country's status for one treaty or protocol, with its date and source. */
export async function setRatification(
  deps: LawDeps,
  context: AuditContext,
  iso3: string,
  instrumentId: string,
  input: RatificationInput,
): Promise<Ratification> {
  requireCountry(deps.registry, iso3);
  const instrument = requireInstrument(deps.content.latest, instrumentId);
  if (!ratifiable(instrument))
    throw new AppError(
      'validation_failed',
      `${instrument.shortName} is a ${instrument.nature}: countries adopt its content in their own law, they do not sign or ratify it`,
      { issues: [{ field: 'instrument', message: 'must be a treaty or a protocol' }] },
    );
  return deps.db.kysely.transaction().execute(async (trx) => {
    await lockLawWrites(trx, deps.db.dialect);
    const before = (await currentRatifications(trx, [iso3])).find(
      (r) => r.instrument === instrumentId,
    );
    const record = {
      iso3,
      instrument: instrumentId,
      status: input.status,
      date: orNull(input.date),
      source: orNull(input.source),
      sourceUrl: orNull(input.sourceUrl),
      notes: orNull(input.notes),
      recordedBy: await actorName(trx, context),
      recordedById: context.actorId,
      recordedAt: isoNow(deps.clock),
    };
    await writeRatification(trx, record);
    const { recordedById: _, ...after } = record;
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'law.ratification_set',
        entityType: 'law_ratification',
        entityId: `${iso3}:${instrumentId}`,
        before: before ?? null,
        after,
      },
      deps.clock,
    );
    return after;
  });
}

// --- Views ------------------------------------------------------------------------------------

/** A country's legal record against the latest catalogue. */
export async function countryLaw(deps: LawDeps, iso3: string, lang: Locale): Promise<CountryLaw> {
  const country = requireCountry(deps.registry, iso3);
  const [assessments, ratifications] = await Promise.all([
    currentAssessments(deps.db, [iso3]),
    currentRatifications(deps.db, [iso3]),
  ]);
  const catalogue = deps.content.latest;
  return {
    country: {
      iso3,
      name: nameOf(country, lang),
      ituRegion: country.ituRegion,
      organisations: country.organisations,
      groups: groupsAsOf(deps.registry.data.memberships, iso3, today(deps.clock)),
    },
    catalogueVersion: catalogue.version,
    assessments,
    ratifications,
    coverage: coverage(catalogue, stateLookup(assessments)),
  };
}

/** Every registry country with at least one assessment or ratification, by ISO code. */
export async function countrySummaries(deps: LawDeps, lang: Locale): Promise<CountrySummary[]> {
  const byCode = new Map(deps.registry.data.countries.map((c) => [c.iso3, c]));
  const iso3s = (await recordedCountries(deps.db)).filter((c) => byCode.has(c));
  const [assessments, ratifications] = await Promise.all([
    currentAssessments(deps.db, iso3s),
    currentRatifications(deps.db, iso3s),
  ]);
  const { provisions } = deps.content.latest;
  return iso3s.map((iso3) => {
    const own = assessments.filter((a) => a.iso3 === iso3);
    const counts = countStates(provisions, stateLookup(own));
    const times = [
      ...own.map((a) => a.assessedAt),
      ...ratifications.filter((r) => r.iso3 === iso3).map((r) => r.recordedAt),
    ];
    return {
      iso3,
      name: nameOf(byCode.get(iso3)!, lang),
      assessed: counts.total - counts['not-assessed'],
      percent: counts.percent,
      lastAssessedAt: times.reduce((a, b) => (a > b ? a : b)),
    };
  });
}
