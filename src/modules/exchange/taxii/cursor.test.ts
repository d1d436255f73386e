import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppError } from '../../../kernel/errors.js';
import { decodeCursor, encodeCursor, filtersDigest } from './cursor.js';

const secret = Buffer.alloc(32, 7);
const scope = { collectionId: 'c1', filters: { types: ['indicator'], ids: [] } };
const cursor = { dateAdded: '2026-01-01T00:00:00.001Z', seq: 42 };

const refusedFor = (reason: string) => (error: unknown) =>
  isAppError(error) && error.code === 'bad_request' && error.details?.reason === reason;

describe('TAXII next tokens', () => {
  it('read back what they carry, in URL-safe text', () => {
    const token = encodeCursor(cursor, scope, secret);
    assert.match(token, /^[\w-]+\.[\w-]+$/);
    assert.deepEqual(decodeCursor(token, scope, secret), cursor);
  });

  it('bind filters regardless of key order', () => {
    assert.equal(filtersDigest({ a: 1, b: [2] }), filtersDigest({ b: [2], a: 1 }));
    assert.notEqual(filtersDigest({ a: 1 }), filtersDigest({ a: 2 }));
  });

  it('refuse a forged, edited, foreign, other-collection or other-filter token, saying which', () => {
    const token = encodeCursor(cursor, scope, secret);
    const [payload, mac] = token.split('.') as [string, string];
    const edited = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('"s":42', '"s":1'),
    ).toString('base64url');
    assert.throws(() => decodeCursor(`${edited}.${mac}`, scope, secret), refusedFor('signature'));
    assert.throws(
      () => decodeCursor(token, scope, Buffer.alloc(32, 8)),
      /not issued by this server or was altered/,
    );
    assert.throws(() => decodeCursor('garbage', scope, secret), refusedFor('malformed'));
    assert.throws(() => decodeCursor('a.b.c', scope, secret), refusedFor('malformed'));
    assert.throws(
      () => decodeCursor(token, { ...scope, collectionId: 'c2' }, secret),
      /another collection/,
    );
    assert.throws(
      () => decodeCursor(token, { ...scope, filters: { types: ['malware'], ids: [] } }, secret),
      refusedFor('filters'),
    );
    // Signed but not a position: refused as malformed.
    const bogus = Buffer.from('{"v":1}').toString('base64url');
    const signed = encodeCursor(cursor, scope, secret).split('.')[1]!;
    assert.throws(() => decodeCursor(`${bogus}.${signed}`, scope, secret), refusedFor('signature'));
  });
});
