import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../ui';
import { knownActions, knownEntityTypes, noAuditFilter, type AuditFilter } from './api';

export function AuditFilters({ onApply }: { onApply(filter: AuditFilter): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(noAuditFilter);
  const datesReversed = draft.fromDay !== '' && draft.toDay !== '' && draft.fromDay > draft.toDay;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (datesReversed) return;
    onApply({ ...draft, actor: draft.actor.trim() });
  }

  function clear() {
    setDraft(noAuditFilter);
    onApply(noAuditFilter);
  }

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('audit.filters.label')}
      onSubmit={submit}
      noValidate
    >
      <TextField
        label={t('audit.filters.actor')}
        type="search"
        dir="ltr"
        value={draft.actor}
        onChange={(actor) => setDraft({ ...draft, actor })}
      />
      <Select
        label={t('audit.filters.action')}
        value={draft.action}
        onChange={(action) => setDraft({ ...draft, action })}
        options={[
          { value: '', label: t('common.any') },
          ...knownActions.map((action) => ({ value: action, label: t(`audit.actions.${action}`) })),
        ]}
      />
      <Select
        label={t('audit.filters.entityType')}
        value={draft.entityType}
        onChange={(entityType) => setDraft({ ...draft, entityType })}
        options={[
          { value: '', label: t('common.any') },
          ...knownEntityTypes.map((type) => ({
            value: type,
            label: t(`audit.entityTypes.${type}`),
          })),
        ]}
      />
      <TextField
        label={t('audit.filters.from')}
        type="date"
        value={draft.fromDay}
        onChange={(fromDay) => setDraft({ ...draft, fromDay })}
      />
      <TextField
        label={t('audit.filters.to')}
        type="date"
        value={draft.toDay}
        onChange={(toDay) => setDraft({ ...draft, toDay })}
        error={datesReversed ? t('audit.filters.datesReversed') : undefined}
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
