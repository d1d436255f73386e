import { z } from 'zod';
import { tlpLevels, type Tlp } from '../stix/marking-ids.js';
import type { Recipient } from '../policy/disclose.js';

/**
 * Which TLP audience a peer belongs to, seen from this instance (TLP 2.0's terms):
 * - organisation: another instance or unit of this team's own organisation;
 * - client: a constituent of this team, told on need-to-know;
 * - community: a peer CIRT of the community (national CIRTs, the coordinator);
 * - external: anybody else; only TLP:CLEAR reaches it.
 * A peer other than external is a recipient the team chose (TLP:AMBER may go to it).
 */
export const peerRelationships = ['organisation', 'client', 'community', 'external'] as const;
export type PeerRelationship = (typeof peerRelationships)[number];

/** How far the team trusts what the peer sends: shown with everything received from it. */
export const trustLevels = ['high', 'medium', 'low'] as const;

const contactSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email('must be an e-mail address'),
  phone: z.string().trim().max(60).optional(),
});

const remoteSchema = z.strictObject({
  /** The peer's TAXII API root, e.g. https://cirt.example.org/taxii2/cirtkit/ */
  url: z.url('must be the URL of the peer’s TAXII API root'),
  username: z.string().max(200).optional(),
  /** Basic password or bearer token; write-only. */
  secret: z.string().max(1000).optional(),
});

export const peerInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as KEN')
    .optional(),
  registryTeamId: z.string().min(1).max(100).optional(),
  contacts: z.array(contactSchema).max(20).default([]),
  pgpKey: z.string().max(100_000).optional(),
  relationship: z.enum(peerRelationships),
  trust: z.enum(trustLevels).default('medium'),
  remote: remoteSchema.optional(),
});
export type PeerInput = z.input<typeof peerInputSchema>;

export const peerSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  registryTeamId: z.string().nullable(),
  contacts: z.array(contactSchema),
  pgpKey: z.string().nullable(),
  relationship: z.enum(peerRelationships),
  trust: z.enum(trustLevels),
  /** The first characters of the secret the peer uses here, to recognise it; null: none issued. */
  tokenPrefix: z.string().nullable(),
  remote: z
    .object({ url: z.string(), username: z.string().nullable(), hasSecret: z.boolean() })
    .nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Peer = z.infer<typeof peerSchema>;

export const tlpLevelSchema = z.enum(tlpLevels);

/** A line of the sharing policy: a peer or a sharing group, a collection, what it may do. */
export const grantInputSchema = z
  .strictObject({
    collectionId: z.string().min(1),
    peerId: z.string().min(1).optional(),
    groupId: z.string().min(1).optional(),
    canRead: z.boolean().default(true),
    canWrite: z.boolean().default(false),
    /** The TLP levels that may go to the grantee from this collection (TLP itself still rules). */
    tlpLevels: z.array(tlpLevelSchema).min(1).default(['clear', 'green', 'amber']),
  })
  .refine((g) => (g.peerId === undefined) !== (g.groupId === undefined), {
    message: 'name exactly one of peerId and groupId',
    path: ['peerId'],
  });
export type GrantInput = z.input<typeof grantInputSchema>;

export interface Grant {
  id: string;
  collectionId: string;
  peerId: string | null;
  groupId: string | null;
  canRead: boolean;
  canWrite: boolean;
  tlpLevels: Tlp[];
  createdAt: string;
}

export const groupInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  peerIds: z.array(z.string().min(1)).max(1000).default([]),
});

export interface SharingGroup {
  id: string;
  name: string;
  description: string | null;
  peerIds: string[];
  createdAt: string;
}

/** The TLP recipient a peer is: its relationship decides which audience flag it has. */
export function recipientOfPeer(peer: Pick<Peer, 'id' | 'relationship'>): Recipient {
  return {
    kind: 'peer',
    organisationId: peer.id,
    sameOrganisation: peer.relationship === 'organisation',
    client: peer.relationship === 'client',
    community: peer.relationship === 'community',
    // The sharing policy grants collections to peers: the team chose them as recipients. An
    // external peer is only ever shown TLP:CLEAR.
    recipient: peer.relationship !== 'external',
  };
}
