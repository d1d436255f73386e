import { timingSafeEqual } from 'node:crypto';
import { addMs, AppError, isoNow, randomToken, sha256Hex } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from './audit.store.js';
import type { AccountsDeps } from './deps.js';
import { decoyHash, verifyPassword } from './password.js';
import { effectivePermissions, type Permission, type Role } from './roles.js';
import { findUserByEmail, findUserById, roleOf, toUser, type UserRow } from './users.store.js';
import type { User } from './accounts.schema.js';

/** Who is calling, resolved once per request from a session cookie or an API token. */
export interface Identity {
  user: User;
  role: Role;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token';
  /** Hash of the session cookie (the session's id); set when via = 'session'. */
  sessionId?: string;
  csrfToken?: string;
  tokenId?: string;
}

export interface LoginResult {
  user: User;
  /** The cookie value. Only its SHA-256 is stored. */
  sessionToken: string;
  csrfToken: string;
}

/**
 * Checks a password and opens a session. Repeated failures lock the account for a while; the
 * answer for an unknown e-mail takes as long as for a known one, so accounts cannot be listed.
 */
export async function login(
  deps: AccountsDeps,
  context: Omit<AuditContext, 'actorId' | 'actorLabel'>,
  email: string,
  password: string,
): Promise<LoginResult> {
  const { db, clock, policy } = deps;
  const row = await findUserByEmail(db.kysely, email);
  const ok = await verifyPassword(password, row?.password_hash ?? decoyHash);
  if (!row) throw new AppError('invalid_credentials', 'E-mail or password is not correct');
  const now = isoNow(clock);
  const audit = { ...context, actorId: row.id, actorLabel: row.email };

  if (row.locked_until && row.locked_until > now) {
    const retryAfterSeconds = Math.ceil((Date.parse(row.locked_until) - Date.parse(now)) / 1000);
    throw new AppError(
      'account_locked',
      `Too many failed logins: the account is locked until ${row.locked_until}`,
      {
        details: { retryAfterSeconds, lockedUntil: row.locked_until },
      },
    );
  }
  if (!ok) {
    await db.kysely.transaction().execute(async (trx) => {
      const failures = row.failed_logins + 1;
      const locks = failures >= policy.loginMaxFailures;
      const changes = locks
        ? { failed_logins: 0, locked_until: addMs(now, policy.lockoutMinutes * 60_000) }
        : { failed_logins: failures };
      await trx.updateTable('users').set(changes).where('id', '=', row.id).execute();
      await appendAudit(
        trx,
        db.dialect,
        audit,
        {
          action: locks ? 'auth.lockout' : 'auth.login_failed',
          entityType: 'user',
          entityId: row.id,
          after: locks ? { lockedUntil: changes.locked_until } : { failedLogins: failures },
        },
        clock,
      );
    });
    throw new AppError('invalid_credentials', 'E-mail or password is not correct');
  }
  if (row.disabled === 1) throw new AppError('account_disabled', 'This account is disabled');

  const sessionToken = randomToken();
  const csrfToken = randomToken();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha256Hex(sessionToken),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: addMs(now, policy.sessionHours * 3_600_000),
        last_seen_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      db.dialect,
      audit,
      { action: 'auth.login', entityType: 'user', entityId: row.id },
      clock,
    );
  });
  return {
    user: toUser({ ...row, last_login_at: now, failed_logins: 0, locked_until: null }),
    sessionToken,
    csrfToken,
  };
}

export async function logout(
  deps: AccountsDeps,
  context: AuditContext,
  sessionId: string,
  userId: string,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      { action: 'auth.logout', entityType: 'user', entityId: userId },
      deps.clock,
    );
  });
}

function identityFor(
  row: UserRow,
  via: Identity['via'],
  tokenRole?: Role,
): Omit<Identity, 'sessionId' | 'csrfToken' | 'tokenId'> {
  const ownerRole = roleOf(row);
  return {
    user: toUser(row),
    role: tokenRole ?? ownerRole,
    permissions: effectivePermissions(ownerRole, tokenRole),
    via,
  };
}

/** Resolves a session cookie. Expired sessions and disabled users resolve to nothing. */
export async function identityFromSession(
  deps: AccountsDeps,
  sessionToken: string,
): Promise<Identity | undefined> {
  const id = sha256Hex(sessionToken);
  // One round trip for the session and its user: this runs on every request.
  const found = await deps.db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.expires_at as session_expires_at',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.csrf_token as session_csrf_token',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!found) return undefined;
  const { session_expires_at, session_last_seen_at, session_csrf_token, ...row } = found;
  const session = {
    expires_at: session_expires_at,
    last_seen_at: session_last_seen_at,
    csrf_token: session_csrf_token,
  };
  const now = isoNow(deps.clock);
  if (session.expires_at <= now) {
    await deps.db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (row.disabled === 1) return undefined;
  // Touch at most once a minute: a write per request would serialise reads on SQLite.
  if (Date.parse(now) - Date.parse(session.last_seen_at) > 60_000) {
    await deps.db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id', '=', id)
      .execute();
  }
  return { ...identityFor(row, 'session'), sessionId: id, csrfToken: session.csrf_token };
}

export const tokenPrefix = 'ck_';

/** Resolves an API token (`Authorization: Bearer ck_...`). Revoked or expired tokens fail. */
export async function identityFromToken(
  deps: AccountsDeps,
  token: string,
): Promise<Identity | undefined> {
  if (!token.startsWith(tokenPrefix)) return undefined;
  const record = await deps.db.kysely
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  const now = isoNow(deps.clock);
  if (!record || record.revoked_at || (record.expires_at && record.expires_at <= now))
    return undefined;
  const row = await findUserById(deps.db.kysely, record.user_id);
  if (!row || row.disabled === 1) return undefined;
  if (!record.last_used_at || Date.parse(now) - Date.parse(record.last_used_at) > 60_000) {
    await deps.db.kysely
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', record.id)
      .execute();
  }
  const tokenRole = roleOf(record);
  return { ...identityFor(row, 'token', tokenRole), tokenId: record.id };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function auditContextOf(
  identity: Identity,
  requestId: string | null,
  ip: string | null,
): AuditContext {
  const via = identity.via === 'token' ? ` (token ${identity.tokenId ?? ''})` : '';
  return { actorId: identity.user.id, actorLabel: `${identity.user.email}${via}`, requestId, ip };
}
