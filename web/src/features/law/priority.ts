/**
 * The gap report's category priority, pure: the order is kept in the address as
 * `?priority=a,b,c` (the catalogue's default order when absent), so a chosen report can be
 * shared, and moved one step at a time by buttons that keyboards reach.
 */

/** The full order from the address: known categories first as given, then the rest by default. */
export function readPriority(value: string | null, defaults: readonly string[]): string[] {
  const known = new Set(defaults);
  const chosen: string[] = [];
  for (const id of (value ?? '').split(',').map((s) => s.trim())) {
    if (known.has(id) && !chosen.includes(id)) chosen.push(id);
  }
  return [...chosen, ...defaults.filter((id) => !chosen.includes(id))];
}

/** The order moved one place up (-1) or down (+1); the same order at either end. */
export function move(order: readonly string[], id: string, step: -1 | 1): string[] {
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  next[from] = order[to]!;
  next[to] = id;
  return next;
}

export const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** What goes in the address: nothing for the default order, else the whole order. */
export const priorityParam = (order: readonly string[], defaults: readonly string[]) =>
  sameOrder(order, defaults) ? null : order.join(',');
