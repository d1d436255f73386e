/**
 * Shapes of the JSON the cirtkit API answers with. They mirror the back end's zod schemas in
 * src/modules/accounts; keep them in step when the API changes.
 */
export const locales = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
export type Locale = (typeof locales)[number];

export const roles = ['admin', 'lead', 'analyst', 'coordinator', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: string;
  locale: Locale;
  mustChangePassword: boolean;
  permissions: string[];
  grantableRoles: string[];
}

export interface SessionAnswer {
  user: Me;
  csrfToken: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: string;
  locale: Locale;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface UserList {
  items: User[];
  total: number;
}

export interface UserWithPassword {
  user: User;
  oneTimePassword: string;
}

export interface Token {
  id: string;
  userId: string;
  userEmail: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  token: Token;
  secret: string;
}

/** JSON values as stored in audit snapshots. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: { [key: string]: JsonValue } | null;
  after: { [key: string]: JsonValue } | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
}

/** RFC 9457 problem details, as rendered by the server's one error renderer. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
  retryAfterSeconds?: number;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
