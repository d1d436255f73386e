/**
 * The STIX Relationship Objects (specification section 5): relationship and sighting.
 */
import { z } from 'zod';
import { list, ordered, sdoCommonShape, stixObject } from './common.js';
import { isSdoOrScoType, isSdoType, refSchema } from './identifier.js';
import { timestampSchema } from './timestamp.js';

const sdoOrSco = () => refSchema([], isSdoOrScoType, 'an SDO or SCO');

/**
 * Section 5.1. The relationship types of section 4's tables are suggestions (SHOULD), so any
 * lower-case name is accepted; both ends must be SDOs or SCOs (custom objects included).
 */
export const relationshipSchema = stixObject(
  {
    ...sdoCommonShape('relationship'),
    relationship_type: z.string().regex(/^[a-z0-9-]+$/, {
      error: 'must be a name of a-z, 0-9 and hyphens, e.g. indicates',
    }),
    description: z.string().optional(),
    source_ref: sdoOrSco(),
    target_ref: sdoOrSco(),
    start_time: timestampSchema.optional(),
    stop_time: timestampSchema.optional(),
  },
  ordered('created', 'modified'),
  ordered('start_time', 'stop_time', true),
);

/** Section 5.2. */
export const sightingSchema = stixObject(
  {
    ...sdoCommonShape('sighting'),
    description: z.string().optional(),
    first_seen: timestampSchema.optional(),
    last_seen: timestampSchema.optional(),
    count: z
      .int()
      .min(0, { error: 'must be an integer from 0 to 999999999' })
      .max(999_999_999, { error: 'must be an integer from 0 to 999999999' })
      .optional(),
    sighting_of_ref: refSchema([], isSdoType, 'an SDO'),
    observed_data_refs: list(refSchema(['observed-data'])).optional(),
    where_sighted_refs: list(refSchema(['identity', 'location'])).optional(),
    summary: z.boolean().optional(),
  },
  ordered('created', 'modified'),
  ordered('first_seen', 'last_seen'),
);

export type Relationship = z.infer<typeof relationshipSchema>;
export type Sighting = z.infer<typeof sightingSchema>;
