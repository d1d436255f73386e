// Generates src/modules/exchange/pattern/parser.generated.ts from pattern.peggy with peggy
// (a dev dependency: the product runs the committed parser and needs no generator).
// Run after changing the grammar:
//   node --import tsx scripts/stix-pattern-parser.ts
// A test regenerates it in memory and fails while the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import peggy from 'peggy';
import prettier from 'prettier';

const folder = new URL('../src/modules/exchange/pattern/', import.meta.url);
export const grammarFile = fileURLToPath(new URL('pattern.peggy', folder));
export const parserFile = fileURLToPath(new URL('parser.generated.ts', folder));

const header = `/* eslint-disable */
// Generated from pattern.peggy by scripts/stix-pattern-parser.ts with peggy: do not edit.
// @ts-nocheck: peggy writes JavaScript; parse.ts gives the parser its types.
`;

/** The parser's source as it should be committed (formatted as the project formats code). */
export async function generatePatternParser(): Promise<string> {
  const source = peggy.generate(readFileSync(grammarFile, 'utf8'), {
    output: 'source',
    format: 'es',
  });
  const options = (await prettier.resolveConfig(parserFile)) ?? {};
  return prettier.format(header + source, { ...options, filepath: parserFile });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(parserFile, await generatePatternParser());
  console.log(`wrote ${parserFile}`);
}
