import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../../ui';
import { PeoplePicker, joinErrors } from './fields';
import { fieldId } from './issues';
import { focusSoon, freshId, removeAudience, type EditorProps } from './plan';
import { audienceTargets, type AudienceTarget } from './types';

/** The parties of the matrix's columns: their name, whom they reach, their usual people. */
export function AudiencesEditor({ plan, change, issues }: EditorProps) {
  const { t } = useTranslation('toolkit');
  return (
    <section aria-labelledby="bcm-audiences-title">
      <h2 id="bcm-audiences-title" className="bcm-section-title">
        {t('bcm.audiences.title')}
      </h2>
      <p className="bcm-intro">{t('bcm.audiences.intro')}</p>
      <ul className="bcm-audiences">
        {plan.audiences.map((audience, i) => {
          const at = `audiences.${i}`;
          const contactsId = fieldId(`${at}.contacts`);
          const contactErrors = issues.at(`${at}.contacts`);
          const names = plan.contacts
            .filter((c) => audience.contacts.includes(c.id))
            .map((c) => c.name);
          return (
            <li key={audience.id} className="bcm-audience" data-audience={audience.id}>
              <TextField
                dir="auto"
                id={fieldId(`${at}.name`)}
                label={t('bcm.audiences.name')}
                value={audience.name}
                onChange={(name) => change((p) => void (p.audiences[i]!.name = name))}
                error={joinErrors([...issues.at(`${at}.name`), ...issues.at(`${at}.id`)])}
              />
              <Select
                label={t('bcm.audiences.target')}
                value={audience.target}
                options={audienceTargets.map((value) => ({
                  value,
                  label: t(`bcm.audiences.targets.${value}`),
                }))}
                onChange={(target) =>
                  change((p) => void (p.audiences[i]!.target = target as AudienceTarget))
                }
              />
              <div className={contactErrors.length > 0 ? 'field field--error' : 'field'}>
                <p className="field__label" aria-hidden="true">
                  {t('bcm.audiences.contacts')}
                </p>
                {contactErrors.length > 0 ? (
                  <p className="field__error" id={`${contactsId}-errors`}>
                    {joinErrors(contactErrors)}
                  </p>
                ) : null}
                <PeoplePicker
                  id={contactsId}
                  label={t('bcm.audiences.contactsOf', { name: audience.name })}
                  summary={names.length > 0 ? names.join(', ') : t('bcm.audiences.nobody')}
                  options={plan.contacts}
                  chosen={audience.contacts}
                  onChange={(contacts) => change((p) => void (p.audiences[i]!.contacts = contacts))}
                  describedById={contactErrors.length > 0 ? `${contactsId}-errors` : undefined}
                />
              </div>
              <Button
                variant="quiet"
                className="bcm-card__remove"
                onClick={() => {
                  change(removeAudience(audience.id));
                  focusSoon('bcm-audience-add');
                }}
                aria-label={t('bcm.audiences.removeNamed', { name: audience.name })}
              >
                {t('bcm.common.remove')}
              </Button>
            </li>
          );
        })}
      </ul>
      <Button
        id="bcm-audience-add"
        disabled={plan.audiences.length >= 20}
        onClick={() => {
          change(
            (p) =>
              void p.audiences.push({
                id: freshId('audience', p.audiences),
                name: t('bcm.audiences.newAudience'),
                target: 'contacts',
                contacts: [],
              }),
          );
          focusSoon(fieldId(`audiences.${plan.audiences.length}.name`));
        }}
      >
        {t('bcm.audiences.add')}
      </Button>
    </section>
  );
}
