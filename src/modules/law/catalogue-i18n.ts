import type { Catalogue, CatalogueTranslation } from './catalogue.schema.js';

/**
 * Translatable catalogue strings have stable keys, `law:<catalogue id>:<path>`, independent of
 * the catalogue version, so a translation keeps working across versions that keep the text.
 * `catalogueTexts` lists the strings and rebuilds the catalogue from a lookup, so the list of
 * keys and the localised copy can never disagree. Optional texts have a key only when present.
 *
 * @example
 *   localiseCatalogue(catalogue, translations, 'fr').provisions[0].title // French, or English
 */
type Lookup = (key: string, english: string) => string;

function catalogueTexts(c: Catalogue, t: Lookup): Catalogue {
  const k = (path: string, english: string) => t(`law:${c.id}:${path}`, english);
  const opt = (path: string, english: string | undefined) =>
    english === undefined ? undefined : k(path, english);
  // Spread only what exists, so an absent optional text stays absent (not `undefined`).
  const some = <T extends Record<string, string | undefined>>(fields: T) =>
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as {
      [K in keyof T]: string;
    };
  return {
    ...c,
    title: k('title', c.title),
    description: k('description', c.description),
    instruments: c.instruments.map((i) => ({
      ...i,
      shortName: k(`instrument.${i.id}.shortName`, i.shortName),
      title: k(`instrument.${i.id}.title`, i.title),
      scope: k(`instrument.${i.id}.scope`, i.scope),
      ...some({
        datesNote: opt(`instrument.${i.id}.datesNote`, i.datesNote),
        confidenceNote: opt(`instrument.${i.id}.confidenceNote`, i.confidenceNote),
      }),
    })),
    categories: c.categories.map((cat) => ({
      ...cat,
      title: k(`category.${cat.id}.title`, cat.title),
      description: k(`category.${cat.id}.description`, cat.description),
    })),
    provisions: c.provisions.map((p) => ({
      ...p,
      title: k(`provision.${p.id}.title`, p.title),
      summary: k(`provision.${p.id}.summary`, p.summary),
      ...some({ note: opt(`provision.${p.id}.note`, p.note) }),
      references: p.references.map((r) => ({
        ...r,
        ...some({ note: opt(`provision.${p.id}.ref.${r.instrument}.note`, r.note) }),
      })),
      checklist: p.checklist.map((e) => ({
        ...e,
        text: k(`provision.${p.id}.check.${e.id}`, e.text),
      })),
    })),
  };
}

/** Every translatable string of a catalogue, in document order: [key, English text]. */
export function catalogueKeys(c: Catalogue): Array<[key: string, english: string]> {
  const keys: Array<[string, string]> = [];
  catalogueTexts(c, (key, english) => {
    keys.push([key, english]);
    return english;
  });
  return keys;
}

/** The catalogue in one language; strings without a translation stay in English. */
export function localiseCatalogue(
  c: Catalogue,
  translations: CatalogueTranslation[],
  lang: string,
): Catalogue {
  if (lang === 'en') return c;
  // A language may be split over several files; later files win.
  const strings: Record<string, string> = {};
  for (const t of translations) if (t.lang === lang) Object.assign(strings, t.strings);
  return catalogueTexts(c, (key, english) => strings[key] ?? english);
}
