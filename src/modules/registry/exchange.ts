import Papa from 'papaparse';
import type { CsvCell } from '../../kernel/index.js';
import { isPartialDate, startOf } from './partial-date.js';
import {
  accreditationBodies,
  confidences,
  maturityTiers,
  teamTypes,
  type Confidence,
  type Team,
  type TeamEventValue,
  type TeamType,
} from './registry.schema.js';

/**
 * The registry's exchange format: one row per dated fact about a team. The same columns are
 * written by export and read by import, so an export can be edited in a spreadsheet and
 * imported elsewhere. Pure: parsing and validation only, no database.
 */
export const exchangeColumns = [
  'iso3',
  'team',
  'type',
  'date',
  'kind',
  'value',
  'confidence',
  'source_title',
  'source_url',
  'note',
] as const;

export interface FactRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  iso3: string;
  team: string;
  type: TeamType;
  date: string;
  value: TeamEventValue;
  confidence: Confidence;
  sourceTitle: string;
  sourceUrl: string;
  note: string;
}

export interface RowError {
  line: number;
  field: string;
  message: string;
}

function valueCell(value: TeamEventValue): string {
  switch (value.kind) {
    case 'renamed':
      return value.name;
    case 'type':
      return value.type;
    case 'maturity':
      return value.tier;
    case 'accreditation':
      return `${value.body}:${value.status}`;
    default:
      return '';
  }
}

export function exportRows(teams: readonly Team[]): CsvCell[][] {
  const rows: CsvCell[][] = [[...exchangeColumns]];
  for (const team of [...teams].sort(
    (a, b) => a.iso3.localeCompare(b.iso3) || a.name.localeCompare(b.name),
  )) {
    for (const e of team.events.filter((x) => x.retracted === null)) {
      rows.push([
        team.iso3,
        team.name,
        team.type,
        e.date,
        e.value.kind,
        valueCell(e.value),
        e.confidence,
        e.citation.title ?? e.citation.sourceId ?? '',
        e.citation.url ?? '',
        e.note,
      ]);
    }
  }
  return rows;
}

function parseValue(kind: string, text: string): TeamEventValue | string {
  switch (kind) {
    case 'established':
    case 'observed':
    case 'closed':
      return text === '' ? { kind } : `must be empty for ${kind}`;
    case 'renamed':
      return text.length > 0 && text.length <= 200
        ? { kind, name: text }
        : 'must be the new name (1 to 200 characters)';
    case 'type':
      return (teamTypes as readonly string[]).includes(text)
        ? { kind, type: text as TeamType }
        : `must be one of ${teamTypes.join(', ')}`;
    case 'maturity':
      return (maturityTiers as readonly string[]).includes(text)
        ? { kind, tier: text as (typeof maturityTiers)[number] }
        : `must be one of ${maturityTiers.join(', ')}`;
    case 'accreditation': {
      const [body, status] = text.split(':');
      const statuses = ['member', 'listed', 'accredited', 'certified', 'withdrawn'] as const;
      if (
        !(accreditationBodies as readonly string[]).includes(body ?? '') ||
        !(statuses as readonly string[]).includes(status ?? '')
      ) {
        return `must be BODY:STATUS with BODY ${accreditationBodies.join(' or ')} and STATUS one of ${statuses.join(', ')}`;
      }
      return { kind, body: body as 'FIRST' | 'TI', status: status as (typeof statuses)[number] };
    }
    default:
      return 'must be established, observed, closed, renamed, type, maturity or accreditation';
  }
}

export interface ParseResult {
  rows: FactRow[];
  errors: RowError[];
}

/**
 * Reads an exchange CSV. File-level problems (not UTF-8, wrong delimiter, missing columns) are
 * one error on line 1 and no rows; row problems name the line and the column.
 */
export function parseFactsCsv(
  bytes: Buffer,
  knownCountries: ReadonlySet<string>,
  today: string,
): ParseResult {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          field: '(file)',
          message: 'is not UTF-8 text: save the file as UTF-8 (CSV UTF-8 in spreadsheets)',
        },
      ],
    };
  }
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimiter: ',',
  });
  const header = parsed.meta.fields ?? [];
  const missing = exchangeColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const hint =
      header.length === 1 && /[;\t]/.test(header[0] ?? '')
        ? ' (the file seems to use ; or tabs: use commas)'
        : '';
    return {
      rows: [],
      errors: [
        {
          line: 1,
          field: '(header)',
          message: `is missing the columns ${missing.join(', ')}${hint}`,
        },
      ],
    };
  }
  const result = validateRecords(parsed.data, knownCountries, today);
  const errors = result.errors;
  for (const error of parsed.errors)
    errors.push({ line: (error.row ?? 0) + 2, field: '(row)', message: error.message });
  return { rows: result.rows, errors: errors.sort((a, b) => a.line - b.line) };
}

/** Reads the JSON form: `{ "facts": [ { "iso3": ..., "team": ..., ... } ] }`, same fields as the CSV. */
export function parseFactsJson(
  bytes: Buffer,
  knownCountries: ReadonlySet<string>,
  today: string,
): ParseResult {
  let document: unknown;
  try {
    document = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return {
      rows: [],
      errors: [
        { line: 1, field: '(file)', message: `is not valid JSON: ${(error as Error).message}` },
      ],
    };
  }
  const facts = (document as { facts?: unknown } | null)?.facts;
  if (!Array.isArray(facts)) {
    return {
      rows: [],
      errors: [{ line: 1, field: 'facts', message: 'must be an array of facts' }],
    };
  }
  // Items are numbered like CSV lines (first item = line 2) so messages read the same.
  const records = facts.map((item) =>
    Object.fromEntries(
      exchangeColumns.map((c) => {
        const v: unknown =
          item && typeof item === 'object' ? (item as Record<string, unknown>)[c] : undefined;
        return [
          c,
          typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v),
        ];
      }),
    ),
  );
  return validateRecords(records, knownCountries, today);
}

function validateRecords(
  records: readonly Record<string, string>[],
  knownCountries: ReadonlySet<string>,
  today: string,
): ParseResult {
  const errors: RowError[] = [];
  const rows: FactRow[] = [];
  records.forEach((raw, index) => {
    const line = index + 2;
    const fail = (field: string, message: string) => errors.push({ line, field, message });
    const before = errors.length;
    const get = (c: (typeof exchangeColumns)[number]) => (raw[c] ?? '').trim();
    if (!knownCountries.has(get('iso3')))
      fail('iso3', `${get('iso3') || '(empty)'} is not a country code of the registry`);
    if (get('team') === '' || get('team').length > 200)
      fail('team', 'must be the team name (1 to 200 characters)');
    if (!(teamTypes as readonly string[]).includes(get('type')))
      fail('type', `must be one of ${teamTypes.join(', ')}`);
    if (!isPartialDate(get('date'))) fail('date', 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');
    else if (startOf(get('date')) > today) fail('date', 'must not be in the future');
    const value = parseValue(get('kind'), get('value'));
    if (typeof value === 'string')
      fail(get('kind') && value.startsWith('must be established') ? 'kind' : 'value', value);
    if (!(confidences as readonly string[]).includes(get('confidence')))
      fail('confidence', `must be one of ${confidences.join(', ')}`);
    const url = get('source_url');
    if (url !== '' && !/^https?:\/\/\S+$/.test(url))
      fail('source_url', 'must be an http(s) URL or empty');
    if (errors.length === before && typeof value !== 'string') {
      rows.push({
        line,
        iso3: get('iso3'),
        team: get('team'),
        type: get('type') as TeamType,
        date: get('date'),
        value,
        confidence: get('confidence') as Confidence,
        sourceTitle: get('source_title'),
        sourceUrl: url,
        note: get('note'),
      });
    }
  });
  return { rows, errors };
}
