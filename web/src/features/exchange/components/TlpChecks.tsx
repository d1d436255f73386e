import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../ui';
import { tlpLevels, type Tlp } from '../types';

/** The TLP levels a grant lets through, as a group of checkboxes. */
export function TlpChecks({ value, onChange }: { value: Tlp[]; onChange(value: Tlp[]): void }) {
  const { t } = useTranslation('exchange');
  return (
    <fieldset className="exchange-tlps">
      <legend>{t('peers.grants.tlps')}</legend>
      {tlpLevels.map((level) => (
        <Checkbox
          key={level}
          label={`TLP:${level.toUpperCase()}`}
          checked={value.includes(level)}
          onChange={(on) =>
            onChange(tlpLevels.filter((l) => (l === level ? on : value.includes(l))))
          }
        />
      ))}
    </fieldset>
  );
}
