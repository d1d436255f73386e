import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../ui';

interface RenameFormProps {
  title: string;
  onRename(title: string): Promise<boolean>;
  onClose(): void;
}

/** Renames a draft in place; the new title is saved with the answers that are waiting. */
export function RenameForm({ title, onRename, onClose }: RenameFormProps) {
  const { t } = useTranslation('toolkit');
  const [value, setValue] = useState(title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const next = value.trim();
    if (!next) {
      setError(t('readiness.rename.empty'));
      return;
    }
    setBusy(true);
    const saved = await onRename(next);
    setBusy(false);
    if (saved) onClose();
    else setError(t('readiness.save.failed'));
  };
  return (
    <form
      className="rs-rename"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        label={t('readiness.rename.label')}
        value={value}
        onChange={setValue}
        maxLength={200}
        error={error}
        autoFocus
        data-testid="readiness-title-input"
      />
      <div className="rs-rename__buttons">
        <Button type="submit" variant="primary" busy={busy}>
          {t('readiness.rename.save')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
