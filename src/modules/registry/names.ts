import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Locale } from '../accounts/index.js';

// Names come from a maintained library (CLDR-based), not typed by hand, in the six UN languages.
for (const locale of [ar, en, es, fr, ru, zh]) countries.registerLocale(locale);

export const nameLocales = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;

export function countryName(iso2: string, lang: Locale): string {
  return (
    countries.getName(iso2, lang, { select: 'official' }) ?? countries.getName(iso2, 'en') ?? iso2
  );
}

export function countryNames(iso2: string): Record<Locale, string> {
  return Object.fromEntries(nameLocales.map((lang) => [lang, countryName(iso2, lang)])) as Record<
    Locale,
    string
  >;
}
