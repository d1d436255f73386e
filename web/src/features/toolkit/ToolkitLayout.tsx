import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Loading } from '../../ui';
import { loadToolkitStrings } from './i18n';

/** Loads the toolkit's strings for the current language before its pages render. */
export default function ToolkitLayout() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadToolkitStrings(lang).then(() => {
      if (live) setReady(lang);
    });
    return () => {
      live = false;
    };
  }, [lang]);
  // While another language loads, keep showing the page (it falls back to English strings).
  if (ready === null) return <Loading />;
  return <Outlet key={ready} />;
}
