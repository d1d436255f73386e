import { useTranslation } from 'react-i18next';
import { Badge, Button, Checkbox } from '../../../ui';
import type { ServicesCatalogue } from './types';

interface ServicesPickerProps {
  catalogue: ServicesCatalogue | null;
  planned: ReadonlyArray<{ id: string; horizon: string }>;
  value: readonly string[];
  error?: string | undefined;
  onChange(value: string[]): void;
}

/**
 * The services the team offers, ticked from the services catalogue by area. Services the
 * project's plan holds are marked, and one button takes those planned for now.
 */
export function ServicesPicker({
  catalogue,
  planned,
  value,
  error,
  onChange,
}: ServicesPickerProps) {
  const { t } = useTranslation('toolkit');
  const chosen = new Set(value);
  const horizon = new Map(planned.map((p) => [p.id, p.horizon]));
  const plannedNow = planned.filter((p) => p.horizon === 'now').map((p) => p.id);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className="rfc2350-services" aria-describedby="rfc2350-services-hint">
      <legend className="field__label">{t('rfc2350.fields.services.offered.label')}</legend>
      <p className="field__hint" id="rfc2350-services-hint">
        {t('rfc2350.fields.services.offered.hint')}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      {plannedNow.length > 0 ? (
        <Button onClick={() => onChange([...new Set([...value, ...plannedNow])])}>
          {t('rfc2350.services.usePlan', { count: plannedNow.length })}
        </Button>
      ) : null}
      {catalogue ? (
        catalogue.areas.map((area) => (
          <div key={area.id} className="rfc2350-services__area">
            <p className="rfc2350-services__area-name">{area.name}</p>
            {area.services.map((service) => {
              const plan = horizon.get(service.id);
              return (
                <div key={service.id} className="rfc2350-services__item">
                  <Checkbox
                    label={service.name}
                    checked={chosen.has(service.id)}
                    onChange={(on) => toggle(service.id, on)}
                  />
                  {plan ? (
                    <Badge tone="success">
                      {t(`rfc2350.services.planned.${plan === 'next' ? 'next' : 'now'}`)}
                    </Badge>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))
      ) : (
        <p className="muted">{t('rfc2350.services.noCatalogue')}</p>
      )}
    </fieldset>
  );
}
