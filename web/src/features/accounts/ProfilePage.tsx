import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth';
import { describeError } from '../../app/errors';
import { passwordPath } from '../../app/guards';
import { isLocale } from '../../app/types';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { applyLocale, languages } from '../../i18n';
import { Alert, Button, PageHeader, Select, TextField } from '../../ui';
import { updateMe } from './api';

export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { setMe } = useAuth();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<string>(me.locale);
  const [nameMissing, setNameMissing] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('accounts.profile.title'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = displayName.trim();
    setNameMissing(name === '');
    if (name === '' || !isLocale(locale)) return;
    setBusy(true);
    setOutcome(null);
    try {
      const updated = await updateMe({ displayName: name, locale });
      await applyLocale(updated.locale, { persist: true });
      setMe(updated);
      setOutcome({ tone: 'success', text: t('accounts.profile.saved') });
    } catch (error) {
      setOutcome({ tone: 'error', text: describeError(t, error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <PageHeader title={t('accounts.profile.title')} description={t('accounts.profile.intro')} />
      {outcome ? <Alert tone={outcome.tone} title={outcome.text} /> : null}
      <dl className="facts">
        <div>
          <dt>{t('accounts.profile.email')}</dt>
          <dd>
            <bdi dir="ltr">{me.email}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('accounts.profile.role')}</dt>
          <dd>{t(`roles.${me.role}`, { defaultValue: me.role })}</dd>
        </div>
      </dl>
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <TextField
          label={t('accounts.profile.displayName')}
          hint={t('accounts.profile.displayNameHint')}
          autoComplete="name"
          maxLength={200}
          value={displayName}
          onChange={setDisplayName}
          error={nameMissing ? t('accounts.profile.displayNameMissing') : undefined}
        />
        <Select
          label={t('accounts.profile.language')}
          hint={t('accounts.profile.languageHint')}
          value={locale}
          onChange={setLocale}
          options={languages.map((language) => ({
            value: language.code,
            label: language.nativeName,
            lang: language.code,
          }))}
        />
        <div className="actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      <h2 className="section-title">{t('accounts.profile.passwordHeading')}</h2>
      <p>
        <Link to={passwordPath}>{t('accounts.profile.passwordLink')}</Link>
      </p>
    </section>
  );
}
