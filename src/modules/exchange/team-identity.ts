import type { Clock } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import { newStixId } from './stix/identifier.js';
import type { StixObject } from './stix/schemas.js';
import { stixTimestamp } from './stix/timestamp.js';

const key = 'exchange.team_identity';

/**
 * This team as a STIX identity: made once (the id kept in `meta`) and named after the team, so
 * every object it produces names the same creator on every peer.
 */
export async function teamIdentity(db: Db, clock: Clock, teamName: string): Promise<StixObject> {
  const now = clock.now().toISOString();
  const candidate = newStixId('identity');
  await db.kysely
    .insertInto('meta')
    .values({
      key,
      value: JSON.stringify({ id: candidate, created: stixTimestamp(clock.now()) }),
      updated_at: now,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.kysely
    .selectFrom('meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  const { id, created } = JSON.parse(row.value) as { id: string; created: string };
  return {
    type: 'identity',
    spec_version: '2.1',
    id,
    created,
    modified: created,
    name: teamName,
    identity_class: 'organization',
  } as StixObject;
}
