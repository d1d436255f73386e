/**
 * The tree of a STIX 2.1 pattern (STIX 2.1, section 9), as `parsePattern` builds it.
 *
 * Chains of one operator are n-ary (`a OR b OR c` is one node with three operands), so a pattern
 * of ten thousand alternatives is a flat list, not ten thousand nested nodes. Parentheses leave
 * no node: `(a OR b) OR c` is an OR whose first operand is an OR. Every node carries `loc`, the
 * offsets of its text in the pattern (start inclusive, end exclusive), for messages.
 *
 * Numbers stay decimal text (`'1280'`, `'-0.5'`), exactly as written bar a leading `+`: the
 * grammar has no bound on them, and `Number(value)` is there when arithmetic is wanted.
 *
 * @example
 *   // [file:size > 1024] WITHIN 60 SECONDS
 *   { kind: 'qualified', qualifier: { kind: 'within', seconds: '60', … },
 *     expression: { kind: 'observation', comparison: { kind: 'comparison', operator: '>',
 *       path: { objectType: 'file', steps: [{ kind: 'property', name: 'size', … }], … },
 *       value: { kind: 'integer', value: '1024', … }, negated: false, … }, … }, … }
 */

/** Offsets into the pattern text: `text.slice(start, end)` is the node's source. */
export interface Loc {
  start: number;
  end: number;
}

/** A whole pattern is one observation expression. */
export type Pattern = ObservationExpression;

export type ObservationExpression = Observation | ObservationCombination | QualifiedObservation;

/** `[ comparison expression ]`: what one observed object must satisfy. */
export interface Observation {
  kind: 'observation';
  comparison: ComparisonExpression;
  loc: Loc;
}

/** Observation expressions joined by one observation operator (two or more operands). */
export interface ObservationCombination {
  kind: 'observation-operator';
  operator: ObservationOperator;
  operands: ObservationExpression[];
  loc: Loc;
}

export type ObservationOperator = 'AND' | 'OR' | 'FOLLOWEDBY';

/** An observation expression followed by one qualifier; several qualifiers nest. */
export interface QualifiedObservation {
  kind: 'qualified';
  expression: ObservationExpression;
  qualifier: Qualifier;
  loc: Loc;
}

export type Qualifier = WithinQualifier | RepeatsQualifier | StartStopQualifier;

/** `WITHIN n SECONDS`; `seconds` is the decimal text (the grammar allows a fraction). */
export interface WithinQualifier {
  kind: 'within';
  seconds: string;
  loc: Loc;
}

/** `REPEATS n TIMES`. */
export interface RepeatsQualifier {
  kind: 'repeats';
  times: string;
  loc: Loc;
}

/** `START t'…' STOP t'…'`. */
export interface StartStopQualifier {
  kind: 'start-stop';
  start: TimestampConstant;
  stop: TimestampConstant;
  loc: Loc;
}

export type ComparisonExpression = ComparisonCombination | Comparison;

/** Comparison expressions joined by AND or OR (two or more operands). */
export interface ComparisonCombination {
  kind: 'comparison-operator';
  operator: 'AND' | 'OR';
  operands: ComparisonExpression[];
  loc: Loc;
}

export type Comparison = ValueComparison | SetComparison | ExistsComparison;

export type EqualityOperator = '=' | '!=';
export type OrderingOperator = '>' | '<' | '>=' | '<=';
export type StringOperator = 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET';
export type ComparisonOperator = EqualityOperator | OrderingOperator | StringOperator;

/**
 * `path [NOT] operator constant`. The grammar decides which constants each operator takes:
 * any for `=` and `!=` (`==` and `<>` are read as these), no boolean for ordering, a string for
 * LIKE, MATCHES, ISSUBSET and ISSUPERSET.
 */
export type ValueComparison =
  | ValueComparisonOf<EqualityOperator, Constant>
  | ValueComparisonOf<OrderingOperator, OrderableConstant>
  | ValueComparisonOf<StringOperator, StringConstant>;

interface ValueComparisonOf<O extends ComparisonOperator, C extends Constant> {
  kind: 'comparison';
  path: ObjectPath;
  negated: boolean;
  operator: O;
  value: C;
  loc: Loc;
}

/** `path [NOT] IN (c1, c2, …)`; `setLoc` covers the parentheses. */
export interface SetComparison {
  kind: 'in';
  path: ObjectPath;
  negated: boolean;
  values: Constant[];
  setLoc: Loc;
  loc: Loc;
}

/** `[NOT] EXISTS path`. */
export interface ExistsComparison {
  kind: 'exists';
  path: ObjectPath;
  negated: boolean;
  loc: Loc;
}

/** `type:first.second[0].'quoted-key'[*]`: the first step is always a property. */
export interface ObjectPath {
  objectType: string;
  steps: [PropertyStep, ...PathStep[]];
  loc: Loc;
}

export type PathStep = PropertyStep | IndexStep | AnyIndexStep;

/** A property or dictionary key, bare or quoted in the text (the tree does not keep which). */
export interface PropertyStep {
  kind: 'property';
  name: string;
  loc: Loc;
}

/** `[n]`; `index` is decimal text. */
export interface IndexStep {
  kind: 'index';
  index: string;
  loc: Loc;
}

/** `[*]`: any member of the list. */
export interface AnyIndexStep {
  kind: 'any-index';
  loc: Loc;
}

export type Constant = OrderableConstant | BooleanConstant;
export type OrderableConstant =
  | StringConstant
  | IntegerConstant
  | FloatConstant
  | TimestampConstant
  | HexConstant
  | BinaryConstant;

/** `'…'`; `value` is the string with its `\'` and `\\` escapes undone. */
export interface StringConstant {
  kind: 'string';
  value: string;
  loc: Loc;
}

export interface IntegerConstant {
  kind: 'integer';
  value: string;
  loc: Loc;
}

export interface FloatConstant {
  kind: 'float';
  value: string;
  loc: Loc;
}

export interface BooleanConstant {
  kind: 'boolean';
  value: boolean;
  loc: Loc;
}

/** `t'2016-01-01T00:00:00Z'`; `value` is the text between the quotes. */
export interface TimestampConstant {
  kind: 'timestamp';
  value: string;
  loc: Loc;
}

/** `h'ab01'`; `value` is the hex digits as written. */
export interface HexConstant {
  kind: 'hex';
  value: string;
  loc: Loc;
}

/** `b'aGVsbG8='`; `value` is the base64 text as written. */
export interface BinaryConstant {
  kind: 'binary';
  value: string;
  loc: Loc;
}

/** Words the grammar reserves: none of them is an object type or a bare property name. */
export const patternKeywords: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'LIKE',
  'MATCHES',
  'ISSUPERSET',
  'ISSUBSET',
  'EXISTS',
  'LAST',
  'IN',
  'START',
  'STOP',
  'SECONDS',
  'true',
  'false',
  'WITHIN',
  'REPEATS',
  'TIMES',
]);

/** Every comparison of an observation expression, left to right. */
export function* comparisonsOf(expression: ObservationExpression): Generator<Comparison> {
  switch (expression.kind) {
    case 'observation':
      yield* comparisonsIn(expression.comparison);
      return;
    case 'observation-operator':
      for (const operand of expression.operands) yield* comparisonsOf(operand);
      return;
    case 'qualified':
      yield* comparisonsOf(expression.expression);
  }
}

/** Every comparison of a comparison expression, left to right. */
export function* comparisonsIn(expression: ComparisonExpression): Generator<Comparison> {
  if (expression.kind === 'comparison-operator') {
    for (const operand of expression.operands) yield* comparisonsIn(operand);
  } else {
    yield expression;
  }
}

/**
 * The object types a pattern's comparisons name (`ipv4-addr`, `file`, …), sorted, each once.
 * Types reached through a reference (`network-traffic:dst_ref.value`) count as their root type.
 *
 * @example observedTypes(parsed('[ipv4-addr:value = \'198.51.100.1\'] AND [file:name = \'a\']'))
 *   // ['file', 'ipv4-addr']
 */
export function observedTypes(pattern: Pattern): string[] {
  const types = new Set<string>();
  for (const comparison of comparisonsOf(pattern)) types.add(comparison.path.objectType);
  return [...types].sort();
}

/** A copy of any tree or value with every `loc` and `setLoc` removed (to compare trees). */
export function withoutLocations<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, member: unknown) =>
      key === 'loc' || key === 'setLoc' ? undefined : member,
    ),
  ) as T;
}
