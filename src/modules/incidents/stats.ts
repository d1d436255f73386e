import { sql } from 'kysely';
import { isoNow } from '../../kernel/index.js';
import type { IncidentFilter } from './list-query.js';
import { checkFilter, filterConditions, type ListDeps, type Viewer } from './list.service.js';

/**
 * Statistics over the incidents the viewer may read, with the list's filters: counts by RSIT
 * class, sector, status, severity and month of creation.
 */

/** Counts for the statistics page, over the same filters and the same TLP rule. */
export interface IncidentStats {
  total: number;
  byRsitClass: { key: string | null; count: number }[];
  bySector: { key: string | null; count: number }[];
  byStatus: { key: string; count: number }[];
  bySeverity: { key: string | null; count: number }[];
  /** Every month from the first to the last with incidents, zeros included (`2026-03`). */
  byMonth: { month: string; count: number }[];
}

export async function incidentStats(
  deps: ListDeps,
  viewer: Viewer,
  filter: IncidentFilter,
): Promise<IncidentStats> {
  checkFilter(filter);
  const now = isoNow(deps.clock);
  const db = deps.db.kysely;
  // A merged incident lives on in the one it was merged into: counted once, there.
  const base = () =>
    db
      .selectFrom('incidents')
      .where((eb) =>
        eb.and([
          ...filterConditions(eb, deps.db.dialect, filter, viewer, now),
          eb('incidents.merged_into_id', 'is', null),
        ]),
      );
  const grouped = async (column: 'rsit_class' | 'sector' | 'status' | 'severity') => {
    const rows = await base()
      .select([`incidents.${column} as key`, (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(`incidents.${column}`)
      .execute();
    return rows
      .map((r) => ({ key: r.key, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  };
  const monthExpr = sql<string>`substr(incidents.created_at, 1, 7)`;
  const [byRsitClass, bySector, byStatus, bySeverity, months] = await Promise.all([
    grouped('rsit_class'),
    grouped('sector'),
    grouped('status'),
    grouped('severity'),
    base()
      .select([monthExpr.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(monthExpr)
      .execute(),
  ]);
  return {
    total: byStatus.reduce((sum, s) => sum + s.count, 0),
    byRsitClass,
    bySector,
    byStatus: byStatus as { key: string; count: number }[],
    bySeverity,
    byMonth: fillMonths(months.map((m) => ({ month: m.month, count: Number(m.n) }))),
  };
}

/** Sorts months and adds the missing ones with a zero, so a chart's axis has no holes. */
export function fillMonths(
  rows: { month: string; count: number }[],
): { month: string; count: number }[] {
  if (rows.length === 0) return [];
  const counts = new Map(rows.map((r) => [r.month, r.count]));
  const sorted = [...counts.keys()].sort();
  const out: { month: string; count: number }[] = [];
  let [year, month] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!;
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}
