import { z } from 'zod';
import { formatPath } from '../stix/parse.js';

/**
 * The MISP core format (draft-dulaunoy-misp-core-format): an event with its attributes, objects,
 * tags and galaxies. MISP writes numbers as strings and adds many properties of its own; the
 * known ones are checked, the others kept as they are.
 */
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');
const whole = (min: number, max: number) =>
  z
    .union([z.string().regex(/^\d{1,12}$/, 'must be a whole number'), z.int()])
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be from ${min} to ${max}`);
const flag = z
  .union([z.boolean(), z.enum(['0', '1', 'true', 'false']), z.literal(0), z.literal(1)])
  .transform((v) => v === true || v === 1 || v === '1' || v === 'true');
const epoch = whole(0, 99_999_999_999);

export const mispTagSchema = z.looseObject({ name: z.string().trim().min(1).max(255) });

export const mispAttributeSchema = z.looseObject({
  uuid,
  type: z.string().min(1).max(100),
  category: z.string().max(100).optional(),
  value: z.string().max(1_000_000),
  to_ids: flag.default(false),
  comment: z.string().max(100_000).optional(),
  timestamp: epoch.optional(),
  distribution: whole(0, 5).optional(),
  Tag: z.array(mispTagSchema).max(1000).optional(),
});

export const mispObjectSchema = z.looseObject({
  uuid,
  name: z.string().min(1).max(255),
  'meta-category': z.string().max(255).optional(),
  timestamp: epoch.optional(),
  distribution: whole(0, 5).optional(),
  Attribute: z.array(mispAttributeSchema).max(100_000).default([]),
});

export const mispGalaxySchema = z.looseObject({
  name: z.string().max(255).optional(),
  GalaxyCluster: z
    .array(z.looseObject({ tag_name: z.string().min(1).max(255), value: z.string().optional() }))
    .max(10_000)
    .default([]),
});

export const mispEventBodySchema = z.looseObject({
  uuid,
  info: z.string().trim().min(1).max(65_535),
  date: z.iso.date('must be a date as YYYY-MM-DD'),
  threat_level_id: whole(1, 4).optional(),
  analysis: whole(0, 2).optional(),
  distribution: whole(0, 5).optional(),
  published: flag.optional(),
  timestamp: epoch.optional(),
  publish_timestamp: epoch.optional(),
  Orgc: z.looseObject({ name: z.string().min(1).max(255), uuid: uuid.optional() }).optional(),
  Tag: z.array(mispTagSchema).max(1000).default([]),
  Attribute: z.array(mispAttributeSchema).max(100_000).default([]),
  Object: z.array(mispObjectSchema).max(100_000).default([]),
  Galaxy: z.array(mispGalaxySchema).max(1000).default([]),
});

export const mispEventSchema = z.looseObject({ Event: mispEventBodySchema });

export type MispAttribute = z.output<typeof mispAttributeSchema>;
export type MispEventBody = z.output<typeof mispEventBodySchema>;
export type MispEvent = z.output<typeof mispEventSchema>;

export interface MispProblem {
  path: string;
  message: string;
}

/** A MISP event read and checked, or the problems, each with where it is. */
export function parseMispEvent(
  json: unknown,
): { ok: true; event: MispEvent } | { ok: false; problems: MispProblem[] } {
  const result = mispEventSchema.safeParse(json);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({
      path: formatPath(i.path),
      message: i.message,
    })),
  };
}
