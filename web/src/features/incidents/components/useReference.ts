import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { getReference } from '../api';

/**
 * RSIT names and descriptions, the severity ladder, transitions and queues, in the page's
 * language.
 */
export function useReference() {
  const lang = currentLocale();
  return useResource(() => getReference(lang), [lang]);
}
