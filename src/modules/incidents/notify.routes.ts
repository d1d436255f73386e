import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { auditContext, typed } from '../accounts/index.js';
import { findOutgoingRaw } from '../mail/index.js';
import { actorOf } from './http.js';
import {
  notificationRequestSchema,
  previewNotification,
  sendNotification,
  type MailingDeps,
} from './notify.service.js';
import { publicReportRoutes } from './public-report.routes.js';
import { getIncidentFor } from './service.js';

const tags = ['incidents'];
const params = z.object({ id: z.string().min(1).max(100) });
const handle = { permission: 'incidents.handle' } as const;

/** Notifications to affected constituents: preview, send, and the raw copy of what went out. */
export function notifyRoutes(app: FastifyInstance, deps: MailingDeps): void {
  const r = typed(app);

  r.post(
    '/api/incidents/:id/notifications/preview',
    {
      schema: {
        tags,
        summary:
          'Each notification as it would be sent (language, subject, text, PGP) and what would be refused and why',
        params,
        body: notificationRequestSchema,
      },
      config: { access: handle },
    },
    async (request) => previewNotification(deps, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/incidents/:id/notifications',
    {
      schema: {
        tags,
        summary:
          'Send the notification (one e-mail per contact, in their language, PGP as the organisation asks); refused whole when any recipient may not receive it',
        params,
        body: notificationRequestSchema,
      },
      config: { access: handle },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await sendNotification(
            deps,
            actorOf(request),
            request.params.id,
            request.body,
            auditContext(request),
          ),
        ),
  );

  r.get(
    '/api/incidents/:id/mail/:mailId/raw',
    {
      schema: {
        tags,
        summary: 'An e-mail the platform sent about the incident, exactly as it went out (.eml)',
        params: params.extend({ mailId: z.string().min(1).max(100) }),
      },
      config: { access: { permission: 'incidents.read' } },
    },
    async (request, reply) => {
      const incident = await getIncidentFor(deps, actorOf(request), request.params.id);
      const raw = await findOutgoingRaw(deps.db.kysely, incident.id, request.params.mailId);
      if (!raw)
        throw new AppError('not_found', `No message ${request.params.mailId} on this incident`);
      return reply
        .type('message/rfc822')
        .header(
          'content-disposition',
          `attachment; filename="${incident.reference}-${request.params.mailId.slice(0, 8)}.eml"`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(raw);
    },
  );
}

/**
 * Everything the incidents module sends by e-mail: notification routes and the public report
 * form. Returns the deps that `sendAcknowledgement` needs (mail intake acknowledges with them).
 */
export async function mailOutRoutes(app: FastifyInstance, deps: MailingDeps): Promise<MailingDeps> {
  notifyRoutes(app, deps);
  await publicReportRoutes(app, deps);
  return deps;
}
