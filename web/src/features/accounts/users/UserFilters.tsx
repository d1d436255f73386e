import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../app/types';
import { Button, Select, TextField } from '../../../ui';
import type { UserFilter } from '../api';

export const noUserFilter: UserFilter = { q: '', role: '', status: '' };

/** Filters apply on submit, so typing does not fire a request (and a live region) per key. */
export function UserFilters({ onApply }: { onApply(filter: UserFilter): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UserFilter>(noUserFilter);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  }

  function clear() {
    setDraft(noUserFilter);
    onApply(noUserFilter);
  }

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('accounts.users.filters.label')}
      onSubmit={submit}
    >
      <TextField
        label={t('accounts.users.filters.text')}
        type="search"
        value={draft.q}
        onChange={(q) => setDraft({ ...draft, q })}
      />
      <Select
        label={t('accounts.users.filters.role')}
        value={draft.role}
        onChange={(role) => setDraft({ ...draft, role })}
        options={[
          { value: '', label: t('common.any') },
          ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
        ]}
      />
      <Select
        label={t('accounts.users.filters.status')}
        value={draft.status}
        onChange={(status) => setDraft({ ...draft, status })}
        options={[
          { value: '', label: t('common.any') },
          { value: 'active', label: t('accounts.users.status.active') },
          { value: 'disabled', label: t('accounts.users.status.disabled') },
          { value: 'locked', label: t('accounts.users.status.locked') },
        ]}
      />
      <div className="filters__buttons">
        <Button type="submit" variant="primary">
          {t('common.applyFilters')}
        </Button>
        <Button onClick={clear}>{t('common.clearFilters')}</Button>
      </div>
    </form>
  );
}
