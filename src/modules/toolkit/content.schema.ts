import { z } from 'zod';

/**
 * The toolkit's content (questionnaire, SIM3 model, tier thresholds, services catalogue,
 * guidance library) is data under data/toolkit/, one file per kind and version. These schemas
 * are the source of the JSON schemas in data/toolkit/schema/ (scripts/toolkit-schemas.ts writes
 * them; a test checks they are current). Texts are English; translations are overlay files
 * keyed by `contentKeys` (content-i18n.ts), so a missing translation falls back to English.
 */

export const phases = ['assessment', 'design', 'establishment', 'enhancement'] as const;
export type Phase = (typeof phases)[number];

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be lower-case letters, digits, "_", "." or "-"')
  .max(80);
const version = z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version like 1.0 or 1.0.0');
const text = z.string().trim().min(1).max(4000);
export const sim3ParameterId = z.string().regex(/^[OHTP]-\d{1,2}$/, 'must be a SIM3 id like O-1');
export const sim3Level = z.number().int().min(0).max(4);

// ---------------------------------------------------------------- readiness questionnaire

export const readinessOptionSchema = z.strictObject({
  id: slug,
  label: text,
  /** How far this answer meets the question: 0 (not at all) to 1 (fully). */
  score: z.number().min(0).max(1),
});

export const readinessQuestionSchema = z.strictObject({
  id: slug,
  /** The ITU establishment phase in which this should be settled. */
  phase: z.enum(phases),
  text,
  help: text.optional(),
  weight: z.number().positive().max(10).default(1),
  options: z.array(readinessOptionSchema).min(2).max(6),
  /** The roadmap task that closes the gap when the answer scores below 1. */
  gap: z.strictObject({ title: text, phase: z.enum(phases) }),
  /** SIM3 parameters this question informs (cross-reference, shown beside the question). */
  sim3: z.array(sim3ParameterId).default([]),
});

export const readinessAreaSchema = z.strictObject({
  id: slug,
  title: text,
  description: text,
  questions: z.array(readinessQuestionSchema).min(1),
});

export const readinessLevelSchema = z.strictObject({
  id: slug,
  label: text,
  description: text,
  /** Lowest area score (percent) at this level; the first level starts at 0. */
  min: z.number().min(0).max(100),
});

export const questionnaireSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('readiness-questionnaire'),
  id: slug,
  version,
  title: text,
  description: text,
  /** Ordered from lowest to highest; `min` strictly increasing, the first 0. */
  levels: z.array(readinessLevelSchema).min(2),
  areas: z.array(readinessAreaSchema).min(1),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type ReadinessArea = z.infer<typeof readinessAreaSchema>;
export type ReadinessQuestion = z.infer<typeof readinessQuestionSchema>;

// ---------------------------------------------------------------- SIM3 model and tiers

export const sim3ModelSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('sim3-model'),
  id: slug,
  version,
  title: text,
  description: text,
  /** The five levels 0..4, each with what it means. */
  scale: z.array(z.strictObject({ level: sim3Level, label: text, meaning: text })).length(5),
  quadrants: z
    .array(
      z.strictObject({
        id: z.enum(['O', 'H', 'T', 'P']),
        title: text,
        description: text,
        parameters: z
          .array(
            z.strictObject({
              id: sim3ParameterId,
              name: text,
              description: text,
              /** What each level looks like for this parameter, when it helps to say more. */
              levelHints: z.array(z.strictObject({ level: sim3Level, hint: text })).default([]),
              /** Roadmap task title when the parameter blocks a tier. */
              gapTitle: text,
            }),
          )
          .min(1),
      }),
    )
    .length(4),
});
export type Sim3Model = z.infer<typeof sim3ModelSchema>;

export const tiersSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('sim3-tiers'),
  id: slug,
  version,
  title: text,
  description: text,
  model: z.strictObject({ id: slug, version }),
  /** Ordered from lowest to highest; a higher tier never asks less of a parameter. */
  tiers: z
    .array(
      z.strictObject({
        id: z.enum(['basic', 'intermediate', 'advanced']),
        label: text,
        description: text,
        /** Minimum level per parameter; a parameter not listed has no minimum (0). */
        minimums: z.record(sim3ParameterId, sim3Level),
      }),
    )
    .min(1),
});
export type Tiers = z.infer<typeof tiersSchema>;

// ---------------------------------------------------------------- services catalogue

export const serviceSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+-\d+$/, 'must be an id like ISIM-2'),
  name: text,
  description: text,
  functions: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z]+-\d+\.\d+$/, 'must be an id like ISIM-2.1'),
        name: text,
      }),
    )
    .min(1),
  requires: z.strictObject({
    staff: z.array(text).min(1),
    tools: z.array(text).min(1),
    processes: z.array(text).min(1),
    /** SIM3 levels the service needs to run well. */
    sim3: z.array(z.strictObject({ parameter: sim3ParameterId, level: sim3Level })).min(1),
  }),
});

export const servicesCatalogueSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('services-catalogue'),
  id: slug,
  version,
  title: text,
  description: text,
  source: z.strictObject({ title: text, url: z.url() }),
  areas: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z]+$/),
        name: text,
        description: text,
        services: z.array(serviceSchema).min(1),
      }),
    )
    .min(1),
});
export type ServicesCatalogue = z.infer<typeof servicesCatalogueSchema>;
export type Service = z.infer<typeof serviceSchema>;

// ---------------------------------------------------------------- guidance library

export const guidanceTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('readiness-area'), id: slug }),
  z.strictObject({ type: z.literal('readiness-question'), id: slug }),
  z.strictObject({ type: z.literal('sim3-parameter'), id: sim3ParameterId }),
  z.strictObject({ type: z.literal('service'), id: z.string().regex(/^[A-Z]+-\d+$/) }),
  z.strictObject({ type: z.literal('bcm'), id: slug }),
]);
export type GuidanceTarget = z.infer<typeof guidanceTargetSchema>;

export const guidanceSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('guidance-library'),
  id: slug,
  version,
  title: text,
  sources: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        publisher: text,
        year: z.number().int().min(1990).max(2100),
        url: z.url(),
      }),
    )
    .min(1),
  entries: z
    .array(
      z.strictObject({
        id: slug,
        targets: z.array(guidanceTargetSchema).min(1),
        title: text,
        /** Paragraphs in the project's own words; never text copied from a source. */
        text: z.array(text).min(1),
        citations: z
          .array(z.strictObject({ source: slug, locator: z.string().trim().max(200).optional() }))
          .min(1),
      }),
    )
    .min(1),
});
export type Guidance = z.infer<typeof guidanceSchema>;
export type GuidanceEntry = Guidance['entries'][number];

// ---------------------------------------------------------------- translations

export const contentTranslationSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('content-translation'),
  lang: z.enum(['fr', 'es', 'ar', 'ru', 'zh']),
  /** Key (see contentKeys) → translated text. */
  strings: z.record(z.string().min(1), text),
});
export type ContentTranslation = z.infer<typeof contentTranslationSchema>;

/** Every kind of content file, by its `kind`, for the loader and the schema writer. */
export const contentSchemas = {
  'readiness-questionnaire': questionnaireSchema,
  'sim3-model': sim3ModelSchema,
  'sim3-tiers': tiersSchema,
  'services-catalogue': servicesCatalogueSchema,
  'guidance-library': guidanceSchema,
  'content-translation': contentTranslationSchema,
} as const;
export type ContentKind = keyof typeof contentSchemas;
