import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import type { User } from '../../../app/types';
import { Badge, Button, Table } from '../../../ui';
import { statusTone, userStatus } from './userStatus';

export type UserAction = 'edit' | 'disable' | 'enable' | 'reset';

interface UsersTableProps {
  users: User[];
  myId: string;
  onAction(action: UserAction, user: User): void;
}

export function UsersTable({ users, myId, onAction }: UsersTableProps) {
  const { t } = useTranslation();
  const columns = [
    { key: 'email', label: t('accounts.users.columns.email') },
    { key: 'name', label: t('accounts.users.columns.name') },
    { key: 'role', label: t('accounts.users.columns.role') },
    { key: 'status', label: t('accounts.users.columns.status') },
    { key: 'lastLogin', label: t('accounts.users.columns.lastLogin') },
    { key: 'actions', label: t('common.actions'), visuallyHidden: true },
  ];

  return (
    <Table caption={t('accounts.users.caption')} captionHidden columns={columns}>
      {users.map((user) => {
        const status = userStatus(user);
        const who = user.displayName || user.email;
        return (
          <tr key={user.id}>
            <th scope="row">
              <bdi dir="ltr">{user.email}</bdi>
            </th>
            <td>{user.displayName}</td>
            <td>{t(`roles.${user.role}`, { defaultValue: user.role })}</td>
            <td>
              <Badge tone={statusTone[status]}>{t(`accounts.users.status.${status}`)}</Badge>
              {user.mustChangePassword ? (
                <span className="cell__note">{t('accounts.users.pendingPassword')}</span>
              ) : null}
            </td>
            <td>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('accounts.users.never')}
            </td>
            <td className="cell--actions">
              <Button
                variant="quiet"
                aria-label={t('accounts.users.actions.editLabel', { name: who })}
                onClick={() => onAction('edit', user)}
              >
                {t('common.edit')}
              </Button>
              {user.id === myId ? null : user.disabled ? (
                <Button
                  variant="quiet"
                  aria-label={t('accounts.users.actions.enableLabel', { name: who })}
                  onClick={() => onAction('enable', user)}
                >
                  {t('accounts.users.actions.enable')}
                </Button>
              ) : (
                <Button
                  variant="quiet"
                  aria-label={t('accounts.users.actions.disableLabel', { name: who })}
                  onClick={() => onAction('disable', user)}
                >
                  {t('accounts.users.actions.disable')}
                </Button>
              )}
              <Button
                variant="quiet"
                aria-label={t('accounts.users.actions.resetLabel', { name: who })}
                onClick={() => onAction('reset', user)}
              >
                {t('accounts.users.actions.reset')}
              </Button>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
