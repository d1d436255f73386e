import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Select } from '../../ui';
import { AsOfField } from './AsOfField';
import { groups, ituRegions, organisations } from './types';
import type { WorldFilter } from './worldFilter';

interface WorldFiltersProps {
  filter: WorldFilter;
  onChange(change: Partial<WorldFilter>): void;
  asOf: string;
  onAsOf(day: string): void;
}

/**
 * Filters apply at once: they only narrow what is already loaded (no request per change),
 * except the "as of" day, which loads the registry as it stood on that day.
 */
export function WorldFilters({ filter, onChange, asOf, onAsOf }: WorldFiltersProps) {
  const { t } = useTranslation();
  return (
    <form
      className="filters registry-filters"
      role="search"
      aria-label={t('registry.world.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Select
        label={t('registry.world.filters.region')}
        value={filter.region}
        onChange={(region) => onChange({ region })}
        options={[
          { value: '', label: t('common.any') },
          ...ituRegions.map((region) => ({ value: region, label: t(`registry.region.${region}`) })),
        ]}
      />
      <Select
        label={t('registry.world.filters.organisation')}
        value={filter.organisation}
        onChange={(organisation) => onChange({ organisation })}
        options={[
          { value: '', label: t('common.any') },
          ...organisations.map((code) => ({
            value: code,
            label: t('registry.organisationOption', {
              code,
              name: t(`registry.organisation.${code}`),
            }),
          })),
        ]}
      />
      <Select
        label={t('registry.world.filters.group')}
        value={filter.group}
        onChange={(group) => onChange({ group })}
        options={[
          { value: '', label: t('common.any') },
          ...groups.map((code) => ({
            value: code,
            label: t('registry.groupOption', { code, name: t(`registry.group.${code}`) }),
          })),
        ]}
      />
      <AsOfField value={asOf} onChange={onAsOf} />
      <div className="registry-filters__row">
        <Checkbox
          label={t('registry.world.filters.territories')}
          checked={filter.territories}
          onChange={(territories) => onChange({ territories })}
        />
        <Button
          onClick={() => onChange({ region: '', organisation: '', group: '', territories: false })}
        >
          {t('common.clearFilters')}
        </Button>
      </div>
    </form>
  );
}
