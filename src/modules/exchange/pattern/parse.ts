/**
 * Reading a STIX pattern: `parsePattern` answers the tree or the first syntax error, with its
 * place and a message a person can act on.
 */
import type { Pattern } from './ast.js';
import { PatternTokenError } from './build.js';
import {
  parse as generatedParse,
  SyntaxError as GeneratedSyntaxError,
} from './parser.generated.js';

/** Where something is in the pattern: `offset` counts UTF-16 code units from 0; line and column from 1. */
export interface PatternPosition {
  offset: number;
  line: number;
  column: number;
}

export interface PatternSyntaxError extends PatternPosition {
  /** Starts with the place: "line 1, column 17: expected ']' or …, found 'foo'". */
  message: string;
  /** What the grammar would have accepted there, when the error is a token out of place. */
  expected?: string[];
}

export type ParsePatternResult =
  { ok: true; ast: Pattern } | { ok: false; error: PatternSyntaxError };

interface Expectation {
  type: 'literal' | 'class' | 'any' | 'end' | 'other';
  text?: string;
  description?: string;
}

const parseGenerated = generatedParse as (text: string) => Pattern;

/** Levels of parentheses and brackets a pattern may nest (real ones use a handful). */
export const maxNesting = 250;

/**
 * Parses a pattern against the STIX 2.1 grammar. Never throws: any text gets an answer.
 *
 * @example
 *   parsePattern("[ipv4-addr:value = '198.51.100.1']")  // { ok: true, ast: { kind: 'observation', … } }
 *   parsePattern('[file:name foo]').error.message
 *   // "line 1, column 12: expected '.', 'NOT', '[' or a comparison operator, found 'foo'"
 */
export function parsePattern(text: string): ParsePatternResult {
  // The parser recurses once per level of nesting: past a bound, refuse before it runs out of
  // stack (where that happens depends on the caller's stack, this does not). Short patterns
  // cannot nest that deep, so most are not scanned.
  if (text.length > 2 * maxNesting) {
    const deepest = deepestNesting(text, maxNesting);
    if (deepest.depth > maxNesting) {
      return {
        ok: false,
        error: located(
          text,
          deepest.offset,
          `parentheses and brackets nest more than ${maxNesting} levels deep here`,
        ),
      };
    }
  }
  try {
    return { ok: true, ast: parseGenerated(text) };
  } catch (error) {
    return { ok: false, error: syntaxError(text, error) };
  }
}

function syntaxError(text: string, error: unknown): PatternSyntaxError {
  if (error instanceof PatternTokenError) {
    return located(text, error.offset, error.message);
  }
  if (error instanceof GeneratedSyntaxError) {
    const offset = (error as unknown as { location: { start: { offset: number } } }).location.start
      .offset;
    const expected = describeExpected((error as unknown as { expected: Expectation[] }).expected);
    const found = foundAt(text, offset);
    const hint = keywordHint(found, expected);
    return {
      ...located(text, offset, `expected ${list(expected)}, found ${found.shown}${hint}`),
      expected,
    };
  }
  if (error instanceof RangeError) {
    // Out of stack below the nesting bound: the caller was already deep in its own stack.
    return located(
      text,
      deepestNesting(text, Infinity).offset,
      'the pattern nests too deeply to be read here',
    );
  }
  throw error;
}

/** A message at an offset, with its line and column in front. */
export function located(text: string, offset: number, message: string): PatternSyntaxError {
  const position = positionOf(text, offset);
  return {
    ...position,
    message: `line ${position.line}, column ${position.column}: ${message}`,
  };
}

/**
 * Line and column (from 1) of an offset; a line ends at \n, \r\n or \r. `from`, a known
 * position before `offset`, saves counting from the start again.
 */
export function positionOf(
  text: string,
  offset: number,
  from: PatternPosition = { offset: 0, line: 1, column: 1 },
): PatternPosition {
  let line = from.line;
  let lineStart = from.offset - from.column + 1;
  for (let i = from.offset; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function describeExpected(expected: Expectation[]): string[] {
  const literals = new Set<string>();
  const others = new Set<string>();
  let end = false;
  for (const e of expected) {
    if (e.type === 'literal') literals.add(`'${e.text}'`);
    else if (e.type === 'end') end = true;
    else if (e.type === 'any') others.add('any character');
    else if (e.description !== undefined && e.description !== 'whitespace') {
      others.add(e.description);
    }
  }
  return [...[...literals].sort(), ...[...others].sort(), ...(end ? ['end of input'] : [])];
}

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

// The token at an offset, as a reader would cut it: a word, a number, a string, an operator.
const token = /[A-Za-z_][A-Za-z0-9_-]*|[+-]?\d*\.?\d+|'(?:[^'\\]|\\.)*'?|[<>!=]=|<>|==|[\s\S]/uy;

function foundAt(text: string, offset: number): { word: string; shown: string } {
  if (offset >= text.length) return { word: '', shown: 'the end of the pattern' };
  token.lastIndex = offset;
  let word = token.exec(text)?.[0] ?? text.charAt(offset);
  if (word.length > 30) word = `${word.slice(0, 30)}…`;
  if (/^[\p{C}\p{Z}\s]$/u.test(word)) {
    // An invisible character: named by its code point.
    return { word, shown: `U+${word.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return { word, shown: word.includes("'") ? `"${word}"` : `'${word}'` };
}

function keywordHint(found: { word: string }, expected: string[]): string {
  const upper = found.word.toUpperCase();
  return found.word !== upper && expected.includes(`'${upper}'`)
    ? ' (keywords are written in upper case)'
    : '';
}

/**
 * The first bracket that goes deeper than `limit`, or else the first of the deepest ones
 * (quoted text skipped).
 */
function deepestNesting(text: string, limit: number): { offset: number; depth: number } {
  let depth = 0;
  let deepest = { offset: 0, depth: 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 92)
        i++; // \
      else if (c === 39) quoted = false; // '
    } else if (c === 39) quoted = true;
    else if (c === 40 || c === 91) {
      // ( [
      depth++;
      if (depth > deepest.depth) deepest = { offset: i, depth };
      if (depth > limit) break;
    } else if (c === 41 || c === 93) depth--; // ) ]
  }
  return deepest;
}
