import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, htmlToPdf, isoNow } from '../../kernel/index.js';
import { auditContext, identityOf, localeSchema, typed } from '../accounts/index.js';
import { projectFor } from './access.js';
import type { Sim3Answers } from './assessment.schema.js';
import { latest } from './content.js';
import type { ToolkitDeps } from './deps.js';
import { writeDocument } from './documents.js';
import { projectParams, tags, toolkitEdit, toolkitRead } from './project.routes.js';
import { roadmapDocument, roadmapHtml, roadmapMarkdown } from './roadmap-render.js';
import {
  createTask,
  currentState,
  deleteTask,
  generateRoadmap,
  loadSelection,
  updateTask,
} from './roadmap.service.js';
import { nextTasks, roadmapProgress, taskFieldsSchema, taskPatchSchema } from './roadmap.js';
import { analyseServices, selectionProblems, serviceSelectionSchema } from './services.js';
import { listTasks } from './store.js';

const taskParams = projectParams.extend({ taskId: z.string().min(1).max(100) });

export function roadmapRoutes(app: FastifyInstance, deps: ToolkitDeps): void {
  const r = typed(app);
  const reach = (request: Parameters<typeof identityOf>[0], id: string, need: 'read' | 'edit') =>
    projectFor(deps.db.kysely, identityOf(request), id, need);

  r.get(
    '/api/toolkit/projects/:projectId/services',
    {
      schema: {
        tags,
        summary: 'Services chosen (now / next / later) and what each requires',
        params: projectParams,
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { project } = await reach(request, request.params.projectId, 'read');
      const doc = await loadSelection(deps.db.kysely, project.id);
      const state = await currentState(deps, project.id);
      const selection = doc.value ?? {};
      const analysis = analyseServices(
        latest(deps.content.services),
        selection,
        state.sim3 ? (state.sim3.answers as Sim3Answers) : null,
      );
      return {
        selection,
        revision: doc.revision,
        updatedAt: doc.updatedAt,
        updatedBy: doc.updatedBy,
        sim3Assessment: state.sim3
          ? { id: state.sim3.id, title: state.sim3.title, status: state.sim3.status }
          : null,
        services: analysis.services,
      };
    },
  );

  r.put(
    '/api/toolkit/projects/:projectId/services',
    {
      schema: {
        tags,
        summary: 'Save the services chosen (whole selection, with the revision read)',
        params: projectParams,
        body: z.strictObject({
          revision: z.number().int().min(0),
          selection: serviceSelectionSchema,
        }),
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      const { project } = await reach(request, request.params.projectId, 'edit');
      const problems = selectionProblems(latest(deps.content.services), request.body.selection);
      if (problems.length)
        throw new AppError(
          'validation_failed',
          'Some services are not in the catalogue; nothing was saved',
          { issues: problems },
        );
      const saved = await writeDocument(
        deps,
        auditContext(request),
        project.id,
        'services',
        request.body.selection,
        request.body.revision,
      );
      return { selection: saved.value, revision: saved.revision };
    },
  );

  r.get(
    '/api/toolkit/projects/:projectId/roadmap',
    {
      schema: {
        tags,
        summary: 'The roadmap: tasks by phase, progress, and gaps without a task',
        params: projectParams,
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { project } = await reach(request, request.params.projectId, 'read');
      const [tasks, state] = await Promise.all([
        listTasks(deps.db.kysely, project.id),
        currentState(deps, project.id),
      ]);
      const withTask = new Set(tasks.map((t) => t.gapId));
      const gaps = new Map(state.gaps.map((g) => [g.id, g]));
      return {
        tasks: tasks.map((t) => ({ ...t, gap: t.gapId ? (gaps.get(t.gapId) ?? null) : null })),
        progress: roadmapProgress(tasks),
        next: nextTasks(tasks).map((t) => t.id),
        untracked: state.gaps.filter((g) => !withTask.has(g.id)).length,
        sources: {
          readiness: state.readiness
            ? {
                id: state.readiness.id,
                title: state.readiness.title,
                status: state.readiness.status,
              }
            : null,
          sim3: state.sim3
            ? { id: state.sim3.id, title: state.sim3.title, status: state.sim3.status }
            : null,
          services: Object.keys(state.selection).length,
        },
      };
    },
  );

  r.post(
    '/api/toolkit/projects/:projectId/roadmap/generate',
    {
      schema: {
        tags,
        summary: 'Add tasks for new gaps, mark tasks whose gap closed; never rewrites a task',
        params: projectParams,
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      const { project } = await reach(request, request.params.projectId, 'edit');
      return generateRoadmap(deps, auditContext(request), project);
    },
  );

  r.post(
    '/api/toolkit/projects/:projectId/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task by hand',
        params: projectParams,
        body: taskFieldsSchema,
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      const { project } = await reach(request, request.params.projectId, 'edit');
      return reply
        .code(201)
        .send(await createTask(deps, auditContext(request), project, request.body));
    },
  );

  r.patch(
    '/api/toolkit/projects/:projectId/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Change a task (owner, due date, status, progress...)',
        params: taskParams,
        body: taskPatchSchema,
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      const { project } = await reach(request, request.params.projectId, 'edit');
      return updateTask(deps, auditContext(request), project, request.params.taskId, request.body);
    },
  );

  r.delete(
    '/api/toolkit/projects/:projectId/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Delete a task added by hand or whose gap is closed',
        params: taskParams,
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      const { project } = await reach(request, request.params.projectId, 'edit');
      await deleteTask(deps, auditContext(request), project, request.params.taskId);
      return reply.code(204).send();
    },
  );

  for (const format of ['json', 'md', 'html', 'pdf'] as const)
    r.get(
      `/api/toolkit/projects/:projectId/roadmap.${format}`,
      {
        schema: {
          tags,
          summary: `The roadmap as ${format.toUpperCase()}`,
          params: projectParams,
          querystring: z.strictObject({ lang: localeSchema.default('en') }),
        },
        config: { access: toolkitRead },
      },
      async (request, reply) => {
        const { project } = await reach(request, request.params.projectId, 'read');
        const tasks = await listTasks(deps.db.kysely, project.id);
        const doc = roadmapDocument(project, tasks, request.query.lang, isoNow(deps.clock));
        const attach = (ext: string) =>
          reply.header(
            'content-disposition',
            `attachment; filename="cirtkit-roadmap-${project.id}.${ext}"`,
          );
        if (format === 'json')
          return attach('json')
            .type('application/json')
            .send(JSON.stringify(doc.json, null, 2));
        if (format === 'md')
          return attach('md').type('text/markdown; charset=utf-8').send(roadmapMarkdown(doc));
        if (format === 'html') return reply.type('text/html; charset=utf-8').send(roadmapHtml(doc));
        return attach('pdf')
          .type('application/pdf')
          .send(await htmlToPdf(roadmapHtml(doc)));
      },
    );
}
