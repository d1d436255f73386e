import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { getCatalogue } from './api';

/** The latest catalogue in the reader's language (asked once per language). */
export function useCatalogue() {
  const locale = currentLocale();
  return useResource(() => getCatalogue(locale), [locale]);
}
