import { z } from 'zod';
import { AppError, issuesFromZod } from '../../kernel/index.js';
import { localeSchema, type Locale } from '../accounts/index.js';
import { parseLookupQuery } from '../constituents/index.js';
import type { NewIncidentInput, ObservableKind } from './incident.schema.js';

/**
 * The public report form: what a member of the public may send without an account, checked
 * field by field. Pure: the route parses the multipart request, this decides what it means.
 */
export const publicReportLimits = {
  /** Files per report; each file is also limited by CIRTKIT_ATTACHMENT_MAX_BYTES. */
  files: 5,
  observableLines: 200,
} as const;

/** The name of the field people do not see and robots fill in. */
export const honeypotField = 'website';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

export const publicReportSchema = z.strictObject({
  description: z
    .string()
    .trim()
    .min(1, 'must say what happened')
    .max(20_000, 'must be at most 20000 characters'),
  email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address').max(320)),
  name: optionalText(200),
  organisation: optionalText(200),
  title: optionalText(300),
  /** An RSIT type id the reporter suggests (the list the form shows). */
  rsitType: optionalText(80),
  /** IP addresses, domains, URLs, e-mail addresses or file hashes, one per line. */
  observables: z.string().max(50_000).default(''),
  language: localeSchema.default('en'),
  [honeypotField]: z.string().max(2000).default(''),
});
export type PublicReport = z.infer<typeof publicReportSchema>;

const hashKinds: Record<number, ObservableKind> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

/**
 * One observable per line (empty lines and `#` comments skipped). Each line is an IP address,
 * AS number, domain, URL (defanged too), e-mail address or an MD5/SHA-1/SHA-256 hash; any other
 * line is refused naming its number.
 */
export function parseObservableLines(text: string): {
  observables: { kind: ObservableKind; value: string }[];
  issues: { field: string; message: string }[];
} {
  const observables: { kind: ObservableKind; value: string }[] = [];
  const issues: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const value = line.trim();
    if (value === '' || value.startsWith('#')) return;
    if (observables.length >= publicReportLimits.observableLines) {
      if (observables.length === publicReportLimits.observableLines)
        issues.push({
          field: 'observables',
          message: `has more than ${publicReportLimits.observableLines} lines`,
        });
      return;
    }
    let found: { kind: ObservableKind; value: string } | null = null;
    const hash = /^[0-9a-f]+$/i.test(value) ? hashKinds[value.length] : undefined;
    if (hash) found = { kind: hash, value: value.toLowerCase() };
    else {
      const parsed = parseLookupQuery(value);
      if (parsed.ok) found = { kind: parsed.kind, value: parsed.normalised };
    }
    if (!found) {
      issues.push({
        field: 'observables',
        message: `line ${index + 1} (${value.slice(0, 80)}) is not an IP address, AS number, domain, URL, e-mail address or file hash`,
      });
      return;
    }
    const key = `${found.kind}|${found.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    observables.push(found);
  });
  return { observables, issues };
}

/** A title from the first line of the description when the reporter gave none. */
export function titleOf(report: Pick<PublicReport, 'title' | 'description'>): string {
  if (report.title) return report.title;
  const first = report.description.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const line = first.trim().replace(/\s+/g, ' ');
  return line.length <= 120 ? line : `${line.slice(0, 119)}…`;
}

export interface CheckedReport {
  /** True when the honeypot was filled in: answer like a success, create nothing. */
  trap: boolean;
  language: Locale;
  incident: NewIncidentInput;
}

/** Checks the form's fields; every problem is named in one `validation_failed`. */
export function checkPublicReport(fields: Record<string, unknown>): CheckedReport {
  const parsed = publicReportSchema.safeParse(fields);
  const issues = parsed.success ? [] : issuesFromZod(parsed.error.issues);
  const lines = parsed.success ? parseObservableLines(parsed.data.observables) : null;
  if (lines) issues.push(...lines.issues);
  if (!parsed.success || issues.length > 0)
    throw new AppError('validation_failed', 'The report is not complete', { issues });
  const report = parsed.data;
  return {
    trap: report[honeypotField].trim() !== '',
    language: report.language,
    incident: {
      title: titleOf(report),
      description: report.description,
      rsitType: report.rsitType,
      reporter: { name: report.name, email: report.email, organisation: report.organisation },
      observables: lines!.observables.map((o) => ({ ...o, note: 'from the public report form' })),
    },
  };
}
