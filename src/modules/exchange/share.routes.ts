import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { appendAudit, auditContext, identityOf, typed } from '../accounts/index.js';
import { findOrgsByIds, parseLookupQuery } from '../constituents/index.js';
import {
  actorOf,
  appendEvent,
  getIncidentFor,
  listEvents,
  listObservables,
  type IncidentsDeps,
} from '../incidents/index.js';
import type { ExchangeDeps } from './deps.js';
import { ingest } from './ingest.js';
import { listPeers, peerAccess, recipientOfPeer, tlpLevelSchema } from './peers/index.js';
import { defaultTlp } from './settings.js';
import { incidentReport, type ShareableObservable } from './share/index.js';
import { isStixTimestamp, stixTimestamp, type Tlp } from './stix/index.js';
import { listCollections } from './store.js';
import { accessTo } from './taxii/caller.js';
import { teamIdentity } from './team-identity.js';

const tags = ['exchange'];
const share = { permission: 'exchange.share' as const };

const choiceSchema = z.strictObject({
  collectionId: z.string().min(1).max(100),
  tlp: tlpLevelSchema,
  title: z.string().trim().min(1, 'must not be empty').max(300),
  summary: z.string().max(10_000).default(''),
  /** The incident observables to include; absent: all that no constituent owns. */
  observableIds: z.array(z.string().min(1).max(100)).max(1000).optional(),
  indicators: z.boolean().default(true),
});

/** How long a preview may be confirmed: the objects carry its time. */
const previewValidMs = 60 * 60 * 1000;

/**
 * "Share this incident": a preview of the anonymised STIX report exactly as it would be stored
 * and sent (objects, what was left out and why, which peers would receive it), and the
 * confirmation that stores those very objects in the collection, where the sharing policy takes
 * them to peers. The incident's timeline and the audit log record the share.
 */
export function shareRoutes(
  app: FastifyInstance,
  deps: ExchangeDeps,
  incidents: IncidentsDeps,
  teamName: () => Promise<string>,
): void {
  const r = typed(app);
  const { db, clock } = deps;

  async function build(
    request: Parameters<typeof actorOf>[0],
    incidentId: string,
    choice: z.infer<typeof choiceSchema>,
    at: string,
  ) {
    const identity = identityOf(request);
    if (!identity.permissions.has('incidents.read'))
      throw new AppError('forbidden', 'This needs the incidents.read permission');
    const incident = await getIncidentFor(incidents, actorOf(request), incidentId);
    const collection = (await listCollections(db)).find((c) => c.id === choice.collectionId);
    if (!collection)
      throw new AppError(
        'validation_failed',
        `collectionId: no collection ${choice.collectionId}`,
        {
          issues: [{ field: 'collectionId', message: 'no such collection' }],
        },
      );
    const observables = await listObservables(db.kysely, incident.id);
    const known = new Set(observables.map((o) => o.id));
    const unknown = (choice.observableIds ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new AppError(
        'validation_failed',
        `observableIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not observables of this incident`,
        { issues: [{ field: 'observableIds', message: 'not observables of this incident' }] },
      );
    // Who owns each observable: the victim's own assets stay home unless chosen.
    const index = await incidents.constituents.ownership.get();
    const owners = new Map<string, string[]>();
    for (const o of observables) {
      const target = parseLookupQuery(o.value);
      if (target.ok)
        owners.set(o.id, [...new Set(index.lookup(target.target).map((m) => m.orgId))]);
    }
    const orgNames = new Map(
      (await findOrgsByIds(db.kysely, [...new Set([...owners.values()].flat())])).map((org) => [
        org.id,
        org.name,
      ]),
    );
    const shareable: ShareableObservable[] = observables.map((o) => ({
      id: o.id,
      kind: o.kind,
      value: o.value,
      ownedBy: (owners.get(o.id) ?? []).map((id) => orgNames.get(id) ?? id),
    }));
    const statusChanges = (await listEvents(db.kysely, incident.id, { kinds: ['status'] })).map(
      (e) => ({ at: e.at, to: typeof e.body.to === 'string' ? e.body.to : '' }),
    );
    const report = incidentReport({
      incident,
      observables: shareable,
      statusChanges,
      choice,
      identity: await teamIdentity(db, clock, await teamName()),
      at,
    });
    // The peers the sharing policy would give it to, at this TLP, from this collection.
    const fallback = await defaultTlp(db);
    const recipients = [];
    for (const peer of await listPeers(db)) {
      const caller = {
        kind: 'peer' as const,
        peer,
        recipient: recipientOfPeer(peer),
        grants: await peerAccess(db, peer.id),
      };
      if (accessTo(caller, collection.id, fallback).tlps.includes(choice.tlp))
        recipients.push({ id: peer.id, name: peer.name, country: peer.country });
    }
    const warnings: string[] = [];
    if (rank(choice.tlp) < rank(incident.tlp)) warnings.push('tlp-looser-than-incident');
    if (choice.tlp === 'red') warnings.push('red-never-leaves');
    return { incident, collection, report, recipients, warnings };
  }

  r.post(
    '/api/exchange/share/incidents/:id/preview',
    {
      schema: {
        tags,
        summary:
          'Preview an incident shared as an anonymised STIX report: the objects exactly as they would leave, what is left out, who would receive it',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        body: choiceSchema,
      },
      config: { access: share },
    },
    async (request) => {
      const at = stixTimestamp(clock.now());
      const built = await build(request, request.params.id, request.body, at);
      return {
        at,
        reportId: built.report.reportId,
        objects: built.report.objects,
        leftOut: built.report.leftOut,
        recipients: built.recipients,
        warnings: built.warnings,
      };
    },
  );

  r.post(
    '/api/exchange/share/incidents/:id',
    {
      schema: {
        tags,
        summary:
          'Share an incident as previewed: stores the same objects in the collection (give the preview time `at` and confirm: true)',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        body: choiceSchema.extend({
          at: z.string().refine((t) => isStixTimestamp(t), 'must be the preview time'),
          confirm: z.literal(true, 'must be true: the analyst confirms what leaves'),
        }),
      },
      config: { access: share },
    },
    async (request, reply) => {
      const { at, confirm: _confirm, ...choice } = request.body;
      const age = clock.now().getTime() - Date.parse(at);
      if (age < 0 || age > previewValidMs)
        throw new AppError(
          'validation_failed',
          'at: the preview is older than an hour or in the future: preview again',
          { issues: [{ field: 'at', message: 'preview again' }] },
        );
      const built = await build(request, request.params.id, choice, at);
      const result = await ingest(db, clock, built.collection.id, built.report.objects, {
        source: 'local',
        userId: identityOf(request).user.id,
      });
      if (result.failures.length > 0)
        throw new AppError(
          'validation_failed',
          `The report is not valid: ${result.failures.map((f) => `${f.id}: ${f.message ?? ''}`).join('; ')}`,
        );
      const actor = actorOf(request);
      const body = {
        reportId: built.report.reportId,
        collectionId: built.collection.id,
        collectionTitle: built.collection.title,
        tlp: choice.tlp,
        objects: built.report.objects.length,
        leftOut: built.report.leftOut.length,
        recipients: built.recipients.map((p) => p.name),
      };
      await db.kysely.transaction().execute(async (trx) => {
        await appendEvent(trx, built.incident.id, {
          kind: 'shared',
          at: clock.now().toISOString(),
          actorId: actor.userId,
          actorLabel: actor.label,
          body,
        });
        await appendAudit(
          trx,
          db.dialect,
          auditContext(request),
          {
            action: 'exchange.incident_share',
            entityType: 'incident',
            entityId: built.incident.id,
            after: body,
          },
          clock,
        );
      });
      return reply.status(201).send({ ...body, stored: result.successes.length });
    },
  );
}

const order: readonly Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];
const rank = (tlp: string) => order.indexOf(tlp as Tlp);
