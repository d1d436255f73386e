import { useId, type ReactNode } from 'react';
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
export function TlpPicker(props: PickerProps<Tlp>) {
  return (
    <LevelPicker
      {...props}
      scale="tlp"
      levels={tlpLevels}
      label={(level) => <TlpLabel tlp={level} />}
    />
  );
}

export function PapPicker(props: PickerProps<Pap>) {
  return (
    <LevelPicker
      {...props}
      scale="pap"
      levels={papLevels}
      label={(level) => <PapLabel pap={level} />}
    />
  );
}

interface LevelPickerProps<T extends string> extends PickerProps<T> {
  /** The translation keys' scale: `core.<scale>.legend`, `core.<scale>.explain.<level>`. */
  scale: 'tlp' | 'pap';
  levels: readonly T[];
  label(level: T): ReactNode;
}

function LevelPicker<T extends string>(props: LevelPickerProps<T>) {
  const { value, onChange, name, testId, scale, levels, label } = props;
  const { t } = useTranslation('incidents');
  const legendId = useId();
  return (
    <fieldset className="label-picker" aria-labelledby={legendId} data-testid={testId}>
      <legend id={legendId} className="label-picker__legend">
        {t(`core.${scale}.legend`)}
      </legend>
      {levels.map((level) => (
        <label key={level} className="label-picker__option">
          <input
            type="radio"
            name={name}
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
          />
          {label(level)}
          <span className="label-picker__text">{t(`core.${scale}.explain.${level}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
