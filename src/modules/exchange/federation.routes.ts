import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { identityOf, typed } from '../accounts/index.js';
import { push } from './client/index.js';
import type { ExchangeDeps } from './deps.js';
import {
  checkSignature,
  profileIdentity,
  profileOf,
  signedPayload,
  type ProfileSigner,
  teamProfileExtension,
  teamProfileExtensionId,
  teamProfileSchema,
} from './federation/index.js';
import { ingest } from './ingest.js';
import { listPeers, tlpLevelSchema } from './peers/index.js';
import { redact } from './policy/index.js';
import { recipientOfUser } from './exchange.routes.js';
import { defaultTlp } from './settings.js';
import { cirtkitIdentity } from './stix/markings.js';
import { stixTimestamp } from './stix/timestamp.js';
import type { StixObject } from './stix/schemas.js';
import { createCollection, listCollections, provenanceOf } from './store.js';
import { versionOfKey } from './taxii/version.js';
import { teamIdentity } from './team-identity.js';

const tags = ['exchange'];
const federationAlias = 'federation';

/**
 * Coordinator federation: a national instance publishes its team profile (its STIX identity
 * with the cirtkit team-profile extension) to a coordinator's collection over TAXII; the
 * coordinator lists the profiles it received with where each came from.
 */
export function federationRoutes(
  app: FastifyInstance,
  deps: ExchangeDeps,
  teamName: () => Promise<string>,
  /** Signs each published profile with the team key; without one, profiles go unsigned. */
  signer?: ProfileSigner,
): void {
  const r = typed(app);
  const { db, clock } = deps;

  r.get(
    '/api/exchange/federation/extension-definition',
    {
      schema: { tags, summary: 'The STIX extension-definition of the cirtkit team profile' },
      config: { access: { permission: 'exchange.read' } },
    },
    () => teamProfileExtension,
  );

  r.post(
    '/api/exchange/federation/publish',
    {
      schema: {
        tags,
        summary: 'Publish this team’s profile to a coordinator’s collection over TAXII',
        body: z.strictObject({
          peerId: z.string().min(1),
          remoteCollection: z.string().min(1).max(200),
          tlp: tlpLevelSchema.default('green'),
          profile: teamProfileSchema.omit({ extension_type: true }),
        }),
      },
      config: { access: { permission: 'exchange.manage' } },
    },
    async (request) => {
      const body = request.body;
      let collection = (await listCollections(db)).find((c) => c.alias === federationAlias);
      collection ??= await createCollection(
        db,
        { title: 'Federation (what this team publishes about itself)', alias: federationAlias },
        clock,
      );
      const team = (await teamIdentity(db, clock, await teamName())) as unknown as {
        id: string;
        created: string;
        name: string;
      };
      const modified = stixTimestamp(clock.now());
      const facts = teamProfileSchema.parse({
        extension_type: 'property-extension',
        ...body.profile,
      });
      const signature = signer
        ? await signer(signedPayload({ id: team.id, name: team.name, modified }, facts))
        : undefined;
      const profile = profileIdentity(
        team,
        signature ? { ...facts, signature } : facts,
        modified,
        body.tlp,
      );
      const stored = await ingest(
        db,
        clock,
        collection.id,
        [cirtkitIdentity, teamProfileExtension, profile],
        { source: 'local', userId: identityOf(request).user.id },
      );
      if (stored.failures.length > 0)
        throw new AppError(
          'validation_failed',
          `The profile is not valid STIX: ${stored.failures.map((f) => f.message).join('; ')}`,
        );
      const sent = await push(
        db,
        body.peerId,
        body.remoteCollection,
        [teamProfileExtension.id, profile.id].map((objectId) => ({
          collectionId: collection.id,
          objectId,
        })),
        { attempts: 2, timeoutMs: 20_000 },
      );
      return { identity: profile, ...sent };
    },
  );

  r.get(
    '/api/exchange/federation/profiles',
    {
      schema: {
        tags,
        summary:
          'Team profiles received from other instances (latest version each), with where they came from',
        querystring: z.strictObject({
          country: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
        }),
      },
      config: { access: { permission: 'exchange.read' } },
    },
    async (request) => {
      const rows = await db.kysely
        .selectFrom('stix_objects')
        .select(['id', 'modified', 'object'])
        .where('type', '=', 'identity')
        .where('object', 'like', `%${teamProfileExtensionId}%`)
        .orderBy('id')
        .orderBy('modified', 'desc')
        .execute();
      const recipient = recipientOfUser(identityOf(request));
      const tlp = await defaultTlp(db);
      const latest = new Map<string, (typeof rows)[number]>();
      for (const row of rows) if (!latest.has(row.id)) latest.set(row.id, row);
      const out = [];
      for (const row of latest.values()) {
        const shown = redact(JSON.parse(row.object) as StixObject, recipient, { defaultTlp: tlp });
        if (!shown.disclosed) continue;
        const profile = profileOf(shown.object);
        if (!profile) continue;
        if (request.query.country && profile.country !== request.query.country) continue;
        const version = versionOfKey(row.modified);
        const provenance = (await provenanceOf(db, row.id)).filter((p) => p.version === version);
        // Profiles made here are this team's own; the coordinator's view is of what others sent.
        if (provenance.every((p) => p.source === 'local')) continue;
        const name = (shown.object as { name?: string }).name ?? row.id;
        // The key that counts is the one this team holds for the peer that sent the version.
        const sender = provenance.find((p) => p.peerId !== null)?.peerId;
        const peer = sender ? (await listPeers(db)).find((p) => p.id === sender) : undefined;
        const signature = await checkSignature(
          profile.signature,
          signedPayload(
            { id: row.id, name, modified: (shown.object as { modified: string }).modified },
            profile,
          ),
          peer?.pgpKey,
        );
        const { signature: _signed, ...facts } = profile;
        out.push({
          identityId: row.id,
          name,
          version,
          profile: facts,
          signature,
          provenance,
        });
      }
      return out;
    },
  );
}
