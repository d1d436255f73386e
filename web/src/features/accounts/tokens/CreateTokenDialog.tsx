import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Alert, Button, Dialog, Select, TextField } from '../../../ui';

export interface TokenFormValues {
  name: string;
  role: string;
  expiresInDays?: number;
}

interface CreateTokenDialogProps {
  open: boolean;
  /** Roles the signed-in user may hand to a token (never above their own). */
  grantableRoles: string[];
  onSubmit(values: TokenFormValues): Promise<void>;
  onClose(): void;
}

const maximumDays = 3650;

export function CreateTokenDialog({
  open,
  grantableRoles,
  onSubmit,
  onClose,
}: CreateTokenDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<{ name?: string; days?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName('');
    // Default to the least powerful role: a token should carry no more than its job needs.
    setRole(grantableRoles.at(-1) ?? '');
    setDays('90');
    setErrors({});
    setFailure(null);
  }, [open, grantableRoles]);

  async function submit() {
    const found: { name?: string; days?: string } = {};
    if (name.trim() === '') found.name = t('accounts.tokens.form.nameMissing');
    const dayCount = days.trim() === '' ? undefined : Number(days);
    if (
      dayCount !== undefined &&
      (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > maximumDays)
    ) {
      found.days = t('accounts.tokens.form.expiryInvalid', { max: maximumDays });
    }
    setErrors(found);
    if (found.name || found.days) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({
        name: name.trim(),
        role,
        ...(dayCount === undefined ? {} : { expiresInDays: dayCount }),
      });
    } catch (error) {
      setFailure(describeError(t, error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title={t('accounts.tokens.form.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button type="submit" variant="primary" busy={busy}>
            {t('accounts.tokens.form.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      {failure ? <Alert tone="error" title={failure} /> : null}
      <TextField
        label={t('accounts.tokens.form.name')}
        hint={t('accounts.tokens.form.nameHint')}
        autoComplete="off"
        maxLength={100}
        value={name}
        onChange={setName}
        error={errors.name}
      />
      <Select
        label={t('accounts.tokens.form.role')}
        hint={t('accounts.tokens.form.roleHint')}
        value={role}
        onChange={setRole}
        options={grantableRoles.map((value) => ({
          value,
          label: t(`roles.${value}`, { defaultValue: value }),
        }))}
      />
      <TextField
        label={t('accounts.tokens.form.expiry')}
        hint={t('accounts.tokens.form.expiryHint')}
        type="number"
        inputMode="numeric"
        min={1}
        max={maximumDays}
        value={days}
        onChange={setDays}
        error={errors.days}
      />
    </Dialog>
  );
}
