import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, htmlToPdf, isoNow } from '../../kernel/index.js';
import { auditContext, identityOf, localeSchema, typed, type Locale } from '../accounts/index.js';
import { projectFor } from './access.js';
import {
  bcmExportFormat,
  bcmPlanSchema,
  bcmPutSchema,
  defaultBcmPlan,
  validateBcmPlan,
  type BcmPlan,
} from './bcm.js';
import { severityChangeSchema } from './bcm-escalation.js';
import { onIncidentSeverityChange } from './bcm.service.js';
import { bcmHtml, bcmMarkdown, type BcmView } from './bcm-render.js';
import type { ToolkitDeps } from './deps.js';
import { readDocument, writeDocument } from './documents.js';
import { projectParams, tags, toolkitEdit, toolkitRead } from './project.routes.js';

const langQuery = z.strictObject({ lang: localeSchema.default('en') });
const base = '/api/toolkit/projects/:projectId/bcm';
const safeName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 60) || 'project';

/**
 * The BCM and crisis-management plan of a project: read it (the default plan in the asked
 * language until one is saved), check a draft, save a valid one, export it, and try the
 * escalation contract the incidents module uses.
 */
export function bcmRoutes(app: FastifyInstance, deps: ToolkitDeps): void {
  const r = typed(app);

  /** The saved plan, or the default one in `lang` with revision 0. */
  async function load(request: FastifyRequest, projectId: string, lang: Locale) {
    const access = await projectFor(deps.db.kysely, identityOf(request), projectId, 'read');
    const document = await readDocument(deps.db.kysely, access.project.id, 'bcm', bcmPlanSchema);
    const plan: BcmPlan = document.value ?? defaultBcmPlan(lang);
    return { access, document, plan, issues: validateBcmPlan(plan) };
  }

  const answer = (loaded: Awaited<ReturnType<typeof load>>) => ({
    plan: loaded.plan,
    saved: loaded.document.value !== null,
    revision: loaded.document.revision,
    updatedAt: loaded.document.updatedAt,
    updatedBy: loaded.document.updatedBy,
    issues: loaded.issues,
    canEdit: loaded.access.canEdit,
  });

  r.get(
    base,
    {
      schema: {
        tags,
        summary: "The project's BCM plan (the default one, in lang, until saved) and its issues",
        params: projectParams,
        querystring: langQuery,
      },
      config: { access: toolkitRead },
    },
    async (request) => answer(await load(request, request.params.projectId, request.query.lang)),
  );

  r.post(
    `${base}/validate`,
    {
      schema: {
        tags,
        summary: 'Check a draft plan without saving it (every issue, with where and why)',
        params: projectParams,
        body: z.strictObject({ plan: bcmPlanSchema }),
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      await projectFor(deps.db.kysely, identityOf(request), request.params.projectId, 'read');
      const issues = validateBcmPlan(request.body.plan);
      return { valid: issues.length === 0, issues };
    },
  );

  r.put(
    base,
    {
      schema: {
        tags,
        summary: 'Save the plan if it is valid (422 with every issue otherwise, nothing saved)',
        params: projectParams,
        body: bcmPutSchema,
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      const { project, canEdit } = await projectFor(
        deps.db.kysely,
        identityOf(request),
        request.params.projectId,
        'edit',
      );
      const { plan, revision } = request.body;
      const issues = validateBcmPlan(plan);
      if (issues.length > 0)
        throw new AppError(
          'validation_failed',
          `The plan has ${issues.length} issue${issues.length === 1 ? '' : 's'}: ${issues
            .slice(0, 5)
            .map((i) => `${i.field}: ${i.message}`)
            .join('; ')}${issues.length > 5 ? '; …' : ''}`,
          { issues: issues.map((i) => ({ field: `body.plan.${i.field}`, message: i.message })) },
        );
      const saved = await writeDocument(
        deps,
        auditContext(request),
        project.id,
        'bcm',
        plan,
        revision,
      );
      return {
        plan,
        saved: true,
        revision: saved.revision,
        updatedAt: saved.updatedAt,
        updatedBy: saved.updatedBy,
        issues,
        canEdit,
      };
    },
  );

  r.post(
    `${base}/escalations`,
    {
      schema: {
        tags,
        summary:
          'What the saved plan asks for when an incident changes severity (what the incidents module calls)',
        params: projectParams,
        body: severityChangeSchema,
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
      return onIncidentSeverityChange(deps, project.id, request.body);
    },
  );

  async function view(request: FastifyRequest, projectId: string, lang: Locale): Promise<BcmView> {
    const loaded = await load(request, projectId, lang);
    return {
      plan: loaded.plan,
      projectName: loaded.access.project.name,
      lang,
      revision: loaded.document.revision,
      updatedAt: loaded.document.updatedAt,
      updatedBy: loaded.document.updatedBy,
      issues: loaded.issues,
      generatedAt: isoNow(deps.clock),
    };
  }
  const fileName = (v: BcmView, ext: string) =>
    `cirtkit-bcm-${safeName(v.projectName)}-r${v.revision}-${v.lang}.${ext}`;
  const attach = (reply: FastifyReply, name: string) =>
    reply.header(
      'content-disposition',
      // An ASCII name for old clients, the real one (any script) for the others.
      `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  const exportRoute = (
    ext: string,
    summary: string,
    send: (v: BcmView, reply: FastifyReply) => Promise<FastifyReply> | FastifyReply,
  ) =>
    r.get(
      `${base}/export.${ext}`,
      {
        schema: { tags, summary, params: projectParams, querystring: langQuery },
        config: { access: toolkitRead },
      },
      async (request, reply) => {
        const v = await view(request, request.params.projectId, request.query.lang);
        return send(v, attach(reply, fileName(v, ext)));
      },
    );

  exportRoute('json', 'The plan as JSON, which PUT takes back', (v, reply) =>
    reply
      .type('application/json; charset=utf-8')
      .send({ format: bcmExportFormat, revision: v.revision, plan: v.plan }),
  );
  exportRoute('md', 'The plan as a Markdown document', (v, reply) =>
    reply.type('text/markdown; charset=utf-8').send(bcmMarkdown(v)),
  );
  exportRoute('html', 'The plan as a printable HTML document', (v, reply) =>
    reply.type('text/html; charset=utf-8').send(bcmHtml(v)),
  );
  exportRoute('pdf', 'The plan as PDF (needs Chromium on the server)', async (v, reply) =>
    reply.type('application/pdf').send(await htmlToPdf(bcmHtml(v))),
  );
}
