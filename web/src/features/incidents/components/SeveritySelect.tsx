import { useTranslation } from 'react-i18next';
import { Select } from '../../../ui';
import type { SeverityLevel } from '../types';

interface SeveritySelectProps {
  ladder: ReadonlyArray<SeverityLevel>;
  value: string | null;
  onChange(value: string | null): void;
  id: string;
  error?: string;
}

/** A level of the national severity ladder, most severe first, with the level's meaning. */
export function SeveritySelect({ ladder, value, onChange, id, error }: SeveritySelectProps) {
  const { t } = useTranslation('incidents');
  const level = ladder.find((l) => l.id === value);
  return (
    <Select
      id={id}
      label={t('core.fields.severity')}
      value={value ?? ''}
      error={error}
      hint={level?.description ?? t('core.fields.severityHint')}
      options={[
        { value: '', label: t('core.fields.notAssessed') },
        ...[...ladder].sort((a, b) => b.rank - a.rank).map((l) => ({ value: l.id, label: l.name })),
      ]}
      onChange={(next) => onChange(next || null)}
    />
  );
}
