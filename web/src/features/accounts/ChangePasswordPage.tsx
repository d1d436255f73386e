import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api';
import { useAuth, useMe } from '../../app/auth';
import { describeError, type ErrorDescription } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Alert, Button, PageHeader, TextField } from '../../ui';
import { changePassword } from './api';
import { checkNewPassword, minimumPasswordLength, type PasswordProblem } from './passwordPolicy';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { setMe } = useAuth();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<{
    next?: PasswordProblem;
    confirmation?: PasswordProblem;
  }>({});
  const [currentWrong, setCurrentWrong] = useState(false);
  const [serverRules, setServerRules] = useState<string[]>([]);
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const forced = me.mustChangePassword;
  useDocumentTitle(t('accounts.password.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(current, next, confirmation);
    setProblems(found);
    setCurrentWrong(false);
    setServerRules([]);
    setFailure(null);
    setDone(false);
    if (current === '' || found.next || found.confirmation) {
      setCurrentWrong(current === '');
      return;
    }
    setBusy(true);
    try {
      const answer = await changePassword(current, next);
      setMe(answer.user);
      setCurrent('');
      setNext('');
      setConfirmation('');
      if (forced) void navigate('/', { replace: true });
      else setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') setCurrentWrong(true);
      else if (error instanceof ApiError && error.code === 'weak_password') {
        setServerRules((error.problem.errors ?? []).map((issue) => issue.message));
        setFailure(describeError(t, error));
      } else setFailure(describeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  const problemText = (problem: PasswordProblem | undefined) =>
    problem
      ? t(`accounts.password.problems.${problem}`, { min: minimumPasswordLength })
      : undefined;

  return (
    <section className="narrow">
      <PageHeader
        title={t('accounts.password.title')}
        description={forced ? t('accounts.password.forcedIntro') : t('accounts.password.intro')}
      />
      {done ? <Alert tone="success" title={t('accounts.password.changed')} /> : null}
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
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <TextField
          label={t('accounts.password.current')}
          hint={forced ? t('accounts.password.currentHintForced') : undefined}
          type="password"
          autoComplete="current-password"
          dir="ltr"
          required
          value={current}
          onChange={setCurrent}
          error={
            currentWrong
              ? current === ''
                ? t('accounts.password.problems.currentMissing')
                : t('accounts.password.problems.currentWrong')
              : undefined
          }
        />
        <TextField
          label={t('accounts.password.new')}
          hint={t('accounts.password.rule', { min: minimumPasswordLength })}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          required
          minLength={minimumPasswordLength}
          value={next}
          onChange={setNext}
          error={
            problemText(problems.next) ??
            (serverRules.length > 0 ? serverRules.join(' ') : undefined)
          }
        />
        <TextField
          label={t('accounts.password.confirm')}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          required
          value={confirmation}
          onChange={setConfirmation}
          error={problemText(problems.confirmation)}
        />
        <div className="actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('accounts.password.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
