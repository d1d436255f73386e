import { useTranslation } from 'react-i18next';
import { formatSpan } from '../components/duration';
import type { FieldErrors } from '../components/errors';
import type { SeverityLevel, SlaTarget } from '../types';

interface SlaEditorProps {
  ladder: SeverityLevel[];
  sla: Record<string, SlaTarget>;
  errors: FieldErrors;
  disabled: boolean;
  onChange(sla: Record<string, SlaTarget>): void;
}

/**
 * Minutes to acknowledge and to resolve for each level of the ladder, most severe first, with
 * the minutes read back as hours or days. Empty both to give a level no SLA.
 */
export function SlaEditor({ ladder, sla, errors, disabled, onChange }: SlaEditorProps) {
  const { t } = useTranslation('incidents');
  const levels = [...ladder].sort((a, b) => b.rank - a.rank);

  const set = (level: string, field: keyof SlaTarget, raw: string) => {
    const current = sla[level] ?? { ackMinutes: 0, resolveMinutes: 0 };
    const value = raw === '' ? 0 : Math.max(0, Math.round(Number(raw)));
    const next = { ...current, [field]: value };
    const copy = { ...sla };
    if (next.ackMinutes === 0 && next.resolveMinutes === 0) delete copy[level];
    else copy[level] = next;
    onChange(copy);
  };

  return (
    <section className="incident-card" aria-labelledby="settings-sla-title">
      <h2 id="settings-sla-title" className="incident-card__title">
        {t('settings.sla.title')}
      </h2>
      <p className="incident-card__intro">{t('settings.sla.intro')}</p>
      {disabled ? <p className="incident-muted">{t('settings.sla.afterSave')}</p> : null}
      <div className="table-wrap" role="region" aria-labelledby="settings-sla-title" tabIndex={0}>
        <table className="table sla-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.sla.level')}</th>
              <th scope="col">{t('settings.sla.ack')}</th>
              <th scope="col">{t('settings.sla.resolve')}</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level) => {
              const target = sla[level.id];
              return (
                <tr key={level.id} data-level={level.id}>
                  <th scope="row">
                    <span className="severity-badge">
                      <span
                        className="severity-badge__swatch"
                        style={{ background: level.colour }}
                        aria-hidden="true"
                      />
                      {level.name}
                    </span>
                  </th>
                  {(['ackMinutes', 'resolveMinutes'] as const).map((field) => {
                    const id = `sla-${level.id}-${field}`;
                    const error = errors[`sla.${level.id}.${field}`] ?? errors[`sla.${level.id}`];
                    const value = target?.[field] ?? 0;
                    return (
                      <td key={field}>
                        <label className="visually-hidden" htmlFor={id}>
                          {t(`settings.sla.${field}Of`, { level: level.name })}
                        </label>
                        <input
                          id={id}
                          className="input sla-table__input"
                          type="number"
                          inputMode="numeric"
                          min={1}
                          dir="ltr"
                          disabled={disabled}
                          value={value === 0 ? '' : String(value)}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={`${id}-read`}
                          onChange={(event) => set(level.id, field, event.target.value)}
                        />
                        <span id={`${id}-read`} className="sla-table__read">
                          {value > 0 ? formatSpan(value * 60_000) : t('settings.sla.none')}
                        </span>
                        {error ? <span className="field__error">{error}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
