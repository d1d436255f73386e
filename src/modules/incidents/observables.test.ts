import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseObservable } from './observables.js';

describe('observable normalisation', () => {
  it('gives one canonical form to network observables, defanged ones included', () => {
    assert.deepEqual(normaliseObservable('ipv4', ' 192.0.2.10 '), {
      ok: true,
      kind: 'ipv4',
      value: '192.0.2.10',
      lookup: true,
    });
    assert.deepEqual(normaliseObservable('domain', 'Example[.]ORG'), {
      ok: true,
      kind: 'domain',
      value: 'example.org',
      lookup: true,
    });
    const url = normaliseObservable('url', 'hxxps://evil[.]example/login');
    assert.ok(url.ok && url.value.startsWith('https://evil.example/'));
    assert.deepEqual(normaliseObservable('asn', 'as64500'), {
      ok: true,
      kind: 'asn',
      value: 'AS64500',
      lookup: true,
    });
  });

  it('lower-cases hashes and checks their length', () => {
    assert.deepEqual(normaliseObservable('md5', 'D41D8CD98F00B204E9800998ECF8427E'), {
      ok: true,
      kind: 'md5',
      value: 'd41d8cd98f00b204e9800998ecf8427e',
      lookup: false,
    });
    const bad = normaliseObservable('sha256', 'abc');
    assert.ok(!bad.ok && /64 hexadecimal digits/.test(bad.message));
  });

  it('refuses a value of another kind, saying what it reads as', () => {
    const wrong = normaliseObservable('ipv4', 'example.org');
    assert.ok(!wrong.ok && /reads as domain, not ipv4/.test(wrong.message));
    assert.equal(normaliseObservable('ipv4', '300.1.1.1').ok, false);
  });

  it('keeps file names as given', () => {
    assert.deepEqual(normaliseObservable('file', 'invoice.pdf.exe'), {
      ok: true,
      kind: 'file',
      value: 'invoice.pdf.exe',
      lookup: false,
    });
  });
});
