import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from './logger.js';

describe('logger', () => {
  it('never writes passwords, tokens, cookies or authorization headers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      { password: 'hunter2-secret', body: { newPassword: 'n3w-secret', token: 'ck_abc' } },
      'attempt',
    );
    logger.info(
      {
        req: {
          headers: {
            authorization: 'Bearer ck_live',
            cookie: 'cirtkit_session=s3cr3t',
            'x-csrf-token': 'csrf-value',
          },
        },
      },
      'request',
    );
    const text = lines.join('');
    for (const secret of [
      'hunter2-secret',
      'n3w-secret',
      'ck_abc',
      'ck_live',
      's3cr3t',
      'csrf-value',
    ]) {
      assert.equal(text.includes(secret), false, `${secret} leaked`);
    }
    assert.match(text, /\[redacted\]/);
    assert.match(text, /"msg":"attempt"/);
  });
});
