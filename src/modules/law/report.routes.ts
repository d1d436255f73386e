import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { htmlToPdf, toCsv, type CsvCell } from '../../kernel/index.js';
import { identityOf, localeSchema, typed } from '../accounts/index.js';
import { iso3Schema } from './assessment.schema.js';
import type { LawDeps } from './deps.js';
import { gapRows, matrixRows } from './report-csv.js';
import { countryReportHtml } from './report-html.js';
import { matrixHtml } from './report-matrix-html.js';
import { countryReport, matrixReport, parseSelection } from './report.service.js';

const tags = ['law'];
const read = { permission: 'law.read' as const };
export const reportFormats = ['json', 'csv', 'html', 'pdf'] as const;

const reportQuery = z.strictObject({
  lang: localeSchema.default('en'),
  format: z
    .enum(reportFormats, { error: `must be one of ${reportFormats.join(', ')}` })
    .default('json'),
});

/** The same report as JSON, CSV, HTML or PDF (the HTML through headless Chromium). */
async function send(
  reply: FastifyReply,
  format: (typeof reportFormats)[number],
  report: object,
  render: { csv: () => CsvCell[][]; html: () => string; filename: string },
) {
  const attach = (ext: string) =>
    reply.header('content-disposition', `attachment; filename="${render.filename}.${ext}"`);
  switch (format) {
    case 'json':
      return report;
    case 'csv':
      return attach('csv').type('text/csv; charset=utf-8').send(toCsv(render.csv()));
    case 'html':
      return reply.type('text/html; charset=utf-8').send(render.html());
    case 'pdf': {
      const pdf = await htmlToPdf(render.html());
      return attach('pdf').type('application/pdf').send(pdf);
    }
  }
}

/**
 * The harmonisation reports: one country's gaps in priority order with their drafting
 * checklists, and the matrix of provisions by countries for a region, a regional organisation
 * or a footnote-1 group.
 */
export function lawReportRoutes(app: FastifyInstance, deps: LawDeps): void {
  const r = typed(app);

  r.get(
    '/api/law/countries/:iso3/report',
    {
      schema: {
        tags,
        summary:
          "A country's harmonisation report: coverage, ratifications and gaps in priority order with their drafting checklists",
        params: z.strictObject({ iso3: iso3Schema }),
        querystring: reportQuery.extend({
          /** Categories put first, comma-separated; the others follow in the default order. */
          priority: z.string().max(500).optional(),
        }),
      },
      config: { access: read },
    },
    async (request, reply) => {
      const { lang, format, priority } = request.query;
      const report = await countryReport(deps, {
        iso3: request.params.iso3,
        lang,
        priority,
        generatedBy: identityOf(request).user.displayName,
      });
      return send(reply, format, report, {
        csv: () => gapRows(report),
        html: () => countryReportHtml(report),
        filename: `cirtkit-law-${report.country.iso3}-${report.date}-${lang}`,
      });
    },
  );

  r.get(
    '/api/law/matrix',
    {
      schema: {
        tags,
        summary:
          'Provisions by countries for one ITU region, regional organisation or footnote-1 group, with the share of countries covering each provision',
        querystring: reportQuery.extend({
          region: z.string().max(40).optional(),
          organisation: z.string().max(40).optional(),
          group: z.string().max(40).optional(),
        }),
      },
      config: { access: read },
    },
    async (request, reply) => {
      const { lang, format } = request.query;
      const selection = parseSelection(request.query);
      const report = await matrixReport(deps, {
        selection,
        lang,
        generatedBy: identityOf(request).user.displayName,
      });
      return send(reply, format, report, {
        csv: () => matrixRows(report),
        html: () => matrixHtml(report),
        filename: `cirtkit-law-matrix-${selection.kind}-${selection.id}-${report.date}-${lang}`,
      });
    },
  );
}
