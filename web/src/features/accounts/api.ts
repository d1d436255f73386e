import { api, withQuery } from '../../app/api';
import type {
  CreatedToken,
  Locale,
  Me,
  Token,
  User,
  UserList,
  UserWithPassword,
} from '../../app/types';

/** Calls of the accounts module, one function per endpoint, named after what they do. */

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<{ user: Me }>('/api/auth/password', { currentPassword, newPassword });

export const updateMe = (changes: { displayName?: string; locale?: Locale }) =>
  api.patch<Me>('/api/me', changes);

export interface UserFilter {
  q: string;
  role: string;
  status: string;
}

export const listUsers = (filter: UserFilter, limit: number, offset: number) =>
  api.get<UserList>(withQuery('/api/users', { ...filter, limit, offset }));

export const createUser = (input: { email: string; displayName: string; role: string }) =>
  api.post<UserWithPassword>('/api/users', input);

export const updateUser = (
  id: string,
  changes: { displayName?: string; role?: string; disabled?: boolean },
) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, changes);

export const resetPassword = (id: string) =>
  api.post<UserWithPassword>(`/api/users/${encodeURIComponent(id)}/reset-password`);

export const listTokens = (allUsers: boolean) =>
  api.get<{ items: Token[] }>(withQuery('/api/tokens', { all: allUsers ? 'true' : undefined }));

export const createToken = (input: { name: string; role: string; expiresInDays?: number }) =>
  api.post<CreatedToken>('/api/tokens', input);

export const revokeToken = (id: string) => api.delete(`/api/tokens/${encodeURIComponent(id)}`);
