import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { identityOf } from './access.js';
import {
  createTokenBodySchema,
  idParamsSchema,
  tokenListQuerySchema,
  tokenSchema,
} from './accounts.schema.js';
import type { AccountsDeps } from './deps.js';
import { auditContext, typed } from './http.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';

const tags = ['tokens'];
const access = { permission: 'tokens.own' as const };

export function tokenRoutes(app: FastifyInstance, deps: AccountsDeps): void {
  const r = typed(app);

  r.get(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: "Your API tokens (admins: all=true for everyone's)",
        querystring: tokenListQuerySchema,
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
      config: { access },
    },
    async (request) => ({
      items: await listTokens(deps, identityOf(request), request.query.all ?? false),
    }),
  );

  r.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the secret is shown once',
        body: createTokenBodySchema,
        response: { 201: z.object({ token: tokenSchema, secret: z.string() }) },
      },
      config: { access },
    },
    async (request, reply) => {
      const created = await createToken(
        deps,
        auditContext(request),
        identityOf(request),
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  r.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
      config: { access },
    },
    async (request, reply) => {
      await revokeToken(deps, auditContext(request), identityOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
