import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError, type ErrorDescription } from '../../app/errors';
import { passwordPath } from '../../app/guards';
import { LanguageSelect } from '../../app/LanguageSelect';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import {
  Alert,
  Button,
  Loading,
  SkipLink,
  TextField,
  focusTitleOnNextPage,
  mainContentId,
} from '../../ui';

function returnPath(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('//') ? state.from : '/';
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('accounts.login.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'authenticated' && !busy) {
    return (
      <Navigate
        to={state.me.mustChangePassword ? passwordPath : returnPath(location.state)}
        replace
      />
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nextMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nextMissing);
    if (nextMissing.email || nextMissing.password) return;
    setBusy(true);
    setFailure(null);
    try {
      const me = await login(email.trim(), password);
      focusTitleOnNextPage(); // the form is gone; start the reader at the new page's title
      void navigate(me.mustChangePassword ? passwordPath : returnPath(location.state), {
        replace: true,
      });
    } catch (error) {
      setFailure(describeError(t, error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <SkipLink />
      <header className="login__header">
        <span className="brand brand--dark">
          <span className="brand__mark" aria-hidden="true" />
          cirtkit
        </span>
        <LanguageSelect />
      </header>
      <main id={mainContentId} className="login__main" tabIndex={-1}>
        <div className="login__card">
          <h1 className="login__title">{t('accounts.login.title')}</h1>
          <p className="login__intro">{t('accounts.login.intro')}</p>
          {failure ? (
            <Alert tone="error" title={failure.message}>
              {failure.details.length > 0 ? (
                <ul>
                  {failure.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          <form onSubmit={(event) => void submit(event)} noValidate>
            <TextField
              label={t('accounts.login.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              dir="ltr"
              required
              value={email}
              onChange={setEmail}
              error={missing.email ? t('accounts.login.emailMissing') : undefined}
            />
            <TextField
              label={t('accounts.login.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              dir="ltr"
              required
              value={password}
              onChange={setPassword}
              error={missing.password ? t('accounts.login.passwordMissing') : undefined}
            />
            <Button type="submit" variant="primary" busy={busy} className="btn--block">
              {busy ? t('accounts.login.submitting') : t('accounts.login.submit')}
            </Button>
          </form>
          <p className="login__help">{t('accounts.login.help')}</p>
          <p className="login__help">
            <Link to="/report">{t('accounts.login.reportIncident')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
