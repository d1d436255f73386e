/** `build` run once per key, its answer kept for the life of the process (per-language content). */
export function memoByKey<T>(build: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, build(key));
    return cache.get(key)!;
  };
}
