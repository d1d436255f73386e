/**
 * TLP and PAP as STIX marking definitions, and the TLP that applies to an object or one of its
 * fields. Object markings (`object_marking_refs`) cover the whole object; granular markings
 * cover the content their selectors name and everything inside it (section 7.2.3). Markings
 * add up: a field carries every TLP that covers it, and the strictest one rules. When no TLP
 * covers something, the configured default does (TLP:AMBER unless the instance says otherwise).
 */
import { isRecord, selectorSteps } from './common.js';
import {
  cirtkitIdentityId,
  papByMarkingId,
  papCreated,
  papExtensionId,
  papLevels,
  papLabel,
  papMarkingIds,
  tlp1Colours,
  tlp1Created,
  tlp1MarkingIds,
  tlp2Created,
  tlp2ExtensionId,
  tlp2MarkingIds,
  tlpByMarkingId,
  tlpLabel,
  tlpLevels,
  type Pap,
  type Tlp,
} from './marking-ids.js';
import type { ExtensionDefinition, MarkingDefinition } from './meta.js';
import type { Identity } from './sdo.js';

/** The five TLP 2.0 marking definitions, as OASIS publishes them. */
export const tlp2Markings: readonly MarkingDefinition[] = tlpLevels.map((level) => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id: tlp2MarkingIds[level],
  created: tlp2Created,
  name: tlpLabel(level),
  extensions: {
    [tlp2ExtensionId]: { extension_type: 'property-extension', tlp_2_0: level },
  },
}));

/** The four TLP 1.0 marking definitions of STIX 2.1 section 7.2.1.4 (read on import only). */
export const tlp1Markings: readonly MarkingDefinition[] = tlp1Colours.map((colour) => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id: tlp1MarkingIds[colour],
  created: tlp1Created,
  definition_type: 'tlp',
  name: `TLP:${colour.toUpperCase()}`,
  definition: { tlp: colour },
}));

/** The identity that signs cirtkit's extension definitions (the software, not an instance). */
export const cirtkitIdentity: Identity = {
  type: 'identity',
  spec_version: '2.1',
  id: cirtkitIdentityId,
  created: papCreated,
  modified: papCreated,
  name: 'cirtkit',
  identity_class: 'system',
  description: 'The cirtkit software: author of the extension definitions cirtkit instances share.',
};

/** cirtkit's extension for PAP markings: a property extension with one property, `pap`. */
export const papExtensionDefinition: ExtensionDefinition = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: papExtensionId,
  created_by_ref: cirtkitIdentityId,
  created: papCreated,
  modified: papCreated,
  name: 'PAP marking',
  description:
    'Permissible Actions Protocol (PAP) as a marking definition: what a recipient may do with ' +
    'the information (clear: no restriction; green: active actions; amber: passive ' +
    'cross-checks only; red: non-detectable actions only). PAP:WHITE is read as PAP:CLEAR.',
  schema:
    'A marking-definition whose extensions hold this extension as ' +
    '{"extension_type": "property-extension", "pap": "clear" | "green" | "amber" | "red"}, ' +
    'named PAP:CLEAR, PAP:GREEN, PAP:AMBER or PAP:RED, with the fixed id cirtkit gives each level.',
  version: '1.0.0',
  extension_types: ['property-extension'],
};

/** The four PAP marking definitions. */
export const papMarkings: readonly MarkingDefinition[] = papLevels.map((level) => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id: papMarkingIds[level],
  created_by_ref: cirtkitIdentityId,
  created: papCreated,
  name: papLabel(level),
  extensions: { [papExtensionId]: { extension_type: 'property-extension', pap: level } },
}));

const rank = (level: Tlp) => tlpLevels.indexOf(level);
/** The stricter of two TLP levels. */
export const stricterTlp = (a: Tlp, b: Tlp): Tlp => (rank(a) >= rank(b) ? a : b);

/**
 * The TLP 2.0 level a marking id stands for (TLP 1.0 ids mapped), or undefined. Parsed objects
 * carry lower-case ids; an upper-case UUID from an unparsed object is still recognised.
 */
export const tlpOfMarkingId = (id: string): Tlp | undefined =>
  tlpByMarkingId.get(id) ?? (/[A-F]/.test(id) ? tlpByMarkingId.get(id.toLowerCase()) : undefined);
const papOfMarkingId = (id: string): Pap | undefined =>
  papByMarkingId.get(id) ?? (/[A-F]/.test(id) ? papByMarkingId.get(id.toLowerCase()) : undefined);

/**
 * The id to write for a marking id read on import: TLP 1.0 ids become the TLP 2.0 ids of the
 * same level (WHITE as CLEAR); other ids are kept.
 */
export function importMarkingRef(id: string): string {
  const level = tlpOfMarkingId(id);
  return level === undefined ? id : tlp2MarkingIds[level];
}

export interface TlpOptions {
  /** The TLP of content no TLP marking covers. */
  defaultTlp: Tlp;
}

interface Markable {
  type?: unknown;
  id?: unknown;
  object_marking_refs?: unknown;
  granular_markings?: unknown;
}

/** The definitions of TLP and PAP themselves are public: everyone must be able to read them. */
const isSharedDefinition = (object: Markable): boolean =>
  (object.type === 'marking-definition' ||
    object.type === 'extension-definition' ||
    object.type === 'identity') &&
  typeof object.id === 'string' &&
  (tlpByMarkingId.has(object.id) ||
    papByMarkingId.has(object.id) ||
    object.id === papExtensionId ||
    object.id === cirtkitIdentityId);

function strictestOf(ids: unknown, into: Tlp | undefined): Tlp | undefined {
  if (!Array.isArray(ids)) return into;
  let level = into;
  for (const id of ids) {
    const found = typeof id === 'string' ? tlpOfMarkingId(id) : undefined;
    if (found !== undefined) level = level === undefined ? found : stricterTlp(level, found);
  }
  return level;
}

/**
 * The TLP of an object as a whole: the strictest TLP among its object markings, else the
 * default. The TLP and PAP definitions themselves are TLP:CLEAR.
 */
export function tlpOf(marked: object, options: TlpOptions): Tlp {
  const object = marked as Markable;
  if (isSharedDefinition(object)) return 'clear';
  return strictestOf(object.object_marking_refs, undefined) ?? options.defaultTlp;
}

/**
 * Whether an object's disclosure depends on its own TLP alone: it carries a TLP object marking
 * and no granular markings (then `tlpOf` needs no default, and `redact` would return it whole
 * or not at all).
 */
export function tlpAlone(marked: object): boolean {
  const object = marked as Markable;
  return (
    !('granular_markings' in object) &&
    strictestOf(object.object_marking_refs, undefined) !== undefined
  );
}

/** Whether selector steps `outer` name `inner` or content that contains it. */
const covers = (outer: (string | number)[], inner: (string | number)[]): boolean =>
  outer.length <= inner.length && outer.every((step, i) => step === inner[i]);

/**
 * The TLP of one field of an object: the strictest TLP among the object markings and the
 * granular markings whose selectors name the field or content that contains it; the default
 * when none does. `path` is a selector (`description`, `external_references.[0].url`) or its steps.
 */
export function tlpOfField(
  marked: object,
  path: string | readonly (string | number)[],
  options: TlpOptions,
): Tlp {
  const object = marked as Markable;
  if (isSharedDefinition(object)) return 'clear';
  const steps = typeof path === 'string' ? selectorSteps(path) : [...path];
  let level = strictestOf(object.object_marking_refs, undefined);
  if (Array.isArray(object.granular_markings)) {
    for (const marking of object.granular_markings) {
      if (!isRecord(marking) || typeof marking.marking_ref !== 'string') continue;
      const found = tlpOfMarkingId(marking.marking_ref);
      if (found === undefined || !Array.isArray(marking.selectors)) continue;
      const applies = marking.selectors.some(
        (s) => typeof s === 'string' && covers(selectorSteps(s), steps),
      );
      if (applies) level = level === undefined ? found : stricterTlp(level, found);
    }
  }
  return level ?? options.defaultTlp;
}

/** The strictest PAP among an object's markings, or undefined when it carries none. */
export function papOf(marked: object): Pap | undefined {
  const object = marked as Markable;
  if (!Array.isArray(object.object_marking_refs)) return undefined;
  let level: Pap | undefined;
  for (const id of object.object_marking_refs) {
    const found = typeof id === 'string' ? papOfMarkingId(id) : undefined;
    if (
      found !== undefined &&
      (level === undefined || papLevels.indexOf(found) > papLevels.indexOf(level))
    )
      level = found;
  }
  return level;
}
