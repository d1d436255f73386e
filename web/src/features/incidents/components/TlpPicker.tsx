import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { papLevels, tlpLevels, type Pap, type Tlp } from '../types';
import { PapLabel, TlpLabel } from './Labels';

interface PickerProps<T extends string> {
  value: T;
  onChange(value: T): void;
  name: string;
  testId?: string;
}

/**
 * TLP 2.0 as a group of radio buttons, each with the official label and what it allows, so the
 * analyst picks by meaning, not by colour. RED and AMBER+STRICT say that only people on the
 * incident's access list will see it.
 */
export function TlpPicker({ value, onChange, name, testId }: PickerProps<Tlp>) {
  const { t } = useTranslation('incidents');
  const legendId = useId();
  return (
    <fieldset className="label-picker" aria-labelledby={legendId} data-testid={testId}>
      <legend id={legendId} className="label-picker__legend">
        {t('core.tlp.legend')}
      </legend>
      {tlpLevels.map((level) => (
        <label key={level} className="label-picker__option">
          <input
            type="radio"
            name={name}
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
          />
          <TlpLabel tlp={level} />
          <span className="label-picker__text">{t(`core.tlp.explain.${level}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function PapPicker({ value, onChange, name, testId }: PickerProps<Pap>) {
  const { t } = useTranslation('incidents');
  const legendId = useId();
  return (
    <fieldset className="label-picker" aria-labelledby={legendId} data-testid={testId}>
      <legend id={legendId} className="label-picker__legend">
        {t('core.pap.legend')}
      </legend>
      {papLevels.map((level) => (
        <label key={level} className="label-picker__option">
          <input
            type="radio"
            name={name}
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
          />
          <PapLabel pap={level} />
          <span className="label-picker__text">{t(`core.pap.explain.${level}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
