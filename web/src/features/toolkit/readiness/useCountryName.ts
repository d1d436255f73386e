import { api, withQuery } from '../../../app/api';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';

/** The registry's name of a country in the reader's language; the ISO code until it is known. */
export function useCountryName(iso3: string | null): string {
  const lang = currentLocale();
  const country = useResource(
    () =>
      iso3
        ? api.get<{ name: string }>(
            withQuery(`/api/registry/countries/${encodeURIComponent(iso3)}`, { lang }),
          )
        : Promise.resolve(null),
    [iso3, lang],
  );
  return country.data?.name ?? iso3 ?? '';
}
