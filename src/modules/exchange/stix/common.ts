/**
 * Properties and types shared by STIX objects (specification sections 2 and 3): lists, hashes,
 * external references, kill chain phases, granular markings, extensions, the common properties
 * of SDOs and SROs, and the object-level rules (versions in order, custom property names,
 * granular marking selectors that point at content).
 */
import { z } from 'zod';
import { refSchema, stixIdSchema } from './identifier.js';
import { compareStixTimestamps, isStixTimestamp, millisTimestampSchema } from './timestamp.js';
import { extensionTypeEnum, hashAlgorithmOv } from './vocab.js';

export type Path = (string | number)[];
/** An object-level rule: reads the (possibly malformed) object and reports what it breaks. */
export type Rule = (
  object: Record<string, unknown>,
  report: (path: Path, message: string) => void,
) => void;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A STIX list: never empty (section 2.16: omit an optional property instead). */
export const list = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, { error: 'must not be empty (omit the property instead)' });

/** RFC 5646 language tag, checked for shape only. */
export const langSchema = z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, {
  error: 'must be an RFC 5646 language tag, e.g. en or fr-CA',
});

export const urlSchema = z
  .string()
  .refine((u) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(u) && URL.canParse(u), {
    error: 'must be an absolute URL (RFC 3986), e.g. https://example.com/page',
  });

const hashFormats: Record<(typeof hashAlgorithmOv)[number], [RegExp, string]> = {
  MD5: [/^[0-9a-fA-F]{32}$/, '32 hexadecimal digits'],
  'SHA-1': [/^[0-9a-fA-F]{40}$/, '40 hexadecimal digits'],
  'SHA-256': [/^[0-9a-fA-F]{64}$/, '64 hexadecimal digits'],
  'SHA-512': [/^[0-9a-fA-F]{128}$/, '128 hexadecimal digits'],
  'SHA3-256': [/^[0-9a-fA-F]{64}$/, '64 hexadecimal digits'],
  'SHA3-512': [/^[0-9a-fA-F]{128}$/, '128 hexadecimal digits'],
  SSDEEP: [/^[A-Za-z0-9/+:.]{1,128}$/, 'an ssdeep digest (blocksize:hash:hash)'],
  TLSH: [/^(T1)?[0-9a-fA-F]{70}$/, '70 hexadecimal digits (T1 prefix allowed)'],
};
const squash = (name: string) => name.toUpperCase().replace(/[-_]/g, '');
const vocabularySpelling = new Map(hashAlgorithmOv.map((name) => [squash(name), name]));

/**
 * A hashes dictionary (section 2.7): keys of 3–250 characters from a–z, A–Z, 0–9, - and _;
 * an algorithm of hash-algorithm-ov spelt as there (`SHA-256`, not `sha256`) with a value of its
 * format; other keys name custom algorithms.
 */
export const hashesSchema = z.record(z.string(), z.string()).superRefine((hashes, ctx) => {
  const keys = Object.keys(hashes);
  if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one hash' });
  for (const key of keys) {
    const value = hashes[key]!;
    const known = hashFormats[key as keyof typeof hashFormats];
    if (known) {
      if (!known[0].test(value))
        ctx.addIssue({ code: 'custom', path: [key], message: `must be ${known[1]}` });
    } else if (!/^[A-Za-z0-9_-]{3,250}$/.test(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'hash names are 3 to 250 characters from a-z, A-Z, 0-9, - and _',
      });
    } else if (vocabularySpelling.has(squash(key))) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `write the algorithm as in hash-algorithm-ov: ${vocabularySpelling.get(squash(key))}`,
      });
    }
  }
});

/** Section 2.5: source_name, and at least one of description, url, external_id. */
export const externalReferenceSchema = z
  .strictObject({
    source_name: z.string().min(1, { error: 'must not be empty' }),
    description: z.string().optional(),
    url: urlSchema.optional(),
    hashes: hashesSchema.optional(),
    external_id: z.string().optional(),
  })
  .superRefine((ref, ctx) => {
    if (ref.description === undefined && ref.url === undefined && ref.external_id === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'must have at least one of description, url or external_id',
      });
    if (
      ref.source_name === 'cve' &&
      !/^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$/.test(ref.external_id ?? '')
    )
      ctx.addIssue({
        code: 'custom',
        path: ['external_id'],
        message: 'a cve reference needs its CVE identifier, e.g. CVE-2021-44228',
      });
    if (ref.source_name === 'capec' && !/^CAPEC-\d+$/.test(ref.external_id ?? ''))
      ctx.addIssue({
        code: 'custom',
        path: ['external_id'],
        message: 'a capec reference needs its CAPEC identifier, e.g. CAPEC-163',
      });
  });

export const killChainPhaseSchema = z.strictObject({
  kill_chain_name: z.string().min(1, { error: 'must not be empty' }),
  phase_name: z.string().min(1, { error: 'must not be empty' }),
});

/** Selector syntax (section 7.2.3.1): `id`, or a property then `.name` and `.[index]` steps. */
export const selectorPattern = /^(id|[a-z0-9_-]{3,250}(\.(\[\d+\]|[A-Za-z0-9_-]{1,250}))*)$/;

/** Section 7.2.3: selectors and either marking_ref or lang, never both. */
export const granularMarkingSchema = z
  .strictObject({
    selectors: list(
      z.string().regex(selectorPattern, {
        error: 'must be a selector such as description or external_references.[0].url',
      }),
    ),
    marking_ref: refSchema(['marking-definition']).optional(),
    lang: langSchema.optional(),
  })
  .superRefine((marking, ctx) => {
    if ((marking.marking_ref === undefined) === (marking.lang === undefined))
      ctx.addIssue({ code: 'custom', message: 'must have exactly one of marking_ref and lang' });
  });

/** The steps of a selector: property names and list indexes. */
export function selectorSteps(selector: string): (string | number)[] {
  return selector
    .split('.')
    .map((step) => (/^\[\d+\]$/.test(step) ? Number(step.slice(1, -1)) : step));
}

const extensionDefinitionKey =
  /^extension-definition--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * An extensions dictionary (section 3.1 / 7.3): keys are extension-definition ids (the value
 * names its extension_type), the predefined extensions of the type, or deprecated custom
 * extensions named `x-…-ext`.
 */
export function extensionsSchema(predefined: readonly string[]) {
  return z.record(z.string(), z.unknown()).superRefine((extensions, ctx) => {
    const keys = Object.keys(extensions);
    if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'must not be empty (omit it)' });
    for (const key of keys) {
      const value = extensions[key];
      if (!isRecord(value)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'must be an object' });
      } else if (extensionDefinitionKey.test(key)) {
        const type = value.extension_type;
        if (!(extensionTypeEnum as readonly unknown[]).includes(type))
          ctx.addIssue({
            code: 'custom',
            path: [key, 'extension_type'],
            message: `must be one of ${extensionTypeEnum.join(', ')}`,
          });
      } else if (predefined.includes(key) || /^x-[a-z0-9-]+-ext$/.test(key)) {
        if (Object.keys(value).length === 0)
          ctx.addIssue({ code: 'custom', path: [key], message: 'must not be empty' });
      } else {
        const expected = predefined.length > 0 ? `, one of ${predefined.join(', ')}` : '';
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unknown extension: keys are extension-definition ids${expected}, or x-…-ext`,
        });
      }
    }
  });
}

/** Whether the object declares a toplevel-property-extension (its properties sit at top level). */
export const hasToplevelExtension = (object: Record<string, unknown>): boolean =>
  isRecord(object.extensions) &&
  Object.values(object.extensions).some(
    (e) => isRecord(e) && e.extension_type === 'toplevel-property-extension',
  );

/** Properties of every SDO and SRO (section 3.2). */
export const sdoCommonShape = <T extends string>(type: T) => ({
  type: z.literal(type),
  spec_version: z.literal('2.1'),
  id: stixIdSchema(type),
  created_by_ref: refSchema(['identity']).optional(),
  created: millisTimestampSchema,
  modified: millisTimestampSchema,
  revoked: z.boolean().optional(),
  labels: list(z.string()).optional(),
  confidence: z
    .int()
    .min(0, { error: 'must be an integer from 0 to 100' })
    .max(100, { error: 'must be an integer from 0 to 100' })
    .optional(),
  lang: langSchema.optional(),
  external_references: list(externalReferenceSchema).optional(),
  object_marking_refs: list(refSchema(['marking-definition'])).optional(),
  granular_markings: list(granularMarkingSchema).optional(),
  extensions: extensionsSchema([]).optional(),
});

/** Reports when `later` is before `earlier` (or not strictly after, with `strict`). */
export const ordered =
  (earlier: string, later: string, strict = false): Rule =>
  (object, report) => {
    const a = object[earlier];
    const b = object[later];
    if (typeof a !== 'string' || typeof b !== 'string') return;
    if (!isStixTimestamp(a) || !isStixTimestamp(b)) return;
    const order = compareStixTimestamps(b, a);
    if (strict ? order <= 0 : order < 0)
      report([later], strict ? `must be after ${earlier}` : `must not be before ${earlier}`);
  };

/** Unknown properties: custom ones start with x_ (section 11.1), others are refused. */
const customProperties =
  (known: ReadonlySet<string>): Rule =>
  (object, report) => {
    const toplevel = hasToplevelExtension(object);
    for (const key of Object.keys(object)) {
      if (known.has(key)) continue;
      if (toplevel ? /^[a-z0-9_]{3,250}$/.test(key) : /^x_[a-z0-9_]{1,248}$/.test(key)) continue;
      report(
        [key],
        toplevel
          ? 'unknown property: names are 3 to 250 characters from a-z, 0-9 and _'
          : 'unknown property: custom properties start with x_ (then a-z, 0-9, _; 250 characters at most)',
      );
    }
  };

/** Granular marking selectors must point at content present in the object (section 7.2.3.1). */
const selectorsResolve: Rule = (object, report) => {
  const markings = object.granular_markings;
  if (!Array.isArray(markings)) return;
  markings.forEach((marking, m) => {
    if (!isRecord(marking) || !Array.isArray(marking.selectors)) return;
    marking.selectors.forEach((selector, s) => {
      if (typeof selector !== 'string' || !selectorPattern.test(selector)) return;
      if (resolveSelector(object, selector) === undefined)
        report(
          ['granular_markings', m, 'selectors', s],
          `selects nothing: ${selector} is not in the object`,
        );
    });
  });
};

/** The content a selector names in an object, or undefined. */
export function resolveSelector(object: unknown, selector: string): unknown {
  let at: unknown = object;
  for (const step of selectorSteps(selector)) {
    if (typeof step === 'number') at = Array.isArray(at) ? at[step] : undefined;
    else at = isRecord(at) && Object.hasOwn(at, step) ? at[step] : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/**
 * A STIX object schema: the properties of `shape`, custom `x_` properties beside them, and the
 * rules. Rules run even when a property is malformed, so every problem is reported at once.
 */
export function stixObject<S extends z.core.$ZodLooseShape>(shape: S, ...rules: Rule[]) {
  const all = [customProperties(new Set(Object.keys(shape))), selectorsResolve, ...rules];
  return z.looseObject(shape).superRefine(
    (object, ctx) => {
      const report = (path: Path, message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      for (const rule of all) rule(object, report);
    },
    { when: (payload) => isRecord(payload.value) },
  );
}
