import { z } from 'zod';
import { catalogueSchema, translationSchema } from './catalogue.schema.js';

/**
 * The JSON Schemas (draft 2020-12) of the law catalogue and of its translation overlays, derived
 * from the zod schemas so the two never disagree. `scripts/law-schemas.mjs` writes them to
 * data/law/schema/ for editors and other tools; a test checks the written files are current.
 */
const lawSchemas = {
  'law-catalogue': catalogueSchema,
  'law-translation': translationSchema,
} as const;

export type LawSchemaKind = keyof typeof lawSchemas;

export const lawSchemaKinds = Object.keys(lawSchemas) as LawSchemaKind[];

export function lawJsonSchema(kind: LawSchemaKind): Record<string, unknown> {
  const schema = z.toJSONSchema(lawSchemas[kind], { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: `https://cirtkit.org/schema/law/${kind}.schema.json`,
    title: `cirtkit law content: ${kind}`,
  };
}

export const lawSchemaFileName = (kind: LawSchemaKind) => `${kind}.schema.json`;
