import type { Clock } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import { newStixId } from './stix/identifier.js';
import { tlp2MarkingIds } from './stix/marking-ids.js';
import type { StixObject } from './stix/schemas.js';
import { stixTimestamp } from './stix/timestamp.js';

const key = 'exchange.team_identity';

interface Kept {
  id: string;
  created: string;
  modified: string;
  name: string;
}

/**
 * This team as a STIX identity, TLP:CLEAR (who sends is no secret): made once, its id kept in
 * `meta`, so every object the team produces names the same creator on every peer. A new team
 * name makes a new version (a later `modified`), as STIX versioning asks.
 */
export async function teamIdentity(db: Db, clock: Clock, teamName: string): Promise<StixObject> {
  const now = stixTimestamp(clock.now());
  const row = await db.kysely
    .selectFrom('meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  let kept = row ? (JSON.parse(row.value) as Kept) : undefined;
  if (!kept || kept.name !== teamName) {
    kept = kept
      ? { ...kept, name: teamName, modified: now > kept.modified ? now : kept.modified }
      : { id: newStixId('identity'), created: now, modified: now, name: teamName };
    const value = JSON.stringify(kept);
    const updatedAt = clock.now().toISOString();
    await db.kysely
      .insertInto('meta')
      .values({ key, value, updated_at: updatedAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
      .execute();
  }
  return {
    type: 'identity',
    spec_version: '2.1',
    id: kept.id,
    created: kept.created,
    modified: kept.modified,
    name: kept.name,
    identity_class: 'organization',
    object_marking_refs: [tlp2MarkingIds.clear],
  } as StixObject;
}
