import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Loading } from '../ui';

type LocaleFiles = Record<string, () => Promise<{ default: Record<string, unknown> }>>;

/**
 * A feature's strings live in their own i18next namespace, one file per part and language
 * (`locales/<part>.<lang>.json`, top-level key = part, optional `$same` list of cognates).
 * They load when one of the feature's pages opens, so the login page does not carry them.
 */
export function namespaceLoader(namespace: string, files: LocaleFiles) {
  const loaded = new Set<string>();
  return async (lang: string): Promise<void> => {
    const wanted = lang === 'en' ? ['en'] : ['en', lang];
    await Promise.all(
      wanted
        .filter((l) => !loaded.has(l))
        .map(async (l) => {
          const parts = Object.entries(files).filter(([path]) => path.endsWith(`.${l}.json`));
          const modules = await Promise.all(parts.map(([, load]) => load()));
          for (const module of modules) {
            const { $same: _same, ...strings } = module.default;
            i18next.addResourceBundle(l, namespace, strings, true, true);
          }
          loaded.add(l);
        }),
    );
  };
}

/** Renders the nested pages once the feature's strings for the current language are there. */
export function FeatureStrings({ load }: { load: (lang: string) => Promise<void> }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void load(lang).then(() => {
      if (live) setReady(lang);
    });
    return () => {
      live = false;
    };
  }, [lang, load]);
  if (ready === null) return <Loading />;
  return <Outlet key={ready} />;
}
