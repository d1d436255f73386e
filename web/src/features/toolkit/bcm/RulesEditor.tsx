import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../../ui';
import { ListField, NumberField, joinErrors } from './fields';
import { fieldId } from './issues';
import { focusSoon, freshId, type EditorProps } from './plan';
import { channelTypes, ruleActions, type ChannelType, type RuleAction } from './types';

/** Rules that tie the parts together: from a level (and in some sectors), do something. */
export function RulesEditor({ plan, change, issues }: EditorProps) {
  const { t } = useTranslation('toolkit');
  return (
    <section aria-labelledby="bcm-rules-title">
      <h2 id="bcm-rules-title" className="bcm-section-title">
        {t('bcm.rules.title')}
      </h2>
      <p className="bcm-intro">{t('bcm.rules.intro')}</p>
      {plan.rules.length === 0 ? <p className="muted">{t('bcm.rules.none')}</p> : null}
      <ul className="bcm-cards">
        {plan.rules.map((rule, i) => {
          const at = `rules.${i}`;
          const err = (f: string) => joinErrors(issues.at(`${at}.${f}`));
          return (
            <li key={rule.id} className="bcm-card" data-rule={rule.id}>
              <TextField
                dir="auto"
                id={fieldId(`${at}.name`)}
                label={t('bcm.rules.name')}
                value={rule.name}
                onChange={(v) => change((p) => void (p.rules[i]!.name = v))}
                error={joinErrors([...issues.at(`${at}.name`), ...issues.at(`${at}.id`)])}
              />
              <div className="bcm-row">
                <Select
                  id={fieldId(`${at}.minLevel`)}
                  label={t('bcm.rules.minLevel')}
                  value={rule.minLevel}
                  options={[
                    ...(plan.levels.some((l) => l.id === rule.minLevel)
                      ? []
                      : [{ value: rule.minLevel, label: t('bcm.common.choose') }]),
                    ...plan.levels.map((l) => ({ value: l.id, label: l.name })),
                  ]}
                  onChange={(v) => change((p) => void (p.rules[i]!.minLevel = v))}
                  error={err('minLevel')}
                />
                <ListField
                  label={t('bcm.rules.sectors')}
                  hint={t('bcm.rules.sectorsHint')}
                  value={rule.sectors}
                  onChange={(sectors) => change((p) => void (p.rules[i]!.sectors = sectors))}
                />
              </div>
              <div className="bcm-row">
                <Select
                  id={fieldId(`${at}.action`)}
                  label={t('bcm.rules.action')}
                  value={rule.action}
                  options={ruleActions.map((value) => ({
                    value,
                    label: t(`bcm.rules.actions.${value}`),
                  }))}
                  onChange={(v) =>
                    change((p) => {
                      const r = p.rules[i]!;
                      r.action = v as RuleAction;
                      if (r.action === 'activate-checklist')
                        Object.assign(r, { audience: null, channel: null });
                      else r.channel ??= 'phone';
                    })
                  }
                  error={err('action')}
                />
                {rule.action === 'notify' ? (
                  <>
                    <Select
                      id={fieldId(`${at}.audience`)}
                      label={t('bcm.rules.audience')}
                      value={rule.audience ?? ''}
                      options={[
                        { value: '', label: t('bcm.common.choose') },
                        ...plan.audiences.map((a) => ({ value: a.id, label: a.name })),
                      ]}
                      onChange={(v) => change((p) => void (p.rules[i]!.audience = v || null))}
                      error={err('audience')}
                    />
                    <Select
                      id={fieldId(`${at}.channel`)}
                      label={t('bcm.rules.channel')}
                      value={rule.channel ?? ''}
                      options={[
                        { value: '', label: t('bcm.common.choose') },
                        ...channelTypes.map((c) => ({ value: c, label: t(`bcm.channels.${c}`) })),
                      ]}
                      onChange={(v) =>
                        change(
                          (p) => void (p.rules[i]!.channel = (v || null) as ChannelType | null),
                        )
                      }
                      error={err('channel')}
                    />
                  </>
                ) : null}
                <NumberField
                  id={fieldId(`${at}.minutes`)}
                  label={t(rule.action === 'notify' ? 'bcm.rules.within' : 'bcm.rules.startAfter')}
                  value={rule.minutes}
                  onChange={(v) => change((p) => void (p.rules[i]!.minutes = v ?? 0))}
                  error={err('minutes')}
                />
              </div>
              <div className="bcm-card__footer">
                <Button
                  variant="quiet"
                  className="bcm-card__remove"
                  aria-label={t('bcm.rules.removeNamed', { name: rule.name || rule.id })}
                  onClick={() => {
                    change((p) => void p.rules.splice(i, 1));
                    focusSoon('bcm-rule-add');
                  }}
                >
                  {t('bcm.common.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <Button
        id="bcm-rule-add"
        disabled={plan.rules.length >= 50}
        onClick={() => {
          change(
            (p) =>
              void p.rules.push({
                id: freshId('rule', p.rules),
                name: t('bcm.rules.newRule'),
                minLevel: p.levels.at(-1)?.id ?? '',
                sectors: [],
                action: 'notify',
                audience: null,
                minutes: 60,
                channel: 'phone',
              }),
          );
          focusSoon(fieldId(`rules.${plan.rules.length}.name`));
        }}
      >
        {t('bcm.rules.add')}
      </Button>
    </section>
  );
}
