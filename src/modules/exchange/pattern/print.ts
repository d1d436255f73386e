/**
 * Writing a pattern tree back as text, in one canonical form: single spaces around operators,
 * `=` and `!=` (never `==` or `<>`), property names bare when the grammar allows and quoted
 * otherwise, parentheses only where the tree needs them. Parsing the text gives the same tree
 * (locations aside): `printPattern(parse(x))` is a normal form of `x`.
 */
import {
  patternKeywords,
  type Comparison,
  type ComparisonExpression,
  type Constant,
  type ObjectPath,
  type ObservationExpression,
  type Pattern,
  type Qualifier,
  type QualifiedObservation,
} from './ast.js';

/**
 * @example printPattern(parsed("[file:hashes.'MD5'=='d41d8cd98f00b204e9800998ecf8427e']"))
 *   // "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"
 */
export function printPattern(pattern: Pattern): string {
  return observation(pattern);
}

const observationPrecedence = { FOLLOWEDBY: 1, OR: 2, AND: 3 } as const;

function observation(expression: ObservationExpression): string {
  switch (expression.kind) {
    case 'observation':
      return `[${comparisons(expression.comparison)}]`;
    case 'observation-operator': {
      const own = observationPrecedence[expression.operator];
      return expression.operands
        .map((operand) =>
          operand.kind === 'observation-operator' && observationPrecedence[operand.operator] <= own
            ? `(${observation(operand)})`
            : observation(operand),
        )
        .join(` ${expression.operator} `);
    }
    case 'qualified':
      return qualified(expression).text;
  }
}

/**
 * A qualified expression, and the kinds of the qualifiers its text ends with outside any
 * parentheses. A qualifier of a kind that run already has needs the run in parentheses:
 * written in one run, the two would be one expression qualified twice the same way (refused).
 */
function qualified(expression: QualifiedObservation): {
  text: string;
  run: Set<Qualifier['kind']>;
} {
  const inner = expression.expression;
  const kind = expression.qualifier.kind;
  let text: string;
  let run: Set<Qualifier['kind']>;
  if (inner.kind === 'qualified') {
    const printed = qualified(inner);
    const grouped = printed.run.has(kind);
    text = grouped ? `(${printed.text})` : printed.text;
    run = grouped ? new Set() : printed.run;
  } else {
    text = inner.kind === 'observation-operator' ? `(${observation(inner)})` : observation(inner);
    run = new Set();
  }
  run.add(kind);
  return { text: `${text} ${qualifier(expression.qualifier)}`, run };
}

function qualifier(q: Qualifier): string {
  switch (q.kind) {
    case 'within':
      return `WITHIN ${q.seconds} SECONDS`;
    case 'repeats':
      return `REPEATS ${q.times} TIMES`;
    case 'start-stop':
      return `START t'${q.start.value}' STOP t'${q.stop.value}'`;
  }
}

function comparisons(expression: ComparisonExpression): string {
  if (expression.kind !== 'comparison-operator') return comparison(expression);
  return expression.operands
    .map((operand) =>
      operand.kind === 'comparison-operator' &&
      (expression.operator === 'AND' || operand.operator === 'OR')
        ? `(${comparisons(operand)})`
        : comparisons(operand),
    )
    .join(` ${expression.operator} `);
}

function comparison(c: Comparison): string {
  const not = c.negated ? 'NOT ' : '';
  switch (c.kind) {
    case 'exists':
      return `${not}EXISTS ${path(c.path)}`;
    case 'in':
      return `${path(c.path)} ${not}IN (${c.values.map(constant).join(', ')})`;
    case 'comparison':
      return `${path(c.path)} ${not}${c.operator} ${constant(c.value)}`;
  }
}

const bareName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function path(p: ObjectPath): string {
  let text = `${p.objectType}:`;
  p.steps.forEach((step, i) => {
    if (step.kind === 'property') {
      const name =
        bareName.test(step.name) && !patternKeywords.has(step.name) ? step.name : quote(step.name);
      text += i === 0 ? name : `.${name}`;
    } else {
      text += step.kind === 'index' ? `[${step.index}]` : '[*]';
    }
  });
  return text;
}

/** A constant as the grammar writes it. */
export function constant(c: Constant): string {
  switch (c.kind) {
    case 'string':
      return quote(c.value);
    case 'integer':
    case 'float':
      return c.value;
    case 'boolean':
      return c.value ? 'true' : 'false';
    case 'timestamp':
      return `t'${c.value}'`;
    case 'hex':
      return `h'${c.value}'`;
    case 'binary':
      return `b'${c.value}'`;
  }
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
