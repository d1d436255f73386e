import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  /** Red button for actions that lock someone out or destroy a secret. */
  destructive?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onCancel}
      onSubmit={props.onConfirm}
      footer={
        <>
          <Button
            type="submit"
            variant={props.destructive ? 'danger' : 'primary'}
            busy={props.busy}
          >
            {props.confirmLabel}
          </Button>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        </>
      }
    >
      {props.error ? <Alert tone="error" title={props.error} /> : null}
      {props.children}
    </Dialog>
  );
}
