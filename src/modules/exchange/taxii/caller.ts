import type { FastifyRequest } from 'fastify';
import { AppError, sha256Hex } from '../../../kernel/index.js';
import { identityFromToken, type Identity } from '../../accounts/index.js';
import type { ExchangeDeps } from '../deps.js';
import {
  peerAccess,
  peerBySecret,
  peersGeneration,
  recipientOfPeer,
  type CollectionAccess,
  type Peer,
} from '../peers/index.js';
import { mayDisclose, type Recipient } from '../policy/index.js';
import { tlpLevels, type Tlp } from '../stix/marking-ids.js';

/**
 * Who calls the TAXII API: a peer with the secret this instance issued to it, or a local user
 * with an API token. A browser session is not accepted here: TAXII writes carry no CSRF token.
 */
export type TaxiiCaller =
  | { kind: 'peer'; peer: Peer; recipient: Recipient; grants: Map<string, CollectionAccess> }
  | { kind: 'user'; identity: Identity; recipient: Recipient };

/** What the caller may do with one collection. */
export interface Access {
  /** The collection is listed to the caller at all. */
  visible: boolean;
  canRead: boolean;
  canWrite: boolean;
  canDelete: boolean;
  /** TLP levels of objects that may reach the caller from this collection. */
  tlps: Tlp[];
}

/** The secret in an Authorization header: `Bearer <secret>` or `Basic base64(name:secret)`. */
export function secretOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic?.[1]) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

const unauthenticated = () =>
  new AppError(
    'unauthenticated',
    'Send the secret this instance issued to your peer, or a user API token, as HTTP Basic password or bearer token',
  );

// A peer asks page after page: keep who it is and what it may read for a moment. Any write to
// peers or grants in this process drops the copy (peersGeneration); another process's change
// (several processes on PostgreSQL) is seen within the TTL.
const peerCache = new Map<string, { at: number; generation: number; caller: TaxiiCaller | null }>();
const peerTtlMs = 2_000;

async function peerCaller(deps: ExchangeDeps, secret: string): Promise<TaxiiCaller | null> {
  const key = sha256Hex(secret);
  const cached = peerCache.get(key);
  if (cached && cached.generation === peersGeneration && Date.now() - cached.at < peerTtlMs)
    return cached.caller;
  const peer = await peerBySecret(deps.db, secret);
  const caller: TaxiiCaller | null = peer
    ? {
        kind: 'peer',
        peer,
        recipient: recipientOfPeer(peer),
        grants: await peerAccess(deps.db, peer.id),
      }
    : null;
  if (peerCache.size > 1000) peerCache.clear();
  peerCache.set(key, { at: Date.now(), generation: peersGeneration, caller });
  return caller;
}

export async function taxiiCaller(
  deps: ExchangeDeps,
  request: FastifyRequest,
): Promise<TaxiiCaller> {
  const secret = secretOf(request.headers.authorization);
  if (secret === undefined) throw unauthenticated();
  const peer = secret.startsWith('ckp_') ? await peerCaller(deps, secret) : null;
  if (peer) return peer;
  const identity = await identityFromToken(deps.accounts, secret);
  if (!identity) throw unauthenticated();
  if (identity.user.mustChangePassword)
    throw new AppError(
      'password_change_required',
      'Change the one-time password before doing anything else',
    );
  if (!identity.permissions.has('exchange.read'))
    throw new AppError('forbidden', 'This needs the permission exchange.read');
  // A local user is of this organisation; TLP:RED still needs a named access list, which the
  // TAXII API does not carry: RED never leaves through it.
  return { kind: 'user', identity, recipient: { kind: 'user', sameOrganisation: true } };
}

/** The TLP levels `recipient` may receive, intersected with `allowed` when given. */
export function disclosable(
  recipient: Recipient,
  defaultTlp: Tlp,
  allowed?: ReadonlySet<Tlp>,
): Tlp[] {
  return tlpLevels.filter(
    (level) =>
      (allowed === undefined || allowed.has(level)) &&
      mayDisclose(level, recipient, { defaultTlp }).allowed,
  );
}

export function accessTo(caller: TaxiiCaller, collectionId: string, defaultTlp: Tlp): Access {
  if (caller.kind === 'user') {
    const p = caller.identity.permissions;
    return {
      visible: true,
      canRead: true,
      canWrite: p.has('exchange.share'),
      canDelete: p.has('exchange.manage'),
      tlps: disclosable(caller.recipient, defaultTlp),
    };
  }
  const grant = caller.grants.get(collectionId);
  if (!grant)
    return { visible: false, canRead: false, canWrite: false, canDelete: false, tlps: [] };
  return {
    visible: true,
    canRead: grant.canRead,
    canWrite: grant.canWrite,
    // A peer deletes what it may write: the objects it pushed there, and others'.
    canDelete: grant.canWrite,
    tlps: grant.canRead ? disclosable(caller.recipient, defaultTlp, grant.tlpLevels) : [],
  };
}
