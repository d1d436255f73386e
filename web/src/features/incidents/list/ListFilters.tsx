import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Select, TextField } from '../../../ui';
import type { IncidentReference } from '../types';
import { incidentStatuses, sectorIds, tlpLevels } from '../types';
import type { ListFilter } from './api';

/** The filter bar: full-text search and the filters, applied together. */
export function ListFilters({
  value,
  reference,
  onApply,
}: {
  value: ListFilter;
  reference: IncidentReference | null;
  onApply(filter: ListFilter): void;
}) {
  const { t } = useTranslation('incidents');
  const [draft, setDraft] = useState<ListFilter>(value);
  const set = (key: keyof ListFilter, v: string) => setDraft({ ...draft, [key]: v || undefined });
  const reversed = !!draft.createdFrom && !!draft.createdTo && draft.createdFrom > draft.createdTo;
  const any = { value: '', label: t('list.filters.any') };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reversed) onApply({ ...draft, q: draft.q?.trim() || undefined });
  }

  return (
    <form
      className="filters incident-filters"
      role="search"
      aria-label={t('list.filters.label')}
      onSubmit={submit}
      noValidate
    >
      <TextField
        className="incident-filters__q"
        label={t('list.filters.q')}
        hint={t('list.filters.qHint')}
        type="search"
        value={draft.q ?? ''}
        onChange={(v) => set('q', v)}
      />
      <Select
        label={t('list.filters.status')}
        value={draft.status ?? ''}
        onChange={(v) => set('status', v)}
        options={[
          any,
          ...incidentStatuses.map((s) => ({ value: s, label: t(`core.status.${s}`) })),
        ]}
      />
      <Select
        label={t('list.filters.rsitClass')}
        value={draft.rsitClass ?? ''}
        onChange={(v) => set('rsitClass', v)}
        options={[any, ...(reference?.rsit ?? []).map((c) => ({ value: c.id, label: c.name }))]}
      />
      <Select
        label={t('list.filters.tlp')}
        value={draft.tlp ?? ''}
        onChange={(v) => set('tlp', v)}
        options={[any, ...tlpLevels.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))]}
      />
      <Select
        label={t('list.filters.severity')}
        value={draft.severity ?? ''}
        onChange={(v) => set('severity', v)}
        options={[any, ...(reference?.ladder ?? []).map((l) => ({ value: l.id, label: l.name }))]}
      />
      <Select
        label={t('list.filters.sector')}
        value={draft.sector ?? ''}
        onChange={(v) => set('sector', v)}
        options={[any, ...sectorIds.map((s) => ({ value: s, label: t(`core.sectors.${s}`) }))]}
      />
      <Select
        label={t('list.filters.assignee')}
        value={draft.assignee ?? ''}
        onChange={(v) => set('assignee', v)}
        options={[
          any,
          { value: 'me', label: t('list.filters.me') },
          { value: 'none', label: t('list.filters.unassigned') },
          ...(reference?.users ?? []).map((u) => ({ value: u.id, label: u.displayName })),
        ]}
      />
      <TextField
        label={t('list.filters.createdFrom')}
        type="date"
        value={draft.createdFrom ?? ''}
        onChange={(v) => set('createdFrom', v)}
      />
      <TextField
        label={t('list.filters.createdTo')}
        type="date"
        value={draft.createdTo ?? ''}
        onChange={(v) => set('createdTo', v)}
        error={reversed ? t('list.filters.datesReversed') : undefined}
      />
      <Checkbox
        label={t('list.filters.slaBreached')}
        checked={draft.slaBreached === 'true'}
        onChange={(checked) => set('slaBreached', checked ? 'true' : '')}
      />
      <div className="filters__buttons">
        <Button type="submit" variant="primary">
          {t('list.filters.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('list.filters.clear')}
        </Button>
      </div>
    </form>
  );
}
