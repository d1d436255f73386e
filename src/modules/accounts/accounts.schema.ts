import { z } from 'zod';
import { roles } from './roles.js';

/** The six UN languages: the interface and the notifications speak each of them. */
export const locales = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const roleSchema = z.enum(roles);

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an e-mail address'))
  .transform((v) => v.toLowerCase());

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters');

export const idParamsSchema = z.object({ id: z.uuid('must be a UUID') });

// --- Users ---------------------------------------------------------------------------------

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
  mustChangePassword: z.boolean(),
  permissions: z.array(z.string()),
  grantableRoles: z.array(roleSchema),
});
export type Me = z.infer<typeof meSchema>;

export const createUserBodySchema = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  locale: localeSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    locale: localeSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' });
export type UpdateUserInput = z.infer<typeof updateUserBodySchema>;

export const userListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled', 'locked']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userWithPasswordSchema = z.object({ user: userSchema, oneTimePassword: z.string() });

export const updateMeBodySchema = z
  .strictObject({ displayName: displayNameSchema.optional(), locale: localeSchema.optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'must change at least one field' });

// --- Authentication ------------------------------------------------------------------------

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
});

export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() });

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty').max(1024),
  newPassword: z.string().min(1, 'must not be empty').max(1024),
});

// --- API tokens ----------------------------------------------------------------------------

export const tokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Token = z.infer<typeof tokenSchema>;

export const createTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** Admins may create a token for another user. */
  userId: z.uuid().optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenBodySchema>;

export const tokenListQuerySchema = z.strictObject({
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

// --- Audit log -----------------------------------------------------------------------------

const isoDate = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .or(z.iso.date());

export const auditQuerySchema = z.strictObject({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBadSeq: z.number().nullable(),
  problem: z.string().nullable(),
});
