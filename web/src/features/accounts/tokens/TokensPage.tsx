import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import type { CreatedToken, Token } from '../../../app/types';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import {
  Alert,
  Button,
  Checkbox,
  ConfirmDialog,
  EmptyState,
  Loading,
  PageHeader,
  SecretDialog,
} from '../../../ui';
import { createToken, listTokens, revokeToken } from '../api';
import { CreateTokenDialog, type TokenFormValues } from './CreateTokenDialog';
import { TokensTable } from './TokensTable';

export default function TokensPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const mayManageAll = can('tokens.manage');
  const [allUsers, setAllUsers] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tokens = useResource(() => listTokens(mayManageAll && allUsers), [mayManageAll, allUsers]);
  useDocumentTitle(t('accounts.tokens.title'));

  async function create(values: TokenFormValues) {
    const answer = await createToken(values);
    setCreating(false);
    setNotice(null);
    setCreated(answer);
    tokens.reload();
  }

  async function revoke(token: Token) {
    setRevokeBusy(true);
    setRevokeError(null);
    try {
      await revokeToken(token.id);
      setRevoking(null);
      setNotice(t('accounts.tokens.revoked', { name: token.name }));
      tokens.reload();
    } catch (error) {
      setRevokeError(describeError(t, error).message);
    } finally {
      setRevokeBusy(false);
    }
  }

  const items = tokens.data?.items ?? null;
  return (
    <section>
      <PageHeader
        title={t('accounts.tokens.title')}
        description={t('accounts.tokens.intro')}
        actions={
          <Button
            variant="primary"
            data-testid="create-token"
            disabled={me.grantableRoles.length === 0}
            onClick={() => setCreating(true)}
          >
            {t('accounts.tokens.create')}
          </Button>
        }
      />
      {mayManageAll ? (
        <Checkbox
          label={t('accounts.tokens.allUsers')}
          hint={t('accounts.tokens.allUsersHint')}
          checked={allUsers}
          onChange={setAllUsers}
        />
      ) : null}
      {notice ? <Alert tone="success" title={notice} /> : null}
      {tokens.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, tokens.error).message} />
      ) : null}
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('accounts.tokens.emptyTitle')}>
          {t('accounts.tokens.emptyBody')}
        </EmptyState>
      ) : (
        <TokensTable tokens={items} showOwner={mayManageAll && allUsers} onRevoke={setRevoking} />
      )}

      <CreateTokenDialog
        open={creating}
        grantableRoles={me.grantableRoles}
        onSubmit={create}
        onClose={() => setCreating(false)}
      />
      <SecretDialog
        open={created !== null}
        title={t('accounts.tokens.secret.title')}
        intro={t('accounts.tokens.secret.intro', { name: created?.token.name ?? '' })}
        label={t('accounts.tokens.secret.label')}
        secret={created?.secret ?? ''}
        testId="token-secret"
        onClose={() => setCreated(null)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('accounts.tokens.confirmRevoke.title')}
        confirmLabel={t('accounts.tokens.confirmRevoke.confirm')}
        destructive
        busy={revokeBusy}
        error={revokeError}
        onCancel={() => {
          setRevoking(null);
          setRevokeError(null);
        }}
        onConfirm={() => {
          if (revoking) void revoke(revoking);
        }}
      >
        <p>{t('accounts.tokens.confirmRevoke.body', { name: revoking?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
