import { api, RawBody, request, withQuery } from '../../app/api';
import type { Locale } from '../../app/types';
import type {
  Assessment,
  AssessmentInput,
  CountryLaw,
  CountryReport,
  CountrySummary,
  ImportReport,
  LawCatalogue,
  MatrixReport,
  Ratification,
  RatificationInput,
  SelectionKind,
} from './types';

/** Calls of the law API, one function per endpoint, and the addresses of its downloads. */
const base = '/api/law';
const country = (iso3: string) => `${base}/countries/${encodeURIComponent(iso3)}`;

// The catalogue changes only with a new release: ask once per language and page load.
const catalogues = new Map<Locale, Promise<LawCatalogue>>();
export function getCatalogue(lang: Locale): Promise<LawCatalogue> {
  let answer = catalogues.get(lang);
  if (!answer) {
    answer = api.get<LawCatalogue>(withQuery(`${base}/catalogue`, { lang }));
    // A failed call is not kept, so the next page asks again.
    answer.catch(() => catalogues.delete(lang));
    catalogues.set(lang, answer);
  }
  return answer;
}

export const listCountries = (lang: Locale) =>
  api.get<CountrySummary[]>(withQuery(`${base}/countries`, { lang }));

export const getCountryLaw = (iso3: string, lang: Locale) =>
  api.get<CountryLaw>(withQuery(country(iso3), { lang }));

export const saveAssessment = (iso3: string, provision: string, input: AssessmentInput) =>
  api.put<Assessment>(`${country(iso3)}/provisions/${encodeURIComponent(provision)}`, input);

export const assessmentHistory = (iso3: string, provision: string) =>
  api.get<Assessment[]>(`${country(iso3)}/provisions/${encodeURIComponent(provision)}/history`);

export const saveRatification = (iso3: string, instrument: string, input: RatificationInput) =>
  api.put<Ratification>(`${country(iso3)}/ratifications/${encodeURIComponent(instrument)}`, input);

export const ratificationHistory = (iso3: string, instrument: string) =>
  api.get<Ratification[]>(
    `${country(iso3)}/ratifications/${encodeURIComponent(instrument)}/history`,
  );

/** Sends a CSV file as it is, or a JSON file's `{rows}` document. */
export async function importAssessments(file: File, dryRun: boolean): Promise<ImportReport> {
  const path = withQuery(`${base}/assessments/import`, { dryRun });
  if (file.name.toLowerCase().endsWith('.json')) {
    const document: unknown = JSON.parse(await file.text());
    return request<ImportReport>('POST', path, document);
  }
  return request<ImportReport>('POST', path, new RawBody(file, 'text/csv'));
}

/** The current assessments as CSV in the import format: one country, or all without one. */
export const exportUrl = (iso3?: string) =>
  withQuery(`${base}/assessments/export`, { iso3: iso3 ?? null });

export type ReportFormat = 'json' | 'csv' | 'html' | 'pdf';

export interface CountryReportQuery {
  iso3: string;
  lang: Locale;
  /** Categories in the order chosen; empty for the catalogue's default. */
  priority: readonly string[];
}

export const countryReportUrl = (format: ReportFormat, query: CountryReportQuery) =>
  withQuery(`${country(query.iso3)}/report`, {
    lang: query.lang,
    format,
    priority: query.priority.length > 0 ? query.priority.join(',') : null,
  });

export const getCountryReport = (query: CountryReportQuery) =>
  api.get<CountryReport>(countryReportUrl('json', query));

export interface MatrixQuery {
  kind: SelectionKind;
  id: string;
  lang: Locale;
}

export const matrixUrl = (format: ReportFormat, query: MatrixQuery) =>
  withQuery(`${base}/matrix`, { lang: query.lang, format, [query.kind]: query.id });

export const getMatrix = (query: MatrixQuery) => api.get<MatrixReport>(matrixUrl('json', query));

/** The registry's countries (code and name in the reader's language), to pick one to assess. */
export const registryCountries = (lang: Locale) =>
  api.get<{ items: { iso3: string; name: string }[] }>(
    withQuery('/api/registry/countries', { lang }),
  );
