import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toCsv } from '../../kernel/index.js';
import { auditContext, localeSchema, typed } from '../accounts/index.js';
import { requireCountry, today } from '../registry/index.js';
import { assessmentInputSchema, iso3Schema, ratificationInputSchema } from './assessment.schema.js';
import type { LawDeps } from './deps.js';
import { checkRows, exportRows, parseAssessmentsCsv, parseAssessmentsJson } from './exchange.js';
import { importAssessments } from './import.js';
import {
  countryLaw,
  countrySummaries,
  requireInstrument,
  requireProvision,
  setAssessment,
  setRatification,
} from './service.js';
import { assessmentHistory, currentAssessments, ratificationHistory } from './store.js';
import type { Catalogue } from './catalogue.schema.js';

const tags = ['law'];
const read = { permission: 'law.read' as const };
const edit = { permission: 'law.edit' as const };

const langQuery = z.strictObject({ lang: localeSchema.default('en') });
const countryParams = z.strictObject({ iso3: iso3Schema });
// Any text: an id the catalogue does not know is a 404 that names it, whatever its form.
const provisionParams = countryParams.extend({ provision: z.string().min(1).max(40) });
const instrumentParams = countryParams.extend({ instrument: z.string().min(1).max(80) });
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

/**
 * An import holds every row in memory to check them all before saving any: 10 MiB is some
 * 50,000 rows with notes, far more than every country times every provision.
 */
export const importBodyLimit = 10 * 1024 * 1024;

/** The catalogue as the API shows it: without the file's own `$schema` and `kind`. */
const presented = ({ $schema: _s, kind: _k, ...catalogue }: Catalogue) => catalogue;

/** The law API: catalogue, countries' assessments and ratifications, import and export. */
export function lawRoutes(app: FastifyInstance, deps: LawDeps): void {
  const r = typed(app);
  // Imports arrive as CSV files: keep the bytes, the parser checks the encoding itself. The
  // registry registers the same parser when it is mounted first.
  if (!app.hasContentTypeParser('text/csv'))
    app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
  /** A provision of any catalogue version: a history outlives a provision's removal. */
  const historicProvision = (id: string) => {
    if (!deps.content.catalogues.some((c) => c.provisions.some((p) => p.id === id)))
      requireProvision(deps.content.latest, id);
  };

  r.get(
    '/api/law/catalogue',
    {
      schema: {
        tags,
        summary:
          'The latest provision catalogue: instruments, categories, gap priority, provisions with references and checklists',
        querystring: langQuery,
      },
      config: { access: read },
    },
    (request) => presented(deps.localised(request.query.lang)),
  );

  r.get(
    '/api/law/countries',
    {
      schema: {
        tags,
        summary: 'Countries with an assessment or a ratification record, with overall coverage',
        querystring: langQuery,
      },
      config: { access: read },
    },
    (request) => countrySummaries(deps, request.query.lang),
  );

  r.get(
    '/api/law/countries/:iso3',
    {
      schema: {
        tags,
        summary:
          "A country's current assessments and ratifications, and its coverage per category and instrument",
        params: countryParams,
        querystring: langQuery,
      },
      config: { access: read },
    },
    (request) => countryLaw(deps, request.params.iso3, request.query.lang),
  );

  r.put(
    '/api/law/countries/:iso3/provisions/:provision',
    {
      schema: {
        tags,
        summary: "Record the country's status for a provision (kept in the history)",
        params: provisionParams,
        body: assessmentInputSchema,
      },
      config: { access: edit },
    },
    (request) =>
      setAssessment(
        deps,
        auditContext(request),
        request.params.iso3,
        request.params.provision,
        request.body,
      ),
  );

  r.get(
    '/api/law/countries/:iso3/provisions/:provision/history',
    {
      schema: {
        tags,
        summary: "Every saved version of the country's assessment of a provision, newest first",
        params: provisionParams,
      },
      config: { access: read },
    },
    (request) => {
      requireCountry(deps.registry, request.params.iso3);
      historicProvision(request.params.provision);
      return assessmentHistory(deps.db, request.params.iso3, request.params.provision);
    },
  );

  r.put(
    '/api/law/countries/:iso3/ratifications/:instrument',
    {
      schema: {
        tags,
        summary:
          "Record the country's signature, ratification or accession of a treaty or protocol, with date and source",
        params: instrumentParams,
        body: ratificationInputSchema,
      },
      config: { access: edit },
    },
    (request) =>
      setRatification(
        deps,
        auditContext(request),
        request.params.iso3,
        request.params.instrument,
        request.body,
      ),
  );

  r.get(
    '/api/law/countries/:iso3/ratifications/:instrument/history',
    {
      schema: {
        tags,
        summary: "Every saved version of the country's ratification record, newest first",
        params: instrumentParams,
      },
      config: { access: read },
    },
    (request) => {
      requireCountry(deps.registry, request.params.iso3);
      requireInstrument(deps.content.latest, request.params.instrument);
      return ratificationHistory(deps.db, request.params.iso3, request.params.instrument);
    },
  );

  r.post(
    '/api/law/assessments/import',
    {
      schema: {
        tags,
        summary:
          'Import assessments (text/csv, or JSON {rows}); all or nothing, every bad row reported; dryRun=true checks only',
        querystring: z.strictObject({ dryRun: flag }),
      },
      bodyLimit: importBodyLimit,
      config: { access: edit },
    },
    async (request) => {
      const body = request.body;
      const parsed = Buffer.isBuffer(body) ? parseAssessmentsCsv(body) : parseAssessmentsJson(body);
      const countries = new Set(deps.registry.data.countries.map((c) => c.iso3));
      const checked = checkRows(parsed, countries, deps.content.latest);
      return importAssessments(deps, auditContext(request), checked.rows, checked.errors, {
        dryRun: request.query.dryRun,
      });
    },
  );

  r.get(
    '/api/law/assessments/export',
    {
      schema: {
        tags,
        summary:
          'Current assessments as CSV in the import format; iso3=KEN&iso3=FJI for some countries, none for all',
        querystring: z.strictObject({
          iso3: z.union([iso3Schema, z.array(iso3Schema)]).optional(),
        }),
      },
      config: { access: read },
    },
    async (request, reply) => {
      const asked = request.query.iso3;
      const iso3s =
        asked === undefined
          ? deps.registry.data.countries.map((c) => c.iso3)
          : [asked].flat().map((code) => requireCountry(deps.registry, code).iso3);
      const rows = exportRows(await currentAssessments(deps.db, iso3s));
      const name = asked === undefined ? 'all' : [...new Set(iso3s)].join('-').slice(0, 60);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="cirtkit-law-assessments-${name}-${today(deps.clock)}.csv"`,
        )
        .send(toCsv(rows));
    },
  );
}
