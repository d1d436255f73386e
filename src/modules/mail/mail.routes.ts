import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isoNow, type Clock } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import { appendAudit, auditContext, typed } from '../accounts/index.js';
import type { ImapPoller } from './imap-poller.js';
import {
  countInboundByStatus,
  getInbound,
  getMailbox,
  inboundRaw,
  inboundStatuses,
  listInbound,
} from './inbox.store.js';

export interface MailRoutesDeps {
  db: Db;
  clock: Clock;
  /** Undefined when no intake mailbox is configured (CIRTKIT_IMAP_URL). */
  poller: ImapPoller | undefined;
  /** Turns a stored message into an incident (the incidents module does it). */
  createIncident(
    request: FastifyRequest,
    mailId: string,
  ): Promise<{ id: string; reference: string }>;
  dismiss(request: FastifyRequest, mailId: string, reason: string): Promise<void>;
}

const tags = ['mail'];
const access = { permission: 'incidents.manage' } as const;
const idParams = z.strictObject({ id: z.string().min(1).max(100) });

function notConfigured(): AppError {
  return new AppError(
    'not_ready',
    'No intake mailbox is configured: an administrator sets CIRTKIT_IMAP_URL',
  );
}

/** The intake mailbox: its state, polling now, and the incoming messages an analyst looks at. */
export function mailRoutes(app: FastifyInstance, deps: MailRoutesDeps): void {
  const r = typed(app);
  const db = deps.db.kysely;

  r.get(
    '/api/mail/status',
    {
      schema: { tags, summary: 'The intake mailbox: configuration, last poll, messages by status' },
      config: { access },
    },
    async () => {
      const poller = deps.poller;
      const position = poller ? await getMailbox(db, poller.target.key) : null;
      const { host, port, secure, user, path } = poller?.target ?? {};
      return {
        configured: poller !== undefined,
        mailbox: poller ? { host, port, secure, user, path } : null,
        pollSeconds: poller?.pollSeconds ?? null,
        polling: poller?.polling ?? false,
        lastPollAt: position?.lastPollAt ?? null,
        lastError: position?.lastError ?? null,
        uidValidity: position?.uidValidity ?? null,
        lastUid: position?.lastUid ?? null,
        counts: await countInboundByStatus(db),
      };
    },
  );

  r.post(
    '/api/mail/poll',
    {
      schema: { tags, summary: 'Poll the intake mailbox now (joins a poll under way)' },
      config: { access },
    },
    async (request) => {
      if (!deps.poller) throw notConfigured();
      const report = await deps.poller.poll();
      await db.transaction().execute((trx) =>
        appendAudit(
          trx,
          deps.db.dialect,
          auditContext(request),
          {
            action: 'mail.poll',
            entityType: 'mailbox',
            entityId: deps.poller!.target.key,
            after: report,
          },
          deps.clock,
        ),
      );
      return report;
    },
  );

  r.get(
    '/api/mail/messages',
    {
      schema: {
        tags,
        summary: 'Incoming messages, newest first (status=unparsed: those waiting for an analyst)',
        querystring: z.strictObject({
          status: z.enum(inboundStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      config: { access },
    },
    async (request) => listInbound(db, request.query),
  );

  r.get(
    '/api/mail/messages/:id',
    {
      schema: { tags, summary: 'One incoming message (without its raw bytes)', params: idParams },
      config: { access },
    },
    async (request) => {
      const message = await getInbound(db, request.params.id);
      if (!message) throw new AppError('not_found', `No incoming message ${request.params.id}`);
      return message;
    },
  );

  r.get(
    '/api/mail/messages/:id/raw',
    {
      schema: {
        tags,
        summary: 'The message exactly as received (.eml download)',
        params: idParams,
      },
      config: { access },
    },
    async (request, reply) => {
      const raw = await inboundRaw(db, request.params.id);
      if (!raw) throw new AppError('not_found', `No incoming message ${request.params.id}`);
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="message-${request.params.id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(raw);
    },
  );

  r.post(
    '/api/mail/messages/:id/create-incident',
    {
      schema: {
        tags,
        summary: 'Create an incident from a message the intake could not handle',
        params: idParams,
      },
      config: { access },
    },
    async (request, reply) => {
      const incident = await deps.createIncident(request, request.params.id);
      return reply.code(201).send({ incident, message: await getInbound(db, request.params.id) });
    },
  );

  r.post(
    '/api/mail/messages/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Set an unparsed message aside (kept, listed as dismissed)',
        params: idParams,
        body: z
          .strictObject({ reason: z.string().trim().max(1000).default('') })
          .default({ reason: '' }),
      },
      config: { access },
    },
    async (request) => {
      await deps.dismiss(request, request.params.id, request.body.reason);
      return { message: await getInbound(db, request.params.id), at: isoNow(deps.clock) };
    },
  );
}
