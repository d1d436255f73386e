import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { namespaceLoader } from '../../app/FeatureStrings';

export const lawNamespace = 'law';

export const loadLawStrings = namespaceLoader(
  lawNamespace,
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json'),
);

/**
 * For the law's small panels on other modules' pages (the registry's country profile, the
 * toolkit's mandate area): whether the law strings of the current language are there yet.
 */
export function useLawStrings(): boolean {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadLawStrings(lang).then(() => {
      if (live) setReady(lang);
    });
    return () => {
      live = false;
    };
  }, [lang]);
  return ready === lang;
}
