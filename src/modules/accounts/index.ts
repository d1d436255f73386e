/**
 * Accounts: users, roles, sessions, API tokens, access control and the hash-chained audit log.
 * Other modules use `registerAccessControl`/`identityOf` for HTTP, and `appendAudit` inside the
 * transaction of each of their writes.
 */
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit.routes.js';
import { authRoutes, type AuthRouteOptions } from './auth.routes.js';
import { tokenRoutes } from './tokens.routes.js';
import { userRoutes } from './users.routes.js';

export * from './roles.js';
export * from './accounts.schema.js';
export { accountsDeps, type AccountsDeps } from './deps.js';
export { registerAccessControl, identityOf, sessionCookie, type Access } from './access.js';
export {
  appendAudit,
  listAudit,
  verifyAuditChain,
  type AuditContext,
  type AuditEvent,
} from './audit.store.js';
export {
  csrfMatches,
  identityFromSession,
  identityFromToken,
  login,
  logout,
  type Identity,
} from './auth.service.js';
export {
  createUser,
  updateUser,
  resetPassword,
  changeOwnPassword,
  ensureFirstAdmin,
} from './users.service.js';
export { createToken, listTokens, revokeToken } from './tokens.service.js';
export { findUserByEmail, findUserById, listUsers, toUser } from './users.store.js';
export { passwordProblems, generatePassword } from './password.js';
export { auditContext, typed } from './http.js';

/** Mounts every accounts route. */
export function accountsRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  authRoutes(app, options);
  userRoutes(app, options.deps);
  tokenRoutes(app, options.deps);
  auditRoutes(app, options.deps);
}
