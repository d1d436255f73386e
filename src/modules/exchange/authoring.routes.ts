import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { appendAudit, auditContext, identityOf, typed } from '../accounts/index.js';
import type { ExchangeDeps } from './deps.js';
import { recipientOfUser } from './exchange.routes.js';
import { ingest } from './ingest.js';
import { latestReadable } from './intel.store.js';
import { checkPattern } from './pattern/index.js';
import { tlpLevelSchema } from './peers/index.js';
import { defaultTlp } from './settings.js';
import {
  familyOf,
  newStixId,
  parseStixObject,
  stixTimestamp,
  tlp2MarkingIds,
  withScoId,
  type StixObject,
} from './stix/index.js';
import { listCollections } from './store.js';
import { disclosable } from './taxii/caller.js';
import { teamIdentity } from './team-identity.js';

const tags = ['exchange'];
const share = { permission: 'exchange.share' as const };

/** Properties the instance sets itself: a request that gives them is refused. */
const reserved = ['type', 'id', 'spec_version', 'created', 'modified', 'created_by_ref'] as const;

const propertiesSchema = z
  .record(z.string().min(1).max(250), z.unknown())
  .superRefine((props, ctx) => {
    for (const key of reserved)
      if (key in props)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is set by cirtkit, not by the request`,
        });
    if ('object_marking_refs' in props)
      ctx.addIssue({
        code: 'custom',
        path: ['object_marking_refs'],
        message: 'give the TLP in "tlp"; other markings are not set here',
      });
  });

const createSchema = z.strictObject({
  type: z.string().regex(/^[a-z][a-z0-9-]+$/, 'must be a STIX type such as indicator'),
  tlp: tlpLevelSchema.optional(),
  properties: propertiesSchema,
});
const editSchema = z.strictObject({
  tlp: tlpLevelSchema.optional(),
  properties: propertiesSchema,
});

/**
 * Authoring STIX objects in the team's pages: create one (the instance sets the id, the
 * timestamps, the creator and the TLP marking) and make a new version of one the team created
 * (same id and `created`, a later `modified`). STIX lets only an object's creator version it:
 * an object received from a peer is answered with a note or an opinion instead. Observables have
 * no versions (their id is their value): a changed observable is a new object.
 */
export function authoringRoutes(
  app: FastifyInstance,
  deps: ExchangeDeps,
  teamName: () => Promise<string>,
): void {
  const r = typed(app);
  const { db, clock } = deps;

  function refuseProblems(object: unknown): StixObject {
    const parsed = parseStixObject(object, { ids: 'received', checkPattern });
    if (parsed.ok) return parsed.object;
    const errors = parsed.problems.map((p) => ({
      field: `properties.${p.path}`,
      message: p.message,
    }));
    throw new AppError(
      'validation_failed',
      `The object is not valid STIX 2.1: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      { issues: errors },
    );
  }

  async function requireCollection(id: string) {
    const collection = (await listCollections(db)).find((c) => c.id === id);
    if (!collection) throw new AppError('not_found', `No collection with id ${id}`);
    return collection;
  }

  async function store(
    request: Parameters<typeof auditContext>[0],
    collectionId: string,
    object: StixObject,
    identity: StixObject,
    action: 'exchange.object_create' | 'exchange.object_update',
  ) {
    const toStore = familyOf(object.type) === 'sco' ? [object] : [identity, object];
    const result = await ingest(db, clock, collectionId, toStore, {
      source: 'local',
      userId: identityOf(request).user.id,
    });
    const failure = result.failures.find((f) => f.id === object.id) ?? result.failures[0];
    if (failure)
      throw new AppError('conflict', `The object was not stored: ${failure.message ?? ''}`);
    await db.kysely.transaction().execute((trx) =>
      appendAudit(
        trx,
        db.dialect,
        auditContext(request),
        {
          action,
          entityType: 'stix_object',
          entityId: object.id,
          after: { collectionId, type: object.type, version: versionOf(object) },
        },
        clock,
      ),
    );
  }

  r.get(
    '/api/exchange/identity',
    {
      schema: {
        tags,
        summary: "This team's STIX identity: the creator of every object it makes (TLP:CLEAR)",
      },
      config: { access: { permission: 'exchange.read' as const } },
    },
    async () => teamIdentity(db, clock, await teamName()),
  );

  r.post(
    '/api/exchange/collections/:id/objects',
    {
      schema: {
        tags,
        summary:
          'Create a STIX object in a collection: give its type, its properties and a TLP (the id, timestamps and creator are set here)',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        body: createSchema,
      },
      config: { access: share },
    },
    async (request, reply) => {
      const { type, properties } = request.body;
      await requireCollection(request.params.id);
      const tlp = request.body.tlp ?? (await defaultTlp(db));
      const identity = await teamIdentity(db, clock, await teamName());
      const now = stixTimestamp(clock.now());
      const marking = { object_marking_refs: [tlp2MarkingIds[tlp]] };
      const draft =
        familyOf(type) === 'sco'
          ? withScoId({ type, spec_version: '2.1', ...properties, ...marking })
          : {
              type,
              spec_version: '2.1',
              id: newStixId(type),
              created: now,
              modified: now,
              created_by_ref: identity.id,
              ...properties,
              ...marking,
            };
      const object = refuseProblems(draft);
      await store(request, request.params.id, object, identity, 'exchange.object_create');
      return reply.status(201).send({ collectionId: request.params.id, object });
    },
  );

  r.put(
    '/api/exchange/collections/:id/objects/:objectId',
    {
      schema: {
        tags,
        summary:
          'Make a new version of an object this team created: the properties given replace the old ones; id and created stay, modified moves on',
        params: z.strictObject({
          id: z.string().min(1).max(100),
          objectId: z.string().min(1).max(300),
        }),
        body: editSchema,
      },
      config: { access: share },
    },
    async (request) => {
      await requireCollection(request.params.id);
      const tlps = disclosable(recipientOfUser(identityOf(request)), await defaultTlp(db));
      const [current] = await latestReadable(db, [request.params.objectId], tlps);
      if (!current) throw new AppError('not_found', `No object ${request.params.objectId}`);
      const old = current.object as unknown as Record<string, unknown> & { type: string };
      if (familyOf(old.type) === 'sco')
        throw new AppError(
          'conflict',
          'Observables have no versions in STIX (their id comes from their value): create a new observable instead',
        );
      const identity = await teamIdentity(db, clock, await teamName());
      if (old.created_by_ref !== identity.id)
        throw new AppError(
          'conflict',
          'Only its creator may make a new version of a STIX object: this one came from elsewhere. Answer it with a note or an opinion instead.',
        );
      if (old.revoked === true)
        throw new AppError('conflict', 'A revoked object cannot change any more');
      const tlp = request.body.tlp ?? current.tlp;
      // STIX versions are ordered by `modified`: the new one must come strictly after.
      const previous = Date.parse(String(old.modified));
      const modified = stixTimestamp(new Date(Math.max(clock.now().getTime(), previous + 1)));
      const object = refuseProblems({
        type: old.type,
        spec_version: '2.1',
        id: old.id,
        created: old.created,
        modified,
        created_by_ref: identity.id,
        ...request.body.properties,
        object_marking_refs: [tlp2MarkingIds[tlp]],
      });
      await store(request, request.params.id, object, identity, 'exchange.object_update');
      return { collectionId: request.params.id, object };
    },
  );
}

const versionOf = (object: StixObject): string => {
  const o = object as unknown as { modified?: string; created?: string };
  return o.modified ?? o.created ?? '';
};
