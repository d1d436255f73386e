import { AppError, isoNow } from '../../kernel/index.js';
import type { Locale } from '../accounts/index.js';
import {
  groups,
  ituRegions,
  nameOf,
  organisations,
  requireCountry,
  type Country,
  type GroupMembership,
} from '../registry/index.js';
import type { Assessment, Ratification } from './assessment.schema.js';
import type { Catalogue } from './catalogue.schema.js';
import { coverage, stateLookup } from './coverage.js';
import type { LawDeps } from './deps.js';
import { gaps, priorityOrder, PriorityError } from './gaps.js';
import { matrix } from './matrix.js';
import { currentAssessments, currentRatifications } from './store.js';
import {
  selectionKinds,
  type CatalogueRef,
  type CountryReport,
  type InstrumentSummary,
  type MatrixReport,
  type ReportGap,
  type ReportMeta,
  type ReportRatification,
  type Selection,
  type SelectionKind,
  type Titled,
} from './answers.js';

export {
  selectionKinds,
  type CountryReport,
  type InstrumentSummary,
  type MatrixReport,
  type ReportGap,
  type ReportMeta,
  type ReportRatification,
  type Selection,
  type SelectionKind,
};

/**
 * The harmonisation reports as data: one country's coverage, ratifications and gaps, and the
 * matrix of provisions by countries for a selection. The renderers (HTML, CSV) and the JSON
 * answer all read these objects, so the three formats always say the same thing.
 */

const catalogueRef = (c: Catalogue): CatalogueRef => ({
  id: c.id,
  version: c.version,
  title: c.title,
});
const titled = (c: Catalogue): Titled[] => c.categories.map(({ id, title }) => ({ id, title }));
const instrumentSummaries = (c: Catalogue): InstrumentSummary[] =>
  c.instruments.map(({ id, shortName, title, unit, mapped, binding }) => ({
    id,
    shortName,
    title,
    unit,
    mapped,
    binding,
  }));

/** The priority a user gives as `institutional,procedural`, as a full category order. */
export function parsePriority(catalogue: Catalogue, given: string | undefined): string[] {
  const chosen = (given ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  try {
    return priorityOrder(catalogue, chosen);
  } catch (error) {
    if (!(error instanceof PriorityError)) throw error;
    throw new AppError('bad_request', `The priority is not valid: ${error.message}`, {
      issues: error.problems.map((message) => ({ field: 'querystring.priority', message })),
    });
  }
}

/** One country's report from its current assessments and ratifications (pure). */
export function buildCountryReport(
  catalogue: Catalogue,
  input: {
    country: { iso3: string; name: string };
    assessments: readonly Pick<Assessment, 'provision' | 'status'>[];
    ratifications: readonly Ratification[];
    priority: readonly string[];
    meta: ReportMeta;
  },
): CountryReport {
  const stateOf = stateLookup(input.assessments);
  const recorded = new Map(input.ratifications.map((r) => [r.instrument, r]));
  // Model laws are not ratified: only binding instruments, and any status someone recorded.
  const ratifiable = catalogue.instruments.filter((i) => i.binding || recorded.has(i.id));
  return {
    ...input.meta,
    country: input.country,
    catalogue: catalogueRef(catalogue),
    categories: titled(catalogue),
    instruments: instrumentSummaries(catalogue),
    priority: priorityOrder(catalogue, input.priority),
    coverage: coverage(catalogue, stateOf),
    ratifications: ratifiable.map((i) => {
      const r = recorded.get(i.id);
      return {
        instrument: i.id,
        status: r?.status ?? null,
        date: r?.date ?? null,
        source: r?.source ?? null,
        sourceUrl: r?.sourceUrl ?? null,
      };
    }),
    gaps: gaps(catalogue, stateOf, input.priority).map(({ rank, state, provision: p }) => ({
      rank,
      provision: p.id,
      title: p.title,
      category: p.category,
      state,
      references: p.references,
      checklist: p.checklist,
    })),
  };
}

export async function countryReport(
  deps: LawDeps,
  input: { iso3: string; lang: Locale; priority: string | undefined; generatedBy: string },
): Promise<CountryReport> {
  const catalogue = deps.localised(input.lang);
  const country = requireCountry(deps.registry, input.iso3);
  const priority = parsePriority(catalogue, input.priority);
  const [assessments, ratifications] = await Promise.all([
    currentAssessments(deps.db, [country.iso3]),
    currentRatifications(deps.db, [country.iso3]),
  ]);
  return buildCountryReport(catalogue, {
    country: { iso3: country.iso3, name: nameOf(country, input.lang) },
    assessments,
    ratifications,
    priority,
    meta: metaOf(deps, input.lang, input.generatedBy),
  });
}

function metaOf(deps: LawDeps, lang: Locale, generatedBy: string): ReportMeta {
  const generatedAt = isoNow(deps.clock);
  return { lang, date: generatedAt.slice(0, 10), generatedAt, generatedBy };
}

// --- Across countries ----------------------------------------------------------------------------

const selectionValues: Record<SelectionKind, readonly string[]> = {
  region: ituRegions,
  organisation: organisations,
  group: groups,
};

/** Exactly one of region, organisation or group, with a value the registry knows. */
export function parseSelection(query: Partial<Record<SelectionKind, string>>): Selection {
  const given = selectionKinds.filter((k) => query[k] !== undefined);
  const problem = (field: string, message: string) =>
    new AppError('bad_request', `The selection is not valid: ${message}`, {
      issues: [{ field: `querystring.${field}`, message }],
    });
  if (given.length === 0)
    throw problem('region', 'give one of region, organisation or group to choose the countries');
  if (given.length > 1)
    throw problem(
      given[1]!,
      `give only one of region, organisation or group, not ${given.join(' and ')}`,
    );
  const kind = given[0]!;
  const id = query[kind]!;
  if (!selectionValues[kind].includes(id))
    throw problem(kind, `unknown ${kind} "${id}"; known: ${selectionValues[kind].join(', ')}`);
  return { kind, id };
}

/** The countries of a selection today (current group memberships only), sorted by name. */
export function selectionCountries(
  data: { countries: readonly Country[]; memberships: readonly GroupMembership[] },
  selection: Selection,
  lang: Locale,
): Array<{ iso3: string; name: string }> {
  const members =
    selection.kind === 'group'
      ? new Set(
          data.memberships
            .filter((m) => m.group === selection.id && m.to === null)
            .map((m) => m.iso3),
        )
      : null;
  const chosen = data.countries.filter((c) =>
    selection.kind === 'region'
      ? c.ituRegion === selection.id
      : selection.kind === 'organisation'
        ? (c.organisations as readonly string[]).includes(selection.id)
        : members!.has(c.iso3),
  );
  const collator = new Intl.Collator(lang);
  return chosen
    .map((c) => ({ iso3: c.iso3, name: nameOf(c, lang) }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.iso3.localeCompare(b.iso3));
}

/** The matrix of a selection from every country's current assessments (pure). */
export function buildMatrixReport(
  catalogue: Catalogue,
  input: {
    selection: Selection;
    countries: ReadonlyArray<{ iso3: string; name: string }>;
    assessments: readonly Pick<Assessment, 'iso3' | 'provision' | 'status'>[];
    meta: ReportMeta;
  },
): MatrixReport {
  const byCountry = new Map<string, Array<Pick<Assessment, 'provision' | 'status'>>>();
  for (const a of input.assessments) byCountry.set(a.iso3, [...(byCountry.get(a.iso3) ?? []), a]);
  const result = matrix(catalogue, input.countries, (iso3) =>
    stateLookup(byCountry.get(iso3) ?? []),
  );
  const titles = new Map(catalogue.provisions.map((p) => [p.id, p.title]));
  return {
    ...input.meta,
    selection: input.selection,
    catalogue: catalogueRef(catalogue),
    categories: titled(catalogue),
    countries: result.countries,
    rows: result.rows.map((r) => ({ ...r, title: titles.get(r.provision) ?? r.provision })),
  };
}

export async function matrixReport(
  deps: LawDeps,
  input: { selection: Selection; lang: Locale; generatedBy: string },
): Promise<MatrixReport> {
  const catalogue = deps.localised(input.lang);
  const countries = selectionCountries(deps.registry.data, input.selection, input.lang);
  const assessments =
    countries.length === 0
      ? []
      : await currentAssessments(
          deps.db,
          countries.map((c) => c.iso3),
        );
  return buildMatrixReport(catalogue, {
    selection: input.selection,
    countries,
    assessments,
    meta: metaOf(deps, input.lang, input.generatedBy),
  });
}
