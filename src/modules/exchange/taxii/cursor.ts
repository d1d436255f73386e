import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../kernel/errors.js';
import { canonicalJson } from '../stix/jcs.js';

/**
 * The opaque `next` token of TAXII 2.1 paging: a keyset position (date_added, seq) signed with
 * an instance secret and bound to the collection and to the filters of the query it continues.
 *
 * The token is `base64url(payload) "." base64url(HMAC-SHA256(secret, payload))`. A token whose
 * signature does not verify (forged, edited, from another instance), one issued for another
 * collection or for other filters is refused with an AppError saying which. Tokens do not
 * expire: a keyset position stays meaningful however old (objects deleted since are skipped,
 * objects added since come after it), so an expiry would only break slow clients.
 */
export interface Cursor {
  /** The `date_added` of the last object of the page. */
  dateAdded: string;
  /** Its `seq`. */
  seq: number;
}

/** The filters a token is bound to; `limit` is not one of them (a client may change it). */
export interface CursorScope {
  collectionId: string;
  filters: unknown;
}

interface Payload {
  v: 1;
  c: string;
  f: string;
  d: string;
  s: number;
}

// Digests of recent filters: a walk asks the same filters page after page, twice a page.
const digests = new Map<string, string>();

/** A short digest of the filters, identical for the same filters in any order of keys. */
export function filtersDigest(filters: unknown): string {
  const text = canonicalJson(filters ?? null);
  let digest = digests.get(text);
  if (digest === undefined) {
    digest = createHmac('sha256', 'cirtkit-taxii-filters')
      .update(text)
      .digest('base64url')
      .slice(0, 22);
    if (digests.size >= 1000) digests.clear();
    digests.set(text, digest);
  }
  return digest;
}

const sign = (secret: Uint8Array, text: string): Buffer =>
  createHmac('sha256', secret).update(text).digest();

export function encodeCursor(cursor: Cursor, scope: CursorScope, secret: Uint8Array): string {
  const payload: Payload = {
    v: 1,
    c: scope.collectionId,
    f: filtersDigest(scope.filters),
    d: cursor.dateAdded,
    s: cursor.seq,
  };
  const text = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${text}.${sign(secret, text).toString('base64url')}`;
}

const refuse = (message: string, reason: string) =>
  new AppError('bad_request', message, { details: { parameter: 'next', reason } });

/** Reads a token for `scope`, or throws an AppError (bad_request) that says what is wrong. */
export function decodeCursor(token: string, scope: CursorScope, secret: Uint8Array): Cursor {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[\w-]+$/.test(parts[0]!) || !/^[\w-]+$/.test(parts[1]!))
    throw refuse('The next token is malformed: it is not a token this server issued', 'malformed');
  const [text, mac] = parts as [string, string];
  const expected = sign(secret, text);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw refuse(
      'The next token was not issued by this server or was altered: its signature does not match',
      'signature',
    );
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Payload;
  } catch {
    throw refuse('The next token is malformed: its content is not readable', 'malformed');
  }
  if (
    payload.v !== 1 ||
    typeof payload.c !== 'string' ||
    typeof payload.f !== 'string' ||
    typeof payload.d !== 'string' ||
    !Number.isSafeInteger(payload.s)
  )
    throw refuse('The next token is malformed: its content is not a position', 'malformed');
  if (payload.c !== scope.collectionId)
    throw refuse(
      'The next token belongs to another collection: continue a listing in the collection it came from',
      'collection',
    );
  if (payload.f !== filtersDigest(scope.filters))
    throw refuse(
      'The next token was issued for other filters: repeat added_after and every match[...] parameter of the first request',
      'filters',
    );
  return { dateAdded: payload.d, seq: payload.s };
}
