import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { identityOf } from './access.js';
import { auditContextOf } from './auth.service.js';
import type { AuditContext } from './audit.store.js';

/** The Fastify instance with zod types, as every module's routes use it. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The audit context of an authenticated request: who, which request, from where. */
export function auditContext(request: FastifyRequest): AuditContext {
  return auditContextOf(identityOf(request), request.id, request.ip);
}
