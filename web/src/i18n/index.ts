import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale, type Locale } from '../app/types';
import en from './locales/en.json';

/** The six UN languages, each named in its own language (never translated). */
export const languages: ReadonlyArray<{ code: Locale; nativeName: string; dir: 'ltr' | 'rtl' }> = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'ru', nativeName: 'Русский', dir: 'ltr' },
  { code: 'zh', nativeName: '中文', dir: 'ltr' },
];

export const storageKey = 'cirtkit.lang';

// English ships in the main bundle as the fallback; the other five are fetched on demand so
// the login page stays small.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>([
  './locales/*.json',
  '!./locales/en.json',
]);

async function loadResources(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const load = loaders[`./locales/${locale}.json`];
  if (!load) return;
  const module = await load();
  i18next.addResourceBundle(locale, 'translation', module.default, true, true);
}

/** The language to start with before we know who the user is: saved choice, then browser. */
export function initialLocale(): Locale {
  const saved = readSavedLocale();
  if (saved) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

function readSavedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage can be disabled by policy; the browser language still applies
  }
}

export async function setupI18n(): Promise<void> {
  const locale = initialLocale();
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: languages.map((language) => language.code),
    interpolation: { escapeValue: false }, // React escapes already
    // Module namespaces (e.g. `toolkit`) fall back to the main strings for common.*, errors.*.
    defaultNS: 'translation',
    fallbackNS: 'translation',
  });
  await applyLocale(locale, { persist: false });
}

/** Switches the UI language and the document's `lang`/`dir`; optionally remembers it. */
export async function applyLocale(locale: Locale, options: { persist: boolean }): Promise<void> {
  await loadResources(locale);
  await i18next.changeLanguage(locale);
  const root = document.documentElement;
  root.lang = locale;
  root.dir = languages.find((language) => language.code === locale)?.dir ?? 'ltr';
  if (options.persist) {
    try {
      localStorage.setItem(storageKey, locale);
    } catch {
      // Not fatal: the choice still holds for this page and is saved on the profile.
    }
  }
}

export function currentLocale(): Locale {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLocale(language) ? language : 'en';
}

export { i18next };
