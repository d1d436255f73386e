import type { FastifyInstance } from 'fastify';
import { AppError, isoNow } from '../../kernel/index.js';
import {
  createUserBodySchema,
  idParamsSchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
  userWithPasswordSchema,
} from './accounts.schema.js';
import type { AccountsDeps } from './deps.js';
import { auditContext, typed } from './http.js';
import { createUser, resetPassword, updateUser } from './users.service.js';
import { findUserById, listUsers, toUser } from './users.store.js';
import { z } from 'zod';

const tags = ['users'];
const access = { permission: 'users.manage' as const };

export function userRoutes(app: FastifyInstance, deps: AccountsDeps): void {
  const r = typed(app);

  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List users',
        querystring: userListQuerySchema,
        response: { 200: z.object({ items: z.array(userSchema), total: z.number() }) },
      },
      config: { access },
    },
    async (request) => {
      const { items, total } = await listUsers(deps.db.kysely, request.query, isoNow(deps.clock));
      return { items: items.map(toUser), total };
    },
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user with a one-time password (shown once)',
        body: createUserBodySchema,
        response: { 201: userWithPasswordSchema },
      },
      config: { access },
    },
    async (request, reply) => {
      const created = await createUser(deps, auditContext(request), request.body);
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/api/users/:id',
    {
      schema: { tags, summary: 'One user', params: idParamsSchema, response: { 200: userSchema } },
      config: { access },
    },
    async (request) => {
      const row = await findUserById(deps.db.kysely, request.params.id);
      if (!row) throw new AppError('user_not_found', `No user with id ${request.params.id}`);
      return toUser(row);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, role, language or disable/enable a user',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema },
      },
      config: { access },
    },
    async (request) => updateUser(deps, auditContext(request), request.params.id, request.body),
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Give a user a new one-time password (shown once)',
        params: idParamsSchema,
        response: { 200: userWithPasswordSchema },
      },
      config: { access },
    },
    async (request) => resetPassword(deps, auditContext(request), request.params.id),
  );
}
