import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { roles, type User } from '../../../app/types';
import { Alert, Button, Dialog, Select, TextField } from '../../../ui';

export interface UserFormValues {
  email: string;
  displayName: string;
  role: string;
}

interface UserFormDialogProps {
  open: boolean;
  /** The user being edited; absent when creating one. */
  user: User | null;
  onSubmit(values: UserFormValues): Promise<void>;
  onClose(): void;
}

/** Create and edit share one form; the e-mail address is fixed once an account exists. */
export function UserFormDialog({ open, user, onSubmit, onClose }: UserFormDialogProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<UserFormValues>({
    email: '',
    displayName: '',
    role: 'analyst',
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof UserFormValues, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setValues(
      user
        ? { email: user.email, displayName: user.displayName, role: user.role }
        : { email: '', displayName: '', role: 'analyst' },
    );
    setFieldErrors({});
    setFailure(null);
  }, [open, user]);

  async function submit() {
    const errors: Partial<Record<keyof UserFormValues, string>> = {};
    if (!user && !/^[^\s@]+@[^\s@]+$/.test(values.email.trim()))
      errors.email = t('accounts.users.form.emailInvalid');
    if (values.displayName.trim() === '')
      errors.displayName = t('accounts.users.form.displayNameMissing');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'email_taken') {
        setFieldErrors({ email: t('errors.email_taken') });
      } else setFailure(describeError(t, error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title={user ? t('accounts.users.form.editTitle') : t('accounts.users.form.createTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button type="submit" variant="primary" busy={busy}>
            {user ? t('common.save') : t('accounts.users.form.createSubmit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      {failure ? <Alert tone="error" title={failure} /> : null}
      {user ? (
        <p>
          {t('accounts.users.form.editing')} <bdi dir="ltr">{user.email}</bdi>
        </p>
      ) : (
        <TextField
          label={t('accounts.users.form.email')}
          type="email"
          autoComplete="off"
          dir="ltr"
          required
          value={values.email}
          onChange={(email) => setValues({ ...values, email })}
          error={fieldErrors.email}
        />
      )}
      <TextField
        label={t('accounts.users.form.displayName')}
        autoComplete="off"
        required
        value={values.displayName}
        onChange={(displayName) => setValues({ ...values, displayName })}
        error={fieldErrors.displayName}
      />
      <Select
        label={t('accounts.users.form.role')}
        hint={t(`roleDescriptions.${values.role}`, { defaultValue: '' })}
        value={values.role}
        onChange={(role) => setValues({ ...values, role })}
        options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      {user ? null : <p className="field__hint">{t('accounts.users.form.passwordNote')}</p>}
    </Dialog>
  );
}
