import type { CsvCell } from '../../kernel/index.js';
import type { Breakdown, Coverage, ProgressReport } from './indicators.js';

const metrics: (keyof Coverage)[] = [
  'total',
  'national',
  'share',
  'governmentOrSectoral',
  'none',
  'unknown',
];

/** Every indicator of the report as one long table: section, key, date, metric, value. */
export function reportRows(report: ProgressReport): CsvCell[][] {
  const rows: CsvCell[][] = [['section', 'key', 'date', 'metric', 'value']];
  const breakdown = (section: string, b: Breakdown) => {
    for (const [date, cover] of [
      [report.compareTo, b.compareTo],
      [report.asOf, b.asOf],
    ] as const) {
      for (const metric of metrics) rows.push([section, b.key, date, metric, cover[metric]]);
    }
  };
  breakdown('overall', report.overall);
  rows.push(['overall', 'all', report.asOf, 'change_national', report.overall.change.national]);
  rows.push(['overall', 'all', report.asOf, 'change_share', report.overall.change.share]);
  for (const b of report.byRegion) breakdown('itu_region', b);
  for (const b of report.byOrganisation) breakdown('organisation', b);
  for (const b of report.byGroup) breakdown('group', b);
  for (const [tier, count] of Object.entries(report.maturity))
    rows.push(['maturity', tier, report.asOf, 'national_cirts', count]);
  rows.push(['assessments', 'all', report.asOf, 'total', report.assessments.total]);
  rows.push(['assessments', 'all', report.asOf, 'in_period', report.assessments.inPeriod]);
  rows.push(['assessments', 'all', report.asOf, 'undated', report.assessments.undated]);
  for (const c of report.newCirts) rows.push(['new_cirts', c.iso3, c.established, c.name, 1]);
  rows.push([
    'overall',
    'all',
    report.asOf,
    'unknown_to_national',
    report.unknownToNational.length,
  ]);
  for (const s of report.series) {
    rows.push(['series', 'all', s.date, 'national', s.national]);
    rows.push(['series', 'all', s.date, 'share', s.share]);
  }
  return rows;
}
