import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './password.js';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('a long enough passphrase');
    assert.match(hash, /^scrypt\$32768\$8\$1\$/);
    assert.equal(await verifyPassword('a long enough passphrase', hash), true);
    assert.equal(await verifyPassword('a long enough passphrasE', hash), false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    assert.notEqual(
      await hashPassword('same password here'),
      await hashPassword('same password here'),
    );
  });

  it('treats composed and decomposed Unicode the same (NFC)', async () => {
    const hash = await hashPassword('mot de passe d\u00e9j\u00e0 vu');
    assert.equal(await verifyPassword('mot de passe de\u0301ja\u0300 vu', hash), true);
  });

  it('rejects a malformed stored hash instead of crashing', async () => {
    assert.equal(await verifyPassword('x', 'not-a-hash'), false);
  });

  it('enforces length and refuses trivial or e-mail-based passwords', () => {
    assert.deepEqual(passwordProblems('short'), ['must be at least 12 characters long']);
    assert.ok(
      passwordProblems('aaaaaaaaaaaaaaaa').includes('must not repeat the same few characters'),
    );
    assert.ok(
      passwordProblems('alice-loves-cats', { email: 'alice@example.org' }).includes(
        'must not contain the e-mail address',
      ),
    );
    assert.deepEqual(passwordProblems('correct horse battery staple'), []);
  });

  it('generates one-time passwords that satisfy the policy and differ each time', () => {
    const a = generatePassword();
    assert.equal(a.length, 20);
    assert.deepEqual(passwordProblems(a), []);
    assert.notEqual(a, generatePassword());
  });
});
