/**
 * What the grammar's actions call (pattern.peggy): node builders and the checks of literal
 * tokens. A token that starts like a string, timestamp, hex or binary literal and is malformed
 * can only be an error, so these throw `PatternTokenError` with the exact place, and
 * `parsePattern` reports it like any syntax error.
 */
import type {
  BinaryConstant,
  ComparisonExpression,
  HexConstant,
  Loc,
  ObservationExpression,
  ObservationOperator,
  Qualifier,
  StringConstant,
  TimestampConstant,
} from './ast.js';

export class PatternTokenError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'PatternTokenError';
  }
}

interface Range {
  start: number;
  end: number;
}

export function loc(range: Range): Loc {
  return { start: range.start, end: range.end };
}

export function joinObservations(
  operator: ObservationOperator,
  head: ObservationExpression,
  tail: ObservationExpression[],
  range: Range,
): ObservationExpression {
  if (tail.length === 0) return head;
  return { kind: 'observation-operator', operator, operands: [head, ...tail], loc: loc(range) };
}

export function joinComparisons(
  operator: 'AND' | 'OR',
  head: ComparisonExpression,
  tail: ComparisonExpression[],
  range: Range,
): ComparisonExpression {
  if (tail.length === 0) return head;
  return { kind: 'comparison-operator', operator, operands: [head, ...tail], loc: loc(range) };
}

/**
 * `base q1 q2` is `(base q1) q2`; each node starts where the whole run starts. A run of more
 * than three qualifiers repeats a kind (there are three), which is refused anyway; refusing it
 * here keeps the tree as shallow as the text's nesting.
 */
export function qualify(
  base: ObservationExpression,
  qualifiers: Qualifier[],
  start: number,
): ObservationExpression {
  const fourth = qualifiers[3];
  if (fourth) {
    throw new PatternTokenError(
      fourth.loc.start,
      'a fourth qualifier on one expression: it takes one WITHIN, one REPEATS and one START/STOP at most',
    );
  }
  let expression = base;
  for (const qualifier of qualifiers) {
    expression = {
      kind: 'qualified',
      expression,
      qualifier,
      loc: { start, end: qualifier.loc.end },
    };
  }
  return expression;
}

/** `'…'` from the offset of its opening quote; `closed` is false when input ended first. */
export function stringConstant(body: string, closed: boolean, range: Range): StringConstant {
  if (!closed) throw new PatternTokenError(range.start, 'this string has no closing quote');
  let value = '';
  let from = 0;
  for (let at = body.indexOf('\\'); at !== -1; at = body.indexOf('\\', from)) {
    const escaped = body[at + 1];
    if (escaped !== "'" && escaped !== '\\') {
      throw new PatternTokenError(
        range.start + 1 + at,
        "a backslash in a string must be followed by ' or \\ (write \\\\ for a backslash)",
      );
    }
    value += body.slice(from, at) + escaped;
    from = at + 2;
  }
  return { kind: 'string', value: from === 0 ? body : value + body.slice(from), loc: loc(range) };
}

const timestampForm =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?Z$/;

export function timestampConstant(body: string, closed: boolean, range: Range): TimestampConstant {
  if (!closed) throw new PatternTokenError(range.start, 'this timestamp has no closing quote');
  if (!timestampForm.test(body)) {
    throw new PatternTokenError(
      range.start,
      `'${shorten(body)}' is not a timestamp: write t'YYYY-MM-DDTHH:MM:SS[.fraction]Z' (RFC 3339, UTC)`,
    );
  }
  return { kind: 'timestamp', value: body, loc: loc(range) };
}

const hexForm = /^(?:[0-9A-Fa-f]{2})*$/;

export function hexConstant(body: string, closed: boolean, range: Range): HexConstant {
  if (!closed) throw new PatternTokenError(range.start, 'this hex constant has no closing quote');
  if (!hexForm.test(body)) {
    throw new PatternTokenError(
      range.start,
      `h'${shorten(body)}' is not hex: write pairs of hex digits between h' and '`,
    );
  }
  return { kind: 'hex', value: body, loc: loc(range) };
}

const base64Form =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$/;

export function binaryConstant(body: string, closed: boolean, range: Range): BinaryConstant {
  if (!closed) {
    throw new PatternTokenError(range.start, 'this binary constant has no closing quote');
  }
  if (!base64Form.test(body)) {
    throw new PatternTokenError(
      range.start,
      `b'${shorten(body)}' is not base64: write padded base64 (at least one byte) between b' and '`,
    );
  }
  return { kind: 'binary', value: body, loc: loc(range) };
}

/** `/* … *\/`: refused when the input ends first. */
export function commentEnd(closed: boolean, range: Range): void {
  if (!closed) throw new PatternTokenError(range.start, 'this comment has no end (*/)');
}

/** A number as written, less a leading `+`. */
export function numberText(text: string): string {
  return text.startsWith('+') ? text.slice(1) : text;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
