// Writes data/toolkit/schema/<kind>.schema.json from the toolkit's zod schemas.
// Run after changing src/modules/toolkit/content.schema.ts:
//   node --import tsx scripts/toolkit-schemas.mjs && npx prettier --write data/toolkit/schema
import { writeFileSync } from 'node:fs';

const { contentJsonSchema, contentKinds, schemaFileName } =
  await import('../src/modules/toolkit/content-json-schema.ts');
for (const kind of contentKinds) {
  const file = new URL(`../data/toolkit/schema/${schemaFileName(kind)}`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(contentJsonSchema(kind), null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
}
