import type { Category, Instrument, LawCatalogue, Provision, Reference } from './types.js';

/**
 * The catalogue page's filters and grouping, pure: the filters live in the address
 * (`?instrument=un_2024&category=procedural&q=access&legalBasis=1`) so a filtered view can be
 * shared, and the toolkit links to the legal-basis provisions with `?legalBasis=1`.
 */
export interface CatalogueFilter {
  instrument: string;
  category: string;
  q: string;
  legalBasis: boolean;
}

export const noFilter: CatalogueFilter = { instrument: '', category: '', q: '', legalBasis: false };

export function readFilter(params: URLSearchParams): CatalogueFilter {
  return {
    instrument: params.get('instrument') ?? '',
    category: params.get('category') ?? '',
    q: params.get('q') ?? '',
    legalBasis: params.get('legalBasis') === '1',
  };
}

/** The filter as query parameters, leaving out what is not set. */
export function filterParams(filter: CatalogueFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.instrument) out.instrument = filter.instrument;
  if (filter.category) out.category = filter.category;
  if (filter.q.trim()) out.q = filter.q;
  if (filter.legalBasis) out.legalBasis = '1';
  return out;
}

export const isFiltered = (filter: CatalogueFilter) => Object.keys(filterParams(filter)).length > 0;

/** Lower case without accents, so "Cooperation" finds "coopération" and the reverse. */
export const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export const referenceTo = (provision: Provision, instrument: string): Reference | undefined =>
  provision.references.find((r) => r.instrument === instrument);

/** Whether a provision passes the filter; every word of the search must be found somewhere. */
export function matches(provision: Provision, filter: CatalogueFilter): boolean {
  if (filter.instrument && !referenceTo(provision, filter.instrument)) return false;
  if (filter.category && provision.category !== filter.category) return false;
  if (filter.legalBasis && !provision.legalBasis) return false;
  const words = fold(filter.q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [
      provision.id,
      provision.title,
      provision.summary,
      provision.note ?? '',
      ...provision.checklist.map((c) => c.text),
    ].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

/** The provisions that pass, grouped under their categories in the catalogue's order. */
export function groupedProvisions(
  catalogue: Pick<LawCatalogue, 'categories' | 'provisions'>,
  filter: CatalogueFilter,
): { category: Category; provisions: Provision[] }[] {
  return catalogue.categories
    .map((category) => ({
      category,
      provisions: catalogue.provisions.filter(
        (p) => p.category === category.id && matches(p, filter),
      ),
    }))
    .filter((group) => group.provisions.length > 0);
}

/** Instruments mapped provision by provision: the catalogue table's columns. */
export const mappedInstruments = (catalogue: Pick<LawCatalogue, 'instruments'>): Instrument[] =>
  catalogue.instruments.filter((i) => i.mapped);

/**
 * A citation as a reader expects it: a bare number gets the instrument's unit ("Art. 2",
 * "s. 4"); a citation that already says what it is ("Ch. II (arts 8-23)") is kept as it is.
 */
export function citationKind(citation: string): 'numbered' | 'worded' {
  return /^\d/.test(citation.trim()) ? 'numbered' : 'worded';
}
