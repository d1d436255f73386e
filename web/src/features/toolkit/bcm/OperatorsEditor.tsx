import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../../ui';
import { NumberField, PeoplePicker, TextArea, joinErrors } from './fields';
import { fieldId } from './issues';
import { focusSoon, freshId, removeOperator, type EditorProps } from './plan';

export const sectorSuggestions = [
  'energy',
  'transport',
  'banking',
  'financial-markets',
  'health',
  'drinking-water',
  'digital-infrastructure',
  'telecommunications',
  'public-administration',
  'space',
] as const;

/** Continuity links of critical-service operators: the service, its objectives, its BCM contact. */
export function OperatorsEditor({ plan, change, issues }: EditorProps) {
  const { t } = useTranslation('toolkit');
  const hours = (key: 'rtoHours' | 'rpoHours' | 'mtpdHours', i: number) => (
    <NumberField
      id={fieldId(`operators.${i}.${key}`)}
      label={t(`bcm.operators.${key}`)}
      step={0.5}
      value={plan.operators[i]![key]}
      onChange={(value) => change((p) => void (p.operators[i]![key] = value ?? 0))}
      error={joinErrors(issues.at(`operators.${i}.${key}`))}
    />
  );
  return (
    <section aria-labelledby="bcm-operators-title">
      <h2 id="bcm-operators-title" className="bcm-section-title">
        {t('bcm.operators.title')}
      </h2>
      <p className="bcm-intro">{t('bcm.operators.intro')}</p>
      <datalist id="bcm-sectors">
        {sectorSuggestions.map((s) => (
          <option key={s} value={s} label={t(`bcm.sectors.${s}`)} />
        ))}
      </datalist>
      {plan.operators.length === 0 ? <p className="muted">{t('bcm.operators.none')}</p> : null}
      <ul className="bcm-cards">
        {plan.operators.map((op, i) => {
          const at = `operators.${i}`;
          const others = plan.operators
            .filter((o) => o.id !== op.id)
            .map((o) => ({ id: o.id, name: `${o.operator} · ${o.service}` }));
          const depends = others.filter((o) => op.dependsOn.includes(o.id)).map((o) => o.name);
          const dependErrors = issues.at(`${at}.dependsOn`);
          return (
            <li key={op.id} className="bcm-card" data-operator={op.id}>
              <div className="bcm-row">
                <TextField
                  dir="auto"
                  id={fieldId(`${at}.operator`)}
                  label={t('bcm.operators.operator')}
                  value={op.operator}
                  onChange={(v) => change((p) => void (p.operators[i]!.operator = v))}
                  error={joinErrors([...issues.at(`${at}.operator`), ...issues.at(`${at}.id`)])}
                />
                <TextField
                  dir="auto"
                  label={t('bcm.operators.sector')}
                  list="bcm-sectors"
                  value={op.sector}
                  onChange={(v) => change((p) => void (p.operators[i]!.sector = v))}
                />
                <TextField
                  dir="auto"
                  id={fieldId(`${at}.service`)}
                  label={t('bcm.operators.service')}
                  value={op.service}
                  onChange={(v) => change((p) => void (p.operators[i]!.service = v))}
                  error={joinErrors(issues.at(`${at}.service`))}
                />
              </div>
              <div className="bcm-row bcm-row--numbers">
                {hours('rtoHours', i)}
                {hours('rpoHours', i)}
                {hours('mtpdHours', i)}
                <Select
                  id={fieldId(`${at}.bcmContact`)}
                  label={t('bcm.operators.bcmContact')}
                  value={op.bcmContact ?? ''}
                  options={[
                    { value: '', label: t('bcm.common.choose') },
                    ...plan.contacts.map((c) => ({ value: c.id, label: c.name })),
                  ]}
                  onChange={(v) => change((p) => void (p.operators[i]!.bcmContact = v || null))}
                  error={joinErrors(issues.at(`${at}.bcmContact`))}
                />
              </div>
              <div className="bcm-row">
                <div className={dependErrors.length > 0 ? 'field field--error' : 'field'}>
                  <p className="field__label">{t('bcm.operators.dependsOn')}</p>
                  {dependErrors.length > 0 ? (
                    <p className="field__error" id={`${fieldId(`${at}.dependsOn`)}-errors`}>
                      {joinErrors(dependErrors)}
                    </p>
                  ) : null}
                  <PeoplePicker
                    id={fieldId(`${at}.dependsOn`)}
                    label={t('bcm.operators.dependsOnOf', { name: op.service })}
                    summary={
                      depends.length > 0 ? depends.join(', ') : t('bcm.operators.noDependency')
                    }
                    options={others}
                    chosen={op.dependsOn}
                    onChange={(ids) => change((p) => void (p.operators[i]!.dependsOn = ids))}
                  />
                </div>
                <TextArea
                  label={t('bcm.operators.dependencies')}
                  value={op.dependencies}
                  onChange={(v) => change((p) => void (p.operators[i]!.dependencies = v))}
                />
              </div>
              <div className="bcm-card__footer">
                <Button
                  variant="quiet"
                  className="bcm-card__remove"
                  onClick={() => {
                    change(removeOperator(op.id));
                    focusSoon('bcm-operator-add');
                  }}
                  aria-label={t('bcm.operators.removeNamed', {
                    name: `${op.operator} · ${op.service}`,
                  })}
                >
                  {t('bcm.common.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <Button
        id="bcm-operator-add"
        disabled={plan.operators.length >= 500}
        onClick={() => {
          change(
            (p) =>
              void p.operators.push({
                id: freshId('operator', p.operators),
                operator: t('bcm.operators.newOperator'),
                sector: '',
                service: t('bcm.operators.newService'),
                rtoHours: 4,
                rpoHours: 1,
                mtpdHours: 24,
                dependsOn: [],
                dependencies: '',
                bcmContact: null,
              }),
          );
          focusSoon(fieldId(`operators.${plan.operators.length}.operator`));
        }}
      >
        {t('bcm.operators.add')}
      </Button>
    </section>
  );
}
