import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  typed,
  auditContext,
  identityOf,
  localeSchema,
  type AuditContext,
} from '../accounts/index.js';
import type { Actor } from './access.js';
import { readableViewOf } from './view.js';
import type { IncidentsDeps } from './deps.js';
import {
  commentSchema,
  incidentPatchSchema,
  newIncidentSchema,
  statusChangeSchema,
  eventKinds,
  type Incident,
} from './incident.schema.js';
import { actorOf } from './http.js';
import { referenceAnswer } from './view.js';
import { relationRoutes } from './relations.routes.js';
import { createIncident, incidentColleagues, loadReadable } from './service.js';
import { loadLadder, readSettings, saveSettings, settingsPutSchema } from './settings.js';
import { incidentListRoutes } from './list.routes.js';
import { subResourceRoutes } from './sub.routes.js';
import { listEvents } from './timeline.js';
import { addComment, changeStatus, patchIncident } from './triage.service.js';

export const tags = ['incidents'];
export const incidentParams = z.object({ id: z.string().min(1).max(100) });
export const incidentsRead = { permission: 'incidents.read' } as const;
export const incidentsHandle = { permission: 'incidents.handle' } as const;
export const incidentsManage = { permission: 'incidents.manage' } as const;

/**
 * The incidents API under /api/incidents: intake, the incident, triage, status, timeline and
 * comments here; tasks, observables, constituents, attachments, links, merge and the access
 * list in sub.routes.ts; settings and reference data.
 */
export function incidentsRoutes(app: FastifyInstance, deps: IncidentsDeps): void {
  const r = typed(app);
  /** Applies a triage change as the requester; answers the incident as they may now read it. */
  const triage = async <B>(
    request: FastifyRequest,
    change: (
      deps: IncidentsDeps,
      actor: Actor,
      audit: AuditContext,
      id: string,
      body: B,
    ) => Promise<Incident>,
    id: string,
    body: B,
  ) => {
    const actor = actorOf(request);
    return readableViewOf(deps, actor, await change(deps, actor, auditContext(request), id, body));
  };

  r.get(
    '/api/incidents/reference',
    {
      schema: {
        tags,
        summary:
          'RSIT, TLP, PAP, the severity ladder with SLA, statuses and their next statuses, queues',
        querystring: z.strictObject({ lang: localeSchema.optional() }),
      },
      config: { access: incidentsRead },
    },
    async (request) => {
      const lang = request.query.lang ?? identityOf(request).user.locale;
      const { settings } = await readSettings(deps.db.kysely);
      return referenceAnswer(
        deps,
        settings,
        await loadLadder(deps.db.kysely, settings, lang),
        lang,
        await incidentColleagues(deps.db.kysely),
      );
    },
  );

  r.get(
    '/api/incidents/settings',
    {
      schema: {
        tags,
        summary: 'The module settings (team name, BCM project, SLA per severity, queues)',
      },
      config: { access: incidentsManage },
    },
    async () => {
      const stored = await readSettings(deps.db.kysely);
      return {
        ...stored.settings,
        revision: stored.revision,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
      };
    },
  );

  r.put(
    '/api/incidents/settings',
    {
      schema: {
        tags,
        summary: 'Replace the settings (with the revision read)',
        body: settingsPutSchema,
      },
      config: { access: incidentsManage },
    },
    async (request) => {
      const stored = await saveSettings(deps, auditContext(request), request.body);
      return {
        ...stored.settings,
        revision: stored.revision,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
      };
    },
  );

  r.post(
    '/api/incidents',
    {
      schema: {
        tags,
        summary: 'Report an incident (UI or API token); playbook tasks applied',
        body: newIncidentSchema,
      },
      config: { access: incidentsHandle },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const source = identityOf(request).via === 'token' ? 'api' : 'ui';
      const incident = await createIncident(
        deps,
        actor,
        request.body,
        source,
        auditContext(request),
      );
      return reply.code(201).send(await readableViewOf(deps, actor, incident));
    },
  );

  r.get(
    '/api/incidents/:id',
    {
      schema: {
        tags,
        summary: 'One incident with its counts and SLA state',
        params: incidentParams,
      },
      config: { access: incidentsRead },
    },
    async (request) => {
      const actor = actorOf(request);
      return readableViewOf(
        deps,
        actor,
        await loadReadable(deps.db.kysely, actor, request.params.id),
      );
    },
  );

  r.patch(
    '/api/incidents/:id',
    {
      schema: {
        tags,
        summary:
          'Triage: classification, TLP, PAP, severity, impact, sector, assignment (with revision)',
        params: incidentParams,
        body: incidentPatchSchema,
      },
      config: { access: incidentsHandle },
    },
    (request) => triage(request, patchIncident, request.params.id, request.body),
  );

  r.post(
    '/api/incidents/:id/status',
    {
      schema: {
        tags,
        summary: 'Move the incident along the workflow (reopen needs a comment)',
        params: incidentParams,
        body: statusChangeSchema,
      },
      config: { access: incidentsHandle },
    },
    (request) => triage(request, changeStatus, request.params.id, request.body),
  );

  r.get(
    '/api/incidents/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Comments and events, oldest first',
        params: incidentParams,
        querystring: z.strictObject({
          kind: z
            .array(z.enum(eventKinds))
            .or(z.enum(eventKinds).transform((k) => [k]))
            .optional(),
        }),
      },
      config: { access: incidentsRead },
    },
    async (request) => {
      const actor = actorOf(request);
      await loadReadable(deps.db.kysely, actor, request.params.id);
      return {
        events: await listEvents(deps.db.kysely, request.params.id, {
          kinds: request.query.kind ?? [],
        }),
      };
    },
  );

  r.post(
    '/api/incidents/:id/comments',
    {
      schema: {
        tags,
        summary: 'Add a comment to the timeline',
        params: incidentParams,
        body: commentSchema,
      },
      config: { access: incidentsHandle },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addComment(
            deps,
            actorOf(request),
            auditContext(request),
            request.params.id,
            request.body.body,
          ),
        ),
  );

  subResourceRoutes(app, deps);
  relationRoutes(app, deps);
  incidentListRoutes(app, deps);
}
