import { useTranslation } from 'react-i18next';
import { Button, Select } from '../../../ui';
import { phases } from '../types';
import { statusFilters, unassigned, type StatusFilter, type TaskFilter } from './tasks';

interface RoadmapFiltersProps {
  filter: TaskFilter;
  owners: string[];
  onChange(filter: TaskFilter): void;
}

/** Narrows the tasks shown by status, phase and owner; the choice lives in the address. */
export function RoadmapFilters({ filter, owners, onChange }: RoadmapFiltersProps) {
  const { t } = useTranslation('toolkit');
  const any = { value: '', label: t('common.any') };
  const active = filter.status !== '' || filter.phase !== '' || filter.owner !== '';
  // An owner named in the address but no longer on any task stays choosable (and visible).
  const names =
    filter.owner && filter.owner !== unassigned && !owners.includes(filter.owner)
      ? [...owners, filter.owner]
      : owners;
  return (
    <div className="filters roadmap-filters" role="search" aria-label={t('roadmap.filters.label')}>
      <Select
        id="roadmap-filter-status"
        label={t('roadmap.filters.status')}
        value={filter.status}
        onChange={(status) => onChange({ ...filter, status: status as StatusFilter })}
        options={statusFilters.map((s) =>
          s === '' ? any : { value: s, label: t(`roadmap.filters.statuses.${s}`) },
        )}
      />
      <Select
        id="roadmap-filter-phase"
        label={t('roadmap.filters.phase')}
        value={filter.phase}
        onChange={(phase) => onChange({ ...filter, phase })}
        options={[any, ...phases.map((p) => ({ value: p, label: t(`roadmap.phase.${p}`) }))]}
      />
      <Select
        id="roadmap-filter-owner"
        label={t('roadmap.filters.owner')}
        value={filter.owner}
        onChange={(owner) => onChange({ ...filter, owner })}
        options={[
          any,
          { value: unassigned, label: t('roadmap.filters.unassigned') },
          ...names.map((o) => ({ value: o, label: o })),
        ]}
      />
      {active ? (
        <div className="filters__buttons">
          <Button onClick={() => onChange({ status: '', phase: '', owner: '' })}>
            {t('common.clearFilters')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
