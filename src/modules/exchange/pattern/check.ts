/**
 * Checking a STIX pattern beyond its grammar: the rules of STIX 2.1 (section 9, and the naming
 * rules of section 3) that a parser alone does not enforce and validators apply. `checkPattern`
 * answers every problem of a pattern, each with its place; none means the pattern is valid.
 */
import type {
  Comparison,
  ComparisonExpression,
  Constant,
  ObjectPath,
  ObservationExpression,
  Pattern,
  Qualifier,
  QualifiedObservation,
  TimestampConstant,
} from './ast.js';
import { parsePattern, positionOf, type PatternPosition } from './parse.js';
import { compareTimestamps, dateProblem, hashProblem, isNetwork, regexProblem } from './values.js';

export type PatternProblemCode =
  | 'syntax'
  | 'object_type'
  | 'property_name'
  | 'list_index'
  | 'mixed_object_types'
  | 'empty_set'
  | 'mixed_set'
  | 'cidr'
  | 'regex'
  | 'hash'
  | 'timestamp'
  | 'qualifier_number'
  | 'start_stop_order'
  | 'duplicate_qualifier';

export interface PatternProblem extends PatternPosition {
  code: PatternProblemCode;
  /** Starts with the place: "line 1, column 2: …". */
  message: string;
  /** For syntax errors: what the grammar would have accepted there. */
  expected?: string[];
}

/**
 * Every problem of a pattern: its syntax error if it does not parse, else each rule it breaks,
 * in the order of the text. An empty list means the pattern is valid.
 *
 * @example
 *   checkPattern("[ipv4-addr:value = '198.51.100.1/32']")  // []
 *   checkPattern("[file:name = 'a' AND process:pid = 4]")[0].message
 *   // "line 1, column 22: 'process' here but 'file' before: comparisons joined by AND …"
 */
export function checkPattern(text: string): PatternProblem[] {
  const parsed = parsePattern(text);
  if (!parsed.ok) return [{ code: 'syntax', ...parsed.error }];
  return patternProblems(parsed.ast, text);
}

/** The rules a parsed pattern breaks; `text` is the pattern it was parsed from (for places). */
export function patternProblems(pattern: Pattern, text: string): PatternProblem[] {
  const found: Found = { problems: [] };
  checkObservation(pattern, found);
  return placed(text, found.problems);
}

/** What the walk found so far (one object per check, no closures: this runs per indicator). */
interface Found {
  problems: Unplaced[];
}

interface Unplaced {
  code: PatternProblemCode;
  offset: number;
  message: string;
}

function report(found: Found, code: PatternProblemCode, offset: number, message: string): void {
  found.problems.push({ code, offset, message });
}

/** Lines and columns of all problems in one pass over the text, in the order of the text. */
function placed(text: string, problems: Unplaced[]): PatternProblem[] {
  if (problems.length === 0) return [];
  problems.sort((a, b) => a.offset - b.offset);
  const answer: PatternProblem[] = [];
  let at = { offset: 0, line: 1, column: 1 };
  for (const problem of problems) {
    at = positionOf(text, problem.offset, at);
    answer.push({
      code: problem.code,
      ...at,
      message: `line ${at.line}, column ${at.column}: ${problem.message}`,
    });
  }
  return answer;
}

function checkObservation(expression: ObservationExpression, found: Found): void {
  switch (expression.kind) {
    case 'observation':
      checkComparisons(expression.comparison, found);
      return;
    case 'observation-operator':
      for (const operand of expression.operands) checkObservation(operand, found);
      return;
    case 'qualified':
      checkQualifiers(expression, found);
  }
}

/**
 * The qualifiers written one after another after one expression (`[…] REPEATS 2 TIMES WITHIN
 * 60 SECONDS`): each valid, and no kind twice. Parentheses start a new run, so
 * `([…] REPEATS 2 TIMES) REPEATS 3 TIMES` stays valid, as in the OASIS validator.
 */
function checkQualifiers(outer: QualifiedObservation, found: Found): void {
  const run: Qualifier[] = [];
  let inner: ObservationExpression = outer;
  while (inner.kind === 'qualified' && inner.loc.start === outer.loc.start) {
    run.push(inner.qualifier);
    inner = inner.expression;
  }
  run.reverse();
  const seen = new Set<Qualifier['kind']>();
  for (const qualifier of run) {
    if (seen.has(qualifier.kind)) {
      report(
        found,
        'duplicate_qualifier',
        qualifier.loc.start,
        `a second ${qualifierName[qualifier.kind]} qualifier on the same expression: keep one, or put the first in parentheses`,
      );
    }
    seen.add(qualifier.kind);
    checkQualifier(qualifier, found);
  }
  checkObservation(inner, found);
}

const qualifierName: Record<Qualifier['kind'], string> = {
  within: 'WITHIN',
  repeats: 'REPEATS',
  'start-stop': 'START/STOP',
};

function checkQualifier(qualifier: Qualifier, found: Found): void {
  switch (qualifier.kind) {
    case 'within':
      if (!(Number(qualifier.seconds) > 0)) {
        report(found, 'qualifier_number', qualifier.loc.start, 'WITHIN needs more than 0 seconds');
      }
      return;
    case 'repeats':
      if (!(Number(qualifier.times) > 0)) {
        report(found, 'qualifier_number', qualifier.loc.start, 'REPEATS needs at least 1 time');
      }
      return;
    case 'start-stop': {
      const startOk = checkTimestamp(qualifier.start, found);
      const stopOk = checkTimestamp(qualifier.stop, found);
      if (
        startOk &&
        stopOk &&
        compareTimestamps(qualifier.start.value, qualifier.stop.value) >= 0
      ) {
        report(
          found,
          'start_stop_order',
          qualifier.stop.loc.start,
          `STOP t'${qualifier.stop.value}' is not later than START t'${qualifier.start.value}'`,
        );
      }
    }
  }
}

function checkComparisons(expression: ComparisonExpression, found: Found): void {
  if (expression.kind !== 'comparison-operator') {
    checkComparison(expression, found);
  } else if (expression.operator === 'AND') {
    checkOneObjectType(expression, found, { first: undefined, reported: false });
  } else {
    for (const operand of expression.operands) checkComparisons(operand, found);
  }
}

/**
 * Comparisons joined by AND in one observation expression are about one object, so they name
 * one object type (STIX 2.1, section 9). Reported once, at the first comparison of another
 * type; everything under the AND (ORs and ANDs in parentheses too) is checked with it.
 */
function checkOneObjectType(
  expression: ComparisonExpression,
  found: Found,
  types: { first: string | undefined; reported: boolean },
): void {
  if (expression.kind === 'comparison-operator') {
    for (const operand of expression.operands) checkOneObjectType(operand, found, types);
    return;
  }
  checkComparison(expression, found);
  const type = expression.path.objectType;
  if (types.first === undefined) {
    types.first = type;
  } else if (type !== types.first && !types.reported) {
    types.reported = true;
    report(
      found,
      'mixed_object_types',
      expression.path.loc.start,
      `'${type}' here but '${types.first}' before: comparisons joined by AND in one observation expression must name one object type (join observation expressions instead: [${types.first}:…] AND [${type}:…])`,
    );
  }
}

function checkComparison(comparison: Comparison, found: Found): void {
  checkPath(comparison.path, found);
  switch (comparison.kind) {
    case 'exists':
      return;
    case 'in':
      checkSet(comparison.values, comparison.setLoc.start, found);
      for (const value of comparison.values) {
        checkConstant(value, found);
        checkHash(comparison.path, value, found);
      }
      return;
    case 'comparison':
      checkConstant(comparison.value, found);
      if (comparison.operator === 'MATCHES')
        checkRegex(comparison.value.value, comparison.value.loc.start, found);
      else if (comparison.operator === 'ISSUBSET' || comparison.operator === 'ISSUPERSET') {
        if (!isNetwork(comparison.value.value)) {
          report(
            found,
            'cidr',
            comparison.value.loc.start,
            `${comparison.operator} compares IP networks: '${comparison.value.value}' is not an IPv4 or IPv6 address or CIDR block`,
          );
        }
      } else if (comparison.operator === '=' || comparison.operator === '!=') {
        checkHash(comparison.path, comparison.value, found);
      }
  }
}

// STIX 2.1, section 3.1: type names and property names (dictionary keys may also hold '-').
const typeName = /^[a-z0-9-]{3,250}$/;
const propertyName = /^[A-Za-z0-9_-]{1,250}$/;

function checkPath(path: ObjectPath, found: Found): void {
  if (!typeName.test(path.objectType) || path.objectType.includes('--')) {
    report(
      found,
      'object_type',
      path.loc.start,
      `'${path.objectType}' is not a STIX object type name: 3 to 250 characters among a-z, 0-9 and '-', never '--'`,
    );
  }
  for (const step of path.steps) {
    if (step.kind === 'property' && !propertyName.test(step.name)) {
      report(
        found,
        'property_name',
        step.loc.start,
        `'${shorten(step.name)}' is not a STIX property name or key: 1 to 250 characters among A-Z, a-z, 0-9, '_' and '-'`,
      );
    } else if (step.kind === 'index' && step.index.startsWith('-')) {
      report(found, 'list_index', step.loc.start, `list index ${step.index}: indexes start at 0`);
    }
  }
}

const constantKind: Record<Constant['kind'], string> = {
  string: 'string',
  integer: 'number',
  float: 'number',
  boolean: 'boolean',
  timestamp: 'timestamp',
  hex: 'hex',
  binary: 'binary',
};

function checkSet(values: Constant[], offset: number, found: Found): void {
  const first = values[0];
  if (first === undefined) {
    report(found, 'empty_set', offset, 'IN needs at least one constant between the parentheses');
    return;
  }
  const kind = constantKind[first.kind];
  const other = values.find((v) => constantKind[v.kind] !== kind);
  if (other) {
    report(
      found,
      'mixed_set',
      other.loc.start,
      `a ${constantKind[other.kind]} in a list of ${kind}s: the constants of IN must be of one kind`,
    );
  }
}

function checkConstant(constant: Constant, found: Found): void {
  if (constant.kind === 'timestamp') checkTimestamp(constant, found);
}

/** The grammar checks the form; this checks the date exists and where a leap second may be. */
function checkTimestamp(timestamp: TimestampConstant, found: Found): boolean {
  const problem = dateProblem(timestamp.value);
  if (problem !== undefined) report(found, 'timestamp', timestamp.loc.start, problem);
  return problem === undefined;
}

function checkRegex(source: string, offset: number, found: Found): void {
  const problem = regexProblem(source);
  if (problem !== undefined) {
    report(
      found,
      'regex',
      offset,
      `MATCHES needs a regular expression: ${problem} (checked as a JavaScript RegExp with PCRE inline options, atomic and named groups allowed)`,
    );
  }
}

/** `…hashes.'SHA-256' = '…'`: the value must be a hash of that algorithm. */
function checkHash(path: ObjectPath, value: Constant, found: Found): void {
  if (value.kind !== 'string') return;
  const steps = path.steps;
  const last = steps[steps.length - 1]!;
  const before = steps[steps.length - 2];
  if (last.kind !== 'property' || before?.kind !== 'property' || before.name !== 'hashes') return;
  const problem = hashProblem(last.name, value.value);
  if (problem !== undefined) report(found, 'hash', value.loc.start, problem);
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
