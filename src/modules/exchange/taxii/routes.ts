import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/index.js';
import type { ExchangeDeps } from '../deps.js';
import { ingest } from '../ingest.js';
import { redact } from '../policy/index.js';
import { defaultTlp } from '../settings.js';
import {
  deleteObject,
  listCollections,
  listObjectTexts,
  manifest,
  objectVersions,
  type Collection,
  type ObjectQuery,
} from '../store.js';
import { accessTo, taxiiCaller, type Access, type TaxiiCaller } from './caller.js';
import { taxiiError } from './error.js';
import type { StixObject } from '../stix/schemas.js';
import { acceptsTaxii, isTaxiiContentType, taxiiMediaType } from './media.js';
import { readStatus, saveStatus } from './status.js';

/** The discovery resource; the instance's one API root sits below it. */
export const discoveryPath = '/taxii2/';
export const apiRootName = 'cirtkit';
export const apiRootPath = `${discoveryPath}${apiRootName}/`;

declare module 'fastify' {
  interface FastifyRequest {
    taxii: TaxiiCaller | undefined;
  }
}

type Query = Record<string, string | string[] | undefined>;

const list = (v: string | string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

const one = (query: Query, name: string): string | undefined => {
  const v = query[name];
  if (Array.isArray(v)) {
    if (v.length > 1)
      throw new AppError('bad_request', `Give ${name} once, not ${v.length} times`, {
        details: { parameter: name },
      });
    return v[0];
  }
  return v;
};

const supportedMatch = new Set([
  'match[id]',
  'match[type]',
  'match[version]',
  'match[spec_version]',
]);

/** The TAXII query parameters of a listing, checked (an unsupported filter is an error). */
export function objectQueryOf(query: Query, options: { versions?: boolean } = {}): ObjectQuery {
  for (const name of Object.keys(query))
    if (name.startsWith('match[') && !supportedMatch.has(name))
      throw new AppError(
        'bad_request',
        `The filter ${name} is not supported here; use match[id], match[type], match[version] or match[spec_version]`,
        { details: { parameter: name } },
      );
  const limitText = one(query, 'limit');
  let limit: number | undefined;
  if (limitText !== undefined) {
    if (!/^\d{1,9}$/.test(limitText) || Number(limitText) < 1)
      throw new AppError(
        'bad_request',
        `limit must be a positive whole number, not "${limitText}"`,
        {
          details: { parameter: 'limit' },
        },
      );
    limit = Number(limitText);
  }
  return {
    addedAfter: one(query, 'added_after'),
    limit,
    next: one(query, 'next'),
    match: {
      id: list(query['match[id]']),
      type: options.versions ? undefined : list(query['match[type]']),
      version: list(query['match[version]']),
      specVersion: list(query['match[spec_version]']),
    },
  };
}

function dateHeaders(reply: FastifyReply, first: string | undefined, last: string | undefined) {
  if (first !== undefined) reply.header('X-TAXII-Date-Added-First', first);
  if (last !== undefined) reply.header('X-TAXII-Date-Added-Last', last);
}

/**
 * The TAXII 2.1 server (OASIS TAXII 2.1, sections 4 and 5): discovery, the API root,
 * collections, objects, manifest, versions, envelopes posted with their status resources and
 * deletion. Every object that leaves passes the TLP policy for the caller: the collection's
 * SQL selection keeps only the levels the caller may receive, and `redact` then takes out what
 * granular markings forbid (an object that cannot be shown whole enough is left out).
 */
export async function taxiiRoutes(
  app: FastifyInstance,
  deps: ExchangeDeps,
  /** The server's mapping of any error (Fastify's own included) to an AppError. */
  toAppError: (error: unknown) => AppError,
): Promise<void> {
  await app.register((taxii, _options, done) => {
    taxii.decorateRequest('taxii', undefined);
    // TAXII answers its errors in its own format and media type.
    taxii.setErrorHandler((error, request, reply) => {
      const appError = toAppError(error);
      request.log[appError.status >= 500 ? 'error' : 'info']({ err: error }, 'taxii error');
      return reply
        .status(appError.status)
        .header('content-type', taxiiMediaType)
        .send(taxiiError(appError, request.id));
    });
    // Bodies are read as bytes whatever their declared type: the route checks the type itself
    // so that a wrong one is a TAXII 415, not the generic parser's answer.
    taxii.removeAllContentTypeParsers();
    taxii.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: deps.maxContentLength },
      (_request, body, done) => done(null, body),
    );
    taxii.addHook('onRequest', async (request) => {
      if (!acceptsTaxii(request.headers.accept))
        throw new AppError(
          'not_acceptable',
          `This TAXII server answers ${taxiiMediaType}; the Accept header does not allow it`,
        );
      request.taxii = await taxiiCaller(deps, request);
    });
    // Every TAXII answer is the TAXII media type, written exactly as the specification does
    // (Fastify would append a charset and quote the version).
    taxii.addHook('onSend', async (_request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (type === '' || /^application\/(json|taxii\+json)/.test(type))
        reply.header('content-type', taxiiMediaType);
      return payload;
    });

    const config = { access: 'own' as const };
    const callerOf = (request: FastifyRequest) => request.taxii!;
    const base = (request: FastifyRequest) =>
      (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');

    /** The collection and the caller's access to it; invisible ones are not found. */
    const collectionFor = async (
      request: FastifyRequest,
      id: string,
    ): Promise<{ collection: Collection; access: Access }> => {
      const collection = (await listCollections(deps.db)).find((c) => c.id === id);
      const access = accessTo(callerOf(request), id, await defaultTlp(deps.db));
      if (!collection || !access.visible)
        throw new AppError('not_found', `No collection with id ${id} at this API root`);
      return { collection, access };
    };
    const collectionResource = (c: Collection, a: Access) => ({
      id: c.id,
      title: c.title,
      ...(c.description ? { description: c.description } : {}),
      ...(c.alias ? { alias: c.alias } : {}),
      can_read: a.canRead,
      can_write: a.canWrite,
      media_types: c.mediaTypes,
    });
    const needRead = (a: Access) => {
      if (!a.canRead) throw new AppError('forbidden', 'You may not read this collection');
    };

    taxii.get(discoveryPath, { config }, (request) => ({
      title: 'cirtkit TAXII 2.1 server',
      description:
        'Threat intelligence shared by this CIRT, with TLP 2.0 enforced for every reader',
      default: `${base(request)}${apiRootPath}`,
      api_roots: [`${base(request)}${apiRootPath}`],
    }));

    taxii.get(apiRootPath, { config }, () => ({
      title: 'cirtkit',
      description: 'The collections this CIRT shares with its peers',
      versions: [taxiiMediaType],
      max_content_length: deps.maxContentLength,
    }));

    taxii.get<{ Params: { statusId: string } }>(
      `${apiRootPath}status/:statusId/`,
      { config },
      async (request) => {
        const caller = callerOf(request);
        return readStatus(deps.db, request.params.statusId, {
          peerId: caller.kind === 'peer' ? caller.peer.id : undefined,
          userId: caller.kind === 'user' ? caller.identity.user.id : undefined,
        });
      },
    );

    taxii.get(`${apiRootPath}collections/`, { config }, async (request) => {
      const tlp = await defaultTlp(deps.db);
      const collections = (await listCollections(deps.db))
        .map((c) => ({ c, a: accessTo(callerOf(request), c.id, tlp) }))
        .filter(({ a }) => a.visible)
        .map(({ c, a }) => collectionResource(c, a));
      return collections.length === 0 ? {} : { collections };
    });

    type CollectionParams = { Params: { collectionId: string } };
    type ObjectParams = { Params: { collectionId: string; objectId: string } };

    taxii.get<CollectionParams>(
      `${apiRootPath}collections/:collectionId/`,
      { config },
      async (request) => {
        const { collection, access } = await collectionFor(request, request.params.collectionId);
        return collectionResource(collection, access);
      },
    );

    taxii.get<CollectionParams>(
      `${apiRootPath}collections/:collectionId/manifest/`,
      { config },
      async (request, reply) => {
        const { access } = await collectionFor(request, request.params.collectionId);
        needRead(access);
        const query = { ...objectQueryOf(request.query as Query), tlps: access.tlps };
        const page = await manifest(deps.db, request.params.collectionId, query);
        dateHeaders(reply, page.dateAddedFirst, page.dateAddedLast);
        const objects = page.objects.map(({ tlp: _tlp, ...record }) => record);
        return envelope(page.more, page.next, objects);
      },
    );

    const objectsPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      collectionId: string,
      query: ObjectQuery,
    ) => {
      const { access } = await collectionFor(request, collectionId);
      needRead(access);
      const page = await listObjectTexts(deps.db, collectionId, { ...query, tlps: access.tlps });
      const tlp = await defaultTlp(deps.db);
      const recipient = callerOf(request).recipient;
      const levels = new Set(access.tlps);
      // The SQL selection already kept only the TLP levels the caller may receive. An object
      // with its own TLP marking and no granular markings goes as stored, unparsed; the others
      // (unmarked ones, whose level is today's default, and partly marked ones) pass `redact`.
      const texts = page.objects.flatMap(({ json, tlpAlone }) => {
        if (tlpAlone) return [json];
        const shown = redact(JSON.parse(json) as StixObject, recipient, {
          defaultTlp: tlp,
          levels,
        });
        return shown.disclosed ? [JSON.stringify(shown.object)] : [];
      });
      dateHeaders(reply, page.dateAddedFirst, page.dateAddedLast);
      reply.header('content-type', taxiiMediaType);
      if (!page.more && texts.length === 0) return reply.send('{}');
      const head = JSON.stringify({
        more: page.more,
        ...(page.more && page.next ? { next: page.next } : {}),
      });
      return reply.send(
        texts.length === 0 ? head : `${head.slice(0, -1)},"objects":[${texts.join(',')}]}`,
      );
    };

    taxii.get<CollectionParams>(
      `${apiRootPath}collections/:collectionId/objects/`,
      { config },
      async (request, reply) =>
        objectsPage(
          request,
          reply,
          request.params.collectionId,
          objectQueryOf(request.query as Query),
        ),
    );

    taxii.get<ObjectParams>(
      `${apiRootPath}collections/:collectionId/objects/:objectId/`,
      { config },
      async (request, reply) => {
        const query = objectQueryOf(request.query as Query);
        if (query.match?.id !== undefined || query.match?.type !== undefined)
          throw new AppError(
            'bad_request',
            'match[id] and match[type] do not apply to a single object',
            {
              details: { parameter: query.match.id ? 'match[id]' : 'match[type]' },
            },
          );
        return objectsPage(request, reply, request.params.collectionId, {
          ...query,
          match: { ...query.match, id: [request.params.objectId] },
        });
      },
    );

    taxii.get<ObjectParams>(
      `${apiRootPath}collections/:collectionId/objects/:objectId/versions/`,
      { config },
      async (request, reply) => {
        const { access } = await collectionFor(request, request.params.collectionId);
        needRead(access);
        objectQueryOf(request.query as Query, { versions: true });
        const found = await objectVersions(
          deps.db,
          request.params.collectionId,
          request.params.objectId,
          access.tlps,
        );
        if (found.versions.length === 0)
          throw new AppError(
            'not_found',
            `No object ${request.params.objectId} in this collection`,
          );
        dateHeaders(reply, found.dateAddedFirst, found.dateAddedLast);
        return { more: false, versions: found.versions };
      },
    );

    taxii.post<CollectionParams>(
      `${apiRootPath}collections/:collectionId/objects/`,
      { config, bodyLimit: deps.maxContentLength },
      async (request, reply) => {
        const { access } = await collectionFor(request, request.params.collectionId);
        if (!access.canWrite)
          throw new AppError('forbidden', 'You may not write to this collection');
        const type = request.headers['content-type'];
        if (!isTaxiiContentType(type))
          throw new AppError(
            'unsupported_media_type',
            `Send the envelope as ${taxiiMediaType}${type ? `, not ${type}` : ''}`,
          );
        const body = request.body;
        let value: unknown;
        try {
          value = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : '');
        } catch (error) {
          throw new AppError(
            'bad_request',
            `The envelope is not valid JSON: ${(error as Error).message}`,
          );
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          throw new AppError(
            'bad_request',
            'The body must be a TAXII envelope: an object with "objects"',
          );
        const objects = (value as { objects?: unknown }).objects;
        if (objects !== undefined && !Array.isArray(objects))
          throw new AppError('bad_request', '"objects" of the envelope must be a list');
        const caller = callerOf(request);
        const requestTimestamp = deps.clock.now().toISOString();
        const result = await ingest(
          deps.db,
          deps.clock,
          request.params.collectionId,
          objects ?? [],
          {
            source: 'taxii-push',
            peerId: caller.kind === 'peer' ? caller.peer.id : undefined,
            userId: caller.kind === 'user' ? caller.identity.user.id : undefined,
            collection: request.params.collectionId,
          },
        );
        const status = await saveStatus(
          deps.db,
          {
            collectionId: request.params.collectionId,
            peerId: caller.kind === 'peer' ? caller.peer.id : undefined,
            userId: caller.kind === 'user' ? caller.identity.user.id : undefined,
          },
          requestTimestamp,
          result.successes,
          result.failures,
        );
        return reply.status(202).send(status);
      },
    );

    taxii.delete<ObjectParams>(
      `${apiRootPath}collections/:collectionId/objects/:objectId/`,
      { config },
      async (request, reply) => {
        const { access } = await collectionFor(request, request.params.collectionId);
        if (!access.canDelete)
          throw new AppError('forbidden', 'You may not delete from this collection');
        const query = objectQueryOf(request.query as Query);
        // A caller deletes only what it may see: versions above its TLP are not its to remove.
        const visible = await objectVersions(
          deps.db,
          request.params.collectionId,
          request.params.objectId,
          access.tlps,
        );
        if (visible.versions.length === 0)
          throw new AppError(
            'not_found',
            `No object ${request.params.objectId} in this collection`,
          );
        await deleteObject(
          deps.db,
          request.params.collectionId,
          request.params.objectId,
          query.match?.version ?? ['all'],
          access.tlps,
        );
        return reply.status(200).send();
      },
    );
    done();
  });
}

/** A TAXII envelope: `{}` when there is nothing at all, as the specification's examples show. */
function envelope<T>(more: boolean, next: string | undefined, objects: T[]) {
  if (!more && objects.length === 0) return {};
  return { more, ...(more && next ? { next } : {}), ...(objects.length > 0 ? { objects } : {}) };
}
