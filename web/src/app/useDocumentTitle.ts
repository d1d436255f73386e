import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> – cirtkit" in the current language. */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('shell.documentTitle', { page: pageTitle });
  }, [t, pageTitle]);
}
