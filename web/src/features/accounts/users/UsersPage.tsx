import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../../app/format';
import type { User } from '../../../app/types';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import {
  Alert,
  Button,
  ConfirmDialog,
  EmptyState,
  Loading,
  PageHeader,
  Pagination,
  SecretDialog,
} from '../../../ui';
import { createUser, listUsers, resetPassword, updateUser, type UserFilter } from '../api';
import { UserFilters, noUserFilter } from './UserFilters';
import { UserFormDialog, type UserFormValues } from './UserFormDialog';
import { UsersTable, type UserAction } from './UsersTable';

const pageSize = 50;

type OpenDialog =
  | { kind: 'none' }
  | { kind: 'form'; user: User | null }
  | { kind: 'confirm'; action: 'disable' | 'reset'; user: User }
  | { kind: 'password'; user: User; oneTimePassword: string };

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filter, setFilter] = useState<UserFilter>(noUserFilter);
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  const [confirmBusy, setConfirmBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const users = useResource(() => listUsers(filter, pageSize, offset), [filter, offset]);
  useDocumentTitle(t('accounts.users.title'));

  const closeDialog = () => {
    setDialog({ kind: 'none' });
    setConfirmError(null);
  };

  async function saveForm(user: User | null, values: UserFormValues) {
    if (user) {
      const updated = await updateUser(user.id, {
        displayName: values.displayName,
        role: values.role,
      });
      setNotice({
        tone: 'success',
        text: t('accounts.users.notices.updated', { name: updated.displayName }),
      });
      closeDialog();
    } else {
      const created = await createUser(values);
      setNotice(null);
      setDialog({ kind: 'password', user: created.user, oneTimePassword: created.oneTimePassword });
    }
    users.reload();
  }

  async function act(action: UserAction, user: User) {
    if (action === 'edit') return setDialog({ kind: 'form', user });
    if (action === 'disable' || action === 'reset')
      return setDialog({ kind: 'confirm', action, user });
    try {
      await updateUser(user.id, { disabled: false }); // enabling needs no confirmation
      setNotice({
        tone: 'success',
        text: t('accounts.users.notices.enabled', { name: user.displayName }),
      });
      users.reload();
    } catch (error) {
      setNotice({ tone: 'error', text: describeError(t, error).message });
    }
  }

  async function confirm(action: 'disable' | 'reset', user: User) {
    setConfirmBusy(true);
    setConfirmError(null);
    try {
      if (action === 'disable') {
        await updateUser(user.id, { disabled: true });
        setNotice({
          tone: 'success',
          text: t('accounts.users.notices.disabled', { name: user.displayName }),
        });
        closeDialog();
      } else {
        const answer = await resetPassword(user.id);
        setNotice(null);
        setDialog({ kind: 'password', user: answer.user, oneTimePassword: answer.oneTimePassword });
      }
      users.reload();
    } catch (error) {
      setConfirmError(describeError(t, error).message);
    } finally {
      setConfirmBusy(false);
    }
  }

  const list = users.data;
  return (
    <section>
      <PageHeader
        title={t('accounts.users.title')}
        description={t('accounts.users.intro')}
        actions={
          <Button
            variant="primary"
            data-testid="create-user"
            onClick={() => setDialog({ kind: 'form', user: null })}
          >
            {t('accounts.users.create')}
          </Button>
        }
      />
      <UserFilters
        onApply={(next) => {
          setFilter(next);
          setOffset(0);
        }}
      />
      {notice ? <Alert tone={notice.tone} title={notice.text} /> : null}
      {users.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, users.error).message} />
      ) : null}
      {list === null ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('accounts.users.emptyTitle')}>
          {t('accounts.users.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('accounts.users.found', { total: formatNumber(list.total) })}
          </p>
          <UsersTable
            users={list.items}
            myId={me.id}
            onAction={(action, user) => void act(action, user)}
          />
          <Pagination offset={offset} limit={pageSize} total={list.total} onChange={setOffset} />
        </>
      )}

      <UserFormDialog
        open={dialog.kind === 'form'}
        user={dialog.kind === 'form' ? dialog.user : null}
        onSubmit={(values) => saveForm(dialog.kind === 'form' ? dialog.user : null, values)}
        onClose={closeDialog}
      />
      <ConfirmDialog
        open={dialog.kind === 'confirm'}
        title={
          dialog.kind === 'confirm' && dialog.action === 'reset'
            ? t('accounts.users.confirmReset.title')
            : t('accounts.users.confirmDisable.title')
        }
        confirmLabel={
          dialog.kind === 'confirm' && dialog.action === 'reset'
            ? t('accounts.users.confirmReset.confirm')
            : t('accounts.users.confirmDisable.confirm')
        }
        destructive
        busy={confirmBusy}
        error={confirmError}
        onCancel={closeDialog}
        onConfirm={() => {
          if (dialog.kind === 'confirm') void confirm(dialog.action, dialog.user);
        }}
      >
        {dialog.kind === 'confirm' ? (
          <p>
            {t(
              dialog.action === 'reset'
                ? 'accounts.users.confirmReset.body'
                : 'accounts.users.confirmDisable.body',
              {
                name: dialog.user.displayName,
                email: dialog.user.email,
              },
            )}
          </p>
        ) : null}
      </ConfirmDialog>
      <SecretDialog
        open={dialog.kind === 'password'}
        title={t('accounts.users.oneTime.title')}
        intro={
          dialog.kind === 'password'
            ? t('accounts.users.oneTime.intro', {
                name: dialog.user.displayName,
                email: dialog.user.email,
              })
            : ''
        }
        label={t('accounts.users.oneTime.label')}
        secret={dialog.kind === 'password' ? dialog.oneTimePassword : ''}
        testId="one-time-password"
        onClose={closeDialog}
      />
    </section>
  );
}
