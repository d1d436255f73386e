import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';

export type Resource<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'failed'; data: T | null; error: unknown };

/**
 * Loads data when `deps` change and ignores answers that arrive after a newer request
 * started, so a slow filter query cannot overwrite a faster later one. Previous data is kept
 * while reloading so tables do not flicker.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): Resource<T> & { reload(): void } {
  const [resource, setResource] = useState<Resource<T>>({
    status: 'loading',
    data: null,
    error: null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setResource((previous) => ({ status: 'loading', data: previous.data, error: null }));
    load().then(
      (data) => {
        if (current) setResource({ status: 'ready', data, error: null });
      },
      (error: unknown) => {
        if (current) setResource((previous) => ({ status: 'failed', data: previous.data, error }));
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `deps` lists what it really depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...resource, reload };
}
