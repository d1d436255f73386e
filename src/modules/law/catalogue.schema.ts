import { z } from 'zod';

/**
 * The law catalogue is data (data/law/catalogue/<id>-<version>.json): the international
 * instruments, the provision categories and the harmonised provisions with their
 * cross-references and drafting checklists, in the project's own words. Adding an instrument or
 * a provision is an edit of that file, never of code. This zod schema is the source of
 * data/law/schema/law-catalogue.schema.json (scripts/law-schemas.mjs; a test checks it is
 * current). Texts are English; translations are overlay files in data/law/i18n keyed by
 * `catalogueKeys` (catalogue-i18n.ts), so a missing translation falls back to English.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be lower-case letters, digits, "_", "." or "-"')
  .max(80);
const version = z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version like 1.0 or 1.0.0');
const text = z.string().trim().min(1).max(4000);
const day = z.iso.date('must be a date as YYYY-MM-DD');

export const provisionIdSchema = z
  .string()
  .regex(/^[A-Z]{3}-\d{2}$/, 'must be a provision id such as SUB-01');
export const instrumentIdSchema = slug;

export const instrumentNatures = ['treaty', 'protocol', 'model-law', 'directive'] as const;
export const referenceConfidences = ['high', 'medium', 'low'] as const;

export const instrumentSchema = z.strictObject({
  id: instrumentIdSchema,
  /** What people call it in a table header: "Budapest", "UN 2024", "Malabo". */
  shortName: z.string().trim().min(1).max(40),
  title: text,
  nature: z.enum(instrumentNatures),
  /** A treaty or protocol binds its parties; a model law or guideline does not. */
  binding: z.boolean(),
  /** "global", or the region or organisation it belongs to ("Council of Europe", "SADC"). */
  scope: z.string().trim().min(1).max(80),
  /** The instrument this one adds to (a protocol to its convention). */
  parent: instrumentIdSchema.optional(),
  adopted: day.optional(),
  openedForSignature: day.optional(),
  inForce: day.optional(),
  /** Dates said in words where a day is not known or the state is pending. */
  datesNote: text.optional(),
  url: z.url('must be a URL').max(2000),
  /** How its parts are cited: "Art." for treaties, "s." for model laws. */
  unit: z.enum(['article', 'section']),
  /** How far the catalogue's numbers for this instrument have been checked against its text. */
  referenceConfidence: z.enum(referenceConfidences),
  confidenceNote: text.optional(),
  /** False for instruments listed for ratification only, not mapped provision by provision. */
  mapped: z.boolean(),
});
export type Instrument = z.infer<typeof instrumentSchema>;

export const categorySchema = z.strictObject({
  id: slug,
  title: text,
  description: text,
});
export type Category = z.infer<typeof categorySchema>;

export const referenceSchema = z.strictObject({
  instrument: instrumentIdSchema,
  /** The article or section as the instrument numbers it: "2", "29(1)", "25; 27", "49-52". */
  citation: z.string().trim().min(1).max(80),
  /** Checked against the instrument's published text; unverified ones carry a badge. */
  verified: z.boolean(),
  note: text.optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

export const checklistElementSchema = z.strictObject({
  id: slug,
  /** What the national provision must say, in the project's words (never treaty text). */
  text,
  /** An element an instrument lets a state add or leave out (a reservation or an option). */
  optional: z.boolean().default(false),
  /**
   * The instruments that ask for this element; each must be among the provision's references.
   * Empty for good practice the project recommends that no mapped instrument asks for (a CIRT's
   * incident-reporting rules, for instance, come from cybersecurity laws, not cybercrime treaties).
   */
  instruments: z.array(instrumentIdSchema).default([]),
});
export type ChecklistElement = z.infer<typeof checklistElementSchema>;

export const provisionSchema = z.strictObject({
  id: provisionIdSchema,
  category: slug,
  title: text,
  /** One or two sentences: what the provision is for. */
  summary: text,
  references: z.array(referenceSchema).default([]),
  checklist: z.array(checklistElementSchema).min(1),
  /** Part of a national CIRT's legal basis (mandate, reporting duties, sharing, contact points). */
  legalBasis: z.boolean().default(false),
  /** SIM3 parameters this provision is evidence for (O-1 mandate, O-3 authority, ...). */
  sim3: z.array(z.string().regex(/^[OHTP]-\d{1,2}$/, 'must be a SIM3 id like O-1')).default([]),
  note: text.optional(),
});
export type Provision = z.infer<typeof provisionSchema>;

export const catalogueSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('law-catalogue'),
  id: slug,
  version,
  title: text,
  description: text,
  instruments: z.array(instrumentSchema).min(1),
  categories: z.array(categorySchema).min(1),
  /**
   * The default order of gaps in a country's report: categories first to last. Institutional
   * and cooperation provisions lead, because cross-border work stops without them.
   */
  gapPriority: z.array(slug).min(1),
  provisions: z.array(provisionSchema).min(1),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export const translationSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('law-translation'),
  lang: z.enum(['fr', 'es', 'ar', 'ru', 'zh']),
  strings: z.record(z.string().min(1), z.string().min(1).max(4000)),
});
export type CatalogueTranslation = z.infer<typeof translationSchema>;
