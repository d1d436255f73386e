import { api, RawBody, request, withQuery } from '../../app/api';

/** Calls and shapes of the registry's import and export (one row per dated team fact). */

export const exportColumns = [
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

export const exportUrl = (format: 'csv' | 'json') => withQuery('/api/registry/export', { format });

export type ImportMode = 'all' | 'valid';

export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
}

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  written: boolean;
  rows: number;
  teamsCreated: number;
  factsAdded: number;
  duplicates: number;
  errors: RowError[];
}

export type FileKind = 'csv' | 'json';

/** The kind of file by its name; anything else is refused before it is sent. */
export function fileKind(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

/** Thrown when a .json file cannot be parsed, so nothing is sent. */
export class InvalidJsonFile extends Error {
  constructor(cause: unknown) {
    super('invalid_json', { cause });
    this.name = 'InvalidJsonFile';
  }
}

/** Sends a CSV file's bytes as they are (the server checks the encoding) or the parsed JSON. */
export async function importFile(
  file: File,
  kind: FileKind,
  options: ImportOptions,
): Promise<ImportReport> {
  const path = withQuery('/api/registry/import', {
    mode: options.mode,
    dryRun: options.dryRun ? 'true' : 'false',
  });
  if (kind === 'csv') return request<ImportReport>('POST', path, new RawBody(file, 'text/csv'));
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch (cause) {
    throw new InvalidJsonFile(cause);
  }
  return api.post<ImportReport>(path, document);
}
