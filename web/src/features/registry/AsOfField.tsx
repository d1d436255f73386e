import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui';
import { isDay, localToday } from './format';

/** The "as of" date: what the registry knew to be true on that day. */
interface AsOfFieldProps {
  value: string;
  onChange(day: string): void;
  /** Explains what "as of" means; left out in filter bars, where it would misalign the row. */
  withHint?: boolean;
}

export function AsOfField({ value, onChange, withHint = false }: AsOfFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      type="date"
      className="as-of__input"
      label={t('registry.asOf.label')}
      hint={withHint ? t('registry.asOf.hint') : undefined}
      max={localToday()}
      min="1980-01-01"
      value={value}
      data-testid="as-of"
      // Native date inputs report '' while a date is half typed: keep the last full day.
      onChange={(day) => {
        if (isDay(day)) onChange(day);
      }}
    />
  );
}
