import { addMs, AppError, isoNow, newId, randomToken, sha256Hex } from '../../kernel/index.js';
import type { ApiTokensTable } from '../../storage/schema.js';
import type { CreateTokenInput, Token } from './accounts.schema.js';
import { appendAudit, type AuditContext } from './audit.store.js';
import { tokenPrefix, type Identity } from './auth.service.js';
import type { AccountsDeps } from './deps.js';
import { grantableTokenRoles, isRole } from './roles.js';
import { findUserById, roleOf } from './users.store.js';

function toToken(row: ApiTokensTable, userEmail: string): Token {
  return {
    id: row.id,
    userId: row.user_id,
    userEmail,
    name: row.name,
    role: isRole(row.role) ? row.role : 'viewer',
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Creates a token; the secret is returned once and only its hash is kept. */
export async function createToken(
  deps: AccountsDeps,
  context: AuditContext,
  caller: Identity,
  input: CreateTokenInput,
): Promise<{ token: Token; secret: string }> {
  const ownerId = input.userId ?? caller.user.id;
  if (ownerId !== caller.user.id && !caller.permissions.has('tokens.manage')) {
    throw new AppError('forbidden', 'Only an administrator may create tokens for another user');
  }
  const owner = await findUserById(deps.db.kysely, ownerId);
  if (!owner) throw new AppError('user_not_found', `No user with id ${ownerId}`);
  const allowed = grantableTokenRoles(roleOf(owner));
  if (!allowed.includes(input.role)) {
    throw new AppError(
      'validation_failed',
      `A token of this user may have the role ${allowed.join(' or ')}`,
      {
        issues: [{ field: 'body.role', message: `must be one of ${allowed.join(', ')}` }],
      },
    );
  }
  const secret = `${tokenPrefix}${randomToken(32)}`;
  const now = isoNow(deps.clock);
  const row: ApiTokensTable = {
    id: newId(),
    user_id: ownerId,
    name: input.name,
    role: input.role,
    token_hash: sha256Hex(secret),
    prefix: secret.slice(0, 10),
    created_at: now,
    created_by: caller.user.id,
    expires_at: input.expiresInDays ? addMs(now, input.expiresInDays * 86_400_000) : null,
    last_used_at: null,
    revoked_at: null,
  };
  const token = toToken(row, owner.email);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      { action: 'token.create', entityType: 'api_token', entityId: row.id, after: token },
      deps.clock,
    );
  });
  return { token, secret };
}

export async function listTokens(
  deps: AccountsDeps,
  caller: Identity,
  all: boolean,
): Promise<Token[]> {
  if (all && !caller.permissions.has('tokens.manage')) {
    throw new AppError('forbidden', "Only an administrator may list other users' tokens");
  }
  let query = deps.db.kysely
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select('users.email as user_email');
  if (!all) query = query.where('api_tokens.user_id', '=', caller.user.id);
  const rows = await query.orderBy('api_tokens.created_at', 'desc').execute();
  return rows.map((r) => toToken(r, r.user_email));
}

export async function revokeToken(
  deps: AccountsDeps,
  context: AuditContext,
  caller: Identity,
  id: string,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('api_tokens')
      .select('users.email as user_email')
      .where('api_tokens.id', '=', id)
      .executeTakeFirst();
    // Someone else's token is "not found" to a non-admin: no hint that it exists.
    if (!row || (row.user_id !== caller.user.id && !caller.permissions.has('tokens.manage'))) {
      throw new AppError('token_not_found', `No token with id ${id}`);
    }
    if (row.revoked_at) return;
    const revokedAt = isoNow(deps.clock);
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'token.revoke',
        entityType: 'api_token',
        entityId: id,
        before: toToken(row, row.user_email),
        after: toToken({ ...row, revoked_at: revokedAt }, row.user_email),
      },
      deps.clock,
    );
  });
}
