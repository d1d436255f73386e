import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../ui';
import { FactorSwatch } from './ContributionBar';
import { needFactors, type NeedFactor } from './types';

export type WeightDraft = Record<NeedFactor, string>;

export const weightProblem = (value: string): boolean => {
  const number = Number(value);
  return value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 100;
};

interface WeightsPanelProps {
  draft: WeightDraft;
  onChange(draft: WeightDraft): void;
  onReset(): void;
  csvUrl: string;
}

/** One weight per factor (0–100 points at most); the ranking follows as the weights change. */
export function WeightsPanel({ draft, onChange, onReset, csvUrl }: WeightsPanelProps) {
  const { t } = useTranslation();
  return (
    <aside className="weights" aria-labelledby="weights-heading">
      <h2 id="weights-heading" className="weights__title">
        {t('registry.needs.weightsTitle')}
      </h2>
      <p className="weights__intro">{t('registry.needs.weightsIntro')}</p>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        {needFactors.map((factor) => (
          <div key={factor} className="weights__factor">
            <TextField
              type="number"
              min={0}
              max={100}
              step={1}
              inputMode="numeric"
              className="weights__input"
              label={
                <>
                  <FactorSwatch factor={factor} /> {t(`registry.factor.${factor}.name`)}
                </>
              }
              hint={t(`registry.factor.${factor}.description`)}
              value={draft[factor]}
              onChange={(value) => onChange({ ...draft, [factor]: value })}
              error={weightProblem(draft[factor]) ? t('registry.needs.weightInvalid') : undefined}
              data-testid={`weight-${factor}`}
            />
          </div>
        ))}
        <div className="weights__buttons">
          <Button onClick={onReset}>{t('registry.needs.reset')}</Button>
          <a className="btn btn--secondary" href={csvUrl} download data-testid="needs-csv">
            {t('registry.needs.csv')}
          </a>
        </div>
      </form>
    </aside>
  );
}
