import { useTranslation } from 'react-i18next';
import { Select } from '../../../ui';
import { sectorIds } from '../types';

interface SectorSelectProps {
  id: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string;
  hint?: string;
}

/** The affected sector, from the constituents' sectors; an older free-text value is kept. */
export function SectorSelect({ id, value, onChange, error, hint }: SectorSelectProps) {
  const { t } = useTranslation('incidents');
  const known = (sectorIds as readonly string[]).includes(value ?? '');
  return (
    <Select
      id={id}
      label={t('core.fields.sector')}
      hint={hint}
      value={value ?? ''}
      error={error}
      options={[
        { value: '', label: t('core.fields.noSector') },
        ...sectorIds.map((s) => ({ value: s, label: t(`core.sectors.${s}`) })),
        ...(value && !known ? [{ value, label: value }] : []),
      ]}
      onChange={(next) => onChange(next || null)}
    />
  );
}
