import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { incidentStatuses, tlpLevels, type Tlp } from './incident.schema.js';

/**
 * The incident list's query: filters (shared by the list, the statistics, the CSV export and
 * saved filters), sort and keyset paging. Pure: the SQL is built in list.service.ts.
 */

/** `a,b` or a repeated parameter (`?status=new&status=triage`): both give a list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      value === undefined || value === ''
        ? undefined
        : (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((v) =>
            typeof v === 'string' ? v.split(',').filter((s) => s !== '') : [v],
          ),
    z.array(item).max(20).optional(),
  );

const rsitId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an RSIT id such as malicious-code');
/** A day (`2026-03-01`) or an instant (`2026-03-01T12:00:00Z`). */
const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
});
const flag = z.preprocess(
  (value) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  z.boolean().optional(),
);

export const incidentFilterSchema = z.strictObject({
  /** Full text: reference, title, description, observable values. */
  q: z.string().trim().max(200).optional(),
  status: list(z.enum(incidentStatuses)),
  rsitClass: rsitId.optional(),
  rsitType: rsitId.optional(),
  tlp: list(z.enum(tlpLevels)),
  severity: list(z.string().min(1).max(64)),
  sector: z.string().trim().min(1).max(80).optional(),
  /** An affected constituent organisation (suggestions dismissed by an analyst do not count). */
  constituent: z.string().min(1).max(100).optional(),
  /** A user id, `me` or `none`. */
  assignee: z.string().min(1).max(100).optional(),
  createdFrom: bound.optional(),
  createdTo: bound.optional(),
  updatedFrom: bound.optional(),
  updatedTo: bound.optional(),
  slaBreached: flag,
});
export type IncidentFilter = z.infer<typeof incidentFilterSchema>;

export const listSorts = ['-created', 'created', '-updated', 'updated'] as const;
export type ListSort = (typeof listSorts)[number];

export const incidentListQuerySchema = incidentFilterSchema.extend({
  sort: z.enum(listSorts).default('-created'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export const exportQuerySchema = incidentFilterSchema.extend({
  sort: z.enum(listSorts).default('-created'),
  /** The highest TLP the file may hold: the user caps what goes out. */
  maxTlp: z.enum(tlpLevels).optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The keys of the filter, for code that copies a query into a filter. */
export const filterKeys = Object.keys(incidentFilterSchema.shape) as (keyof IncidentFilter)[];

/** Only the filter part of a query (no paging): what a saved filter stores. */
export function filterOf(query: Partial<IncidentListQuery>): IncidentFilter {
  const out: Record<string, unknown> = {};
  for (const key of filterKeys) {
    const value = query[key];
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
      out[key] = value;
  }
  return out;
}

/** TLP levels from the least to the most restricted. */
export function tlpRank(tlp: Tlp): number {
  return tlpLevels.indexOf(tlp);
}

/** The TLP levels at or below a cap. */
export function tlpAtMost(cap: Tlp): Tlp[] {
  return tlpLevels.filter((t) => tlpRank(t) <= tlpRank(cap));
}

/** The inclusive lower bound of a `from` value, as a stored timestamp. */
export function fromBound(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T00:00:00.000Z`
    : new Date(value).toISOString();
}

/** The exclusive upper bound of a `to` value: a day includes the whole day (UTC). */
export function toBound(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const next = new Date(`${value}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString();
  }
  return new Date(Date.parse(value) + 1).toISOString();
}

/** Where keyset paging continues: the sort it was made for, the last row's sort value and id. */
export interface Cursor {
  sort: ListSort;
  value: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

/** Reads a cursor; one made for another sort, or damaged, is a 422 naming `cursor`. */
export function decodeCursor(text: string, sort: ListSort, field = 'cursor'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !parsed.every((p) => typeof p === 'string') ||
    !(listSorts as readonly string[]).includes(parsed[0] as string)
  )
    throw invalid(field, 'is not a cursor this list gave');
  if (parsed[0] !== sort)
    throw invalid(field, `was made for sort ${parsed[0] as string}, not ${sort}`);
  return { sort, value: parsed[1] as string, id: parsed[2] as string };
}

/** Checks a filter that parsed but says nothing meaningful. */
export function filterProblems(filter: IncidentFilter): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [from, to] of [
    ['createdFrom', 'createdTo'],
    ['updatedFrom', 'updatedTo'],
  ] as const) {
    const a = filter[from];
    const b = filter[to];
    if (a && b && fromBound(a) >= toBound(b))
      problems.push({ field: to, message: `must not be before ${from}` });
  }
  return problems;
}

export function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field} ${message}`, {
    issues: [{ field, message }],
  });
}
