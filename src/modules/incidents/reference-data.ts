import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { locales, type Locale } from '../accounts/index.js';

/**
 * The incidents module's reference data, shipped under data/incidents: the Reference Security
 * Incident Taxonomy (RSIT) with names and descriptions in the six languages, and the playbooks
 * (task templates per RSIT type or class). Read and checked once at start; a bad file stops
 * the server with the file and the field named.
 */
export const defaultIncidentsDataDir = fileURLToPath(
  new URL('../../../data/incidents', import.meta.url),
);

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case id');
const text = z.string().trim().min(1).max(1000);

const rsitFileSchema = z.strictObject({
  version: text,
  source: text,
  licence: text,
  classes: z
    .array(
      z.strictObject({
        id: slug,
        name: text,
        description: text,
        types: z
          .array(z.strictObject({ id: slug, name: text, description: text, machineTag: text }))
          .min(1),
      }),
    )
    .min(1),
});

/** A translation of a class or type: its name, and its description (English where absent). */
const namesSchema = z.record(
  z.string(),
  z.strictObject({ name: text, description: text.optional() }),
);
const i18nFileSchema = z.strictObject({ classes: namesSchema, types: namesSchema });

const taskTemplateSchema = z.strictObject({
  key: slug,
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000),
});
export type TaskTemplate = z.infer<typeof taskTemplateSchema>;

export const playbooksFileSchema = z.strictObject({
  version: z.number().int().min(1),
  description: z.string(),
  playbooks: z.array(
    z.strictObject({
      appliesTo: z.union([z.strictObject({ type: slug }), z.strictObject({ class: slug })]),
      tasks: z.array(taskTemplateSchema).min(1).max(50),
    }),
  ),
});

export interface RsitType {
  id: string;
  classId: string;
  name: string;
  description: string;
  machineTag: string;
}
export interface RsitClass {
  id: string;
  name: string;
  description: string;
  types: RsitType[];
}

export interface IncidentReference {
  version: string;
  source: string;
  licence: string;
  /** In English, as shipped. */
  classes: RsitClass[];
  classById: ReadonlyMap<string, RsitClass>;
  typeById: ReadonlyMap<string, RsitType>;
  /**
   * The taxonomy with names and descriptions in one language (English for each name or
   * description that is missing).
   */
  localised(lang: string): RsitClass[];
  /** Task templates for a new incident: those of its type if any, else those of its class. */
  templatesFor(rsitClass: string | null, rsitType: string | null): TaskTemplate[];
}

export class ReferenceDataError extends Error {}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReferenceDataError(`${file}: ${(error as Error).message}`);
  }
}

function check<S extends z.ZodType>(file: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ReferenceDataError(`${file}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
}

export function loadIncidentReference(dir: string = defaultIncidentsDataDir): IncidentReference {
  const rsitFile = path.join(dir, 'rsit.json');
  const rsit = check(rsitFile, rsitFileSchema, readJson(rsitFile));
  const classes: RsitClass[] = rsit.classes.map((c) => ({
    ...c,
    types: c.types.map((t) => ({ ...t, classId: c.id })),
  }));
  const classById = new Map(classes.map((c) => [c.id, c]));
  const typeById = new Map<string, RsitType>();
  for (const c of classes)
    for (const t of c.types) {
      if (typeById.has(t.id)) throw new ReferenceDataError(`${rsitFile}: type ${t.id} twice`);
      typeById.set(t.id, t);
    }

  const translations = new Map<string, z.infer<typeof i18nFileSchema>>();
  for (const lang of locales) {
    const file = path.join(dir, 'i18n', `${lang}.json`);
    if (lang === 'en' || !existsSync(file)) continue;
    const names = check(file, i18nFileSchema, readJson(file));
    for (const id of [...Object.keys(names.classes), ...Object.keys(names.types)])
      if (!classById.has(id) && !typeById.has(id))
        throw new ReferenceDataError(`${file}: ${id} is not an RSIT class or type`);
    translations.set(lang, names);
  }
  const localisedCache = new Map<string, RsitClass[]>();
  const localised = (lang: string): RsitClass[] => {
    const names = translations.get(lang);
    if (!names) return classes;
    let value = localisedCache.get(lang);
    if (!value) {
      value = classes.map((c) => ({
        ...c,
        name: names.classes[c.id]?.name ?? c.name,
        description: names.classes[c.id]?.description ?? c.description,
        types: c.types.map((t) => ({
          ...t,
          name: names.types[t.id]?.name ?? t.name,
          description: names.types[t.id]?.description ?? t.description,
        })),
      }));
      localisedCache.set(lang, value);
    }
    return value;
  };

  const playbooksFile = path.join(dir, 'playbooks.json');
  const playbooks = existsSync(playbooksFile)
    ? check(playbooksFile, playbooksFileSchema, readJson(playbooksFile)).playbooks
    : [];
  const byType = new Map<string, TaskTemplate[]>();
  const byClass = new Map<string, TaskTemplate[]>();
  for (const playbook of playbooks) {
    const target = playbook.appliesTo;
    if ('type' in target) {
      if (!typeById.has(target.type))
        throw new ReferenceDataError(`${playbooksFile}: ${target.type} is not an RSIT type`);
      byType.set(target.type, playbook.tasks);
    } else {
      if (!classById.has(target.class))
        throw new ReferenceDataError(`${playbooksFile}: ${target.class} is not an RSIT class`);
      byClass.set(target.class, playbook.tasks);
    }
  }

  return {
    version: rsit.version,
    source: rsit.source,
    licence: rsit.licence,
    classes,
    classById,
    typeById,
    localised,
    templatesFor: (rsitClass, rsitType) =>
      (rsitType ? byType.get(rsitType) : undefined) ??
      (rsitClass ? byClass.get(rsitClass) : undefined) ??
      [],
  };
}

export const isLocale = (lang: string): lang is Locale =>
  (locales as readonly string[]).includes(lang);
