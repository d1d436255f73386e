import { z } from 'zod';
import { AppError, newId, type Clock } from '../../../kernel/index.js';
import type { Db } from '../../../storage/index.js';
import type { ExchangeSubscriptionsTable } from '../../../storage/schema.js';
import { ingest } from '../ingest.js';
import { getPeer, peerRemote, recipientOfPeer } from '../peers/index.js';
import { redact } from '../policy/index.js';
import { defaultTlp } from '../settings.js';
import { listCollections, listObjects } from '../store.js';
import { versionKey } from '../taxii/version.js';
import { PeerError, taxiiRequest, type ClientOptions, type Remote } from './http.js';

export const subscriptionInputSchema = z.strictObject({
  peerId: z.string().min(1),
  /** The id of the peer's collection. */
  remoteCollection: z.string().min(1).max(200),
  /** The local collection received objects go to. */
  localCollection: z.string().min(1),
  intervalSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400)
    .default(3600),
});

export interface Subscription {
  id: string;
  peerId: string;
  remoteCollection: string;
  localCollection: string;
  intervalSeconds: number;
  addedAfter: string | null;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  received: number;
  createdAt: string;
}

const toSubscription = (r: ExchangeSubscriptionsTable): Subscription => ({
  id: r.id,
  peerId: r.peer_id,
  remoteCollection: r.remote_collection,
  localCollection: r.local_collection,
  intervalSeconds: r.interval_seconds,
  addedAfter: r.added_after,
  lastPollAt: r.last_poll_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  failures: r.failures,
  received: r.received,
  createdAt: r.created_at,
});

export async function listSubscriptions(db: Db, peerId?: string): Promise<Subscription[]> {
  let q = db.kysely.selectFrom('exchange_subscriptions').selectAll();
  if (peerId !== undefined) q = q.where('peer_id', '=', peerId);
  return (await q.orderBy('created_at').execute()).map(toSubscription);
}

async function subscriptionRow(db: Db, id: string): Promise<ExchangeSubscriptionsTable> {
  const row = await db.kysely
    .selectFrom('exchange_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No subscription with id ${id}`);
  return row;
}

export async function createSubscription(
  db: Db,
  clock: Clock,
  input: z.input<typeof subscriptionInputSchema>,
): Promise<Subscription> {
  const s = subscriptionInputSchema.parse(input);
  await getPeer(db, s.peerId);
  if (!(await listCollections(db)).some((c) => c.id === s.localCollection))
    throw new AppError('validation_failed', `No local collection with id ${s.localCollection}`, {
      issues: [{ field: 'body.localCollection', message: 'unknown collection' }],
    });
  const existing = await db.kysely
    .selectFrom('exchange_subscriptions')
    .select('id')
    .where('peer_id', '=', s.peerId)
    .where('remote_collection', '=', s.remoteCollection)
    .executeTakeFirst();
  if (existing)
    throw new AppError(
      'conflict',
      'This instance subscribes to that collection of the peer already',
    );
  const row: ExchangeSubscriptionsTable = {
    id: newId(),
    peer_id: s.peerId,
    remote_collection: s.remoteCollection,
    local_collection: s.localCollection,
    interval_seconds: s.intervalSeconds,
    added_after: null,
    last_poll_at: null,
    last_success_at: null,
    last_error: null,
    failures: 0,
    received: 0,
    created_at: clock.now().toISOString(),
  };
  await db.kysely.insertInto('exchange_subscriptions').values(row).execute();
  return toSubscription(row);
}

export async function deleteSubscription(db: Db, id: string): Promise<void> {
  await subscriptionRow(db, id);
  await db.kysely.deleteFrom('exchange_subscriptions').where('id', '=', id).execute();
}

async function remoteOf(db: Db, peerId: string): Promise<Remote> {
  const remote = await peerRemote(db, peerId);
  if (!remote)
    throw new AppError('validation_failed', 'The peer has no TAXII API root: add its URL first', {
      issues: [{ field: 'remote.url', message: 'missing' }],
    });
  return remote;
}

const envelopeSchema = z.looseObject({
  more: z.boolean().optional(),
  next: z.string().max(4000).optional(),
  objects: z.array(z.unknown()).optional(),
});

export interface PollOutcome {
  pages: number;
  received: number;
  refused: number;
  /** The first failures, with their reasons (objects the peer sent that were not valid). */
  failures: { id: string; message?: string }[];
  error: string | null;
}

/** At most this many pages in one poll: a peer that always says `more` cannot keep us busy. */
const maxPages = 10_000;

/**
 * Fetches what the peer added to its collection since the last poll, page by page, and stores
 * it with its provenance (peer, remote collection, time). Each page is stored before the next
 * is asked for and the position saved with it, so an interrupted poll resumes where it stopped;
 * a version already held is recognised by id and `modified`. A peer's error is recorded on the
 * subscription and returned; nothing partial of a page is written.
 */
export async function poll(
  db: Db,
  clock: Clock,
  subscriptionId: string,
  options: ClientOptions & { limit?: number } = {},
): Promise<PollOutcome> {
  const sub = await subscriptionRow(db, subscriptionId);
  const outcome: PollOutcome = { pages: 0, received: 0, refused: 0, failures: [], error: null };
  let addedAfter = sub.added_after;
  const save = async (error: string | null) => {
    const now = clock.now().toISOString();
    await db.kysely
      .updateTable('exchange_subscriptions')
      .set({
        added_after: addedAfter,
        last_poll_at: now,
        ...(error === null ? { last_success_at: now, last_error: null, failures: 0 } : {}),
        ...(error !== null ? { last_error: error, failures: sub.failures + 1 } : {}),
        received: sub.received + outcome.received,
      })
      .where('id', '=', sub.id)
      .execute();
  };
  try {
    const remote = await remoteOf(db, sub.peer_id);
    const filters = new URLSearchParams({ limit: String(options.limit ?? 500) });
    if (addedAfter !== null) filters.set('added_after', addedAfter);
    let next: string | undefined;
    do {
      const query = new URLSearchParams(filters);
      if (next !== undefined) query.set('next', next);
      const answer = await taxiiRequest(
        remote,
        'GET',
        `collections/${encodeURIComponent(sub.remote_collection)}/objects/?${query.toString()}`,
        undefined,
        options,
      );
      const envelope = envelopeSchema.safeParse(answer.body ?? {});
      if (!envelope.success)
        throw new PeerError('the peer answered with something that is not a TAXII envelope', false);
      const objects = envelope.data.objects ?? [];
      const result = await ingest(db, clock, sub.local_collection, objects, {
        source: 'taxii-poll',
        peerId: sub.peer_id,
        collection: sub.remote_collection,
      });
      outcome.pages += 1;
      outcome.received += result.successes.length;
      outcome.refused += result.failures.length;
      for (const f of result.failures.slice(0, 20 - outcome.failures.length))
        outcome.failures.push({ id: f.id, message: f.message });
      const last = answer.headers.get('x-taxii-date-added-last');
      if (last !== null && versionKey(last) !== undefined) addedAfter = last;
      next = envelope.data.more === true ? envelope.data.next : undefined;
      // The position moves only once the page is stored: a crash here re-fetches one page.
      await db.kysely
        .updateTable('exchange_subscriptions')
        .set({ added_after: addedAfter })
        .where('id', '=', sub.id)
        .execute();
    } while (next !== undefined && outcome.pages < maxPages);
    await save(null);
  } catch (error) {
    outcome.error = error instanceof AppError ? error.message : 'the poll failed';
    await save(outcome.error);
  }
  return outcome;
}

/** Subscriptions due now: never polled, or polled longer ago than their interval (doubled after each failure, up to 64 times). */
export function due(subs: readonly Subscription[], now: Date): Subscription[] {
  return subs.filter((s) => {
    if (s.lastPollAt === null) return true;
    const wait = s.intervalSeconds * 1000 * 2 ** Math.min(s.failures, 6);
    return Date.parse(s.lastPollAt) + wait <= now.getTime();
  });
}

export interface PushOutcome {
  status: unknown;
  sent: number;
  /** Objects the TLP policy kept back from this peer, with the reason. */
  withheld: { id: string; reason: string }[];
}

/**
 * Sends selected objects (their latest versions) to a peer's writable collection and follows
 * the status resource until the peer says it is complete (or the wait ends). Every object
 * passes the TLP policy for that peer first: what it may not receive is not sent.
 */
export async function push(
  db: Db,
  peerId: string,
  remoteCollection: string,
  items: readonly { collectionId: string; objectId: string }[],
  options: ClientOptions & { statusWaitMs?: number } = {},
): Promise<PushOutcome> {
  const peer = await getPeer(db, peerId);
  const remote = await remoteOf(db, peerId);
  const recipient = recipientOfPeer(peer);
  const tlp = await defaultTlp(db);
  const objects: unknown[] = [];
  const withheld: { id: string; reason: string }[] = [];
  for (const item of items) {
    const page = await listObjects(db, item.collectionId, { match: { id: [item.objectId] } });
    const stored = page.objects[0];
    if (!stored) throw new AppError('not_found', `No object ${item.objectId} in that collection`);
    const shown = redact(stored.object, recipient, { defaultTlp: tlp });
    if (shown.disclosed) objects.push(shown.object);
    else withheld.push({ id: item.objectId, reason: shown.reason });
  }
  if (objects.length === 0) return { status: null, sent: 0, withheld };
  const answer = await taxiiRequest(
    remote,
    'POST',
    `collections/${encodeURIComponent(remoteCollection)}/objects/`,
    { objects },
    options,
  );
  let status = answer.body as { id?: unknown; status?: unknown } | undefined;
  const until = Date.now() + (options.statusWaitMs ?? 30_000);
  let delay = 250;
  while (status?.status === 'pending' && typeof status.id === 'string' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 5_000);
    status = (
      await taxiiRequest(
        remote,
        'GET',
        `status/${encodeURIComponent(status.id)}/`,
        undefined,
        options,
      )
    ).body as typeof status;
  }
  return { status, sent: objects.length, withheld };
}
