import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, repeating, runWithServer, type Logger } from '../../kernel/index.js';
import { identityOf, typed } from '../accounts/index.js';
import {
  createSubscription,
  deleteSubscription,
  due,
  listSubscriptions,
  poll,
  push,
  subscriptionInputSchema,
} from './client/index.js';
import type { ExchangeDeps } from './deps.js';
import { ingest } from './ingest.js';
import { tlpLevelSchema } from './peers/index.js';
import { tlp2MarkingIds } from './stix/marking-ids.js';
import { newStixId } from './stix/identifier.js';
import { stixTimestamp, timestampSchema } from './stix/timestamp.js';
import { listObjects } from './store.js';
import { teamIdentity } from './team-identity.js';

const tags = ['exchange'];
const idParams = z.strictObject({ id: z.string().min(1).max(200) });
const share = { permission: 'exchange.share' as const };
const manage = { permission: 'exchange.manage' as const };
const read = { permission: 'exchange.read' as const };

/** The TAXII client's API: subscriptions and polls, pushes, sightings sent back. */
export function exchangeClientRoutes(
  app: FastifyInstance,
  deps: ExchangeDeps,
  teamName: () => Promise<string>,
): void {
  const r = typed(app);
  const { db, clock } = deps;

  r.get(
    '/api/exchange/subscriptions',
    {
      schema: { tags, summary: 'Subscriptions to peers’ collections, with how the last poll went' },
      config: { access: read },
    },
    () => listSubscriptions(db),
  );
  r.post(
    '/api/exchange/subscriptions',
    {
      schema: { tags, summary: 'Subscribe to a peer’s collection', body: subscriptionInputSchema },
      config: { access: manage },
    },
    async (request, reply) =>
      reply.status(201).send(await createSubscription(db, clock, request.body)),
  );
  r.delete(
    '/api/exchange/subscriptions/:id',
    {
      schema: { tags, summary: 'End a subscription', params: idParams },
      config: { access: manage },
    },
    async (request, reply) => {
      await deleteSubscription(db, request.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/exchange/subscriptions/:id/poll',
    { schema: { tags, summary: 'Poll the peer now', params: idParams }, config: { access: share } },
    (request) => poll(db, clock, request.params.id, { attempts: 2, timeoutMs: 20_000 }),
  );

  r.post(
    '/api/exchange/peers/:id/push',
    {
      schema: {
        tags,
        summary:
          'Send objects to a peer’s writable collection (what TLP keeps back is listed, not sent)',
        params: idParams,
        body: z.strictObject({
          remoteCollection: z.string().min(1).max(200),
          objects: z
            .array(
              z.strictObject({
                collectionId: z.string().min(1),
                objectId: z.string().min(1).max(300),
              }),
            )
            .min(1)
            .max(1000),
        }),
      },
      config: { access: share },
    },
    (request) =>
      push(db, request.params.id, request.body.remoteCollection, request.body.objects, {
        attempts: 2,
        timeoutMs: 20_000,
      }),
  );

  r.post(
    '/api/exchange/sightings',
    {
      schema: {
        tags,
        summary: 'Record that this team saw an indicator (stored with it; push it to the producer)',
        body: z.strictObject({
          collectionId: z.string().min(1),
          indicatorId: z.string().regex(/^indicator--/, 'must be an indicator id'),
          count: z.number().int().min(0).max(999_999_999).optional(),
          firstSeen: timestampSchema.optional(),
          lastSeen: timestampSchema.optional(),
          description: z.string().max(10_000).optional(),
          tlp: tlpLevelSchema.default('amber'),
        }),
      },
      config: { access: share },
    },
    async (request, reply) => {
      const b = request.body;
      const found = await listObjects(db, b.collectionId, { match: { id: [b.indicatorId] } });
      if (found.objects.length === 0)
        throw new AppError('not_found', `No indicator ${b.indicatorId} in that collection`);
      const identity = await teamIdentity(db, clock, await teamName());
      const now = stixTimestamp(clock.now());
      const sighting = {
        type: 'sighting',
        spec_version: '2.1',
        id: newStixId('sighting'),
        created: now,
        modified: now,
        created_by_ref: identity.id,
        sighting_of_ref: b.indicatorId,
        where_sighted_refs: [identity.id],
        ...(b.count === undefined ? {} : { count: b.count }),
        ...(b.firstSeen ? { first_seen: b.firstSeen } : {}),
        ...(b.lastSeen ? { last_seen: b.lastSeen } : {}),
        ...(b.description ? { description: b.description } : {}),
        object_marking_refs: [tlp2MarkingIds[b.tlp]],
      };
      const result = await ingest(db, clock, b.collectionId, [identity, sighting], {
        source: 'local',
        userId: identityOf(request).user.id,
      });
      const failure = result.failures[0];
      if (failure)
        throw new AppError(
          'validation_failed',
          `The sighting is not valid: ${failure.message ?? ''}`,
        );
      return reply.status(201).send({ identity, sighting });
    },
  );
}

/** Polls every subscription that is due, each minute, while the server runs. */
export function subscriptionPoller(
  app: FastifyInstance,
  deps: ExchangeDeps,
  logger: Logger,
  seconds = 60,
): void {
  if (seconds <= 0) return;
  runWithServer(
    app,
    repeating({
      seconds,
      run: async () => {
        for (const sub of due(await listSubscriptions(deps.db), deps.clock.now())) {
          const outcome = await poll(deps.db, deps.clock, sub.id);
          if (outcome.error)
            logger.warn({ subscription: sub.id, error: outcome.error }, 'exchange poll failed');
          else if (outcome.received > 0)
            logger.info({ subscription: sub.id, received: outcome.received }, 'exchange poll');
        }
      },
    }),
  );
}
