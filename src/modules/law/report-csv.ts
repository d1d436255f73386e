import type { CsvCell } from '../../kernel/index.js';
import { citationText } from './report-html.js';
import type { CountryReport, MatrixReport } from './report.service.js';
import { lawReportStrings } from './report-strings.js';

/**
 * The reports as flat tables. Column names and state ids stay the same in every language (a
 * script reads them); titles, citations and checklist texts are in the report's language.
 */

/** One row per gap, most urgent first; several values in one cell are joined with " | ". */
export function gapRows(report: CountryReport): CsvCell[][] {
  const s = lawReportStrings[report.lang];
  const instruments = new Map(report.instruments.map((i) => [i.id, i]));
  const shortName = (id: string) => instruments.get(id)?.shortName ?? id;
  const rows: CsvCell[][] = [
    ['rank', 'provision', 'title', 'category', 'state', 'instruments', 'checklist'],
  ];
  for (const g of report.gaps)
    rows.push([
      g.rank,
      g.provision,
      g.title,
      g.category,
      g.state,
      g.references
        .map(
          (r) =>
            citationText(s, instruments.get(r.instrument), r.citation) +
            (r.verified ? '' : ` (${s.unverified})`),
        )
        .join(' | '),
      g.checklist
        .map(
          (c) =>
            `${c.text}${c.optional ? ` (${s.optional})` : ''}` +
            (c.instruments.length ? ` [${c.instruments.map(shortName).join(', ')}]` : ''),
        )
        .join(' | '),
    ]);
  return rows;
}

/** One row per provision, a column per country (ISO alpha-3) holding its state, then the share. */
export function matrixRows(report: MatrixReport): CsvCell[][] {
  return [
    ['provision', 'title', 'category', ...report.countries.map((c) => c.iso3), 'share'],
    ...report.rows.map((r) => [r.provision, r.title, r.category, ...r.states, r.share]),
  ];
}
