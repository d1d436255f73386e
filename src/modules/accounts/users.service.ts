import { AppError, isoNow, newId } from '../../kernel/index.js';
import type { Transaction } from 'kysely';
import type { Database, Executor } from '../../storage/index.js';
import type { CreateUserInput, Locale, UpdateUserInput, User } from './accounts.schema.js';
import { appendAudit, type AuditContext } from './audit.store.js';
import type { AccountsDeps } from './deps.js';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './password.js';
import {
  countActiveAdmins,
  countUsers,
  findUserByEmail,
  findUserById,
  toUser,
  type UserRow,
} from './users.store.js';

export interface UserWithPassword {
  user: User;
  /** Shown once to whoever created or reset the account; only its hash is stored. */
  oneTimePassword: string;
}

async function requireUser(db: Executor, id: string): Promise<UserRow> {
  const row = await findUserById(db, id);
  if (!row) throw new AppError('user_not_found', `No user with id ${id}`, { details: { id } });
  return row;
}

/**
 * Writes a change to a user row and its audit entry (before and after) in the caller's
 * transaction: every change to an account goes through here.
 */
async function applyUserChange(
  trx: Transaction<Database>,
  deps: AccountsDeps,
  context: AuditContext,
  before: UserRow,
  changes: Partial<UserRow>,
  action: string,
): Promise<User> {
  await trx.updateTable('users').set(changes).where('id', '=', before.id).execute();
  const after = { ...before, ...changes };
  await appendAudit(
    trx,
    deps.db.dialect,
    context,
    {
      action,
      entityType: 'user',
      entityId: before.id,
      before: toUser(before),
      after: toUser(after),
    },
    deps.clock,
  );
  return toUser(after);
}

/** Creates an account with a one-time password the user must change at first login. */
export async function createUser(
  deps: AccountsDeps,
  context: AuditContext,
  input: CreateUserInput,
  password: string = generatePassword(),
): Promise<UserWithPassword> {
  const hash = await hashPassword(password);
  const now = isoNow(deps.clock);
  const row: UserRow = {
    id: newId(),
    email: input.email.toLowerCase(),
    display_name: input.displayName,
    role: input.role,
    password_hash: hash,
    must_change_password: 1,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    locale: input.locale ?? 'en',
    created_at: now,
    updated_at: now,
    last_login_at: null,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, row.email)) {
      throw new AppError('email_taken', `A user with e-mail ${row.email} already exists`, {
        issues: [{ field: 'body.email', message: 'is already used by another account' }],
      });
    }
    await trx.insertInto('users').values(row).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        after: toUser(row),
      },
      deps.clock,
    );
  });
  return { user: toUser(row), oneTimePassword: password };
}

/** An admin changes a user's name, role, language or disabled flag. */
export async function updateUser(
  deps: AccountsDeps,
  context: AuditContext,
  id: string,
  patch: UpdateUserInput,
): Promise<User> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await requireUser(trx, id);
    const losesAdmin =
      before.role === 'admin' &&
      before.disabled === 0 &&
      ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin && (await countActiveAdmins(trx, id)) === 0) {
      throw new AppError('last_admin', 'This change would leave no active administrator', {
        details: { id },
      });
    }
    const now = isoNow(deps.clock);
    const changes: Partial<UserRow> = { updated_at: now };
    if (patch.displayName !== undefined) changes.display_name = patch.displayName;
    if (patch.role !== undefined) changes.role = patch.role;
    if (patch.locale !== undefined) changes.locale = patch.locale;
    if (patch.disabled !== undefined) changes.disabled = patch.disabled ? 1 : 0;
    // A disabled account is logged out everywhere at once, not when its sessions expire.
    if (patch.disabled === true)
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const action =
      patch.disabled === true
        ? 'user.disable'
        : patch.disabled === false
          ? 'user.enable'
          : 'user.update';
    return applyUserChange(trx, deps, context, before, changes, action);
  });
}

/** An admin gives a user a new one-time password; the user's sessions end and any lock lifts. */
export async function resetPassword(
  deps: AccountsDeps,
  context: AuditContext,
  id: string,
): Promise<UserWithPassword> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  const user = await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await requireUser(trx, id);
    const now = isoNow(deps.clock);
    const changes = {
      password_hash: hash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    };
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return applyUserChange(trx, deps, context, before, changes, 'user.reset_password');
  });
  return { user, oneTimePassword: password };
}

/**
 * A user changes their own password. Other sessions of the user end; `keepSessionId` (the
 * session making the change) stays so the user is not logged out of the page they are on.
 */
export async function changeOwnPassword(
  deps: AccountsDeps,
  context: AuditContext,
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId?: string,
): Promise<User> {
  const row = await requireUser(deps.db.kysely, userId);
  if (!(await verifyPassword(currentPassword, row.password_hash))) {
    throw new AppError('invalid_credentials', 'The current password is not correct', {
      issues: [{ field: 'body.currentPassword', message: 'is not correct' }],
    });
  }
  const problems = passwordProblems(newPassword, { email: row.email });
  if (currentPassword === newPassword) problems.push('must differ from the current password');
  if (problems.length > 0) {
    throw new AppError('weak_password', `The new password ${problems.join('; ')}`, {
      issues: problems.map((message) => ({ field: 'body.newPassword', message })),
    });
  }
  const hash = await hashPassword(newPassword);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const now = isoNow(deps.clock);
    const changes = { password_hash: hash, must_change_password: 0, updated_at: now };
    let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) others = others.where('id', '!=', keepSessionId);
    await others.execute();
    return applyUserChange(trx, deps, context, row, changes, 'auth.password_change');
  });
}

/** A user edits their own name or language. */
export async function updateOwnProfile(
  deps: AccountsDeps,
  context: AuditContext,
  userId: string,
  patch: { displayName?: string | undefined; locale?: Locale | undefined },
): Promise<User> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await requireUser(trx, userId);
    const changes: Partial<UserRow> = { updated_at: isoNow(deps.clock) };
    if (patch.displayName !== undefined) changes.display_name = patch.displayName;
    if (patch.locale !== undefined) changes.locale = patch.locale;
    return applyUserChange(trx, deps, context, before, changes, 'user.update_profile');
  });
}

/**
 * On the first start of an empty database, creates the administrator with a one-time password.
 * Returns the password so the caller can print it once; returns undefined when users exist.
 */
export async function ensureFirstAdmin(
  deps: AccountsDeps,
  email: string,
): Promise<UserWithPassword | undefined> {
  if ((await countUsers(deps.db.kysely)) > 0) return undefined;
  try {
    return await createUser(
      deps,
      { actorId: null, actorLabel: 'system' },
      { email, displayName: 'Administrator', role: 'admin' },
    );
  } catch (error) {
    // Another process sharing the database created it between our count and our insert.
    if (error instanceof AppError && error.code === 'email_taken') return undefined;
    throw error;
  }
}
