import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, htmlToPdf, isoNow } from '../../kernel/index.js';
import { auditContext, identityOf, localeSchema, typed } from '../accounts/index.js';
import { projectFor, type ProjectNeed } from './access.js';
import { assessmentKinds, type Sim3Answers } from './assessment.schema.js';
import { assessmentDocument, assessmentHtml, assessmentMarkdown } from './assessment-render.js';
import {
  addAttachment,
  attachmentLimitBytes,
  createAssessment,
  deleteAssessment,
  deleteAttachment,
  finaliseAssessment,
  findAttachment,
  listAttachments,
  loadAssessment,
  resultOf,
  saveAnswers,
  sim3ModelOf,
} from './assessment.service.js';
import type { ToolkitDeps } from './deps.js';
import { projectParams, tags, toolkitEdit, toolkitRead } from './project.routes.js';
import { compareSim3 } from './sim3.js';
import { listAssessments } from './store.js';

const assessmentParams = z.object({ assessmentId: z.string().min(1).max(100) });
const langQuery = z.strictObject({ lang: localeSchema.default('en') });
const safeName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'assessment';

export function assessmentRoutes(app: FastifyInstance, deps: ToolkitDeps): void {
  const r = typed(app);
  // Evidence files arrive as raw bytes; the route checks the size and records the type.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: attachmentLimitBytes },
    (_req, body, done) => done(null, body),
  );

  /** The assessment and its project, if the caller may see (or change) the project. */
  async function reach(request: FastifyRequest, assessmentId: string, need: ProjectNeed) {
    const assessment = await loadAssessment(deps.db.kysely, assessmentId);
    try {
      const access = await projectFor(
        deps.db.kysely,
        identityOf(request),
        assessment.projectId,
        need,
      );
      return { assessment, ...access };
    } catch (error) {
      // Someone else's assessment answers like a missing one.
      if (error instanceof AppError && error.code === 'not_found')
        throw new AppError('not_found', `No assessment with id ${assessmentId}`);
      throw error;
    }
  }

  r.get(
    '/api/toolkit/projects/:projectId/assessments',
    {
      schema: {
        tags,
        summary: "A project's assessments with their scores, oldest first",
        params: projectParams,
        querystring: z.strictObject({ kind: z.enum(assessmentKinds).optional() }),
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { project } = await projectFor(
        deps.db.kysely,
        identityOf(request),
        request.params.projectId,
        'read',
      );
      const list = await listAssessments(deps.db.kysely, project.id, request.query.kind);
      return {
        items: list.map(({ answers: _answers, ...a }) => {
          const result = resultOf(deps.content, { ...a, answers: _answers });
          return {
            ...a,
            summary:
              result.kind === 'readiness'
                ? {
                    percent: result.readiness.percent,
                    levelId: result.readiness.levelId,
                    answered: result.readiness.answered,
                    questions: result.readiness.questions,
                    gaps: result.readiness.gaps.length,
                  }
                : {
                    mean: result.sim3.mean,
                    assessed: result.sim3.assessed,
                    parameters: result.sim3.parameters,
                    tier: result.sim3.tiers.achieved,
                    nextTier: result.sim3.tiers.next,
                    blockers: result.sim3.tiers.blockers.length,
                    quadrants: result.sim3.quadrants.map((q) => ({
                      quadrantId: q.quadrantId,
                      mean: q.mean,
                    })),
                  },
          };
        }),
      };
    },
  );

  r.post(
    '/api/toolkit/projects/:projectId/assessments',
    {
      schema: {
        tags,
        summary: 'Start a readiness or SIM3 assessment (a draft), optionally from an earlier one',
        params: projectParams,
        body: z.strictObject({
          kind: z.enum(assessmentKinds),
          title: z.string().trim().max(200).optional(),
          copyFrom: z.string().min(1).max(100).optional(),
        }),
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      const { project } = await projectFor(
        deps.db.kysely,
        identityOf(request),
        request.params.projectId,
        'edit',
      );
      return reply
        .code(201)
        .send(await createAssessment(deps, auditContext(request), project, request.body));
    },
  );

  r.get(
    '/api/toolkit/projects/:projectId/sim3/compare',
    {
      schema: {
        tags,
        summary: 'Two SIM3 assessments side by side, parameter by parameter',
        params: projectParams,
        querystring: z.strictObject({
          a: z.string().min(1).max(100),
          b: z.string().min(1).max(100),
        }),
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { project } = await projectFor(
        deps.db.kysely,
        identityOf(request),
        request.params.projectId,
        'read',
      );
      const [a, b] = await Promise.all([
        loadAssessment(deps.db.kysely, request.query.a),
        loadAssessment(deps.db.kysely, request.query.b),
      ]);
      for (const [x, field] of [
        [a, 'a'],
        [b, 'b'],
      ] as const)
        if (x.projectId !== project.id || x.kind !== 'sim3')
          throw new AppError(
            'validation_failed',
            `${field} is not a SIM3 assessment of this project`,
            { issues: [{ field, message: 'is not a SIM3 assessment of this project' }] },
          );
      const model = sim3ModelOf(deps.content, b);
      const ra = resultOf(deps.content, a);
      const rb = resultOf(deps.content, b);
      return {
        a: {
          id: a.id,
          title: a.title,
          status: a.status,
          createdAt: a.createdAt,
          finalisedAt: a.finalisedAt,
          tier: ra.kind === 'sim3' ? ra.sim3.tiers.achieved : null,
          mean: ra.kind === 'sim3' ? ra.sim3.mean : null,
        },
        b: {
          id: b.id,
          title: b.title,
          status: b.status,
          createdAt: b.createdAt,
          finalisedAt: b.finalisedAt,
          tier: rb.kind === 'sim3' ? rb.sim3.tiers.achieved : null,
          mean: rb.kind === 'sim3' ? rb.sim3.mean : null,
        },
        ...compareSim3(model, a.answers as Sim3Answers, b.answers as Sim3Answers),
      };
    },
  );

  r.get(
    '/api/toolkit/assessments/:assessmentId',
    {
      schema: {
        tags,
        summary: 'An assessment with its answers, score, gaps and evidence files',
        params: assessmentParams,
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { assessment, project, canEdit } = await reach(
        request,
        request.params.assessmentId,
        'read',
      );
      return {
        assessment,
        project: { id: project.id, name: project.name, kind: project.kind, iso3: project.iso3 },
        canEdit: canEdit && assessment.status === 'draft',
        result: resultOf(deps.content, assessment),
        attachments: await listAttachments(deps.db.kysely, assessment.id),
      };
    },
  );

  r.patch(
    '/api/toolkit/assessments/:assessmentId',
    {
      schema: {
        tags,
        summary: 'Save answers of a draft (merged; null clears an answer) and optionally its title',
        params: assessmentParams,
        body: z.strictObject({
          revision: z.number().int().min(0),
          title: z.string().trim().max(200).optional(),
          answers: z.record(z.string().min(1).max(80), z.unknown()).default({}),
        }),
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      await reach(request, request.params.assessmentId, 'edit');
      const assessment = await saveAnswers(
        deps,
        auditContext(request),
        request.params.assessmentId,
        request.body,
      );
      return { assessment, result: resultOf(deps.content, assessment) };
    },
  );

  r.post(
    '/api/toolkit/assessments/:assessmentId/finalise',
    {
      schema: {
        tags,
        summary: 'Make an assessment final and report it to the registry',
        params: assessmentParams,
        body: z.strictObject({ revision: z.number().int().min(0) }),
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      const { project } = await reach(request, request.params.assessmentId, 'edit');
      return finaliseAssessment(
        deps,
        auditContext(request),
        project,
        request.params.assessmentId,
        request.body.revision,
      );
    },
  );

  r.delete(
    '/api/toolkit/assessments/:assessmentId',
    {
      schema: {
        tags,
        summary: 'Delete a draft assessment (final ones are kept)',
        params: assessmentParams,
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      await reach(request, request.params.assessmentId, 'edit');
      await deleteAssessment(deps, auditContext(request), request.params.assessmentId);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/toolkit/assessments/:assessmentId/attachments',
    {
      schema: {
        tags,
        summary: 'Attach an evidence file to a question or parameter (raw body, at most 10 MB)',
        params: assessmentParams,
        querystring: z.strictObject({
          item: z.string().min(1).max(80),
          name: z.string().trim().min(1).max(200),
          type: z.string().trim().max(100).optional(),
        }),
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      const { assessment } = await reach(request, request.params.assessmentId, 'edit');
      if (!Buffer.isBuffer(request.body))
        throw new AppError(
          'validation_failed',
          'Send the file as the raw request body (application/octet-stream)',
          { issues: [{ field: 'body', message: 'must be the file itself' }] },
        );
      const mediaType = request.query.type || 'application/octet-stream';
      return reply.code(201).send(
        await addAttachment(deps, auditContext(request), assessment, {
          itemId: request.query.item,
          filename: request.query.name,
          mediaType,
          bytes: request.body,
        }),
      );
    },
  );

  r.get(
    '/api/toolkit/assessments/:assessmentId/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an evidence file',
        params: assessmentParams.extend({ attachmentId: z.string().min(1).max(100) }),
      },
      config: { access: toolkitRead },
    },
    async (request, reply) => {
      const { assessment } = await reach(request, request.params.assessmentId, 'read');
      const found = await findAttachment(deps.db.kysely, request.params.attachmentId);
      if (!found || found.meta.assessmentId !== assessment.id)
        throw new AppError(
          'not_found',
          `No attachment ${request.params.attachmentId} on this assessment`,
        );
      // Always a download, never rendered inline: evidence files are untrusted content.
      return reply
        .type('application/octet-stream')
        .header(
          'content-disposition',
          `attachment; filename="${safeName(found.meta.filename)}"; filename*=UTF-8''${encodeURIComponent(found.meta.filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(found.content);
    },
  );

  r.delete(
    '/api/toolkit/assessments/:assessmentId/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an evidence file from a draft',
        params: assessmentParams.extend({ attachmentId: z.string().min(1).max(100) }),
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      const { assessment } = await reach(request, request.params.assessmentId, 'edit');
      await deleteAttachment(deps, auditContext(request), assessment, request.params.attachmentId);
      return reply.code(204).send();
    },
  );

  const exportRoute = (format: 'json' | 'md' | 'html' | 'pdf') =>
    r.get(
      `/api/toolkit/assessments/:assessmentId/export.${format}`,
      {
        schema: {
          tags,
          summary: `The assessment with its score and gaps as ${format.toUpperCase()}`,
          params: assessmentParams,
          querystring: langQuery,
        },
        config: { access: toolkitRead },
      },
      async (request, reply) => {
        const { assessment, project } = await reach(request, request.params.assessmentId, 'read');
        const lang = request.query.lang;
        const doc = assessmentDocument(deps, project, assessment, lang, isoNow(deps.clock));
        const file = `cirtkit-${assessment.kind}-${safeName(assessment.title)}`;
        const attach = (ext: string) =>
          reply.header('content-disposition', `attachment; filename="${file}.${ext}"`);
        if (format === 'json')
          return attach('json')
            .type('application/json')
            .send(JSON.stringify(doc.json, null, 2));
        if (format === 'md')
          return attach('md').type('text/markdown; charset=utf-8').send(assessmentMarkdown(doc));
        if (format === 'html')
          return reply.type('text/html; charset=utf-8').send(assessmentHtml(doc));
        return attach('pdf')
          .type('application/pdf')
          .send(await htmlToPdf(assessmentHtml(doc)));
      },
    );
  for (const format of ['json', 'md', 'html', 'pdf'] as const) exportRoute(format);
}
