import { AppError, newId } from '../../../kernel/index.js';
import type { Db } from '../../../storage/index.js';

/** One object's outcome in a status resource (TAXII 2.1, section 4.3.1). */
export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

/** The TAXII 2.1 status resource of one envelope POST. */
export interface StatusResource {
  id: string;
  status: 'pending' | 'complete';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes: StatusDetail[];
  failure_count: number;
  failures: StatusDetail[];
  pending_count: number;
  pendings: StatusDetail[];
}

export interface StatusOwner {
  collectionId: string;
  peerId?: string | undefined;
  userId?: string | undefined;
}

export async function saveStatus(
  db: Db,
  owner: StatusOwner,
  requestTimestamp: string,
  successes: StatusDetail[],
  failures: StatusDetail[],
): Promise<StatusResource> {
  const resource: StatusResource = {
    id: newId(),
    // Envelopes are processed before the answer: nothing is ever left pending.
    status: 'complete',
    request_timestamp: requestTimestamp,
    total_count: successes.length + failures.length,
    success_count: successes.length,
    successes,
    failure_count: failures.length,
    failures,
    pending_count: 0,
    pendings: [],
  };
  await db.kysely
    .insertInto('taxii_status')
    .values({
      id: resource.id,
      collection_id: owner.collectionId,
      peer_id: owner.peerId ?? null,
      user_id: owner.userId ?? null,
      request_timestamp: requestTimestamp,
      resource: JSON.stringify(resource),
    })
    .execute();
  return resource;
}

/** A status resource, to the peer or user that made the request only (others: not found). */
export async function readStatus(
  db: Db,
  id: string,
  caller: { peerId?: string | undefined; userId?: string | undefined },
): Promise<StatusResource> {
  const row = await db.kysely
    .selectFrom('taxii_status')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const mine =
    row !== undefined &&
    ((caller.peerId !== undefined && row.peer_id === caller.peerId) ||
      (caller.userId !== undefined && row.user_id === caller.userId));
  if (!row || !mine) throw new AppError('not_found', `No status resource with id ${id}`);
  return JSON.parse(row.resource) as StatusResource;
}
