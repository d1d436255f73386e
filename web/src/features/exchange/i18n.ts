import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { namespaceLoader } from '../../app/FeatureStrings';

export const exchangeNamespace = 'exchange';

export const loadExchangeStrings = namespaceLoader(
  exchangeNamespace,
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json'),
);

/** True once the exchange strings of the current language are loaded (for panels on other pages). */
export function useExchangeStrings(): boolean {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadExchangeStrings(lang).then(() => {
      if (live) setReady(lang);
    });
    return () => {
      live = false;
    };
  }, [lang]);
  return ready === lang;
}
