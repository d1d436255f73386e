import { sql } from 'kysely';
import { containsPattern, type Executor } from '../../storage/index.js';
import type { UsersTable } from '../../storage/schema.js';
import type { User, UserListQuery } from './accounts.schema.js';
import { isRole, type Role } from './roles.js';
import { localeSchema } from './accounts.schema.js';

export type UserRow = UsersTable;

/** The public view of a user: what the API shows and what the audit log records. No hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: roleOf(row),
    locale: localeSchema.catch('en').parse(row.locale),
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

export function roleOf(row: Pick<UserRow, 'role'>): Role {
  // A role name the code no longer knows (a downgrade, a hand edit) grants the least.
  return isRole(row.role) ? row.role : 'viewer';
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countActiveAdmins(db: Executor, exceptId?: string): Promise<number> {
  let query = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listUsers(
  db: Executor,
  query: UserListQuery,
  nowIso: string,
): Promise<{ items: UserRow[]; total: number }> {
  let base = db.selectFrom('users');
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(email)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(display_name)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (query.role) base = base.where('role', '=', query.role);
  if (query.status === 'disabled') base = base.where('disabled', '=', 1);
  if (query.status === 'active') {
    base = base
      .where('disabled', '=', 0)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]));
  }
  if (query.status === 'locked') base = base.where('locked_until', '>', nowIso);
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const items = await base
    .selectAll()
    .orderBy('email')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items, total: Number(totalRow?.n ?? 0) };
}
