/**
 * Parsing STIX input into typed objects with every problem named by its place, e.g.
 * `objects[3].valid_until: must be after valid_from`.
 */
import type { z } from 'zod';
import { isRecord } from './common.js';
import {
  bundleEnvelopeSchema,
  stixObjectSchemaFor,
  stixTypes,
  type StixObject,
  type StixParseOptions,
} from './schemas.js';

export interface StixProblem {
  /** Where: `objects[3].external_references[0].url`; empty for the value itself. */
  path: string;
  message: string;
}

export type StixParseResult<T> = { ok: true; object: T } | { ok: false; problems: StixProblem[] };

/** `['objects', 3, 'hashes', 'SHA-256']` → `objects[3].hashes.SHA-256`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text === '' ? String(step) : `.${String(step)}`;
  }
  return text;
}

const kinds: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

/** Default words for zod's own issues (schemas give their own for every STIX rule). */
const wording: z.core.$ZodErrorMap = (issue) => {
  if (
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  )
    return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${kinds[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.join(', ')}`;
    case 'unrecognized_keys':
      return 'unknown property';
    default:
      return undefined;
  }
};

function problemsOf(error: z.ZodError, prefix: readonly PropertyKey[]): StixProblem[] {
  const problems: StixProblem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({ path: formatPath([...path, key]), message: 'unknown property' });
    } else if (issue.code === 'invalid_union' && 'discriminator' in issue) {
      problems.push({
        path: formatPath(path),
        message: `must be a type this instance accepts: ${stixTypes.join(', ')}`,
      });
    } else {
      problems.push({ path: formatPath(path), message: issue.message });
    }
  }
  return problems;
}

/**
 * Checks one STIX object against the specification and the project's rules.
 *
 * @example
 *   const result = parseStixObject(json, { ids: 'received', checkPattern });
 *   if (!result.ok) for (const p of result.problems) console.log(`${p.path}: ${p.message}`);
 */
export function parseStixObject(
  value: unknown,
  options: StixParseOptions = {},
): StixParseResult<StixObject> {
  return parseAt(value, options, []);
}

function parseAt(
  value: unknown,
  options: StixParseOptions,
  prefix: readonly PropertyKey[],
): StixParseResult<StixObject> {
  const result = stixObjectSchemaFor(options).safeParse(value, { error: wording });
  return result.success
    ? { ok: true, object: result.data }
    : { ok: false, problems: problemsOf(result.error, prefix) };
}

export type BundleItem =
  | { index: number; ok: true; object: StixObject }
  | { index: number; ok: false; id?: string; type?: string; problems: StixProblem[] };

/**
 * A bundle read object by object, for imports that keep the valid objects and list the others:
 * `problems` are the envelope's own (bad id, objects not a list); `items` one per object.
 */
export function readBundle(
  value: unknown,
  options: StixParseOptions = {},
): { id?: string; problems: StixProblem[]; items: BundleItem[] } {
  const envelope = bundleEnvelopeSchema.safeParse(value, { error: wording });
  const problems = envelope.success ? [] : problemsOf(envelope.error, []);
  const objects = isRecord(value) && Array.isArray(value.objects) ? value.objects : [];
  const items = objects.map((object: unknown, index): BundleItem => {
    const result = parseAt(object, options, ['objects', index]);
    if (result.ok) return { index, ok: true, object: result.object };
    const id = isRecord(object) && typeof object.id === 'string' ? object.id : undefined;
    const type = isRecord(object) && typeof object.type === 'string' ? object.type : undefined;
    return { index, ok: false, id, type, problems: result.problems };
  });
  return {
    id: isRecord(value) && typeof value.id === 'string' ? value.id : undefined,
    problems: problems.filter((p) => !p.path.startsWith('objects[')),
    items,
  };
}

/** A whole bundle, valid only if its envelope and every object are. */
export function parseBundle(
  value: unknown,
  options: StixParseOptions = {},
): StixParseResult<{ type: 'bundle'; id: string; objects?: StixObject[] }> {
  const read = readBundle(value, options);
  const problems = [...read.problems, ...read.items.flatMap((i) => (i.ok ? [] : i.problems))];
  if (problems.length > 0) return { ok: false, problems };
  const bundle = value as Record<string, unknown>;
  const objects = read.items.map((i) => (i.ok ? i.object : undefined!));
  return {
    ok: true,
    object: {
      ...bundle,
      type: 'bundle',
      id: read.id!,
      ...(bundle.objects === undefined ? {} : { objects }),
    },
  };
}
