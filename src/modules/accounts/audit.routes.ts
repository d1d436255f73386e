import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema, auditVerdictSchema } from './accounts.schema.js';
import { listAudit, verifyAuditChain } from './audit.store.js';
import type { AccountsDeps } from './deps.js';
import { typed } from './http.js';

const tags = ['audit'];
const access = { permission: 'audit.read' as const };

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/** A date without time as an upper bound means the whole of that day. */
function endOf(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T23:59:59.999Z`
    : value && new Date(value).toISOString();
}

export function auditRoutes(app: FastifyInstance, deps: AccountsDeps): void {
  const r = typed(app);

  r.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Browse the audit log, newest first',
        querystring: auditQuerySchema,
        response: {
          200: z.object({ items: z.array(auditEntrySchema), nextBefore: z.number().nullable() }),
        },
      },
      config: { access },
    },
    async (request) => {
      const q = request.query;
      const from = q.from && new Date(q.from).toISOString();
      const { items, nextBefore } = await listAudit(deps.db, { ...q, from, to: endOf(q.to) });
      return {
        items: items.map((row) => ({
          seq: row.seq,
          at: row.at,
          actorId: row.actor_id,
          actorLabel: row.actor_label,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          before: parseJson(row.before_json),
          after: parseJson(row.after_json),
          ip: row.ip,
          requestId: row.request_id,
        })),
        nextBefore,
      };
    },
  );

  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Check the hash chain of the whole audit log',
        response: { 200: auditVerdictSchema },
      },
      config: { access },
    },
    async () => verifyAuditChain(deps.db),
  );
}
