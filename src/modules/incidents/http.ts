import type { FastifyRequest } from 'fastify';
import { identityOf } from '../accounts/index.js';
import type { Actor } from './access.js';

/** The acting user of a request, as the incident services know them. */
export function actorOf(request: FastifyRequest): Actor {
  const identity = identityOf(request);
  return {
    userId: identity.user.id,
    label: identity.user.displayName || identity.user.email,
    permissions: identity.permissions,
  };
}
