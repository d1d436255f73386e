import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../../app/api';
import { isLocale, type Locale } from '../../app/types';
import { isDay, localToday } from './format';
import type { MaturityTier } from './types';

/**
 * The Resolution 58 progress report: shapes of `GET /api/registry/report` (keep them in step
 * with src/modules/registry/indicators.ts), its calls, and the page's choices in the address.
 */
export interface Coverage {
  total: number;
  national: number;
  /** national / total, from 0 to 1. */
  share: number;
  governmentOrSectoral: number;
  none: number;
  unknown: number;
}

export interface Breakdown {
  key: string;
  asOf: Coverage;
  compareTo: Coverage;
}

export interface NewCirt {
  iso3: string;
  teamId: string;
  /** The country's name in the language asked for. */
  country: string;
  name: string;
  /** A partial date: year, month or day. */
  established: string;
}

export interface ProgressReport {
  asOf: string;
  compareTo: string;
  overall: Breakdown & { change: { national: number; share: number } };
  byRegion: Breakdown[];
  byOrganisation: Breakdown[];
  byGroup: Breakdown[];
  maturity: Record<MaturityTier | 'unknown', number>;
  assessments: { total: number; inPeriod: number; undated: number };
  newCirts: NewCirt[];
  /** Countries first recorded with a national CIRT in the period, founding date unknown. */
  unknownToNational: string[];
  series: { date: string; national: number; share: number }[];
  /** Teams' own reports received over federation, beside the registry's status. */
  selfReported: SelfReportRow[];
}

export interface SelfReportRow {
  iso3: string;
  team: string;
  teamType: 'national' | 'government' | 'sectoral';
  status: 'operational' | 'being-established' | 'planned';
  maturity: { tier: MaturityTier; assessedOn: string } | null;
  receivedFrom: string;
  receivedAt: string;
  tlp: 'clear' | 'green';
  registryStatus: 'national' | 'government_or_sectoral' | 'none' | 'unknown';
  agrees: boolean;
}

/** The revisions of Resolution 58 (Johannesburg 2008, Dubai 2012, Hammamet 2016, Geneva 2022). */
export const revisions = ['2008-12-31', '2012-12-31', '2016-12-31', '2020-12-31', '2022-12-31'];

/** The latest revision before the as-of day (2008 for anything earlier), as the server does. */
export function defaultComparison(asOf: string): string {
  return [...revisions].reverse().find((day) => day < asOf) ?? '2008-12-31';
}

export interface ReportQuery {
  asOf: string;
  compareTo: string;
  lang: Locale;
}

const reportPath = '/api/registry/report';

export const getReport = (query: ReportQuery) =>
  api.get<ProgressReport>(withQuery(reportPath, { ...query }));

export type ReportFormat = 'html' | 'pdf' | 'csv' | 'json';

/** Address of the report in one format, for plain links (printable page, downloads). */
export const reportUrl = (format: ReportFormat, query: ReportQuery) =>
  withQuery(format === 'json' ? reportPath : `${reportPath}.${format}`, { ...query });

/**
 * The comparison day (`?compareTo=`) and the report language (`?report=`), kept in the address
 * like the as-of day (read with `useAsOf`) so that a chosen report can be shared. Defaults: the latest revision before
 * the as-of day, and the interface language.
 */
export function useReportChoices(
  asOf: string,
  interfaceLang: Locale,
): {
  compareTo: string;
  explicit: boolean;
  lang: Locale;
  /** Sets the as-of day read by `useAsOf`, with its rule: no `?asOf=` for today. */
  setAsOf(day: string): void;
  setCompareTo(day: string): void;
  setLang(lang: Locale): void;
} {
  const [params, setParams] = useSearchParams();
  const raw = params.get('compareTo') ?? '';
  const explicit = isDay(raw);
  const rawLang = params.get('report');
  const update = useCallback(
    (key: string, value: string | null) =>
      setParams(
        () => {
          // The address itself, not the last render's copy: two choices made in quick
          // succession (before React renders) must not undo each other.
          const next = new URLSearchParams(window.location.search);
          if (value === null) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setAsOf = useCallback(
    (day: string) => update('asOf', isDay(day) && day !== localToday() ? day : null),
    [update],
  );
  const setCompareTo = useCallback(
    (day: string) => update('compareTo', isDay(day) ? day : null),
    [update],
  );
  const setLang = useCallback(
    (lang: Locale) => update('report', lang === interfaceLang ? null : lang),
    [update, interfaceLang],
  );
  return {
    compareTo: explicit ? raw : defaultComparison(asOf),
    explicit,
    lang: isLocale(rawLang) ? rawLang : interfaceLang,
    setAsOf,
    setCompareTo,
    setLang,
  };
}
