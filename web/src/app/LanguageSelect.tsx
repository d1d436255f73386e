import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale, languages } from '../i18n';
import { api } from './api';
import { useAuth } from './auth';
import { isLocale, type Me } from './types';

/**
 * The language switcher, on every page including the login page. Each language is listed in
 * its own name and marked with its own `lang` so screen readers pronounce it correctly.
 */
export function LanguageSelect() {
  const { t } = useTranslation();
  const { state, setMe } = useAuth();

  async function choose(value: string) {
    if (!isLocale(value)) return;
    await applyLocale(value, { persist: true });
    if (state.status !== 'authenticated' || state.me.locale === value) return;
    try {
      setMe(await api.patch<Me>('/api/me', { locale: value }));
    } catch {
      // The page already speaks the new language; saving it on the profile is a convenience
      // that can fail (e.g. before the first password change) without bothering the user.
    }
  }

  return (
    <div className="lang-switch">
      <label className="lang-switch__label" htmlFor="language-select">
        {t('shell.language')}
      </label>
      <select
        id="language-select"
        className="select select--compact"
        value={currentLocale()}
        onChange={(event) => void choose(event.target.value)}
      >
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
