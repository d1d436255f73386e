import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import type { Token } from '../../../app/types';
import { Badge, Button, Table } from '../../../ui';
import type { BadgeTone } from '../../../ui/Badge';

type TokenStatus = 'active' | 'expired' | 'revoked';

function tokenStatus(token: Token, now: Date = new Date()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const tone: Record<TokenStatus, BadgeTone> = {
  active: 'success',
  expired: 'neutral',
  revoked: 'danger',
};

interface TokensTableProps {
  tokens: Token[];
  showOwner: boolean;
  onRevoke(token: Token): void;
}

export function TokensTable({ tokens, showOwner, onRevoke }: TokensTableProps) {
  const { t } = useTranslation();
  const columns = [
    { key: 'name', label: t('accounts.tokens.columns.name') },
    ...(showOwner ? [{ key: 'owner', label: t('accounts.tokens.columns.owner') }] : []),
    { key: 'role', label: t('accounts.tokens.columns.role') },
    { key: 'prefix', label: t('accounts.tokens.columns.prefix') },
    { key: 'created', label: t('accounts.tokens.columns.created') },
    { key: 'expires', label: t('accounts.tokens.columns.expires') },
    { key: 'lastUsed', label: t('accounts.tokens.columns.lastUsed') },
    { key: 'status', label: t('accounts.tokens.columns.status') },
    { key: 'actions', label: t('common.actions'), visuallyHidden: true },
  ];

  return (
    <Table caption={t('accounts.tokens.caption')} captionHidden columns={columns}>
      {tokens.map((token) => {
        const status = tokenStatus(token);
        return (
          <tr key={token.id}>
            <th scope="row">{token.name}</th>
            {showOwner ? (
              <td>
                <bdi dir="ltr">{token.userEmail}</bdi>
              </td>
            ) : null}
            <td>{t(`roles.${token.role}`, { defaultValue: token.role })}</td>
            <td>
              <code dir="ltr">{token.prefix}…</code>
            </td>
            <td>{formatDateTime(token.createdAt)}</td>
            <td>
              {token.expiresAt ? formatDateTime(token.expiresAt) : t('accounts.tokens.noExpiry')}
            </td>
            <td>
              {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('accounts.tokens.neverUsed')}
            </td>
            <td>
              <Badge tone={tone[status]}>{t(`accounts.tokens.status.${status}`)}</Badge>
            </td>
            <td className="cell--actions">
              {status === 'revoked' ? null : (
                <Button
                  variant="quiet"
                  aria-label={t('accounts.tokens.revokeLabel', { name: token.name })}
                  onClick={() => onRevoke(token)}
                >
                  {t('accounts.tokens.revoke')}
                </Button>
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
