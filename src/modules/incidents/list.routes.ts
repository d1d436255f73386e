import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isoNow } from '../../kernel/index.js';
import { auditContext, identityOf, typed } from '../accounts/index.js';
import { exportFileName, highestTlp, incidentsCsv } from './export-csv.js';
import {
  exportQuerySchema,
  incidentFilterSchema,
  incidentListQuerySchema,
  filterOf,
} from './list-query.js';
import { exportIncidents, listIncidents, type ListDeps } from './list.service.js';
import {
  createSavedFilter,
  deleteSavedFilter,
  listSavedFilters,
  newSavedFilterSchema,
} from './saved-filters.js';
import { incidentStats } from './stats.js';

const tags = ['incidents'];
const read = { permission: 'incidents.read' as const };

/**
 * The incident list, its statistics, CSV export and saved filters. Every answer applies the TLP
 * rule in SQL: RED and AMBER+STRICT incidents only for the people on their access list.
 */
export function incidentListRoutes(app: FastifyInstance, deps: ListDeps): void {
  const r = typed(app);
  const viewerOf = (request: Parameters<typeof identityOf>[0]) => ({
    userId: identityOf(request).user.id,
  });

  r.get(
    '/api/incidents',
    {
      schema: {
        tags,
        summary:
          'Incidents the caller may read, filtered (full text, status, RSIT, TLP, severity, sector, constituent, assignee, dates, SLA) and keyset-paged',
        querystring: incidentListQuerySchema,
      },
      config: { access: read },
    },
    async (request) => listIncidents(deps, viewerOf(request), request.query),
  );

  r.get(
    '/api/incidents/stats',
    {
      schema: {
        tags,
        summary: 'Counts by RSIT class, sector, status, severity and month, with the list filters',
        querystring: incidentFilterSchema,
      },
      config: { access: read },
    },
    async (request) => incidentStats(deps, viewerOf(request), request.query),
  );

  r.get(
    '/api/incidents/export.csv',
    {
      schema: {
        tags,
        summary:
          'The filtered list as CSV: only incidents the caller may read, and none above maxTlp',
        querystring: exportQuerySchema,
      },
      config: { access: read },
    },
    async (request, reply) => {
      const { sort, maxTlp, ...filter } = request.query;
      const { rows, truncated } = await exportIncidents(
        deps,
        viewerOf(request),
        filterOf(filter),
        sort,
        maxTlp,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${exportFileName(rows, isoNow(deps.clock).slice(0, 10))}"`,
        )
        .header('x-tlp', highestTlp(rows))
        .header('x-truncated', String(truncated))
        .send(incidentsCsv(rows));
    },
  );

  r.get(
    '/api/incidents/filters',
    {
      schema: { tags, summary: 'Saved filters: the caller’s own, then the shared ones' },
      config: { access: read },
    },
    async (request) => ({ items: await listSavedFilters(deps, viewerOf(request)) }),
  );

  r.post(
    '/api/incidents/filters',
    {
      schema: {
        tags,
        summary: 'Save a filter (for oneself, or shared)',
        body: newSavedFilterSchema,
      },
      config: { access: read },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createSavedFilter(deps, viewerOf(request), auditContext(request), request.body),
        ),
  );

  r.delete(
    '/api/incidents/filters/:filterId',
    {
      schema: {
        tags,
        summary: 'Delete one of one’s saved filters',
        params: z.object({ filterId: z.string().min(1).max(100) }),
      },
      config: { access: read },
    },
    async (request, reply) => {
      await deleteSavedFilter(
        deps,
        viewerOf(request),
        auditContext(request),
        request.params.filterId,
      );
      return reply.code(204).send();
    },
  );
}
