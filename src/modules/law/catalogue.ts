import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { catalogueKeys } from './catalogue-i18n.js';
import {
  catalogueSchema,
  translationSchema,
  type Catalogue,
  type CatalogueTranslation,
} from './catalogue.schema.js';

export const defaultLawDir = fileURLToPath(new URL('../../../data/law', import.meta.url));

/** Every catalogue version (oldest first), so an old assessment is read with its own. */
export interface LawContent {
  catalogues: Catalogue[];
  latest: Catalogue;
  translations: CatalogueTranslation[];
}

/** A law content file that does not hold: names the file and the places in it. */
export class LawContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'LawContentError';
  }
}

/** Compares dotted versions numerically: "1.10" comes after "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function readFolder<S extends z.ZodType>(
  dir: string,
  folder: string,
  schema: S,
  required: boolean,
): Array<{ file: string; name: string; value: z.infer<S> }> {
  let names: string[];
  try {
    names = readdirSync(join(dir, folder)).filter((n) => n.endsWith('.json'));
  } catch {
    if (required) throw new LawContentError(folder, ['the folder is missing']);
    return [];
  }
  return names.sort().map((name) => {
    const file = `${folder}/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, folder, name), 'utf8'));
    } catch (error) {
      throw new LawContentError(file, [`not JSON: ${(error as Error).message}`]);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      throw new LawContentError(
        file,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
      );
    return { file, name, value: parsed.data };
  });
}

/** Positions of values seen before: [index, value] for every repeat. */
function repeats(values: string[]): Array<[number, string]> {
  const seen = new Set<string>();
  const out: Array<[number, string]> = [];
  values.forEach((v, i) => (seen.has(v) ? out.push([i, v]) : seen.add(v)));
  return out;
}

/** What the schema cannot check: unique ids and the references inside one catalogue. */
export function catalogueProblems(c: Catalogue): string[] {
  const problems: string[] = [];
  const instruments = new Map(c.instruments.map((i) => [i.id, i]));
  const categories = new Set(c.categories.map((x) => x.id));
  for (const [i, id] of repeats(c.instruments.map((x) => x.id)))
    problems.push(`instruments.${i}.id: instrument ${id} given twice`);
  for (const [i, id] of repeats(c.categories.map((x) => x.id)))
    problems.push(`categories.${i}.id: category ${id} given twice`);
  for (const [i, id] of repeats(c.provisions.map((x) => x.id)))
    problems.push(`provisions.${i}.id: provision ${id} given twice`);
  c.instruments.forEach((inst, i) => {
    if (inst.parent !== undefined && (inst.parent === inst.id || !instruments.has(inst.parent)))
      problems.push(`instruments.${i}.parent: ${inst.id} names unknown parent ${inst.parent}`);
  });

  for (const [i, id] of repeats(c.gapPriority))
    problems.push(`gapPriority.${i}: category ${id} given twice`);
  c.gapPriority.forEach((id, i) => {
    if (!categories.has(id)) problems.push(`gapPriority.${i}: unknown category ${id}`);
  });
  const ranked = new Set(c.gapPriority);
  for (const id of categories)
    if (!ranked.has(id)) problems.push(`gapPriority: category ${id} is missing`);

  c.provisions.forEach((p, pi) => {
    const at = `provisions.${pi}`;
    if (!categories.has(p.category))
      problems.push(`${at}.category: ${p.id} is in unknown category ${p.category}`);
    p.references.forEach((r, ri) => {
      const inst = instruments.get(r.instrument);
      if (!inst)
        problems.push(`${at}.references.${ri}.instrument: ${p.id} cites unknown ${r.instrument}`);
      else if (!inst.mapped)
        problems.push(
          `${at}.references.${ri}.instrument: ${p.id} cites ${r.instrument}, which is not mapped`,
        );
    });
    for (const [ri, id] of repeats(p.references.map((r) => r.instrument)))
      problems.push(`${at}.references.${ri}.instrument: ${p.id} cites ${id} twice`);
    const cited = new Set(p.references.map((r) => r.instrument));
    for (const [ei, id] of repeats(p.checklist.map((e) => e.id)))
      problems.push(`${at}.checklist.${ei}.id: ${p.id} has checklist element ${id} twice`);
    p.checklist.forEach((e, ei) =>
      e.instruments.forEach((id, ii) => {
        if (!cited.has(id))
          problems.push(
            `${at}.checklist.${ei}.instruments.${ii}: ${p.id} element ${e.id} names ${id}, ` +
              'which is not among the provision references',
          );
      }),
    );
  });
  return problems;
}

/**
 * Reads every catalogue version in `dir`/catalogue and every translation overlay in `dir`/i18n
 * (a missing or empty i18n folder means English only). Throws LawContentError naming the file
 * and the places that are wrong: not JSON, schema errors, broken references, unknown keys.
 */
export function loadLawCatalogue(dir: string = defaultLawDir): LawContent {
  const read = readFolder(dir, 'catalogue', catalogueSchema, true);
  if (!read.length) throw new LawContentError('catalogue', ['no catalogue file']);
  for (const { file, name, value } of read) {
    const problems = catalogueProblems(value);
    // One file per id and version: the name makes a version given twice impossible.
    if (name !== `${value.id}-${value.version}.json`)
      problems.unshift(`(file): must be named ${value.id}-${value.version}.json`);
    if (problems.length) throw new LawContentError(file, problems);
  }
  const catalogues = read
    .map((r) => r.value)
    .sort((a, b) => compareVersions(a.version, b.version) || a.id.localeCompare(b.id));

  const keys = new Set(catalogues.flatMap((c) => catalogueKeys(c).map(([key]) => key)));
  const translations = readFolder(dir, 'i18n', translationSchema, false).map(({ file, value }) => {
    const unknown = Object.keys(value.strings).filter((k) => !keys.has(k));
    if (unknown.length)
      throw new LawContentError(
        file,
        unknown.map((k) => `strings.${k}: no catalogue has this key`),
      );
    return value;
  });
  return { catalogues, latest: catalogues[catalogues.length - 1]!, translations };
}
