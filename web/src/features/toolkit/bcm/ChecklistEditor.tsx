import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../../ui';
import { NumberField, joinErrors } from './fields';
import { fieldId } from './issues';
import { focusSoon, freshId, moveItem, type EditorProps } from './plan';

/** The crisis-activation checklist: ordered steps, each with its time, doer and done-criteria. */
export function ChecklistEditor({ plan, change, issues }: EditorProps) {
  const { t } = useTranslation('toolkit');
  const lead =
    plan.contacts.find((c) => c.id === plan.crisisLead)?.name ?? t('bcm.common.unassigned');
  const last = plan.checklist.length - 1;
  return (
    <section aria-labelledby="bcm-checklist-title">
      <h2 id="bcm-checklist-title" className="bcm-section-title">
        {t('bcm.checklist.title')}
      </h2>
      <p className="bcm-intro">{t('bcm.checklist.intro')}</p>
      {plan.checklist.length === 0 ? <p className="muted">{t('bcm.checklist.none')}</p> : null}
      <ol className="bcm-cards bcm-steps">
        {plan.checklist.map((step, i) => {
          const at = `checklist.${i}`;
          return (
            <li key={step.id} className="bcm-card bcm-step" data-step={step.id}>
              <span className="bcm-step__number" aria-hidden="true">
                {i + 1}
              </span>
              <div className="bcm-step__fields">
                <div className="bcm-row">
                  <NumberField
                    id={fieldId(`${at}.atMinutes`)}
                    label={t('bcm.checklist.atMinutes')}
                    value={step.atMinutes}
                    onChange={(v) => change((p) => void (p.checklist[i]!.atMinutes = v ?? 0))}
                    error={joinErrors(issues.at(`${at}.atMinutes`))}
                  />
                  <TextField
                    dir="auto"
                    id={fieldId(`${at}.action`)}
                    className="bcm-wide"
                    label={t('bcm.checklist.action', { n: i + 1 })}
                    value={step.action}
                    onChange={(v) => change((p) => void (p.checklist[i]!.action = v))}
                    error={joinErrors([...issues.at(`${at}.action`), ...issues.at(`${at}.id`)])}
                  />
                </div>
                <div className="bcm-row">
                  <Select
                    id={fieldId(`${at}.who`)}
                    label={t('bcm.checklist.who')}
                    value={step.who ?? ''}
                    options={[
                      { value: '', label: t('bcm.checklist.crisisLead', { name: lead }) },
                      ...plan.contacts.map((c) => ({ value: c.id, label: c.name })),
                    ]}
                    onChange={(v) => change((p) => void (p.checklist[i]!.who = v || null))}
                    error={joinErrors(issues.at(`${at}.who`))}
                  />
                  <TextField
                    dir="auto"
                    className="bcm-wide"
                    label={t('bcm.checklist.done')}
                    value={step.done}
                    onChange={(v) => change((p) => void (p.checklist[i]!.done = v))}
                  />
                </div>
              </div>
              <div className="bcm-ladder__actions">
                <Button
                  variant="quiet"
                  id={`bcm-step-up-${step.id}`}
                  disabled={i === 0}
                  aria-label={t('bcm.checklist.earlier', { n: i + 1 })}
                  onClick={() => {
                    change((p) => moveItem(p.checklist, i, i - 1));
                    focusSoon(i - 1 === 0 ? `bcm-step-down-${step.id}` : `bcm-step-up-${step.id}`);
                  }}
                >
                  {t('bcm.ladder.up')}
                </Button>
                <Button
                  variant="quiet"
                  id={`bcm-step-down-${step.id}`}
                  disabled={i === last}
                  aria-label={t('bcm.checklist.later', { n: i + 1 })}
                  onClick={() => {
                    change((p) => moveItem(p.checklist, i, i + 1));
                    focusSoon(
                      i + 1 === last ? `bcm-step-up-${step.id}` : `bcm-step-down-${step.id}`,
                    );
                  }}
                >
                  {t('bcm.ladder.down')}
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t('bcm.checklist.removeNamed', { n: i + 1 })}
                  onClick={() => {
                    change((p) => void p.checklist.splice(i, 1));
                    focusSoon('bcm-step-add');
                  }}
                >
                  {t('bcm.common.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        id="bcm-step-add"
        disabled={plan.checklist.length >= 100}
        onClick={() => {
          change(
            (p) =>
              void p.checklist.push({
                id: freshId('step', p.checklist),
                action: t('bcm.checklist.newStep'),
                who: null,
                atMinutes: p.checklist.at(-1)?.atMinutes ?? 0,
                done: '',
              }),
          );
          focusSoon(fieldId(`checklist.${plan.checklist.length}.action`));
        }}
      >
        {t('bcm.checklist.add')}
      </Button>
    </section>
  );
}
