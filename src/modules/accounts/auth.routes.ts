import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { identityOf, sessionCookie } from './access.js';
import {
  changePasswordBodySchema,
  loginBodySchema,
  meSchema,
  sessionSchema,
  updateMeBodySchema,
} from './accounts.schema.js';
import { login, logout, type Identity } from './auth.service.js';
import type { AccountsDeps } from './deps.js';
import { auditContext, typed } from './http.js';
import { grantableTokenRoles, permissionsOf } from './roles.js';
import { changeOwnPassword, updateOwnProfile } from './users.service.js';
import type { Me, User } from './accounts.schema.js';

export interface AuthRouteOptions {
  deps: AccountsDeps;
  secureCookies: boolean;
  loginRatePerMinute: number;
}

export function meOf(user: User, identity: Pick<Identity, 'permissions' | 'role'>): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: identity.role,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
    permissions: [...identity.permissions].sort(),
    grantableRoles: grantableTokenRoles(user.role),
  };
}

const tags = ['auth'];

export function authRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  const { deps } = options;
  const r = typed(app);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.secureCookies,
  };

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: loginBodySchema,
        response: { 200: sessionSchema },
      },
      config: {
        access: 'public',
        rateLimit: { max: options.loginRatePerMinute, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const result = await login(
        deps,
        { requestId: request.id, ip: request.ip },
        request.body.email,
        request.body.password,
      );
      const identityLike = { role: result.user.role, permissions: permissionsOf(result.user.role) };
      reply.setCookie(sessionCookie, result.sessionToken, {
        ...cookieOptions,
        maxAge: deps.policy.sessionHours * 3600,
      });
      return { user: meOf(result.user, identityLike), csrfToken: result.csrfToken };
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The current session and its CSRF token',
        response: { 200: sessionSchema },
      },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    (request) => {
      const identity = identityOf(request);
      return { user: meOf(identity.user, identity), csrfToken: identity.csrfToken ?? '' };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'End the current session', response: { 204: z.null() } },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    async (request, reply) => {
      const identity = identityOf(request);
      if (identity.sessionId)
        await logout(deps, auditContext(request), identity.sessionId, identity.user.id);
      reply.clearCookie(sessionCookie, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (ends your other sessions)',
        body: changePasswordBodySchema,
        response: { 200: z.object({ user: meSchema }) },
      },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    async (request) => {
      const identity = identityOf(request);
      const user = await changeOwnPassword(
        deps,
        auditContext(request),
        identity.user.id,
        request.body.currentPassword,
        request.body.newPassword,
        identity.sessionId,
      );
      return { user: meOf(user, identity) };
    },
  );

  r.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Who you are: profile, role and permissions',
        response: { 200: meSchema },
      },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    (request) => {
      const identity = identityOf(request);
      return meOf(identity.user, identity);
    },
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change your display name or language',
        body: updateMeBodySchema,
        response: { 200: meSchema },
      },
      config: { access: 'authenticated', allowDuringPasswordChange: true },
    },
    async (request) => {
      const identity = identityOf(request);
      const user = await updateOwnProfile(
        deps,
        auditContext(request),
        identity.user.id,
        request.body,
      );
      return meOf(user, identity);
    },
  );
}
