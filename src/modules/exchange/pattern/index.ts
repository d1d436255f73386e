/**
 * The STIX 2.1 patterning language: parse a pattern into a typed tree, check it against the
 * specification's rules with the place of each problem, list the object types it observes and
 * print a tree back in canonical form.
 *
 * @example
 *   const problems = checkPattern(indicator.pattern);
 *   if (problems.length > 0) refuse(problems.map((p) => p.message));
 */
export * from './ast.js';
export {
  maxNesting,
  parsePattern,
  positionOf,
  type ParsePatternResult,
  type PatternPosition,
  type PatternSyntaxError,
} from './parse.js';
export {
  checkPattern,
  patternProblems,
  type PatternProblem,
  type PatternProblemCode,
} from './check.js';
export { compareTimestamps } from './values.js';
export { printPattern } from './print.js';
