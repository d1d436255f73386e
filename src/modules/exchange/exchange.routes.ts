import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { appendAudit, auditContext, identityOf, typed, type Identity } from '../accounts/index.js';
import type { ExchangeDeps } from './deps.js';
import { ingest } from './ingest.js';
import {
  createGrant,
  createPeer,
  deleteGrant,
  deleteGroup,
  deletePeer,
  getPeer,
  grantInputSchema,
  groupInputSchema,
  listGrants,
  listGroups,
  listPeers,
  peerAccess,
  peerInputSchema,
  recipientOfPeer,
  rotatePeerSecret,
  saveGroup,
  tlpLevelSchema,
  updatePeer,
} from './peers/index.js';
import { redact, type Recipient } from './policy/index.js';
import { defaultTlp, setDefaultTlp } from './settings.js';
import {
  createCollection,
  listCollections,
  listObjects,
  objectVersions,
  provenanceOf,
  type StoredObject,
} from './store.js';
import { accessTo, disclosable } from './taxii/caller.js';

const tags = ['exchange'];
const read = { permission: 'exchange.read' as const };
const share = { permission: 'exchange.share' as const };
const manage = { permission: 'exchange.manage' as const };
const idParams = z.strictObject({ id: z.string().min(1).max(200) });

/**
 * A local user as a TLP recipient: of this organisation. The team's leads (exchange.manage) are
 * the named recipients of TLP:RED information the team holds; other users do not see it.
 */
export function recipientOfUser(identity: Identity): Recipient {
  return {
    kind: 'user',
    sameOrganisation: true,
    onAccessList: identity.permissions.has('exchange.manage'),
  };
}

/** A STIX object's one-line summary for lists. */
function summary(stored: StoredObject, collectionId: string) {
  const o = stored.object as Record<string, unknown>;
  const label =
    typeof o.name === 'string'
      ? o.name
      : typeof o.value === 'string'
        ? o.value
        : typeof o.pattern === 'string'
          ? o.pattern
          : typeof o.relationship_type === 'string'
            ? o.relationship_type
            : stored.object.id;
  return {
    collectionId,
    id: stored.object.id,
    type: stored.object.type,
    version: stored.version,
    dateAdded: stored.dateAdded,
    tlp: stored.tlp,
    label: label.length > 200 ? `${label.slice(0, 199)}…` : label,
  };
}

/** The largest bundle the import API takes in one request (a file of some 20,000 objects). */
export const importBodyLimit = 20 * 1024 * 1024;

/** The exchange API for the team: collections, objects, peers, sharing groups, the policy. */
export function exchangeRoutes(app: FastifyInstance, deps: ExchangeDeps): void {
  const r = typed(app);
  const { db, clock } = deps;

  r.get(
    '/api/exchange/settings',
    {
      schema: { tags, summary: 'Exchange settings: the TLP of unmarked information' },
      config: { access: read },
    },
    async () => ({ defaultTlp: await defaultTlp(db) }),
  );
  r.put(
    '/api/exchange/settings',
    {
      schema: {
        tags,
        summary: 'Change the TLP that applies to information without a TLP marking',
        body: z.strictObject({ defaultTlp: tlpLevelSchema }),
      },
      config: { access: manage },
    },
    async (request) => {
      const before = await defaultTlp(db);
      await setDefaultTlp(db, request.body.defaultTlp, clock.now().toISOString());
      await db.kysely.transaction().execute((trx) =>
        appendAudit(
          trx,
          db.dialect,
          auditContext(request),
          {
            action: 'exchange.settings_update',
            entityType: 'exchange_settings',
            before: { defaultTlp: before },
            after: request.body,
          },
          clock,
        ),
      );
      return { defaultTlp: request.body.defaultTlp };
    },
  );

  // --- Collections ------------------------------------------------------------------------
  r.get(
    '/api/exchange/collections',
    {
      schema: { tags, summary: 'The TAXII collections of this instance' },
      config: { access: read },
    },
    () => listCollections(db),
  );
  r.post(
    '/api/exchange/collections',
    {
      schema: {
        tags,
        summary: 'Create a TAXII collection',
        body: z.strictObject({
          title: z.string().trim().min(1).max(200),
          description: z.string().max(2000).optional(),
          alias: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes')
            .optional(),
        }),
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const existing = await listCollections(db);
      if (request.body.alias && existing.some((c) => c.alias === request.body.alias))
        throw new AppError(
          'conflict',
          `A collection with the alias ${request.body.alias} exists already`,
        );
      return reply.status(201).send(await createCollection(db, request.body, clock));
    },
  );

  // --- Objects ----------------------------------------------------------------------------
  const listQuery = z.strictObject({
    collection: z.string().min(1),
    type: z.string().min(1).max(60).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    next: z.string().max(2000).optional(),
  });
  r.get(
    '/api/exchange/objects',
    {
      schema: {
        tags,
        summary: 'Objects of a collection as the caller may see them, newest additions last',
        querystring: listQuery,
      },
      config: { access: read },
    },
    async (request) => {
      const q = request.query;
      const recipient = recipientOfUser(identityOf(request));
      const tlp = await defaultTlp(db);
      const page = await listObjects(db, q.collection, {
        limit: q.limit,
        next: q.next,
        match: { type: q.type ? [q.type] : undefined },
        tlps: disclosable(recipient, tlp),
      });
      const objects = page.objects.flatMap((stored) => {
        const shown = redact(stored.object, recipient, { defaultTlp: tlp });
        return shown.disclosed ? [summary({ ...stored, object: shown.object }, q.collection)] : [];
      });
      return { objects, more: page.more, next: page.next ?? null };
    },
  );

  r.get(
    '/api/exchange/collections/:id/objects/:objectId',
    {
      schema: {
        tags,
        summary:
          'Every version of one object in a collection, oldest first, as the caller may see them',
        params: z.strictObject({ id: z.string().min(1), objectId: z.string().min(1).max(300) }),
      },
      config: { access: read },
    },
    async (request) => {
      const recipient = recipientOfUser(identityOf(request));
      const tlp = await defaultTlp(db);
      const tlps = disclosable(recipient, tlp);
      const { versions } = await objectVersions(
        db,
        request.params.id,
        request.params.objectId,
        tlps,
      );
      if (versions.length === 0)
        throw new AppError('not_found', `No object ${request.params.objectId} in this collection`);
      const page = await listObjects(db, request.params.id, {
        match: { id: [request.params.objectId], version: ['all'] },
        limit: 1000,
        tlps,
      });
      const provenance = await provenanceOf(db, request.params.objectId);
      return page.objects.flatMap((stored) => {
        const shown = redact(stored.object, recipient, { defaultTlp: tlp });
        return shown.disclosed
          ? [
              {
                version: stored.version,
                dateAdded: stored.dateAdded,
                tlp: stored.tlp,
                object: shown.object,
                removed: shown.removed,
                provenance: provenance.filter((p) => p.version === stored.version),
              },
            ]
          : [];
      });
    },
  );

  r.post(
    '/api/exchange/collections/:id/import',
    {
      schema: {
        tags,
        summary:
          'Import a STIX 2.1 bundle (or a list of objects): valid objects are stored, each invalid one is listed with the reason',
        params: idParams,
      },
      config: { access: share },
      bodyLimit: importBodyLimit,
    },
    async (request) => {
      const body: unknown = request.body;
      const objects = Array.isArray(body)
        ? body
        : typeof body === 'object' &&
            body !== null &&
            Array.isArray((body as { objects?: unknown }).objects)
          ? (body as { objects: unknown[] }).objects
          : undefined;
      if (objects === undefined)
        throw new AppError(
          'validation_failed',
          'Send a STIX bundle: an object with "type": "bundle" and "objects"',
          {
            issues: [{ field: 'body.objects', message: 'must be a list of STIX objects' }],
          },
        );
      const collection = (await listCollections(db)).find((c) => c.id === request.params.id);
      if (!collection)
        throw new AppError('not_found', `No collection with id ${request.params.id}`);
      const result = await ingest(db, clock, request.params.id, objects, {
        source: 'import',
        userId: identityOf(request).user.id,
        collection: request.params.id,
      });
      return {
        total: objects.length,
        stored: result.successes.length,
        refused: result.failures.length,
        successes: result.successes,
        failures: result.failures,
      };
    },
  );

  // --- Peers ------------------------------------------------------------------------------
  r.get(
    '/api/exchange/peers',
    {
      schema: { tags, summary: 'Peer CIRTs this instance exchanges with' },
      config: { access: read },
    },
    () => listPeers(db),
  );
  r.get(
    '/api/exchange/peers/:id',
    { schema: { tags, summary: 'One peer', params: idParams }, config: { access: read } },
    (request) => getPeer(db, request.params.id),
  );
  r.post(
    '/api/exchange/peers',
    {
      schema: {
        tags,
        summary:
          'Add a peer; the answer holds, once, the secret the peer will use on this TAXII server',
        body: peerInputSchema,
      },
      config: { access: manage },
    },
    async (request, reply) =>
      reply.status(201).send(await createPeer(db, clock, auditContext(request), request.body)),
  );
  r.put(
    '/api/exchange/peers/:id',
    {
      schema: {
        tags,
        summary: 'Change a peer (a remote secret left out is kept)',
        params: idParams,
        body: peerInputSchema.extend({ disabled: z.boolean().optional() }),
      },
      config: { access: manage },
    },
    (request) => updatePeer(db, clock, auditContext(request), request.params.id, request.body),
  );
  r.post(
    '/api/exchange/peers/:id/secret',
    {
      schema: {
        tags,
        summary: 'Issue a new secret to a peer (the old one stops working)',
        params: idParams,
      },
      config: { access: manage },
    },
    (request) => rotatePeerSecret(db, clock, auditContext(request), request.params.id),
  );
  r.delete(
    '/api/exchange/peers/:id',
    {
      schema: { tags, summary: 'Remove a peer and its grants', params: idParams },
      config: { access: manage },
    },
    async (request, reply) => {
      await deletePeer(db, clock, auditContext(request), request.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/exchange/peers/:id/preview',
    {
      schema: {
        tags,
        summary: 'What this peer would receive now: every object it may read, as it would see it',
        params: idParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
      },
      config: { access: read },
    },
    async (request) => {
      const peer = await getPeer(db, request.params.id);
      const grants = await peerAccess(db, peer.id);
      const tlp = await defaultTlp(db);
      const recipient = recipientOfPeer(peer);
      const caller = { kind: 'peer' as const, peer, recipient, grants };
      const collections = [];
      for (const collection of await listCollections(db)) {
        const access = accessTo(caller, collection.id, tlp);
        if (!access.canRead) continue;
        const page = await listObjects(db, collection.id, {
          limit: request.query.limit,
          match: { version: ['all'] },
          tlps: access.tlps,
        });
        const levels = new Set(access.tlps);
        const objects = page.objects.flatMap((stored) => {
          const shown = redact(stored.object, recipient, { defaultTlp: tlp, levels });
          return shown.disclosed
            ? [
                {
                  ...summary({ ...stored, object: shown.object }, collection.id),
                  removed: shown.removed,
                },
              ]
            : [];
        });
        collections.push({
          id: collection.id,
          title: collection.title,
          canWrite: access.canWrite,
          tlps: access.tlps,
          objects,
          more: page.more,
        });
      }
      return {
        peer: { id: peer.id, name: peer.name, relationship: peer.relationship },
        defaultTlp: tlp,
        collections,
      };
    },
  );

  // --- Sharing groups and the sharing policy ------------------------------------------------
  r.get(
    '/api/exchange/groups',
    { schema: { tags, summary: 'Sharing groups' }, config: { access: read } },
    () => listGroups(db),
  );
  r.post(
    '/api/exchange/groups',
    {
      schema: { tags, summary: 'Create a sharing group', body: groupInputSchema },
      config: { access: manage },
    },
    async (request, reply) =>
      reply.status(201).send(await saveGroup(db, clock, auditContext(request), request.body)),
  );
  r.put(
    '/api/exchange/groups/:id',
    {
      schema: {
        tags,
        summary: 'Change a sharing group and its members',
        params: idParams,
        body: groupInputSchema,
      },
      config: { access: manage },
    },
    (request) => saveGroup(db, clock, auditContext(request), request.body, request.params.id),
  );
  r.delete(
    '/api/exchange/groups/:id',
    {
      schema: { tags, summary: 'Remove a sharing group and its grants', params: idParams },
      config: { access: manage },
    },
    async (request, reply) => {
      await deleteGroup(db, clock, auditContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/exchange/grants',
    {
      schema: {
        tags,
        summary: 'The sharing policy: who may read or write which collection, up to which TLP',
      },
      config: { access: read },
    },
    () => listGrants(db),
  );
  r.post(
    '/api/exchange/grants',
    {
      schema: {
        tags,
        summary: 'Let a peer or a sharing group read or write a collection',
        body: grantInputSchema,
      },
      config: { access: manage },
    },
    async (request, reply) =>
      reply.status(201).send(await createGrant(db, clock, auditContext(request), request.body)),
  );
  r.delete(
    '/api/exchange/grants/:id',
    { schema: { tags, summary: 'Withdraw a grant', params: idParams }, config: { access: manage } },
    async (request, reply) => {
      await deleteGrant(db, clock, auditContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
