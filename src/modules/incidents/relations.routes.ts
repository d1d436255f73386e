import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditContext, typed } from '../accounts/index.js';
import { grant, listAccess, revoke } from './access-list.service.js';
import type { IncidentsDeps } from './deps.js';
import { accessGrantSchema, linkCreateSchema, mergeSchema } from './incident.schema.js';
import { actorOf } from './http.js';
import {
  incidentParams,
  incidentsHandle,
  incidentsManage,
  incidentsRead,
  tags,
} from './incidents.routes.js';
import { addLink, deleteLink, listLinks } from './links.service.js';
import { mergeIncident } from './merge.service.js';
import { loadReadable } from './service.js';
import { readableViewOf } from './view.js';

const idParam = z.string().min(1).max(100);

/** Links between incidents, merge, and the access list (TLP rule on every route). */
export function relationRoutes(app: FastifyInstance, deps: IncidentsDeps): void {
  const r = typed(app);
  const db = deps.db.kysely;

  r.get(
    '/api/incidents/:id/links',
    {
      schema: {
        tags,
        summary: 'Links to and from other incidents you can see',
        params: incidentParams,
      },
      config: { access: incidentsRead },
    },
    async (request) => {
      const actor = actorOf(request);
      await loadReadable(db, actor, request.params.id);
      return { links: await listLinks(db, actor, request.params.id) };
    },
  );
  r.post(
    '/api/incidents/:id/links',
    {
      schema: {
        tags,
        summary: 'Link to another incident (by id or reference)',
        params: incidentParams,
        body: linkCreateSchema,
      },
      config: { access: incidentsHandle },
    },
    async (request, reply) =>
      reply.code(201).send({
        links: await addLink(
          deps,
          actorOf(request),
          auditContext(request),
          request.params.id,
          request.body,
        ),
      }),
  );
  r.delete(
    '/api/incidents/:id/links/:linkId',
    {
      schema: {
        tags,
        summary: 'Remove a link',
        params: incidentParams.extend({ linkId: idParam }),
      },
      config: { access: incidentsHandle },
    },
    async (request, reply) => {
      await deleteLink(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.params.linkId,
      );
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/incidents/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this incident into another (closes this one)',
        params: incidentParams,
        body: mergeSchema,
      },
      config: { access: incidentsManage },
    },
    async (request) => {
      const actor = actorOf(request);
      const { source, target } = await mergeIncident(
        deps,
        actor,
        auditContext(request),
        request.params.id,
        request.body,
      );
      return {
        merged: await readableViewOf(deps, actor, source),
        into: await readableViewOf(deps, actor, target),
      };
    },
  );

  r.get(
    '/api/incidents/:id/access',
    {
      schema: {
        tags,
        summary: 'Who reads the incident while it is TLP:RED or TLP:AMBER+STRICT',
        params: incidentParams,
      },
      config: { access: incidentsRead },
    },
    async (request) => {
      await loadReadable(db, actorOf(request), request.params.id);
      return { access: await listAccess(db, request.params.id) };
    },
  );
  r.post(
    '/api/incidents/:id/access',
    {
      schema: {
        tags,
        summary: 'Give a user access',
        params: incidentParams,
        body: accessGrantSchema,
      },
      config: { access: incidentsHandle },
    },
    async (request) => ({
      access: await grant(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.body.userId,
      ),
    }),
  );
  r.delete(
    '/api/incidents/:id/access/:userId',
    {
      schema: {
        tags,
        summary: 'Take access away',
        params: incidentParams.extend({ userId: idParam }),
      },
      config: { access: incidentsHandle },
    },
    async (request) => ({
      access: await revoke(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.params.userId,
      ),
    }),
  );
}
