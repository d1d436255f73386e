import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { auditContext, typed } from '../accounts/index.js';
import {
  contactPatchSchema,
  newContactSchema,
  newOrgSchema,
  newOwnershipSchema,
  orgListQuerySchema,
  orgPatchSchema,
} from './constituent.schema.js';
import type { ConstituentsDeps } from './deps.js';
import {
  checkItems,
  importConstituents,
  importRefusal,
  parseConstituentsCsv,
  parseConstituentsJson,
} from './import.js';
import { lookupOwnership } from './lookup.service.js';
import { delegatedText, importRir } from './rir-import.js';
import { readRirSource } from './rir-source.js';
import { sectors } from './sectors.js';
import {
  addContact,
  addOwnership,
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  removeContact,
  removeOwnership,
  updateContactOf,
  updateOrganisation,
} from './service.js';
import { listOrgs } from './store.js';

const tags = ['constituents'];
export const constituentsRead = { permission: 'constituents.read' as const };
export const constituentsEdit = { permission: 'constituents.edit' as const };
const id = z.string().min(1).max(100);
const orgParams = z.strictObject({ orgId: id });
const contactParams = z.strictObject({ orgId: id, contactId: id });
const entryParams = z.strictObject({ orgId: id, entryId: id });
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
const rirBody = z
  .strictObject({
    source: z.string().trim().min(1, 'must be a URL or a file name').max(2000),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be two letters as the RIR file writes the country, e.g. KE'),
    orgId: z.string().min(1).max(100).optional(),
    orgName: z.string().trim().max(200).optional(),
    sector: z.enum(sectors).optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => b.orgId !== undefined || (b.orgName ?? '') !== '', {
    path: ['orgName'],
    message: 'name the organisation that receives the address space (or give orgId)',
  });
const importQuery = z.strictObject({ mode: z.enum(['all', 'valid']).default('all'), dryRun: flag });

/** The constituents API: organisations, contacts, ownership, lookup and imports. */
export function constituentsRoutes(app: FastifyInstance, deps: ConstituentsDeps): void {
  const r = typed(app);
  /** The organisation with its contacts and ownership, or a `not_found` naming the id. */
  const orgOrNotFound = async (orgId: string) => {
    const org = await getOrganisation(deps, orgId);
    if (!org) throw new AppError('not_found', `No constituent organisation with id ${orgId}`);
    return org;
  };
  // Imports arrive as CSV files: keep the bytes, the parser checks the encoding itself. The
  // registry registers the same parser when it is mounted first.
  if (!app.hasContentTypeParser('text/csv'))
    app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

  r.get(
    '/api/constituents/orgs',
    {
      schema: {
        tags,
        summary:
          'Organisations, searched by name and filtered by sector, critical flag, verification, country',
        querystring: orgListQuerySchema,
      },
      config: { access: constituentsRead },
    },
    (request) => listOrgs(deps.db.kysely, request.query),
  );

  r.post(
    '/api/constituents/orgs',
    {
      schema: { tags, summary: 'Add an organisation', body: newOrgSchema },
      config: { access: constituentsEdit },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganisation(deps, auditContext(request), request.body)),
  );

  r.get(
    '/api/constituents/orgs/:orgId',
    {
      schema: {
        tags,
        summary: 'An organisation with its contacts (public keys included) and what it owns',
        params: orgParams,
      },
      config: { access: constituentsRead },
    },
    (request) => orgOrNotFound(request.params.orgId),
  );

  r.patch(
    '/api/constituents/orgs/:orgId',
    {
      schema: {
        tags,
        summary: 'Change an organisation (send the revision you read; 409 if it changed since)',
        params: orgParams,
        body: orgPatchSchema,
      },
      config: { access: constituentsEdit },
    },
    (request) =>
      updateOrganisation(deps, auditContext(request), request.params.orgId, request.body),
  );

  r.delete(
    '/api/constituents/orgs/:orgId',
    {
      schema: {
        tags,
        summary:
          'Delete an organisation with its contacts and ownership (409 if an incident names it)',
        params: orgParams,
      },
      config: { access: constituentsEdit },
    },
    async (request, reply) => {
      await deleteOrganisation(deps, auditContext(request), request.params.orgId);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/constituents/orgs/:orgId/contacts',
    {
      schema: {
        tags,
        summary:
          'Add a contact (an OpenPGP public key is checked: readable, not expired or revoked)',
        params: orgParams,
        body: newContactSchema,
      },
      config: { access: constituentsEdit },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addContact(deps, auditContext(request), request.params.orgId, request.body)),
  );

  r.patch(
    '/api/constituents/orgs/:orgId/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Change a contact',
        params: contactParams,
        body: contactPatchSchema,
      },
      config: { access: constituentsEdit },
    },
    (request) =>
      updateContactOf(
        deps,
        auditContext(request),
        request.params.orgId,
        request.params.contactId,
        request.body,
      ),
  );

  r.delete(
    '/api/constituents/orgs/:orgId/contacts/:contactId',
    {
      schema: { tags, summary: 'Remove a contact', params: contactParams },
      config: { access: constituentsEdit },
    },
    async (request, reply) => {
      await removeContact(
        deps,
        auditContext(request),
        request.params.orgId,
        request.params.contactId,
      );
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/constituents/orgs/:orgId/ownership',
    {
      schema: { tags, summary: 'What an organisation owns', params: orgParams },
      config: { access: constituentsRead },
    },
    async (request) => ({ items: (await orgOrNotFound(request.params.orgId)).ownership }),
  );

  r.post(
    '/api/constituents/orgs/:orgId/ownership',
    {
      schema: {
        tags,
        summary:
          'Record an IPv4/IPv6 prefix, AS number or domain (made canonical; host bits set or the wrong family is refused)',
        params: orgParams,
        body: newOwnershipSchema,
      },
      config: { access: constituentsEdit },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addOwnership(deps, auditContext(request), request.params.orgId, request.body)),
  );

  r.delete(
    '/api/constituents/orgs/:orgId/ownership/:entryId',
    {
      schema: { tags, summary: 'Remove an owned value', params: entryParams },
      config: { access: constituentsEdit },
    },
    async (request, reply) => {
      await removeOwnership(
        deps,
        auditContext(request),
        request.params.orgId,
        request.params.entryId,
      );
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/constituents/lookup',
    {
      schema: {
        tags,
        summary:
          'Whose is this? An IP address or prefix, AS number, domain, URL (defanged too) or e-mail address',
        querystring: z.strictObject({ q: z.string().max(2000) }),
      },
      config: { access: constituentsRead },
    },
    (request) => lookupOwnership(deps, request.query.q),
  );

  r.post(
    '/api/constituents/import',
    {
      schema: {
        tags,
        summary:
          'Import organisations, contacts and ownership (text/csv or application/json); per-row errors; mode=all writes nothing if any row is bad',
        querystring: importQuery,
      },
      config: { access: constituentsEdit },
    },
    async (request) => {
      const body = request.body;
      const parsed = Buffer.isBuffer(body)
        ? parseConstituentsCsv(body)
        : parseConstituentsJson(Buffer.from(JSON.stringify(body ?? null)));
      const checked = await checkItems(parsed.items, deps.clock.now());
      const report = await importConstituents(
        deps,
        auditContext(request),
        checked.items,
        [...parsed.errors, ...checked.errors],
        request.query,
      );
      if (!report.written && !report.dryRun) throw importRefusal(report);
      return report;
    },
  );

  r.post(
    '/api/constituents/import/rir',
    {
      schema: {
        tags,
        summary:
          "A country's prefixes and AS numbers from an RIR extended delegated file (a URL, or a file in CIRTKIT_DATA_DIR/imports) to one organisation",
        body: rirBody,
      },
      config: { access: constituentsEdit },
    },
    async (request) => {
      const body = request.body;
      const bytes = await readRirSource(body.source, deps.importDir, deps.fetchLimits);
      const report = await importRir(
        deps,
        auditContext(request),
        delegatedText(bytes, deps.fetchLimits.maxBytes),
        { ...body, sourceRef: body.source },
      );
      if (report.errors.length > 0)
        throw new AppError(
          'validation_failed',
          `${report.errors.length} line(s) of the file are malformed, so nothing was imported`,
          {
            issues: report.errors.map((e) => ({
              field: `line ${e.line} ${e.field}`,
              message: e.message,
            })),
          },
        );
      return report;
    },
  );
}
