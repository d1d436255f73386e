import type { BadgeTone } from '../../../ui/Badge';
import type { User } from '../../../app/types';

export type UserStatus = 'active' | 'disabled' | 'locked';

/** Disabled wins over locked: an administrator's decision outlasts a lockout timer. */
export function userStatus(user: User, now: Date = new Date()): UserStatus {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && new Date(user.lockedUntil) > now) return 'locked';
  return 'active';
}

export const statusTone: Record<UserStatus, BadgeTone> = {
  active: 'success',
  disabled: 'neutral',
  locked: 'warning',
};
