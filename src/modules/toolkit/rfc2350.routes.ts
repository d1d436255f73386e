import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { htmlToPdf } from '../../kernel/index.js';
import { auditContext, identityOf, localeSchema, typed } from '../accounts/index.js';
import { projectFor, type ProjectNeed } from './access.js';
import type { ToolkitDeps } from './deps.js';
import { projectParams, tags, toolkitEdit, toolkitRead } from './project.routes.js';
import {
  renderRfc2350Html,
  renderRfc2350Markdown,
  renderRfc2350Text,
  renderSecurityTxt,
  rfc2350ProfileSchema,
} from './rfc2350.js';
import {
  checkProfile,
  presentRfc2350,
  rfc2350State,
  saveRfc2350,
  signRfc2350,
  validSecurityTxt,
  verifyRfc2350,
} from './rfc2350.service.js';

const langQuery = z.strictObject({ lang: localeSchema.default('en') });
const armoured = z.string().max(100_000);
/** The JSON export is also a valid PUT body: its descriptive keys are accepted and ignored. */
const putBody = z.strictObject({
  revision: z.number().int().min(0),
  profile: rfc2350ProfileSchema,
  format: z.literal('cirtkit.rfc2350').optional(),
  version: z.literal(1).optional(),
  project: z.unknown().optional(),
  updatedAt: z.string().nullable().optional(),
  exportedAt: z.string().optional(),
});
const slug = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 60) || 'team';
const formats = ['txt', 'html', 'md', 'pdf', 'json'] as const;

export function rfc2350Routes(app: FastifyInstance, deps: ToolkitDeps): void {
  const r = typed(app);
  const base = '/api/toolkit/projects/:projectId';
  const reach = (request: FastifyRequest, need: ProjectNeed) =>
    projectFor(
      deps.db.kysely,
      identityOf(request),
      (request.params as { projectId: string }).projectId,
      need,
    );

  r.get(
    `${base}/rfc2350`,
    {
      schema: {
        tags,
        summary: 'The RFC 2350 profile (prefilled from the project until first saved)',
        params: projectParams,
        querystring: langQuery,
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { project, canEdit } = await reach(request, 'read');
      return presentRfc2350(deps, project, canEdit, request.query.lang);
    },
  );

  r.put(
    `${base}/rfc2350`,
    {
      schema: {
        tags,
        summary: 'Save the RFC 2350 profile at a revision (the JSON export is accepted as it is)',
        params: projectParams,
        querystring: langQuery,
        body: putBody,
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      const { project, canEdit } = await reach(request, 'edit');
      const { profile, revision } = request.body;
      await saveRfc2350(deps, auditContext(request), project, profile, revision);
      return presentRfc2350(deps, project, canEdit, request.query.lang);
    },
  );

  r.post(
    `${base}/rfc2350/preview`,
    {
      schema: {
        tags,
        summary: 'Render an unsaved profile: the document as text, security.txt, every problem',
        params: projectParams,
        body: z.strictObject({ profile: rfc2350ProfileSchema, lang: localeSchema.default('en') }),
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { project } = await reach(request, 'read');
      const { profile, lang } = request.body;
      const { meta } = await rfc2350State(deps, project, lang);
      const { issues, key } = await checkProfile(deps, profile, '');
      return {
        text: renderRfc2350Text(profile, { ...meta, key }),
        securityTxt: renderSecurityTxt(profile, deps.clock.now()),
        issues,
        key,
      };
    },
  );

  for (const format of formats)
    r.get(
      `${base}/rfc2350.${format}`,
      {
        schema: {
          tags,
          summary: `The RFC 2350 document as ${format.toUpperCase()}${format === 'json' ? ' (re-importable with PUT)' : ''}`,
          params: projectParams,
          querystring: langQuery,
        },
        config: { access: toolkitRead },
      },
      async (request, reply) => {
        const { project } = await reach(request, 'read');
        const lang = request.query.lang;
        const { document, profile, meta } = await rfc2350State(deps, project, lang);
        const name = slug(profile.contact.shortName || profile.contact.teamName);
        const file = `${name}-rfc2350${lang === 'en' ? '' : `-${lang}`}.${format}`;
        if (format === 'html')
          return reply.type('text/html; charset=utf-8').send(renderRfc2350Html(profile, meta));
        reply.header('content-disposition', `attachment; filename="${file}"`);
        if (format === 'txt')
          return reply.type('text/plain; charset=utf-8').send(renderRfc2350Text(profile, meta));
        if (format === 'md')
          return reply
            .type('text/markdown; charset=utf-8')
            .send(renderRfc2350Markdown(profile, meta));
        if (format === 'pdf')
          return reply
            .type('application/pdf')
            .send(await htmlToPdf(renderRfc2350Html(profile, meta)));
        const body = {
          format: 'cirtkit.rfc2350',
          version: 1,
          project: { id: project.id, name: project.name },
          revision: document.revision,
          updatedAt: document.updatedAt,
          exportedAt: meta.now,
          profile,
        };
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(body, null, 2));
      },
    );

  r.get(
    `${base}/security.txt`,
    {
      schema: {
        tags,
        summary: "The team's security.txt (RFC 9116); refused while it would not be valid",
        params: projectParams,
      },
      config: { access: toolkitRead },
    },
    async (request, reply) => {
      const { project } = await reach(request, 'read');
      const { profile } = await rfc2350State(deps, project, 'en');
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', 'attachment; filename="security.txt"')
        .send(validSecurityTxt(deps, profile).text);
    },
  );

  r.post(
    `${base}/rfc2350/sign`,
    {
      schema: {
        tags,
        summary:
          'Sign the saved RFC 2350 document or security.txt (the private key is used once, never kept)',
        params: projectParams,
        body: z.strictObject({
          document: z.enum(['rfc2350', 'security.txt']),
          privateKey: armoured.min(1, 'must not be empty'),
          passphrase: z.string().max(1000).default(''),
          lang: localeSchema.default('en'),
        }),
      },
      config: { access: toolkitEdit },
    },
    async (request) => {
      const { project } = await reach(request, 'edit');
      return signRfc2350(deps, project, request.body);
    },
  );

  r.post(
    `${base}/rfc2350/verify`,
    {
      schema: {
        tags,
        summary: "Verify a signed document against a given key, or the profile's",
        params: projectParams,
        body: z.strictObject({
          signedText: z.string().min(1, 'must not be empty').max(200_000),
          publicKey: armoured.optional(),
          lang: localeSchema.default('en'),
        }),
      },
      config: { access: toolkitRead },
    },
    async (request) => {
      const { project } = await reach(request, 'read');
      return verifyRfc2350(deps, project, request.body);
    },
  );
}
