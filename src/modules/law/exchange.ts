import { decodeUtf8, readCsvLines, type CsvCell } from '../../kernel/index.js';
import { assessmentInputSchema, type Assessment } from './assessment.schema.js';
import type { Catalogue } from './catalogue.schema.js';
import type { RowError } from './answers.js';

export type { RowError };

/**
 * The assessments' exchange format, pure (no database): the same columns are written by the
 * export and read by the import, so an export can be edited in a spreadsheet and imported back.
 * CSV has one row per (country, provision) with the columns below; JSON is `{ "rows": [...] }`
 * with the API's field names (`lawTitle`, `adoptedOn`). An empty cell is an absent value.
 */
export const importColumns = [
  'iso3',
  'provision',
  'status',
  'law_title',
  'article',
  'adopted_on',
  'link',
  'notes',
] as const;
export type Column = (typeof importColumns)[number];

const fields = [
  'iso3',
  'provision',
  'status',
  'lawTitle',
  'article',
  'adoptedOn',
  'link',
  'notes',
] as const;
type Field = (typeof fields)[number];
const columnOf = Object.fromEntries(fields.map((f, i) => [f, importColumns[i]])) as Record<
  Field,
  Column
>;

/** A row as read, before checking. */
export interface RawRow {
  row: number;
  line?: number;
  format: 'csv' | 'json';
  values: Partial<Record<Field, unknown>>;
}

export interface ParseResult {
  rows: RawRow[];
  errors: RowError[];
}

const fileError = (message: string, field = '(file)', line?: number): ParseResult => ({
  rows: [],
  errors: [{ row: 0, ...(line === undefined ? {} : { line }), field, message }],
});

/**
 * The export puts an apostrophe before a cell that a spreadsheet would run as a formula (see
 * kernel/csv.ts), and one more before a text that already starts with apostrophes and a formula
 * sign (`guardText`); reading takes one apostrophe off such a cell, so every text round-trips.
 */
const unguard = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Reads the CSV form. File-level problems are one error (row 0) and no rows. */
export function parseAssessmentsCsv(bytes: Buffer): ParseResult {
  const decoded = decodeUtf8(bytes);
  if (decoded === null)
    return fileError('is not UTF-8 text: save the file as UTF-8 (CSV UTF-8 in spreadsheets)');
  const { rows: read, errors: unread } = readCsvLines(decoded);
  const errors: RowError[] = unread.map(({ index, line, message }) => ({
    row: index,
    line,
    field: '(row)',
    message,
  }));
  const [header, ...body] = read;
  if (!header) return fileError('is empty: the first line must name the columns');
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const hint =
    names.length === 1 && /[;\t]/.test(names[0] ?? '')
      ? ' (the file seems to use ; or tabs: use commas)'
      : '';
  const missing = (['iso3', 'provision', 'status'] as const).filter((c) => !names.includes(c));
  if (missing.length > 0)
    return fileError(`is missing the columns ${missing.join(', ')}${hint}`, '(header)', 1);
  const unknown = names.filter((n) => !(importColumns as readonly string[]).includes(n));
  if (unknown.length > 0)
    return fileError(
      `has unknown columns ${unknown.join(', ')}; the columns are ${importColumns.join(', ')}`,
      '(header)',
      1,
    );
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0)
    return fileError(`names the column ${repeated.join(', ')} twice`, '(header)', 1);
  const rows = body.map(({ cells, line }, i): RawRow => {
    const values: RawRow['values'] = {};
    for (const field of fields) {
      const at = names.indexOf(columnOf[field]);
      const cell = at < 0 ? '' : unguard((cells[at] ?? '').trim());
      if (cell !== '') values[field] = cell;
    }
    if (cells.length > names.length && cells.slice(names.length).some((c) => c.trim() !== ''))
      errors.push({
        row: i + 1,
        line,
        field: '(row)',
        message: `has ${cells.length} cells but the header names ${names.length} columns`,
      });
    return { row: i + 1, line, format: 'csv', values };
  });
  return { rows, errors };
}

/** Reads the JSON form `{ "rows": [ { "iso3", "provision", "status", "lawTitle", ... } ] }`. */
export function parseAssessmentsJson(document: unknown): ParseResult {
  const list = (document as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(list)) return fileError('must be an array of assessments', 'rows');
  const errors: RowError[] = [];
  const rows: RawRow[] = [];
  list.forEach((item: unknown, i) => {
    const row = i + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ row, field: '(row)', message: 'must be an object' });
      return;
    }
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record).filter((k) => !(fields as readonly string[]).includes(k)))
      errors.push({
        row,
        // An empty name would leave the report with nothing to point at.
        field: key === '' ? '""' : key,
        message: `is not a field of an assessment; the fields are ${fields.join(', ')}`,
      });
    const values: RawRow['values'] = {};
    for (const field of fields) {
      const value = record[field];
      if (value !== undefined && value !== null && value !== '') values[field] = value;
    }
    rows.push({ row, format: 'json', values });
  });
  return { rows, errors };
}

/** A row that passed every check, ready to compare and write. */
export interface CheckedRow {
  row: number;
  iso3: string;
  provision: string;
  status: Assessment['status'];
  lawTitle: string | null;
  article: string | null;
  adoptedOn: string | null;
  link: string | null;
  notes: string | null;
}

/**
 * Checks every row without the database: a known country, a provision of the catalogue, the
 * assessment schema (status, dates, URL, a citation with its law title), and no (country,
 * provision) twice in the file. Each problem of each row is reported; a row with any is left out.
 */
export function checkRows(
  parsed: ParseResult,
  countries: ReadonlySet<string>,
  catalogue: Catalogue,
): { rows: CheckedRow[]; errors: RowError[] } {
  const errors = [...parsed.errors];
  // A row the reader already refused (an unterminated quote, an unknown field) is not accepted,
  // even when what could be read of it holds.
  const unreadable = new Set(parsed.errors.map((e) => e.row));
  const provisions = new Set(catalogue.provisions.map((p) => p.id));
  const firstRow = new Map<string, number>();
  const rows: CheckedRow[] = [];
  for (const raw of parsed.rows) {
    const name = (f: Field) => (raw.format === 'csv' ? columnOf[f] : f);
    const fail = (f: Field | '(row)', message: string) =>
      errors.push({
        row: raw.row,
        ...(raw.line === undefined ? {} : { line: raw.line }),
        field: f === '(row)' ? f : name(f),
        message,
      });
    const before = errors.length;
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
    const iso3 = text(raw.values.iso3).toUpperCase();
    const provision = text(raw.values.provision).toUpperCase();
    if (iso3 === '') fail('iso3', 'is empty: give the ISO 3166-1 alpha-3 code, e.g. KEN');
    else if (!countries.has(iso3)) fail('iso3', `${iso3} is not a country of the registry`);
    if (provision === '') fail('provision', 'is empty: give a provision id, e.g. SUB-01');
    else if (!provisions.has(provision))
      fail(
        'provision',
        `No provision ${provision} in catalogue ${catalogue.id} ${catalogue.version}`,
      );
    const { iso3: _i, provision: _p, ...rest } = raw.values;
    const input = assessmentInputSchema.safeParse(rest);
    if (!input.success)
      for (const issue of input.error.issues) {
        const key = issue.path[0];
        const known = (fields as readonly unknown[]).includes(key);
        fail(known ? (key as Field) : '(row)', issue.message);
      }
    if (iso3 !== '' && provision !== '') {
      const key = `${iso3}|${provision}`;
      const first = firstRow.get(key);
      if (first !== undefined)
        fail('provision', `${iso3} ${provision} is already in row ${first}: give each pair once`);
      else firstRow.set(key, raw.row);
    }
    if (errors.length === before && input.success && !unreadable.has(raw.row)) {
      const v = input.data;
      const nullable = (s: string | undefined) => (s === undefined || s === '' ? null : s);
      rows.push({
        row: raw.row,
        iso3,
        provision,
        status: v.status,
        lawTitle: nullable(v.lawTitle),
        article: nullable(v.article),
        adoptedOn: nullable(v.adoptedOn),
        link: nullable(v.link),
        notes: nullable(v.notes),
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

/** A text that itself starts like a guarded cell (`'=`) gets one more apostrophe (see unguard). */
const guardText = (text: string | null) =>
  text !== null && /^'+[=+\-@\t\r]/.test(text) ? `'${text}` : text;

/** The export: the header, then one row per assessment by country and provision. */
export function exportRows(assessments: readonly Assessment[]): CsvCell[][] {
  const sorted = [...assessments].sort(
    (a, b) => a.iso3.localeCompare(b.iso3) || a.provision.localeCompare(b.provision),
  );
  return [
    [...importColumns],
    ...sorted.map((a) => [
      a.iso3,
      a.provision,
      a.status,
      guardText(a.lawTitle),
      guardText(a.article),
      a.adoptedOn,
      guardText(a.link),
      guardText(a.notes),
    ]),
  ];
}
