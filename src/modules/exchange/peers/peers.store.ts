import { AppError, newId, randomToken, sha256Hex, type Clock } from '../../../kernel/index.js';
import type { Db, Executor } from '../../../storage/index.js';
import type { ExchangePeersTable } from '../../../storage/schema.js';
import { appendAudit, type AuditContext } from '../../accounts/index.js';
import { tlpLevels, type Tlp } from '../stix/marking-ids.js';
import {
  grantInputSchema,
  groupInputSchema,
  peerInputSchema,
  type Grant,
  type GrantInput,
  type Peer,
  type PeerInput,
  type SharingGroup,
} from './peer.schema.js';

/**
 * Bumped by every write to peers, groups and grants in this process, so a cached view of a
 * peer's access (the TAXII server's) is dropped at once; other processes' copies live at most
 * their TTL.
 */
export let peersGeneration = 0;
const changed = () => {
  peersGeneration += 1;
};

/** Secrets this instance issues to peers: told apart from users' API tokens by the prefix. */
export const peerTokenPrefix = 'ckp_';

function toPeer(row: ExchangePeersTable): Peer {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    registryTeamId: row.registry_team_id,
    contacts: JSON.parse(row.contacts) as Peer['contacts'],
    pgpKey: row.pgp_key,
    relationship: row.relationship as Peer['relationship'],
    trust: row.trust as Peer['trust'],
    tokenPrefix: row.token_prefix,
    remote:
      row.remote_url === null
        ? null
        : {
            url: row.remote_url,
            username: row.remote_username,
            hasSecret: row.remote_secret !== null,
          },
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function peerRow(db: Executor, id: string): Promise<ExchangePeersTable> {
  const row = await db
    .selectFrom('exchange_peers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No peer with id ${id}`, { details: { peerId: id } });
  return row;
}

export async function getPeer(db: Db, id: string): Promise<Peer> {
  return toPeer(await peerRow(db.kysely, id));
}

export async function listPeers(db: Db): Promise<Peer[]> {
  const rows = await db.kysely.selectFrom('exchange_peers').selectAll().orderBy('name').execute();
  return rows.map(toPeer);
}

/** How this instance reaches the peer's TAXII server, secret included (for the client only). */
export async function peerRemote(
  db: Db,
  id: string,
): Promise<{ url: string; username: string | null; secret: string | null } | undefined> {
  const row = await peerRow(db.kysely, id);
  return row.remote_url === null
    ? undefined
    : { url: row.remote_url, username: row.remote_username, secret: row.remote_secret };
}

/**
 * Adds a peer and issues the secret it will present to this instance's TAXII server. The
 * secret is returned once; only its hash is kept.
 */
export async function createPeer(
  db: Db,
  clock: Clock,
  context: AuditContext,
  input: PeerInput,
): Promise<{ peer: Peer; secret: string }> {
  changed();
  const p = peerInputSchema.parse(input);
  const now = clock.now().toISOString();
  const secret = `${peerTokenPrefix}${randomToken(32)}`;
  const row: ExchangePeersTable = {
    id: newId(),
    name: p.name,
    country: p.country ?? null,
    registry_team_id: p.registryTeamId ?? null,
    contacts: JSON.stringify(p.contacts),
    pgp_key: p.pgpKey ?? null,
    relationship: p.relationship,
    trust: p.trust,
    token_hash: sha256Hex(secret),
    token_prefix: secret.slice(0, 10),
    remote_url: p.remote?.url ?? null,
    remote_username: p.remote?.username ?? null,
    remote_secret: p.remote?.secret ?? null,
    disabled: 0,
    created_at: now,
    updated_at: now,
  };
  const peer = toPeer(row);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('exchange_peers').values(row).execute();
    await appendAudit(
      trx,
      db.dialect,
      context,
      {
        action: 'exchange.peer_create',
        entityType: 'exchange_peer',
        entityId: row.id,
        after: peer,
      },
      clock,
    );
  });
  return { peer, secret };
}

/** Replaces a peer's details; a remote secret left out is kept (it is write-only). */
export async function updatePeer(
  db: Db,
  clock: Clock,
  context: AuditContext,
  id: string,
  input: PeerInput & { disabled?: boolean },
): Promise<Peer> {
  changed();
  const { disabled, ...rest } = input;
  const p = peerInputSchema.parse(rest);
  return db.kysely.transaction().execute(async (trx) => {
    const before = await peerRow(trx, id);
    const now = clock.now().toISOString();
    await trx
      .updateTable('exchange_peers')
      .set({
        name: p.name,
        country: p.country ?? null,
        registry_team_id: p.registryTeamId ?? null,
        contacts: JSON.stringify(p.contacts),
        pgp_key: p.pgpKey ?? null,
        relationship: p.relationship,
        trust: p.trust,
        remote_url: p.remote?.url ?? null,
        remote_username: p.remote?.username ?? null,
        remote_secret: p.remote ? (p.remote.secret ?? before.remote_secret) : null,
        disabled: disabled === undefined ? before.disabled : disabled ? 1 : 0,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const after = toPeer(await peerRow(trx, id));
    await appendAudit(
      trx,
      db.dialect,
      context,
      {
        action: 'exchange.peer_update',
        entityType: 'exchange_peer',
        entityId: id,
        before: toPeer(before),
        after,
      },
      clock,
    );
    return after;
  });
}

/** Issues a new secret to the peer; the old one stops working at once. */
export async function rotatePeerSecret(
  db: Db,
  clock: Clock,
  context: AuditContext,
  id: string,
): Promise<{ peer: Peer; secret: string }> {
  changed();
  const secret = `${peerTokenPrefix}${randomToken(32)}`;
  return db.kysely.transaction().execute(async (trx) => {
    await peerRow(trx, id);
    await trx
      .updateTable('exchange_peers')
      .set({
        token_hash: sha256Hex(secret),
        token_prefix: secret.slice(0, 10),
        updated_at: clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      db.dialect,
      context,
      { action: 'exchange.peer_rotate_secret', entityType: 'exchange_peer', entityId: id },
      clock,
    );
    return { peer: toPeer(await peerRow(trx, id)), secret };
  });
}

export async function deletePeer(
  db: Db,
  clock: Clock,
  context: AuditContext,
  id: string,
): Promise<void> {
  changed();
  await db.kysely.transaction().execute(async (trx) => {
    const before = toPeer(await peerRow(trx, id));
    await trx.deleteFrom('exchange_grants').where('peer_id', '=', id).execute();
    await trx.deleteFrom('exchange_group_members').where('peer_id', '=', id).execute();
    await trx.deleteFrom('exchange_peers').where('id', '=', id).execute();
    await appendAudit(
      trx,
      db.dialect,
      context,
      { action: 'exchange.peer_delete', entityType: 'exchange_peer', entityId: id, before },
      clock,
    );
  });
}

/** The enabled peer that holds this secret, if any. */
export async function peerBySecret(db: Db, secret: string): Promise<Peer | undefined> {
  if (!secret.startsWith(peerTokenPrefix)) return undefined;
  const row = await db.kysely
    .selectFrom('exchange_peers')
    .selectAll()
    .where('token_hash', '=', sha256Hex(secret))
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return row ? toPeer(row) : undefined;
}

// --- Sharing groups ----------------------------------------------------------------------------

async function groupMembers(db: Executor, groupIds: string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return members;
  const rows = await db
    .selectFrom('exchange_group_members')
    .selectAll()
    .where('group_id', 'in', groupIds)
    .orderBy('peer_id')
    .execute();
  for (const r of rows) members.get(r.group_id)?.push(r.peer_id);
  return members;
}

export async function listGroups(db: Db): Promise<SharingGroup[]> {
  const rows = await db.kysely.selectFrom('exchange_groups').selectAll().orderBy('name').execute();
  const members = await groupMembers(
    db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    peerIds: members.get(r.id) ?? [],
    createdAt: r.created_at,
  }));
}

async function requirePeers(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await db.selectFrom('exchange_peers').select('id').where('id', 'in', ids).execute()).map(
      (r) => r.id,
    ),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new AppError('validation_failed', `No peer with id ${missing.join(', ')}`, {
      issues: [{ field: 'body.peerIds', message: `unknown peer ${missing.join(', ')}` }],
    });
}

/** Creates a sharing group, or replaces one (name, description, members) when `id` is given. */
export async function saveGroup(
  db: Db,
  clock: Clock,
  context: AuditContext,
  input: unknown,
  id?: string,
): Promise<SharingGroup> {
  changed();
  const g = groupInputSchema.parse(input);
  const peerIds = [...new Set(g.peerIds)].sort();
  return db.kysely.transaction().execute(async (trx) => {
    await requirePeers(trx, peerIds);
    const clash = await trx
      .selectFrom('exchange_groups')
      .select('id')
      .where('name', '=', g.name)
      .executeTakeFirst();
    if (clash && clash.id !== id)
      throw new AppError('conflict', `A sharing group named "${g.name}" exists already`);
    const groupId = id ?? newId();
    let createdAt = clock.now().toISOString();
    if (id === undefined) {
      await trx
        .insertInto('exchange_groups')
        .values({
          id: groupId,
          name: g.name,
          description: g.description ?? null,
          created_at: createdAt,
        })
        .execute();
    } else {
      const before = await trx
        .selectFrom('exchange_groups')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw new AppError('not_found', `No sharing group with id ${id}`);
      createdAt = before.created_at;
      await trx
        .updateTable('exchange_groups')
        .set({ name: g.name, description: g.description ?? null })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('exchange_group_members').where('group_id', '=', id).execute();
    }
    if (peerIds.length > 0)
      await trx
        .insertInto('exchange_group_members')
        .values(peerIds.map((peer_id) => ({ group_id: groupId, peer_id })))
        .execute();
    const group: SharingGroup = {
      id: groupId,
      name: g.name,
      description: g.description ?? null,
      peerIds,
      createdAt,
    };
    await appendAudit(
      trx,
      db.dialect,
      context,
      {
        action: id === undefined ? 'exchange.group_create' : 'exchange.group_update',
        entityType: 'exchange_group',
        entityId: groupId,
        after: group,
      },
      clock,
    );
    return group;
  });
}

export async function deleteGroup(
  db: Db,
  clock: Clock,
  context: AuditContext,
  id: string,
): Promise<void> {
  changed();
  await db.kysely.transaction().execute(async (trx) => {
    const found = await trx.deleteFrom('exchange_groups').where('id', '=', id).executeTakeFirst();
    if (Number(found.numDeletedRows) === 0)
      throw new AppError('not_found', `No sharing group with id ${id}`);
    await trx.deleteFrom('exchange_grants').where('group_id', '=', id).execute();
    await trx.deleteFrom('exchange_group_members').where('group_id', '=', id).execute();
    await appendAudit(
      trx,
      db.dialect,
      context,
      { action: 'exchange.group_delete', entityType: 'exchange_group', entityId: id },
      clock,
    );
  });
}

// --- Grants (the sharing policy) -------------------------------------------------------------

const toGrant = (r: {
  id: string;
  collection_id: string;
  peer_id: string | null;
  group_id: string | null;
  can_read: number;
  can_write: number;
  tlp_levels: string;
  created_at: string;
}): Grant => ({
  id: r.id,
  collectionId: r.collection_id,
  peerId: r.peer_id,
  groupId: r.group_id,
  canRead: r.can_read === 1,
  canWrite: r.can_write === 1,
  tlpLevels: JSON.parse(r.tlp_levels) as Tlp[],
  createdAt: r.created_at,
});

export async function listGrants(db: Db): Promise<Grant[]> {
  const rows = await db.kysely
    .selectFrom('exchange_grants')
    .selectAll()
    .orderBy('collection_id')
    .orderBy('created_at')
    .execute();
  return rows.map(toGrant);
}

export async function createGrant(
  db: Db,
  clock: Clock,
  context: AuditContext,
  input: GrantInput,
): Promise<Grant> {
  changed();
  const g = grantInputSchema.parse(input);
  return db.kysely.transaction().execute(async (trx) => {
    const collection = await trx
      .selectFrom('taxii_collections')
      .select('id')
      .where('id', '=', g.collectionId)
      .executeTakeFirst();
    if (!collection)
      throw new AppError('validation_failed', `No TAXII collection with id ${g.collectionId}`, {
        issues: [{ field: 'body.collectionId', message: 'unknown collection' }],
      });
    if (g.peerId !== undefined) await peerRow(trx, g.peerId);
    if (g.groupId !== undefined) {
      const group = await trx
        .selectFrom('exchange_groups')
        .select('id')
        .where('id', '=', g.groupId)
        .executeTakeFirst();
      if (!group)
        throw new AppError('validation_failed', `No sharing group with id ${g.groupId}`, {
          issues: [{ field: 'body.groupId', message: 'unknown sharing group' }],
        });
    }
    const row = {
      id: newId(),
      collection_id: g.collectionId,
      peer_id: g.peerId ?? null,
      group_id: g.groupId ?? null,
      can_read: g.canRead ? 1 : 0,
      can_write: g.canWrite ? 1 : 0,
      // Kept in TLP order, whatever order they were given in.
      tlp_levels: JSON.stringify(tlpLevels.filter((l) => g.tlpLevels.includes(l))),
      created_at: clock.now().toISOString(),
    };
    await trx.insertInto('exchange_grants').values(row).execute();
    const grant = toGrant(row);
    await appendAudit(
      trx,
      db.dialect,
      context,
      {
        action: 'exchange.grant_create',
        entityType: 'exchange_grant',
        entityId: row.id,
        after: grant,
      },
      clock,
    );
    return grant;
  });
}

export async function deleteGrant(
  db: Db,
  clock: Clock,
  context: AuditContext,
  id: string,
): Promise<void> {
  changed();
  await db.kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('exchange_grants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', `No grant with id ${id}`);
    await trx.deleteFrom('exchange_grants').where('id', '=', id).execute();
    await appendAudit(
      trx,
      db.dialect,
      context,
      {
        action: 'exchange.grant_delete',
        entityType: 'exchange_grant',
        entityId: id,
        before: toGrant(before),
      },
      clock,
    );
  });
}

/** What a peer may do with each collection: its own grants and its groups', joined. */
export interface CollectionAccess {
  canRead: boolean;
  canWrite: boolean;
  /** TLP levels that may go to the peer from the collection (TLP itself still decides). */
  tlpLevels: ReadonlySet<Tlp>;
}

export async function peerAccess(db: Db, peerId: string): Promise<Map<string, CollectionAccess>> {
  const rows = await db.kysely
    .selectFrom('exchange_grants as g')
    .selectAll('g')
    .where((eb) =>
      eb.or([
        eb('g.peer_id', '=', peerId),
        eb(
          'g.group_id',
          'in',
          eb.selectFrom('exchange_group_members').select('group_id').where('peer_id', '=', peerId),
        ),
      ]),
    )
    .execute();
  const access = new Map<string, { canRead: boolean; canWrite: boolean; tlpLevels: Set<Tlp> }>();
  for (const row of rows) {
    const grant = toGrant(row);
    const a = access.get(grant.collectionId) ?? {
      canRead: false,
      canWrite: false,
      tlpLevels: new Set<Tlp>(),
    };
    a.canRead ||= grant.canRead;
    a.canWrite ||= grant.canWrite;
    if (grant.canRead) for (const l of grant.tlpLevels) a.tlpLevels.add(l);
    access.set(grant.collectionId, a);
  }
  return access;
}
