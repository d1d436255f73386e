import { z } from 'zod';
import { contentSchemas, type ContentKind } from './content.schema.js';

/**
 * The JSON Schema (draft 2020-12) of each content kind, derived from its zod schema so the two
 * never disagree. `scripts/toolkit-schemas.mjs` writes them to data/toolkit/schema/ for editors
 * and other tools; a test checks the written files are current.
 */
export function contentJsonSchema(kind: ContentKind): Record<string, unknown> {
  const schema = z.toJSONSchema(contentSchemas[kind], { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: `https://cirtkit.org/schema/toolkit/${kind}.schema.json`,
    title: `cirtkit toolkit content: ${kind}`,
  };
}

export const contentKinds = Object.keys(contentSchemas) as ContentKind[];

export const schemaFileName = (kind: ContentKind) => `${kind}.schema.json`;
