import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/index.js';
import {
  csrfMatches,
  identityFromSession,
  identityFromToken,
  type Identity,
} from './auth.service.js';
import type { AccountsDeps } from './deps.js';
import type { Permission } from './roles.js';

/**
 * What a route requires, declared in its `config.access`. A route that declares nothing needs
 * an authenticated caller: forgetting the declaration can only make a route stricter. `own`:
 * the route's plugin authenticates its callers itself (the TAXII server and its peers' secrets)
 * and must answer 401 without credentials, as the route-table test checks.
 */
export type Access = 'public' | 'authenticated' | 'own' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user still has to replace a one-time password. */
    allowDuringPasswordChange?: boolean;
    /** A file of the built web UI (set by the server when it mounts the UI). */
    webAsset?: boolean;
  }
  interface FastifyRequest {
    identity: Identity | undefined;
  }
}

export const sessionCookie = 'cirtkit_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

async function resolveIdentity(
  deps: AccountsDeps,
  request: FastifyRequest,
): Promise<Identity | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const identity = match?.[1] ? await identityFromToken(deps, match[1]) : undefined;
    // A wrong token is an error even on routes that would accept a session: say so plainly.
    if (!identity)
      throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked');
    return identity;
  }
  const cookie = request.cookies[sessionCookie];
  return cookie ? identityFromSession(deps, cookie) : undefined;
}

/** Resolves the caller on every request and enforces the route's declared access. */
export function registerAccessControl(app: FastifyInstance, deps: AccountsDeps): void {
  app.decorateRequest('identity', undefined);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Unknown URLs have no route options: they fall through to the 404 handler.
    if (!request.routeOptions.url) return;
    const access: Access = config.access ?? 'authenticated';
    if (access === 'own') return;
    if (access === 'public') {
      // Public routes still learn who is calling, if anyone, but never fail for it.
      request.identity = await resolveIdentity(deps, request).catch(() => undefined);
      return;
    }
    const identity = await resolveIdentity(deps, request);
    if (!identity)
      throw new AppError('unauthenticated', 'Log in or send an API token to use this resource');
    request.identity = identity;
    if (identity.via === 'session' && !safeMethods.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      if (!csrfMatches(identity.csrfToken, typeof given === 'string' ? given : undefined)) {
        throw new AppError(
          'csrf_failed',
          'The X-CSRF-Token header is missing or does not match the session',
        );
      }
    }
    if (identity.user.mustChangePassword && !config.allowDuringPasswordChange) {
      throw new AppError(
        'password_change_required',
        'Change the one-time password before doing anything else',
      );
    }
    if (typeof access === 'object' && !identity.permissions.has(access.permission)) {
      throw new AppError('forbidden', `This needs the permission ${access.permission}`);
    }
  });
}

/** The identity of a request that passed access control; routes that are not public use it. */
export function identityOf(request: FastifyRequest): Identity {
  if (!request.identity)
    throw new AppError('unauthenticated', 'Log in or send an API token to use this resource');
  return request.identity;
}
