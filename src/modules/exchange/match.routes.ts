import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { identityOf, typed, type Identity } from '../accounts/index.js';
import { findOrgsByIds, parseLookupQuery } from '../constituents/index.js';
import {
  actorOf,
  getIncidentFor,
  listObservables,
  type IncidentsDeps,
} from '../incidents/index.js';
import type { ExchangeDeps } from './deps.js';
import { recipientOfUser } from './exchange.routes.js';
import { collectionsOf, indicatorIndex, latestReadable } from './intel.store.js';
import {
  intelKinds,
  observableTerms,
  patternTerms,
  type IntelHit,
  type IntelKind,
  type IntelTerm,
} from './match/index.js';
import { parsePattern } from './pattern/index.js';
import { defaultTlp } from './settings.js';
import type { StixObject } from './stix/index.js';
import { disclosable } from './taxii/caller.js';

const tags = ['exchange'];
const read = { permission: 'exchange.read' as const };

function require(identity: Identity, permission: 'incidents.read' | 'constituents.read') {
  if (!identity.permissions.has(permission))
    throw new AppError('forbidden', `This needs the ${permission} permission`);
}

/** The terms of one object: its pattern's values, or its own values as an observable. */
function termsOf(object: StixObject): IntelTerm[] {
  const o = object as unknown as Record<string, unknown> & { type: string };
  // A revoked object has been withdrawn by its producer: it names nobody any more.
  if (o.revoked === true) return [];
  if (o.type === 'indicator' && o.pattern_type === 'stix' && typeof o.pattern === 'string') {
    const parsed = parsePattern(o.pattern);
    return parsed.ok ? patternTerms(o.pattern, parsed.ast) : [];
  }
  return observableTerms(o);
}

/** Objects whose references name the objects that carry the values. */
const refLists = ['object_refs'] as const;

/**
 * Matching the team's data against threat intelligence: an incident's observables (or any
 * values) against the indicators the reader may see, and the constituents a report or an
 * indicator names, through the ownership index.
 */
export function matchRoutes(
  app: FastifyInstance,
  deps: ExchangeDeps,
  incidents: IncidentsDeps,
): void {
  const r = typed(app);
  const { db, clock } = deps;

  async function hitsFor(
    identity: Identity,
    values: readonly { kind: IntelKind; value: string }[],
  ) {
    const tlps = disclosable(recipientOfUser(identity), await defaultTlp(db));
    const index = await indicatorIndex(db, tlps);
    const now = clock.now();
    const hits = values.flatMap((v) => index.match(v, now));
    const collections = await collectionsOf(db, [...new Set(hits.map((h) => h.indicator.id))]);
    return {
      indicators: index.size,
      hits: hits.map((h: IntelHit) => ({
        ...h,
        collectionId: collections.get(h.indicator.id) ?? null,
      })),
    };
  }

  r.get(
    '/api/exchange/matches/incidents/:id',
    {
      schema: {
        tags,
        summary: "Indicators that name an incident's observables (addresses by prefix)",
        params: z.strictObject({ id: z.string().min(1).max(100) }),
      },
      config: { access: read },
    },
    async (request) => {
      const identity = identityOf(request);
      require(identity, 'incidents.read');
      // The incident's own access rule (TLP, access list) answers first: a 404 for the unreadable.
      const incident = await getIncidentFor(incidents, actorOf(request), request.params.id);
      const observables = await listObservables(db.kysely, incident.id);
      return hitsFor(
        identity,
        observables.map((o) => ({ kind: o.kind, value: o.value })),
      );
    },
  );

  r.post(
    '/api/exchange/matches',
    {
      schema: {
        tags,
        summary: 'Indicators that name any of these values (up to 1,000)',
        body: z.strictObject({
          values: z
            .array(z.strictObject({ kind: z.enum(intelKinds), value: z.string().min(1).max(2048) }))
            .min(1)
            .max(1000),
        }),
      },
      config: { access: read },
    },
    async (request) => hitsFor(identityOf(request), request.body.values),
  );

  r.get(
    '/api/exchange/objects/:objectId/constituents',
    {
      schema: {
        tags,
        summary:
          'The constituents an object names (an indicator, an observable, or the objects a report or grouping refers to)',
        params: z.strictObject({ objectId: z.string().min(1).max(300) }),
      },
      config: { access: read },
    },
    async (request) => {
      const identity = identityOf(request);
      require(identity, 'constituents.read');
      const tlps = disclosable(recipientOfUser(identity), await defaultTlp(db));
      const [root] = await latestReadable(db, [request.params.objectId], tlps);
      if (root === undefined)
        throw new AppError('not_found', `No object ${request.params.objectId}`);
      const objects = [root.object];
      const o = root.object as unknown as Record<string, unknown>;
      const refs = refLists.flatMap((key) =>
        Array.isArray(o[key])
          ? (o[key] as unknown[]).filter((x): x is string => typeof x === 'string')
          : [],
      );
      // A report may name 10,000 objects; the values of the first 5,000 are looked up.
      for (const ref of await latestReadable(db, refs.slice(0, 5000), tlps))
        objects.push(ref.object);
      const terms = objects.flatMap((object) =>
        termsOf(object).map((term) => ({ ...term, objectId: object.id })),
      );
      const index = await incidents.constituents.ownership.get();
      const byOrg = new Map<
        string,
        {
          kind: IntelKind;
          value: string;
          source: string;
          objectId: string;
          rule: string;
          owned: string;
        }[]
      >();
      for (const term of terms) {
        const target = parseLookupQuery(term.value);
        if (!target.ok) continue;
        for (const m of index.lookup(target.target)) {
          const list = byOrg.get(m.orgId) ?? [];
          list.push({ ...term, rule: m.rule, owned: m.value });
          byOrg.set(m.orgId, list);
        }
      }
      const orgs = await findOrgsByIds(db.kysely, [...byOrg.keys()]);
      return {
        objects: objects.length,
        values: terms.length,
        constituents: orgs
          .map((org) => ({
            org: { id: org.id, name: org.name, sector: org.sector, critical: org.critical },
            matched: byOrg.get(org.id) ?? [],
          }))
          .sort((a, b) => a.org.name.localeCompare(b.org.name)),
      };
    },
  );
}
