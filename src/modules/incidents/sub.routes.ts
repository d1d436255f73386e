import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditContext, typed } from '../accounts/index.js';
import type { IncidentsDeps } from './deps.js';
import {
  constituentSetSchema,
  observablesAddSchema,
  taskCreateSchema,
  taskPatchSchema,
} from './incident.schema.js';
import { actorOf } from './http.js';
import { incidentParams, incidentsHandle, incidentsRead, tags } from './incidents.routes.js';
import { listConstituents, setConstituent } from './affected.service.js';
import { addObservables, deleteObservable, listObservables } from './observables.service.js';
import { loadReadable } from './service.js';
import { createTask, deleteTask, listTasks, updateTask } from './tasks.service.js';
import { listAttachments, readAttachment, uploadAttachment } from './attachments.service.js';
import { AppError } from '../../kernel/index.js';

const idParam = z.string().min(1).max(100);

/** Tasks, observables and affected constituents of one incident (TLP rule on every route). */
export function subResourceRoutes(app: FastifyInstance, deps: IncidentsDeps): void {
  const r = typed(app);
  const db = deps.db.kysely;

  r.get(
    '/api/incidents/:id/tasks',
    {
      schema: { tags, summary: 'Tasks, in order', params: incidentParams },
      config: { access: incidentsRead },
    },
    async (request) => {
      await loadReadable(db, actorOf(request), request.params.id);
      return { tasks: await listTasks(db, request.params.id) };
    },
  );
  r.post(
    '/api/incidents/:id/tasks',
    {
      schema: { tags, summary: 'Add a task', params: incidentParams, body: taskCreateSchema },
      config: { access: incidentsHandle },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createTask(
            deps,
            actorOf(request),
            auditContext(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  r.patch(
    '/api/incidents/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Change a task (done, cancelled, reassigned...)',
        params: incidentParams.extend({ taskId: idParam }),
        body: taskPatchSchema,
      },
      config: { access: incidentsHandle },
    },
    async (request) =>
      updateTask(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.params.taskId,
        request.body,
      ),
  );
  r.delete(
    '/api/incidents/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Delete a task',
        params: incidentParams.extend({ taskId: idParam }),
      },
      config: { access: incidentsHandle },
    },
    async (request, reply) => {
      await deleteTask(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.params.taskId,
      );
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/incidents/:id/observables',
    {
      schema: { tags, summary: 'Observables', params: incidentParams },
      config: { access: incidentsRead },
    },
    async (request) => {
      await loadReadable(db, actorOf(request), request.params.id);
      return { observables: await listObservables(db, request.params.id) };
    },
  );
  r.post(
    '/api/incidents/:id/observables',
    {
      schema: {
        tags,
        summary: 'Add observables; their owners become suggested constituents',
        params: incidentParams,
        body: observablesAddSchema,
      },
      config: { access: incidentsHandle },
    },
    async (request, reply) => {
      const result = await addObservables(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.body.observables,
      );
      return reply.code(201).send(result);
    },
  );
  r.delete(
    '/api/incidents/:id/observables/:observableId',
    {
      schema: {
        tags,
        summary: 'Remove an observable',
        params: incidentParams.extend({ observableId: idParam }),
      },
      config: { access: incidentsHandle },
    },
    async (request, reply) => {
      await deleteObservable(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.params.observableId,
      );
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/incidents/:id/constituents',
    {
      schema: {
        tags,
        summary: 'Affected organisations (suggested, confirmed, manual, dismissed)',
        params: incidentParams,
      },
      config: { access: incidentsRead },
    },
    async (request) => {
      await loadReadable(db, actorOf(request), request.params.id);
      return { constituents: await listConstituents(db, request.params.id) };
    },
  );
  r.post(
    '/api/incidents/:id/constituents/:orgId',
    {
      schema: {
        tags,
        summary: 'Confirm or dismiss a suggested organisation, or add one by hand',
        params: incidentParams.extend({ orgId: idParam }),
        body: constituentSetSchema,
      },
      config: { access: incidentsHandle },
    },
    async (request) => ({
      constituents: await setConstituent(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        request.params.orgId,
        request.body.origin,
      ),
    }),
  );

  r.get(
    '/api/incidents/:id/attachments',
    {
      schema: { tags, summary: 'Attachments (metadata)', params: incidentParams },
      config: { access: incidentsRead },
    },
    async (request) => {
      await loadReadable(db, actorOf(request), request.params.id);
      return { attachments: await listAttachments(db, request.params.id) };
    },
  );
  r.post(
    '/api/incidents/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a file: the raw body (application/octet-stream), its name in ?name=',
        params: incidentParams,
        querystring: z.strictObject({
          name: z.string().trim().min(1).max(255),
          type: z.string().trim().max(100).optional(),
        }),
      },
      config: { access: incidentsHandle },
      // One byte over the limit reaches the service, which names the limit in its answer.
      bodyLimit: deps.config.attachmentMaxBytes + 1,
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new AppError(
          'validation_failed',
          'Send the file as the raw request body (application/octet-stream)',
          {
            issues: [{ field: 'body', message: 'must be the file itself' }],
          },
        );
      const attachment = await uploadAttachment(
        deps,
        actorOf(request),
        auditContext(request),
        request.params.id,
        {
          filename: request.query.name,
          mediaType: request.query.type ?? null,
          content: request.body,
        },
      );
      return reply.code(201).send(attachment);
    },
  );
  r.get(
    '/api/incidents/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (always as a download)',
        params: incidentParams.extend({ attachmentId: idParam }),
      },
      config: { access: incidentsRead },
    },
    async (request, reply) => {
      const { attachment, content } = await readAttachment(
        deps,
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      const ascii = attachment.filename.replace(/[^\x20-\x7e]|[\\;]/g, '_');
      return reply
        .type(attachment.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-attachment-sha256', attachment.sha256)
        .send(content);
    },
  );
}
