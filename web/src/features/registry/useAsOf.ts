import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isDay, localToday } from './format';

/**
 * The registry's "as of" day, kept in the address (`?asOf=`) so that it survives going from the
 * world map to a country profile and back, and can be shared. Default: today.
 */
export function useAsOf(): [string, (day: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf') ?? '';
  const asOf = isDay(raw) ? raw : localToday();
  const setAsOf = useCallback(
    (day: string) =>
      setParams(
        () => {
          // Start from the address itself, not the last render's copy: two quick changes (a
          // filter, then the date) would otherwise lose the first.
          const next = new URLSearchParams(window.location.search);
          if (day === '' || day === localToday()) next.delete('asOf');
          else next.set('asOf', day);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [asOf, setAsOf];
}

/** `?asOf=` to append to registry links, empty when the day is today. */
export function asOfQuery(asOf: string): string {
  return asOf === localToday() ? '' : `?asOf=${asOf}`;
}
