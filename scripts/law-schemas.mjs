// Writes data/law/schema/<kind>.schema.json from the law module's zod schemas.
// Run after changing src/modules/law/catalogue.schema.ts:
//   node --import tsx scripts/law-schemas.mjs && npx prettier --write data/law/schema
import { writeFileSync } from 'node:fs';

const { lawJsonSchema, lawSchemaKinds, lawSchemaFileName } =
  await import('../src/modules/law/catalogue-json-schema.ts');
for (const kind of lawSchemaKinds) {
  const file = new URL(`../data/law/schema/${lawSchemaFileName(kind)}`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(lawJsonSchema(kind), null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
}
