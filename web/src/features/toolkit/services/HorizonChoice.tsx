import { useTranslation } from 'react-i18next';
import { horizons, type Horizon } from './selection';

interface HorizonChoiceProps {
  serviceId: string;
  serviceName: string;
  value: Horizon | null;
  onChange(horizon: Horizon | null): void;
}

const notPlanned = 'none';

/**
 * Now / next / later / not planned as native radio buttons drawn as a segmented control: Tab
 * reaches the group once, the arrow keys move the choice, and a screen reader hears the
 * question in the legend.
 */
export function HorizonChoice({ serviceId, serviceName, value, onChange }: HorizonChoiceProps) {
  const { t } = useTranslation('toolkit');
  const options = [...horizons, notPlanned] as const;
  return (
    <fieldset className="horizon-choice">
      <legend className="visually-hidden">
        {t('services.horizon.legend', { service: serviceName })}
      </legend>
      {options.map((option) => {
        const id = `horizon-${serviceId}-${option}`;
        return (
          <span key={option} className={`horizon-choice__option horizon-choice__option--${option}`}>
            <input
              id={id}
              type="radio"
              className="horizon-choice__input"
              name={`horizon-${serviceId}`}
              value={option}
              checked={(value ?? notPlanned) === option}
              onChange={() => onChange(option === notPlanned ? null : option)}
            />
            <label htmlFor={id} className="horizon-choice__label">
              {t(`services.horizon.${option}`)}
            </label>
          </span>
        );
      })}
    </fieldset>
  );
}
