import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { auditContext, identityOf, localeSchema, typed } from '../accounts/index.js';
import { projectFor } from './access.js';
import { guidanceTargetSchema } from './content.schema.js';
import { findVersion, latest } from './content.js';
import { projectDashboard } from './dashboard.js';
import type { ToolkitDeps } from './deps.js';
import { addMember, createProject, removeMember, updateProject } from './project.service.js';
import { newMemberSchema, newProjectSchema, projectPatchSchema } from './project.schema.js';
import { exportProject, importProject } from './project-transfer.js';
import { listMembers, listProjects, memberRole } from './store.js';

export const tags = ['toolkit'];
export const toolkitRead = { permission: 'toolkit.read' as const };
export const toolkitEdit = { permission: 'toolkit.edit' as const };
export const projectParams = z.object({ projectId: z.string().min(1).max(100) });
const contentQuery = z.strictObject({
  lang: localeSchema.default('en'),
  version: z.string().max(20).optional(),
});

function pick<T extends { id: string; version: string }>(list: T[], version?: string): T {
  if (version === undefined) return latest(list);
  const found = findVersion(list, latest(list).id, version);
  if (!found) throw new AppError('not_found', `No content version ${version}`);
  return found;
}

export function projectRoutes(app: FastifyInstance, deps: ToolkitDeps): void {
  const r = typed(app);

  r.get(
    '/api/toolkit/content/readiness',
    {
      schema: {
        tags,
        summary: 'The readiness questionnaire (latest or a given version)',
        querystring: contentQuery,
      },
      config: { access: toolkitRead },
    },
    (request) =>
      Promise.resolve(
        pick(deps.localised(request.query.lang).questionnaires, request.query.version),
      ),
  );

  r.get(
    '/api/toolkit/content/sim3',
    {
      schema: {
        tags,
        summary: 'The SIM3 model and its tier thresholds',
        querystring: contentQuery,
      },
      config: { access: toolkitRead },
    },
    (request) => {
      const content = deps.localised(request.query.lang);
      const model = pick(content.sim3Models, request.query.version);
      const tiers = latest(
        content.tiers.filter((t) => t.model.id === model.id && t.model.version === model.version),
      );
      return Promise.resolve({ model, tiers });
    },
  );

  r.get(
    '/api/toolkit/content/services',
    {
      schema: {
        tags,
        summary: 'The services catalogue (FIRST CSIRT Services Framework)',
        querystring: contentQuery,
      },
      config: { access: toolkitRead },
    },
    (request) =>
      Promise.resolve(pick(deps.localised(request.query.lang).services, request.query.version)),
  );

  r.get(
    '/api/toolkit/content/guidance',
    {
      schema: {
        tags,
        summary: 'Best-practice guidance, optionally only what is written for one target (type:id)',
        querystring: z.strictObject({
          lang: localeSchema.default('en'),
          target: z
            .string()
            .max(120)
            .transform((v, ctx) => {
              const [type, ...rest] = v.split(':');
              const parsed = guidanceTargetSchema.safeParse({ type, id: rest.join(':') });
              if (!parsed.success) {
                ctx.addIssue({
                  code: 'custom',
                  message: 'must be <type>:<id>, e.g. sim3-parameter:O-1',
                });
                return z.NEVER;
              }
              return parsed.data;
            })
            .optional(),
        }),
      },
      config: { access: toolkitRead },
    },
    (request) => {
      const libraries = deps.localised(request.query.lang).guidance;
      const target = request.query.target;
      const entries = libraries.flatMap((g) =>
        g.entries
          .filter(
            (e) => !target || e.targets.some((x) => x.type === target.type && x.id === target.id),
          )
          .map((e) => ({ ...e, library: g.id })),
      );
      const cited = new Set(entries.flatMap((e) => e.citations.map((c) => c.source)));
      const sources = [
        ...new Map(
          libraries
            .flatMap((g) => g.sources)
            .filter((s) => cited.has(s.id))
            .map((s) => [s.id, s]),
        ).values(),
      ];
      return Promise.resolve({ sources, entries });
    },
  );

  r.get(
    '/api/toolkit/projects',
    {
      schema: { tags, summary: 'Establishment projects the caller can see' },
      config: { access: toolkitRead },
    },
    async (request) => {
      const identity = identityOf(request);
      const all = identity.permissions.has('toolkit.all');
      const projects = await listProjects(deps.db.kysely, all ? null : identity.user.id);
      const items = await Promise.all(
        projects.map(async (p) => ({
          ...p,
          myRole: (await memberRole(deps.db.kysely, p.id, identity.user.id)) ?? null,
        })),
      );
      return { items };
    },
  );

  r.post(
    '/api/toolkit/projects',
    {
      schema: {
        tags,
        summary: 'Start an establishment project (the caller becomes its owner)',
        body: newProjectSchema,
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) =>
      reply.code(201).send(await createProject(deps, auditContext(request), request.body)),
  );

  r.get(
    '/api/toolkit/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'A project with its members and what the caller may do',
        params: projectParams,
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const access = await projectFor(
        deps.db.kysely,
        identityOf(request),
        request.params.projectId,
        'read',
      );
      return {
        project: access.project,
        members: await listMembers(deps.db.kysely, access.project.id),
        access: { role: access.role, canEdit: access.canEdit, canManage: access.canManage },
      };
    },
  );

  r.get(
    '/api/toolkit/projects/:projectId/export.json',
    {
      schema: {
        tags,
        summary: 'The whole project (assessments, evidence, documents, roadmap) as one JSON file',
        params: projectParams,
      },
      config: { access: toolkitRead },
    },
    async (request, reply) => {
      const { project } = await projectFor(
        deps.db.kysely,
        identityOf(request),
        request.params.projectId,
        'read',
      );
      const file = await exportProject(deps, project);
      return reply
        .type('application/json')
        .header(
          'content-disposition',
          `attachment; filename="cirtkit-project-${project.id}-${file.exportedAt.slice(0, 10)}.json"`,
        )
        .send(JSON.stringify(file, null, 2));
    },
  );

  r.post(
    '/api/toolkit/projects/import',
    {
      schema: {
        tags,
        summary: 'Continue a project exported elsewhere: checks the whole file, then creates it',
      },
      // A project file carries its evidence files (base64): allow what ten of them need.
      bodyLimit: 150 * 1024 * 1024,
      config: { access: toolkitEdit },
    },
    async (request, reply) =>
      reply.code(201).send(await importProject(deps, auditContext(request), request.body)),
  );

  r.get(
    '/api/toolkit/projects/:projectId/dashboard',
    {
      schema: {
        tags,
        summary: 'Phase, readiness, maturity, services, roadmap progress and next tasks',
        params: projectParams,
        querystring: z.strictObject({ lang: localeSchema.default('en') }),
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
      return projectDashboard(deps, project, request.query.lang);
    },
  );

  r.patch(
    '/api/toolkit/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'Rename a project, move it to another phase or link its registry team',
        params: projectParams,
        body: projectPatchSchema,
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      await projectFor(deps.db.kysely, identityOf(request), request.params.projectId, 'edit');
      return updateProject(deps, auditContext(request), request.params.projectId, request.body);
    },
  );

  r.post(
    '/api/toolkit/projects/:projectId/members',
    {
      schema: {
        tags,
        summary: 'Invite a collaborator (an existing account) or change their role',
        params: projectParams,
        body: newMemberSchema,
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      await projectFor(deps.db.kysely, identityOf(request), request.params.projectId, 'manage');
      return reply
        .code(201)
        .send(
          await addMember(
            deps,
            auditContext(request),
            request.params.projectId,
            request.body.email,
            request.body.role,
          ),
        );
    },
  );

  r.delete(
    '/api/toolkit/projects/:projectId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a collaborator',
        params: projectParams.extend({ userId: z.string().min(1).max(100) }),
      },
      config: { access: toolkitEdit },
    },
    async (request, reply) => {
      await projectFor(deps.db.kysely, identityOf(request), request.params.projectId, 'manage');
      await removeMember(
        deps,
        auditContext(request),
        request.params.projectId,
        request.params.userId,
      );
      return reply.code(204).send();
    },
  );
}
