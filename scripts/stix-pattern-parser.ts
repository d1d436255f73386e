// Generates src/modules/exchange/pattern/parser.generated.ts from pattern.peggy with peggy
// (a dev dependency: the product runs the committed parser and needs no generator).
// Run after changing the grammar:
//   node --import tsx scripts/stix-pattern-parser.ts
// A test regenerates it in memory and fails while the committed file differs.
//
// peggy writes every rule as a function nested in `peg$parse`, with its constants, so each
// call makes ~100 closures, ~50 expectation objects and the regular expressions again (and
// under tsx each closure is also renamed, ten times the parse itself). `hoist` moves them to
// the module once; the parse's state becomes module variables that `peg$parse` resets at each
// call. The parser is synchronous and no action parses, so one parse never sees another's state.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import peggy from 'peggy';
import prettier from 'prettier';
import ts from 'typescript';

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
  return prettier.format(header + hoist(source), { ...options, filepath: parserFile });
}

/** Moves what `peg$parse` makes at each call to the module; see the note at the top. */
export function hoist(source: string): string {
  const file = ts.createSourceFile('parser.js', source, ts.ScriptTarget.Latest, true);
  const parse = file.statements.find(
    (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'peg$parse',
  );
  if (!parse?.body) throw new Error('peggy output changed: no function peg$parse');
  const [input, options] = parse.parameters.map((p) => p.name.getText(file));
  if (input !== 'input' || options !== 'options') {
    throw new Error('peggy output changed: peg$parse(input, options) expected');
  }

  const text = (node: ts.Node) => source.slice(node.getStart(file), node.end);
  const state = ['input', 'options'];
  const moduleLevel: string[] = [];
  const perCall: string[] = ['input = input$;', 'options = options$;'];
  let running = false; // from `peg$result = peg$startRuleFunction();` on, all stays in the call
  for (const statement of parse.body.statements) {
    if (ts.isFunctionDeclaration(statement)) {
      moduleLevel.push(text(statement));
      continue;
    }
    if (!running && text(statement).startsWith('peg$result = peg$startRuleFunction()')) {
      running = true;
    }
    if (running || !ts.isVariableStatement(statement)) {
      perCall.push(text(statement));
      continue;
    }
    const isLet = (statement.declarationList.flags & ts.NodeFlags.Let) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText(file);
      const init = declaration.initializer ? text(declaration.initializer) : 'undefined';
      // A `let`, or a constant made from the call's input, options or a fresh object to fill.
      const perParse =
        isLet || /\b(?:input|options)\b/.test(init) || name === 'peg$posDetailsCache';
      if (perParse) {
        state.push(name);
        perCall.push(`${name} = ${init};`);
      } else if (/^peg\$r\d+$/.test(name) && /^\/\^\[.*\]\/$/.test(init)) {
        moduleLevel.push(`const ${name} = peg$charClass(${init});`);
      } else {
        moduleLevel.push(`const ${name} = ${init};`);
      }
    }
  }
  if (!running) throw new Error('peggy output changed: no peg$startRuleFunction() call');

  const replacement = [
    `// The state of the parse under way, reset by each call of peg$parse.`,
    `let ${state.join(', ')};`,
    charClass,
    ...moduleLevel,
    `function peg$parse(input$, options$) {`,
    ...perCall,
    `}`,
  ].join('\n');
  return source.slice(0, parse.getStart(file)) + replacement + source.slice(parse.end);
}

// peggy tests a character against a class with a regular expression; a table answers ASCII
// characters ten times faster, and the expression still answers the others.
const charClass = `function peg$charClass(regex) {
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = regex.test(String.fromCharCode(c)) ? 1 : 0;
  return {
    test(s) {
      const c = s.charCodeAt(0);
      return c < 128 ? ascii[c] === 1 : s.length > 0 && regex.test(s);
    },
  };
}`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(parserFile, await generatePatternParser());
  console.log(`wrote ${parserFile}`);
}
