import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from '../../../ui/Field';
import { parseObservables, type ParsedObservable } from './observables';

interface ObservablesInputProps {
  value: string;
  onChange(text: string): void;
  id: string;
  error?: string;
}

/**
 * A text area for a pasted list (one value per line) and, under it, what each line was read
 * as: kind and value, or which lines were not understood. Defanged values are refanged.
 */
export function ObservablesInput({ value, onChange, id, error }: ObservablesInputProps) {
  const { t } = useTranslation('incidents');
  const summaryId = useId();
  const parsed = useMemo(() => parseObservables(value), [value]);
  const unknown = parsed.filter((p) => p.kind === null);
  const hint = t('core.observables.hint');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {t('core.observables.label')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input incidents-textarea incidents-textarea--mono"
        dir="ltr"
        rows={5}
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error || unknown.length > 0 ? true : undefined}
        aria-describedby={[describedBy(id, hint, error), summaryId].filter(Boolean).join(' ')}
      />
      <div id={summaryId} aria-live="polite">
        {parsed.length > 0 ? <DetectedList items={parsed} /> : null}
      </div>
    </div>
  );
}

function DetectedList({ items }: { items: ParsedObservable[] }) {
  const { t } = useTranslation('incidents');
  const known = items.filter((p) => p.kind !== null).length;
  return (
    <div className="observables-detected" data-testid="observables-detected">
      <p className="observables-detected__summary">
        {t('core.observables.detected', { count: known })}
      </p>
      <ul className="observables-detected__list">
        {items.map((item) => (
          <li
            key={`${item.line}-${item.value}`}
            className={item.kind ? '' : 'observables-detected__unknown'}
          >
            <span className="observable-kind">
              {item.kind ? t(`core.observableKinds.${item.kind}`) : t('core.observables.unknown')}
            </span>{' '}
            <code dir="ltr">{item.value}</code>
            {item.kind ? null : (
              <span className="observables-detected__line">
                {' '}
                {t('core.observables.line', { line: item.line })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
