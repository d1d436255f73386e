import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CountryItem } from './types';

/** The world page's filters; kept in the address so a filtered map can be shared. */
export interface WorldFilter {
  region: string;
  organisation: string;
  group: string;
  /** Also show territories and other places that are not ITU Member States. */
  territories: boolean;
}

const keys = { region: 'region', organisation: 'org', group: 'group' } as const;

export function useWorldFilter(): [WorldFilter, (change: Partial<WorldFilter>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<WorldFilter>(
    () => ({
      region: params.get(keys.region) ?? '',
      organisation: params.get(keys.organisation) ?? '',
      group: params.get(keys.group) ?? '',
      territories: params.get('territories') === '1',
    }),
    [params],
  );
  const update = useCallback(
    (change: Partial<WorldFilter>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [field, param] of Object.entries(keys)) {
            const value = change[field as keyof typeof keys];
            if (value === undefined) continue;
            if (value === '') next.delete(param);
            else next.set(param, value);
          }
          if (change.territories !== undefined) {
            if (change.territories) next.set('territories', '1');
            else next.delete('territories');
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filter, update];
}

export function matchesFilter(item: CountryItem, filter: WorldFilter): boolean {
  return (
    (filter.territories || item.ituMember) &&
    (filter.region === '' || item.ituRegion === filter.region) &&
    (filter.organisation === '' || item.organisations.includes(filter.organisation)) &&
    (filter.group === '' || item.groups.includes(filter.group))
  );
}

export const isFiltered = (filter: WorldFilter) =>
  filter.region !== '' || filter.organisation !== '' || filter.group !== '' || filter.territories;
