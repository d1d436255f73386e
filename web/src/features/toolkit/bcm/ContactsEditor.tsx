import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../../ui';
import { ErrorText, joinErrors } from './fields';
import { fieldId } from './issues';
import { focusSoon, freshId, removeContact, type EditorProps } from './plan';
import { channelTypes, type ChannelType } from './types';

const placeholders: Record<ChannelType, string> = {
  phone: '+000 00 000 0000',
  sms: '+000 00 000 0000',
  email: 'name@example.org',
  radio: '',
  'secure-messenger': '',
  'in-person': '',
};

/** The people of the plan: function, organisation, how to reach them, who stands in. */
export function ContactsEditor({ plan, change, issues }: EditorProps) {
  const { t } = useTranslation('toolkit');
  return (
    <section aria-labelledby="bcm-contacts-title">
      <h2 id="bcm-contacts-title" className="bcm-section-title">
        {t('bcm.contacts.title')}
      </h2>
      <p className="bcm-intro">{t('bcm.contacts.intro')}</p>
      {plan.contacts.length === 0 ? <p className="muted">{t('bcm.contacts.none')}</p> : null}
      <ul className="bcm-cards">
        {plan.contacts.map((contact, i) => {
          const at = `contacts.${i}`;
          const channelErrors = issues.at(`${at}.channels`);
          return (
            <li key={contact.id} className="bcm-card" data-contact={contact.id}>
              <div className="bcm-row">
                <TextField
                  dir="auto"
                  id={fieldId(`${at}.name`)}
                  label={t('bcm.contacts.name')}
                  value={contact.name}
                  onChange={(name) => change((p) => void (p.contacts[i]!.name = name))}
                  error={joinErrors([...issues.at(`${at}.name`), ...issues.at(`${at}.id`)])}
                />
                <TextField
                  dir="auto"
                  label={t('bcm.contacts.role')}
                  value={contact.role}
                  onChange={(role) => change((p) => void (p.contacts[i]!.role = role))}
                />
                <TextField
                  dir="auto"
                  label={t('bcm.contacts.organisation')}
                  value={contact.organisation}
                  onChange={(organisation) =>
                    change((p) => void (p.contacts[i]!.organisation = organisation))
                  }
                />
                <Select
                  id={fieldId(`${at}.backup`)}
                  label={t('bcm.contacts.backup')}
                  value={contact.backup ?? ''}
                  options={[
                    { value: '', label: t('bcm.contacts.noBackup') },
                    ...plan.contacts
                      .filter((c) => c.id !== contact.id)
                      .map((c) => ({ value: c.id, label: c.name })),
                  ]}
                  onChange={(backup) =>
                    change((p) => void (p.contacts[i]!.backup = backup || null))
                  }
                  error={joinErrors(issues.at(`${at}.backup`))}
                />
              </div>
              <fieldset
                className="bcm-channels"
                aria-describedby={
                  channelErrors.length > 0 ? `${fieldId(`${at}.channels`)}-errors` : undefined
                }
              >
                <legend className="field__label">
                  {t('bcm.contacts.channels', { name: contact.name })}
                </legend>
                <ErrorText id={`${fieldId(`${at}.channels`)}-errors`} messages={channelErrors} />
                {contact.channels.map((channel, j) => {
                  const field = `${at}.channels.${j}.value`;
                  const errors = issues.at(field);
                  return (
                    <div key={j} className="bcm-channel">
                      <select
                        className="select select--compact"
                        aria-label={t('bcm.contacts.channelType', { n: j + 1 })}
                        value={channel.type}
                        onChange={(event) =>
                          change(
                            (p) =>
                              void (p.contacts[i]!.channels[j]!.type = event.target
                                .value as ChannelType),
                          )
                        }
                      >
                        {channelTypes.map((c) => (
                          <option key={c} value={c}>
                            {t(`bcm.channels.${c}`)}
                          </option>
                        ))}
                      </select>
                      <input
                        id={fieldId(field)}
                        className="input bcm-channel__value"
                        dir={
                          channel.type === 'email' ||
                          channel.type === 'phone' ||
                          channel.type === 'sms'
                            ? 'ltr'
                            : undefined
                        }
                        value={channel.value}
                        placeholder={placeholders[channel.type]}
                        aria-label={t('bcm.contacts.channelValue', {
                          n: j + 1,
                          type: t(`bcm.channels.${channel.type}`),
                        })}
                        aria-invalid={errors.length > 0 || undefined}
                        aria-describedby={
                          errors.length > 0 ? `${fieldId(field)}-errors` : undefined
                        }
                        onChange={(event) =>
                          change(
                            (p) => void (p.contacts[i]!.channels[j]!.value = event.target.value),
                          )
                        }
                      />
                      <Button
                        variant="quiet"
                        onClick={() => change((p) => void p.contacts[i]!.channels.splice(j, 1))}
                        aria-label={t('bcm.contacts.removeChannel', { n: j + 1 })}
                      >
                        {t('bcm.common.remove')}
                      </Button>
                      <ErrorText id={`${fieldId(field)}-errors`} messages={errors} />
                    </div>
                  );
                })}
                <Button
                  variant="quiet"
                  disabled={contact.channels.length >= 10}
                  onClick={() => {
                    change((p) => void p.contacts[i]!.channels.push({ type: 'phone', value: '' }));
                    focusSoon(fieldId(`${at}.channels.${contact.channels.length}.value`));
                  }}
                >
                  {t('bcm.contacts.addChannel')}
                </Button>
              </fieldset>
              <div className="bcm-card__footer">
                <Button
                  variant="quiet"
                  className="bcm-card__remove"
                  onClick={() => {
                    change(removeContact(contact.id));
                    focusSoon('bcm-contact-add');
                  }}
                  aria-label={t('bcm.contacts.removeNamed', { name: contact.name })}
                >
                  {t('bcm.common.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <Button
        id="bcm-contact-add"
        disabled={plan.contacts.length >= 300}
        onClick={() => {
          change(
            (p) =>
              void p.contacts.push({
                id: freshId('contact', p.contacts),
                name: t('bcm.contacts.newContact'),
                role: '',
                organisation: '',
                channels: [{ type: 'phone', value: '' }],
                backup: null,
              }),
          );
          focusSoon(fieldId(`contacts.${plan.contacts.length}.name`));
        }}
      >
        {t('bcm.contacts.add')}
      </Button>
    </section>
  );
}
