import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, htmlToPdf, isoNow, toCsv } from '../../kernel/index.js';
import { auditContext, localeSchema, typed } from '../accounts/index.js';
import { defaultWeights, needFactors, type Weights } from './needs.js';
import {
  citationSchema,
  confidenceSchema,
  daySchema,
  iso3Schema,
  partialDateSchema,
  teamEventValueSchema,
  teamTypes,
} from './registry.schema.js';
import {
  addTeam,
  nameOf,
  needsAsOf,
  reportAsOf,
  reportView,
  recordFact,
  retractFact,
  requireCountry,
  snapshot,
  today,
  type RegistryDeps,
} from './service.js';
import { countryProfile } from './profile.js';
import { exportRows, parseFactsCsv, parseFactsJson } from './exchange.js';
import { importFacts } from './import.js';
import { reportHtml } from './report-html.js';
import { loadTeams } from './store.js';
import { defaultComparison } from './indicators.js';
import { reportRows } from './report-csv.js';

const tags = ['registry'];
const read = { permission: 'registry.read' as const };
const edit = { permission: 'registry.edit' as const };

const viewQuery = z.strictObject({ asOf: daySchema.optional(), lang: localeSchema.default('en') });
const weight = z.coerce
  .number()
  .min(0, 'must be from 0 to 100')
  .max(100, 'must be from 0 to 100')
  .optional();
const needsQuery = viewQuery.extend({
  'w.no_national_cirt': weight,
  'w.footnote_group': weight,
  'w.least_developed': weight,
  'w.no_readiness_assessment': weight,
  'w.low_maturity': weight,
  'w.years_since_assessment': weight,
} satisfies Record<`w.${(typeof needFactors)[number]}`, typeof weight>);

const factBody = z.strictObject({
  date: partialDateSchema,
  value: teamEventValueSchema,
  citation: citationSchema.default({}),
  confidence: confidenceSchema,
  note: z.string().trim().max(2000).optional(),
});

const newTeamBody = z.strictObject({
  iso3: iso3Schema,
  name: z.string().trim().min(1).max(200),
  type: z.enum(teamTypes),
  established: z.strictObject({
    date: partialDateSchema,
    kind: z.enum(['established', 'observed']).optional(),
    citation: citationSchema.default({}),
    confidence: confidenceSchema,
    note: z.string().trim().max(2000).optional(),
  }),
});

function weightsFrom(query: Record<string, unknown>): Weights {
  return Object.fromEntries(
    needFactors.map((f) => [f, (query[`w.${f}`] as number | undefined) ?? defaultWeights[f]]),
  ) as Weights;
}

export function registryRoutes(app: FastifyInstance, deps: RegistryDeps): void {
  const r = typed(app);
  // Imports arrive as CSV files: keep the bytes, the parser checks the encoding itself.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  r.get(
    '/api/registry/countries',
    {
      schema: {
        tags,
        summary: 'Every country with its CIRT status on a day (default today)',
        querystring: viewQuery,
      },
      config: { access: read },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today(deps.clock);
      const { countries } = await snapshot(deps, asOf);
      return {
        asOf,
        items: countries.map(({ country, state, groups, assessmentYears }) => ({
          iso3: country.iso3,
          iso2: country.iso2,
          numeric: country.numeric,
          name: nameOf(country, request.query.lang),
          ituMember: country.ituMember,
          ituRegion: country.ituRegion,
          organisations: country.organisations,
          groups,
          status: state.status,
          teams: state.teams.map(({ id, name, type }) => ({ id, name, type })),
          maturity: state.maturity,
          readinessAssessed: assessmentYears.length > 0,
          lowConfidence: state.lowConfidence,
        })),
      };
    },
  );

  r.get(
    '/api/registry/countries/:iso3',
    {
      schema: {
        tags,
        summary: 'A country profile: groups, teams with their history, sources, need',
        params: z.object({ iso3: iso3Schema }),
        querystring: viewQuery,
      },
      config: { access: read },
    },
    async (request) => {
      requireCountry(deps, request.params.iso3);
      return countryProfile(
        deps,
        request.params.iso3,
        request.query.asOf ?? today(deps.clock),
        request.query.lang,
      );
    },
  );

  r.get(
    '/api/registry/needs',
    {
      schema: {
        tags,
        summary: 'Countries ranked by need for a national CIRT; weights as w.<factor>=0..100',
        querystring: needsQuery,
      },
      config: { access: read },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today(deps.clock);
      const weights = weightsFrom(request.query);
      const ranked = await needsAsOf(deps, asOf, weights);
      const byCode = new Map(deps.data.countries.map((c) => [c.iso3, c]));
      return {
        asOf,
        weights,
        defaults: defaultWeights,
        items: ranked.map((n) => ({ ...n, name: nameOf(byCode.get(n.iso3)!, request.query.lang) })),
      };
    },
  );

  r.get(
    '/api/registry/needs.csv',
    {
      schema: { tags, summary: 'The needs ranking as CSV', querystring: needsQuery },
      config: { access: read },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? today(deps.clock);
      const ranked = await needsAsOf(deps, asOf, weightsFrom(request.query));
      const byCode = new Map(deps.data.countries.map((c) => [c.iso3, c]));
      const rows = [
        ['rank', 'iso3', 'country', 'score', ...needFactors.map((f) => `${f}_points`)],
        ...ranked.map((n) => [
          n.rank,
          n.iso3,
          nameOf(byCode.get(n.iso3)!, request.query.lang),
          n.score,
          ...n.contributions.map((c) => c.points),
        ]),
      ];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cirtkit-needs-${asOf}.csv"`)
        .send(toCsv(rows));
    },
  );

  const reportQuery = viewQuery.extend({ compareTo: daySchema.optional() });
  const renderedFor = (query: z.infer<typeof reportQuery>) => {
    const asOf = query.asOf ?? today(deps.clock);
    return reportView(
      deps,
      asOf,
      query.compareTo ?? defaultComparison(asOf),
      query.lang,
      isoNow(deps.clock),
    );
  };
  const reportFor = (query: z.infer<typeof reportQuery>) => {
    const asOf = query.asOf ?? today(deps.clock);
    return reportAsOf(deps, asOf, query.compareTo ?? defaultComparison(asOf));
  };

  r.get(
    '/api/registry/report',
    {
      schema: {
        tags,
        summary: 'Resolution 58 progress report: indicators on a day against a comparison day',
        querystring: reportQuery,
      },
      config: { access: read },
    },
    async (request) => {
      const report = await reportFor(request.query);
      const byCode = new Map(deps.data.countries.map((c) => [c.iso3, c]));
      return {
        ...report,
        newCirts: report.newCirts.map((c) => ({
          ...c,
          country: nameOf(byCode.get(c.iso3)!, request.query.lang),
        })),
      };
    },
  );

  r.get(
    '/api/registry/report.csv',
    {
      schema: {
        tags,
        summary: 'Every indicator of the progress report as CSV',
        querystring: reportQuery,
      },
      config: { access: read },
    },
    async (request, reply) => {
      const report = await reportFor(request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cirtkit-progress-${report.asOf}.csv"`)
        .send(toCsv(reportRows(report)));
    },
  );

  r.get(
    '/api/registry/report.html',
    {
      schema: {
        tags,
        summary: 'The progress report as a printable HTML document',
        querystring: reportQuery,
      },
      config: { access: read },
    },
    async (request, reply) => {
      const view = await renderedFor(request.query);
      return reply.type('text/html; charset=utf-8').send(reportHtml(view));
    },
  );

  r.get(
    '/api/registry/report.pdf',
    {
      schema: {
        tags,
        summary: 'The progress report as PDF (needs Chromium on the server)',
        querystring: reportQuery,
      },
      config: { access: read },
    },
    async (request, reply) => {
      const view = await renderedFor(request.query);
      const asOf = view.report.asOf;
      const pdf = await htmlToPdf(reportHtml(view));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="cirtkit-progress-${asOf}-${request.query.lang}.pdf"`,
        )
        .send(pdf);
    },
  );

  r.get(
    '/api/registry/export',
    {
      schema: {
        tags,
        summary: 'Every team fact (not retracted) as CSV or JSON, re-importable',
        querystring: z.strictObject({ format: z.enum(['csv', 'json']).default('csv') }),
      },
      config: { access: read },
    },
    async (request, reply) => {
      const rows = exportRows(await loadTeams(deps.db.kysely));
      const stamp = today(deps.clock);
      if (request.query.format === 'json') {
        const [header, ...body] = rows;
        const facts = body.map((row) =>
          Object.fromEntries(header!.map((column, i) => [String(column), row[i] ?? ''])),
        );
        return reply
          .header('content-disposition', `attachment; filename="cirtkit-registry-${stamp}.json"`)
          .send({ facts });
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cirtkit-registry-${stamp}.csv"`)
        .send(toCsv(rows));
    },
  );

  r.post(
    '/api/registry/import',
    {
      schema: {
        tags,
        summary:
          'Import facts (text/csv or application/json); per-row errors; mode=all writes nothing if any row is bad',
        querystring: z.strictObject({
          mode: z.enum(['all', 'valid']).default('all'),
          dryRun: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
      },
      config: { access: edit },
    },
    async (request) => {
      const known = new Set(deps.data.countries.map((c) => c.iso3));
      const body = request.body;
      const parsed = Buffer.isBuffer(body)
        ? parseFactsCsv(body, known, today(deps.clock))
        : parseFactsJson(Buffer.from(JSON.stringify(body ?? null)), known, today(deps.clock));
      const report = await importFacts(
        deps,
        auditContext(request),
        parsed.rows,
        parsed.errors,
        request.query,
      );
      if (!report.written && !report.dryRun) {
        const lines = new Set(report.errors.map((e) => e.line)).size;
        throw new AppError(
          'validation_failed',
          `${lines} row(s) are invalid, so nothing was imported; fix them or import with mode=valid`,
          {
            issues: report.errors.map((e) => ({
              field: `line ${e.line} ${e.field}`,
              message: e.message,
            })),
          },
        );
      }
      return report;
    },
  );

  r.post(
    '/api/registry/teams',
    {
      schema: {
        tags,
        summary: 'Add a team with its founding (or first seen) date and source',
        body: newTeamBody,
      },
      config: { access: edit },
    },
    async (request, reply) =>
      reply.code(201).send(await addTeam(deps, auditContext(request), request.body)),
  );

  r.post(
    '/api/registry/teams/:id/events',
    {
      schema: {
        tags,
        summary: 'Record a dated fact about a team (rename, closure, maturity, accreditation...)',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: factBody,
      },
      config: { access: edit },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordFact(deps, auditContext(request), request.params.id, request.body)),
  );

  r.post(
    '/api/registry/events/:id/retract',
    {
      schema: {
        tags,
        summary: 'Retract a wrong fact (kept in the history with the reason)',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ reason: z.string().trim().min(3).max(1000) }),
      },
      config: { access: edit },
    },
    async (request) =>
      retractFact(deps, auditContext(request), request.params.id, request.body.reason),
  );
}
