import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../ui';
import { ErrorText, TextArea, joinErrors } from './fields';
import { fieldId } from './issues';
import { addLevel, focusSoon, moveLevel, removeLevel, type EditorProps } from './plan';

/** The severity ladder, least severe first: name, colour, description; reorder, add, remove. */
export function LadderEditor({ plan, change, issues }: EditorProps) {
  const { t } = useTranslation('toolkit');
  const last = plan.levels.length - 1;
  return (
    <section aria-labelledby="bcm-ladder-title">
      <h2 id="bcm-ladder-title" className="bcm-section-title">
        {t('bcm.ladder.title')}
      </h2>
      <p className="bcm-intro">{t('bcm.ladder.intro')}</p>
      <ol className="bcm-ladder">
        {plan.levels.map((level, i) => {
          const at = `levels.${i}`;
          const rowErrors = [...issues.at(`${at}.id`), ...issues.at(`${at}.rank`)];
          return (
            <li key={level.id} className="bcm-ladder__level" data-level={level.id}>
              <div className="bcm-ladder__rank" aria-hidden="true">
                <span
                  className="bcm-swatch bcm-swatch--large"
                  style={{ background: level.colour }}
                />
                <span>{level.rank}</span>
              </div>
              <div className="bcm-ladder__fields">
                <div className="bcm-row">
                  <TextField
                    dir="auto"
                    id={fieldId(`${at}.name`)}
                    label={t('bcm.ladder.name', { rank: level.rank })}
                    value={level.name}
                    onChange={(name) => change((p) => void (p.levels[i]!.name = name))}
                    error={joinErrors(issues.at(`${at}.name`))}
                  />
                  <div className="field bcm-colour">
                    <label className="field__label" htmlFor={fieldId(`${at}.colour`)}>
                      {t('bcm.ladder.colour')}
                    </label>
                    <input
                      id={fieldId(`${at}.colour`)}
                      type="color"
                      className="bcm-colour__input"
                      value={level.colour.toLowerCase()}
                      onChange={(event) =>
                        change((p) => void (p.levels[i]!.colour = event.target.value))
                      }
                    />
                  </div>
                  <p className="bcm-ladder__id">
                    {t('bcm.ladder.id')} <code>{level.id}</code>
                  </p>
                </div>
                <TextArea
                  id={fieldId(`${at}.description`)}
                  label={t('bcm.ladder.description')}
                  value={level.description}
                  onChange={(description) =>
                    change((p) => void (p.levels[i]!.description = description))
                  }
                  error={joinErrors(issues.at(`${at}.description`))}
                />
                <ErrorText id={`${fieldId(at)}-errors`} messages={rowErrors} />
              </div>
              <div className="bcm-ladder__actions">
                <Button
                  variant="quiet"
                  id={`bcm-level-up-${level.id}`}
                  disabled={i === 0}
                  onClick={() => {
                    change(moveLevel(i, i - 1));
                    focusSoon(
                      i - 1 === 0 ? `bcm-level-down-${level.id}` : `bcm-level-up-${level.id}`,
                    );
                  }}
                  aria-label={t('bcm.ladder.lessSevere', { name: level.name })}
                >
                  {t('bcm.ladder.up')}
                </Button>
                <Button
                  variant="quiet"
                  id={`bcm-level-down-${level.id}`}
                  disabled={i === last}
                  onClick={() => {
                    change(moveLevel(i, i + 1));
                    focusSoon(
                      i + 1 === last ? `bcm-level-up-${level.id}` : `bcm-level-down-${level.id}`,
                    );
                  }}
                  aria-label={t('bcm.ladder.moreSevere', { name: level.name })}
                >
                  {t('bcm.ladder.down')}
                </Button>
                <Button
                  variant="quiet"
                  disabled={plan.levels.length <= 2}
                  onClick={() => {
                    change(removeLevel(level.id));
                    focusSoon('bcm-level-add');
                  }}
                  aria-label={t('bcm.ladder.removeNamed', { name: level.name })}
                >
                  {t('bcm.common.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        id="bcm-level-add"
        disabled={plan.levels.length >= 12}
        onClick={() => {
          change(addLevel(t('bcm.ladder.newLevel')));
          focusSoon(fieldId(`levels.${plan.levels.length}.name`));
        }}
      >
        {t('bcm.ladder.add')}
      </Button>
    </section>
  );
}
