import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { applyLocale } from '../i18n';
import { ApiError, api, onSessionEvent, setCsrfToken } from './api';
import type { Me, SessionAnswer } from './types';

type AuthState =
  | { status: 'loading'; me: null }
  | { status: 'anonymous'; me: null }
  | { status: 'authenticated'; me: Me };

interface AuthContextValue {
  state: AuthState;
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Replaces the signed-in user after an update (profile, password change). */
  setMe(me: Me): void;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading', me: null });

  const signIn = useCallback(async (answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    // The language saved on the account wins over the one picked on the login page.
    await applyLocale(answer.user.locale, { persist: true });
    setState({ status: 'authenticated', me: answer.user });
  }, []);

  const signOutLocally = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous', me: null });
  }, []);

  const refreshSession = useCallback(async () => {
    try {
      await signIn(await api.get<SessionAnswer>('/api/auth/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signOutLocally();
      else
        setState((previous) =>
          previous.status === 'loading' ? { status: 'anonymous', me: null } : previous,
        );
    }
  }, [signIn, signOutLocally]);

  useEffect(() => {
    void refreshSession();
    return onSessionEvent((event) => {
      if (event === 'unauthenticated') signOutLocally();
      else void refreshSession(); // picks up mustChangePassword, which routes to the form
    });
  }, [refreshSession, signOutLocally]);

  const login = useCallback(
    async (email: string, password: string) => {
      const answer = await api.post<SessionAnswer>('/api/auth/login', { email, password });
      await signIn(answer);
      return answer.user;
    },
    [signIn],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      signOutLocally();
    }
  }, [signOutLocally]);

  const setMe = useCallback((me: Me) => setState({ status: 'authenticated', me }), []);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      login,
      logout,
      setMe,
      can: (permission) => state.me?.permissions.includes(permission) ?? false,
    }),
    [state, login, logout, setMe],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useMe needs a signed-in user');
  return state.me;
}
