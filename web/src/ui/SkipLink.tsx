import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const mainContentId = 'main-content';

/**
 * First stop of the Tab key. It moves focus itself rather than relying on the fragment
 * navigation, which the client-side router would otherwise treat as a route change.
 */
export function SkipLink() {
  const { t } = useTranslation();

  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(mainContentId);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }

  return (
    <a className="skip-link" href={`#${mainContentId}`} onClick={skip}>
      {t('shell.skipToContent')}
    </a>
  );
}
