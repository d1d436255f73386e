import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { identityOf, typed } from '../accounts/index.js';
import type { ExchangeDeps } from './deps.js';
import { ingest } from './ingest.js';
import {
  buildMispFeed,
  consumeMispFeed,
  mispToStix,
  parseMispEvent,
  stixToMisp,
  type MispEvent,
} from './misp/index.js';
import { redact, type Recipient } from './policy/index.js';
import { defaultTlp } from './settings.js';
import type { Tlp } from './stix/marking-ids.js';
import { stixNamespace, uuidv5 } from './stix/sco-id.js';
import { listCollections, listObjects, type Collection } from './store.js';
import { accessTo, disclosable, taxiiCaller } from './taxii/caller.js';

type Obj = Record<string, unknown> & { type: string; id: string };
const tags = ['exchange'];
const idParams = z.strictObject({ id: z.string().min(1).max(200) });

async function requireCollection(deps: ExchangeDeps, id: string): Promise<Collection> {
  const found = (await listCollections(deps.db)).find((c) => c.id === id);
  if (!found) throw new AppError('not_found', `No collection with id ${id}`);
  return found;
}

/** The latest version of every object of a collection `recipient` may receive, as it may see it. */
async function visibleObjects(
  deps: ExchangeDeps,
  collectionId: string,
  recipient: Recipient,
  levels: readonly Tlp[],
): Promise<Obj[]> {
  const tlp = await defaultTlp(deps.db);
  const out: Obj[] = [];
  let next: string | undefined;
  do {
    const page = await listObjects(deps.db, collectionId, { limit: 1000, next, tlps: levels });
    for (const stored of page.objects) {
      const shown = redact(stored.object, recipient, { defaultTlp: tlp, levels: new Set(levels) });
      if (shown.disclosed) out.push(shown.object);
    }
    next = page.more ? page.next : undefined;
  } while (next !== undefined);
  return out;
}

/**
 * A collection as MISP events: one per report (with the objects it names that the recipient may
 * see), and one for the objects no report names, titled after the collection.
 */
export async function collectionAsMispEvents(
  deps: ExchangeDeps,
  collection: Collection,
  recipient: Recipient,
  levels: readonly Tlp[],
  orgName: string,
): Promise<MispEvent[]> {
  const tlp = await defaultTlp(deps.db);
  const objects = await visibleObjects(deps, collection.id, recipient, levels);
  const byId = new Map(objects.map((o) => [o.id, o]));
  const named = new Set<string>();
  const events: MispEvent[] = [];
  for (const report of objects.filter((o) => o.type === 'report')) {
    const members = (Array.isArray(report.object_refs) ? (report.object_refs as string[]) : [])
      .map((id) => byId.get(id))
      .filter((o): o is Obj => o !== undefined);
    for (const m of members) named.add(m.id);
    const { event } = stixToMisp([report, ...members], { defaultTlp: tlp, orgName });
    if (event.Event.Attribute.length > 0) events.push(event);
  }
  const loose = objects.filter((o) => o.type !== 'report' && !named.has(o.id));
  const { event } = stixToMisp(loose, { defaultTlp: tlp, orgName, info: collection.title });
  if (event.Event.Attribute.length > 0) {
    event.Event.uuid = uuidv5(`cirtkit-misp-feed:${collection.id}`, stixNamespace);
    events.push(event);
  }
  return events;
}

/** MISP import and export for the team, MISP feeds published to peers and read from elsewhere. */
export function mispRoutes(
  app: FastifyInstance,
  deps: ExchangeDeps,
  teamName: () => Promise<string>,
): void {
  const r = typed(app);
  const { db, clock } = deps;

  r.post(
    '/api/exchange/collections/:id/misp-import',
    {
      schema: {
        tags,
        summary: 'Import a MISP event (MISP core format) into a collection',
        params: idParams,
      },
      config: { access: { permission: 'exchange.share' } },
      bodyLimit: 20 * 1024 * 1024,
    },
    async (request) => {
      await requireCollection(deps, request.params.id);
      const parsed = parseMispEvent(request.body);
      if (!parsed.ok)
        throw new AppError(
          'validation_failed',
          `The MISP event is not valid: ${parsed.problems
            .slice(0, 5)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; ')}`,
          {
            issues: parsed.problems.map((p) => ({ field: `body.${p.path}`, message: p.message })),
          },
        );
      const { objects, skipped } = mispToStix(parsed.event);
      const result = await ingest(db, clock, request.params.id, objects, {
        source: 'import',
        userId: identityOf(request).user.id,
        collection: request.params.id,
      });
      return {
        stored: result.successes.length,
        refused: result.failures.length,
        failures: result.failures,
        skipped,
      };
    },
  );

  r.get(
    '/api/exchange/collections/:id/misp-export',
    {
      schema: {
        tags,
        summary: 'A collection as MISP events (TLP:RED never leaves)',
        params: idParams,
      },
      config: { access: { permission: 'exchange.read' } },
    },
    async (request, reply) => {
      const collection = await requireCollection(deps, request.params.id);
      const recipient: Recipient = { kind: 'user', sameOrganisation: true };
      const events = await collectionAsMispEvents(
        deps,
        collection,
        recipient,
        disclosable(recipient, await defaultTlp(db)),
        await teamName(),
      );
      return reply
        .header(
          'content-disposition',
          `attachment; filename="misp-${collection.alias ?? collection.id}.json"`,
        )
        .send({ response: events });
    },
  );

  r.post(
    '/api/exchange/collections/:id/misp-feed-import',
    {
      schema: {
        tags,
        summary: 'Read a MISP feed (its manifest and events) into a collection',
        params: idParams,
        body: z.strictObject({
          url: z.url('must be the URL of the feed, where manifest.json is'),
          authorization: z.string().max(2000).optional(),
        }),
      },
      config: { access: { permission: 'exchange.manage' } },
    },
    async (request) => {
      await requireCollection(deps, request.params.id);
      return consumeMispFeed(db, clock, request.params.id, {
        location: request.body.url,
        authorization: request.body.authorization,
      });
    },
  );

  // The feed: what the calling peer may receive from the collection, as MISP reads a feed.
  const feedEvents = async (request: FastifyRequest, collectionId: string) => {
    const caller = await taxiiCaller(deps, request);
    const tlp = await defaultTlp(db);
    const access = accessTo(caller, collectionId, tlp);
    const collection = (await listCollections(db)).find((c) => c.id === collectionId);
    if (!collection || !access.visible)
      throw new AppError('not_found', `No feed for collection ${collectionId}`);
    if (!access.canRead) throw new AppError('forbidden', 'You may not read this collection');
    return buildMispFeed(
      await collectionAsMispEvents(
        deps,
        collection,
        caller.recipient,
        access.tlps,
        await teamName(),
      ),
    );
  };
  const own = { access: 'own' as const };
  type FeedParams = { Params: { collectionId: string; file: string } };
  app.get<FeedParams>(
    '/misp-feed/:collectionId/:file',
    { config: own, schema: { hide: true } },
    async (request, reply) => {
      const feed = await feedEvents(request, request.params.collectionId);
      const file = request.params.file;
      if (file === 'manifest.json') return reply.type('application/json').send(feed.manifest);
      if (file === 'hashes.csv') return reply.type('text/csv; charset=utf-8').send(feed.hashesCsv);
      const event = feed.files.get(file);
      if (!event) throw new AppError('not_found', `No event ${file} in this feed`);
      return reply.type('application/json').send(event);
    },
  );
}
