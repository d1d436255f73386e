/**
 * STIX Meta Objects (specification section 7): marking-definition (TLP 2.0 by its OASIS
 * extension, TLP 1.0 and statements by definition_type, PAP by cirtkit's extension) and
 * extension-definition.
 */
import { z } from 'zod';
import {
  externalReferenceSchema,
  extensionsSchema,
  granularMarkingSchema,
  isRecord,
  list,
  ordered,
  stixObject,
  type Rule,
} from './common.js';
import { refSchema, stixIdSchema } from './identifier.js';
import {
  papExtensionId,
  papLevels,
  papMarkingIds,
  tlp1Colours,
  tlp1MarkingIds,
  tlp2ExtensionId,
  tlp2MarkingIds,
  tlpLevels,
  tlpLabel,
  type Pap,
  type Tlp,
  type Tlp1Colour,
} from './marking-ids.js';
import { millisTimestampSchema } from './timestamp.js';
import { closedVocab, extensionTypeEnum } from './vocab.js';

const keysOtherThan = (object: Record<string, unknown>, allowed: string[]) =>
  Object.keys(object).filter((k) => !allowed.includes(k));

/** The definition_type forms: `tlp` (TLP 1.0 objects only) and `statement`; others are free. */
const definitionForms: Rule = (marking, report) => {
  const { definition_type: type, definition } = marking;
  if (marking.extensions === undefined) {
    if (type === undefined) report(['definition_type'], 'is required without extensions');
    if (definition === undefined) report(['definition'], 'is required without extensions');
  }
  if (definition !== undefined && type === undefined)
    report(['definition_type'], 'is required with a definition');
  if (!isRecord(definition)) return;
  if (type === 'tlp') {
    const colour = definition.tlp;
    for (const key of keysOtherThan(definition, ['tlp']))
      report(['definition', key], 'unknown property of a TLP definition');
    if (!(tlp1Colours as readonly unknown[]).includes(colour)) {
      report(['definition', 'tlp'], `must be one of ${tlp1Colours.join(', ')}`);
    } else if (marking.id !== tlp1MarkingIds[colour as Tlp1Colour]) {
      report(
        ['id'],
        `TLP 1.0 markings are the fixed objects of STIX 2.1 section 7.2.1.4: TLP:${String(colour).toUpperCase()} is ${tlp1MarkingIds[colour as Tlp1Colour]}`,
      );
    }
  } else if (type === 'statement') {
    for (const key of keysOtherThan(definition, ['statement']))
      report(['definition', key], 'unknown property of a statement definition');
    if (typeof definition.statement !== 'string' || definition.statement === '')
      report(['definition', 'statement'], 'must be the statement text');
  }
};

/** A property extension of a fixed marking (TLP 2.0 or PAP): its one level and its fixed id. */
const fixedExtension =
  <L extends string>(
    extensionId: string,
    property: string,
    levels: readonly L[],
    ids: Readonly<Record<L, string>>,
    label: (level: L) => string,
  ): Rule =>
  (marking, report) => {
    const extensions = marking.extensions;
    if (!isRecord(extensions) || !isRecord(extensions[extensionId])) return;
    const extension = extensions[extensionId];
    const at = ['extensions', extensionId];
    for (const key of keysOtherThan(extension, ['extension_type', property]))
      report([...at, key], 'unknown property of this marking extension');
    if (extension.extension_type !== 'property-extension')
      report([...at, 'extension_type'], 'must be property-extension');
    const level = extension[property];
    if (!(levels as readonly unknown[]).includes(level)) {
      report([...at, property], `must be one of ${levels.join(', ')}`);
      return;
    }
    if (marking.id !== ids[level as L])
      report(['id'], `${label(level as L)} is the fixed object ${ids[level as L]}`);
    if (marking.name !== undefined && marking.name !== label(level as L))
      report(['name'], `must be ${label(level as L)}`);
  };

export const markingDefinitionSchema = stixObject(
  {
    type: z.literal('marking-definition'),
    spec_version: z.literal('2.1'),
    id: stixIdSchema('marking-definition'),
    created_by_ref: refSchema(['identity']).optional(),
    created: millisTimestampSchema,
    external_references: list(externalReferenceSchema).optional(),
    object_marking_refs: list(refSchema(['marking-definition'])).optional(),
    granular_markings: list(granularMarkingSchema).optional(),
    extensions: extensionsSchema([]).optional(),
    name: z.string().optional(),
    definition_type: z.string().min(1, { error: 'must not be empty' }).optional(),
    definition: z.record(z.string(), z.unknown()).optional(),
  },
  definitionForms,
  fixedExtension<Tlp>(tlp2ExtensionId, 'tlp_2_0', tlpLevels, tlp2MarkingIds, tlpLabel),
  fixedExtension<Pap>(
    papExtensionId,
    'pap',
    papLevels,
    papMarkingIds,
    (l) => `PAP:${l.toUpperCase()}`,
  ),
);

/** Section 7.3. */
export const extensionDefinitionSchema = stixObject(
  {
    type: z.literal('extension-definition'),
    spec_version: z.literal('2.1'),
    id: stixIdSchema('extension-definition'),
    created_by_ref: refSchema(['identity']),
    created: millisTimestampSchema,
    modified: millisTimestampSchema,
    revoked: z.boolean().optional(),
    labels: list(z.string()).optional(),
    external_references: list(externalReferenceSchema).optional(),
    object_marking_refs: list(refSchema(['marking-definition'])).optional(),
    granular_markings: list(granularMarkingSchema).optional(),
    name: z.string().min(1, { error: 'must not be empty' }),
    description: z.string().optional(),
    schema: z.string().min(1, { error: 'must be a URL or the text of the definition' }),
    version: z.string().min(1, { error: 'must not be empty' }),
    extension_types: list(closedVocab(extensionTypeEnum)),
    extension_properties: list(z.string()).optional(),
  },
  ordered('created', 'modified'),
  (definition, report) => {
    const types = definition.extension_types;
    if (
      definition.extension_properties !== undefined &&
      !(Array.isArray(types) && types.includes('toplevel-property-extension'))
    )
      report(['extension_properties'], 'is only for a toplevel-property-extension');
  },
);

export type MarkingDefinition = z.infer<typeof markingDefinitionSchema>;
export type ExtensionDefinition = z.infer<typeof extensionDefinitionSchema>;
