/**
 * Writes CSV (RFC 4180: comma, CRLF, quotes doubled). Cells that a spreadsheet would run as a
 * formula (starting with = + - @ or a tab/CR) get a leading apostrophe: exported data is
 * hostile input for whoever opens it (CSV injection).
 */
export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
