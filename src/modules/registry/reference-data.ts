import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../kernel/index.js';
import {
  assessmentSchema,
  confidenceSchema,
  countrySchema,
  groupMembershipSchema,
  iso3Schema,
  partialDateSchema,
  sourceSchema,
  teamTypes,
  type Country,
  type GroupMembership,
  type ReadinessAssessment,
  type Source,
} from './registry.schema.js';

/** data/registry/ of the installation: the same path from src/ (tsx) and from dist/ (built). */
export const defaultDataDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/registry',
);

/** A national-level team as shipped in data/registry/teams.csv, before it becomes dated facts. */
export const seedTeamSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug'),
  iso3: iso3Schema,
  name: z.string().min(1),
  type: z.enum(teamTypes),
  established: partialDateSchema.nullable(),
  observed: partialDateSchema,
  firstMemberSince: partialDateSchema.nullable(),
  sources: z.array(z.string().min(1)).min(1),
  confidence: confidenceSchema,
  notes: z.string(),
});
export type SeedTeam = z.infer<typeof seedTeamSchema>;

export interface ReferenceData {
  countries: Country[];
  memberships: GroupMembership[];
  sources: Source[];
  teams: SeedTeam[];
  assessments: ReadinessAssessment[];
  /** SHA-256 of the files: seeding runs again only when the data changed. */
  version: string;
}

type Row = Record<string, string>;
const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const list = (v: string | undefined) =>
  (blank(v) ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const int = (v: string | undefined) => (blank(v) === null ? null : Number(v));

function readCsv(dir: string, name: string, hash: ReturnType<typeof createHash>): Row[] {
  const file = path.join(dir, name);
  const text = readFileSync(file, 'utf8');
  hash.update(name).update(text);
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new AppError(
      'validation_failed',
      `${name} row ${(first.row ?? 0) + 2}: ${first.message}`,
    );
  }
  return parsed.data;
}

/** Validates every row, collecting every problem with its file, row and column. */
function rows<T>(
  name: string,
  data: Row[],
  schema: z.ZodType<T>,
  map: (row: Row) => unknown,
  issues: FieldIssue[],
): T[] {
  const out: T[] = [];
  data.forEach((row, index) => {
    const result = schema.safeParse(map(row));
    if (result.success) out.push(result.data);
    else
      for (const issue of result.error.issues)
        issues.push({
          field: `${name} row ${index + 2} ${issue.path.join('.')}`,
          message: issue.message,
        });
  });
  return out;
}

export function loadReferenceData(dir = defaultDataDir): ReferenceData {
  const hash = createHash('sha256');
  const issues: FieldIssue[] = [];
  const countries = rows(
    'countries.csv',
    readCsv(dir, 'countries.csv', hash),
    countrySchema,
    (r) => ({
      iso3: r.iso3,
      iso2: r.iso2,
      numeric: int(r.numeric),
      m49: int(r.m49),
      ituMember: r.itu_member === '1',
      ituRegion: blank(r.itu_region),
      organisations: list(r.organisations),
      sovereignty: r.sovereignty,
      notes: r.notes ?? '',
    }),
    issues,
  );
  const memberships = rows(
    'group_memberships.csv',
    readCsv(dir, 'group_memberships.csv', hash),
    groupMembershipSchema,
    (r) => ({
      iso3: r.iso3,
      group: r.group,
      from: blank(r.from),
      to: blank(r.to),
      source: r.source,
      confidence: r.confidence,
    }),
    issues,
  );
  const sources = rows(
    'sources.csv',
    readCsv(dir, 'sources.csv', hash),
    sourceSchema,
    (r) => ({
      id: r.id,
      title: r.title,
      publisher: r.publisher ?? '',
      url: r.url ?? '',
      date: r.date ?? '',
      licence: r.licence ?? '',
      notes: r.notes ?? '',
    }),
    issues,
  );
  const teams = rows(
    'teams.csv',
    readCsv(dir, 'teams.csv', hash),
    seedTeamSchema,
    (r) => ({
      id: r.id,
      iso3: r.iso3,
      name: r.name,
      type: r.type,
      established: blank(r.established),
      observed: r.observed,
      firstMemberSince: blank(r.first_member_since),
      sources: list(r.source),
      confidence: r.confidence,
      notes: r.notes ?? '',
    }),
    issues,
  );
  const assessments = rows(
    'readiness_assessments.csv',
    readCsv(dir, 'readiness_assessments.csv', hash),
    assessmentSchema,
    (r) => ({
      iso3: r.iso3,
      year: int(r.year),
      source: r.source,
      confidence: r.confidence,
    }),
    issues,
  );

  // Cross-references: every code and source id must resolve.
  const codes = new Set(countries.map((c) => c.iso3));
  const sourceIds = new Set(sources.map((s) => s.id));
  const check = (name: string, items: { iso3: string }[], sourcesOf: (i: never) => string[]) =>
    items.forEach((item, index) => {
      if (!codes.has(item.iso3))
        issues.push({
          field: `${name} row ${index + 2} iso3`,
          message: `${item.iso3} is not in countries.csv`,
        });
      for (const id of sourcesOf(item as never)) {
        if (!sourceIds.has(id))
          issues.push({
            field: `${name} row ${index + 2} source`,
            message: `${id} is not in sources.csv`,
          });
      }
    });
  check('group_memberships.csv', memberships, (m: GroupMembership) => m.source.split(';'));
  check('teams.csv', teams, (t: SeedTeam) => t.sources);
  check('readiness_assessments.csv', assessments, (a: ReadinessAssessment) => a.source.split(';'));
  const ids = new Set<string>();
  teams.forEach((t, index) => {
    if (ids.has(t.id))
      issues.push({ field: `teams.csv row ${index + 2} id`, message: `${t.id} is used twice` });
    ids.add(t.id);
  });
  if (issues.length > 0) {
    const shown = issues
      .slice(0, 20)
      .map((i) => `${i.field}: ${i.message}`)
      .join('; ');
    throw new AppError('validation_failed', `The registry data in ${dir} is invalid: ${shown}`, {
      issues,
    });
  }
  return { countries, memberships, sources, teams, assessments, version: hash.digest('hex') };
}
