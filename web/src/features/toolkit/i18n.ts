import i18next from 'i18next';

/**
 * The toolkit's strings live in their own i18next namespace, `toolkit`, split into one file per
 * part and language (`locales/<part>.<lang>.json`, each file's top-level key is its part). They
 * load when a toolkit page opens, so the login page does not carry them.
 */
export const toolkitNamespace = 'toolkit';

const parts = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json');

const loaded = new Set<string>();

export async function loadToolkitStrings(lang: string): Promise<void> {
  const wanted = lang === 'en' ? ['en'] : ['en', lang];
  await Promise.all(
    wanted
      .filter((l) => !loaded.has(l))
      .map(async (l) => {
        const files = Object.entries(parts).filter(([path]) => path.endsWith(`.${l}.json`));
        const modules = await Promise.all(files.map(([, load]) => load()));
        for (const module of modules)
          i18next.addResourceBundle(l, toolkitNamespace, module.default, true, true);
        loaded.add(l);
      }),
  );
}
