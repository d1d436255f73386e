import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { firstAddressIn, isAddrSpec } from './address.js';
import { mediaTypeOf } from './parse.js';

describe('addr-spec check', () => {
  it('accepts real addresses: dot-atoms, quoted local parts, IDN and literal domains', () => {
    for (const address of [
      'alice@example.org',
      'a@b',
      'first.last+tag@mail.example.co.uk',
      "o'brien@example.ie",
      '"john smith"@example.org',
      '"a\\"b"@example.org',
      'ivan@пример.рф',
      'δοκιμή@παράδειγμα.δοκιμή',
      'root@[192.0.2.1]',
      'x@[IPv6:2001:db8::1]',
    ])
      assert.ok(isAddrSpec(address), address);
  });

  it('refuses what only looks like one: a part missing, bad dots, spaces, brackets, too long', () => {
    for (const text of [
      '',
      'victim',
      'a@',
      '@example.org',
      'a@@example.org',
      '.a@example.org',
      'a.@example.org',
      'a..b@example.org',
      'a b@example.org',
      '<a@example.org>',
      'a@example..org',
      'a@.example.org',
      'a@example.org.',
      'a@-example.org',
      'a@exa_mple.org',
      'a@exa mple.org',
      'a@[]',
      'a@[1.2\\.3]',
      '"a@example.org',
      '"a"b"@example.org',
      '"a\r\nb"@example.org',
      `${'a'.repeat(65)}@example.org`,
      `a@${'b'.repeat(64)}.org`,
      `a@${'b.'.repeat(130)}org`,
    ])
      assert.ok(!isAddrSpec(text), JSON.stringify(text));
  });

  it('any `local@domain` of word characters and dotted labels passes', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,10}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(word, { minLength: 1, maxLength: 4 }),
        (local, labels) => isAddrSpec(`${local.join('.')}@${labels.join('.')}`),
      ),
    );
  });
});

describe('first address of a raw header', () => {
  it('takes the bracketed address, else a bare one, never a display name', () => {
    assert.equal(firstAddressIn('"Alice" <alice@example.org>'), 'alice@example.org');
    assert.equal(firstAddressIn('alice@example.org (Alice)'), 'alice@example.org');
    assert.equal(firstAddressIn('Bob <bob>, carol@example.org'), 'carol@example.org');
    assert.equal(firstAddressIn('"x@y.example" <victim>'), null);
    assert.equal(firstAddressIn('"A" <a'), null);
    assert.equal(firstAddressIn('a@'), null);
    assert.equal(firstAddressIn('@example.org'), null);
    assert.equal(firstAddressIn('Nobody'), null);
  });

  it('reads 100 KB of a header without an address at once', () => {
    for (const value of ['a'.repeat(100_000), `<${'a@'.repeat(50_000)}`, '<a '.repeat(33_000)]) {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        assert.equal(firstAddressIn(value), null);
        best = Math.min(best, performance.now() - started);
      }
      assert.ok(best < 250, `${value.slice(0, 4)}…: ${best.toFixed(0)} ms`);
    }
  });

  it('whatever the header, what it finds is an addr-spec found in it', () => {
    const unit = fc.constantFrom(...'ab.@<>", ;()[]\\ é'.split(''), 'x@y.org', '<a@b.c>');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const value = units.join('');
        const found = firstAddressIn(value);
        if (found === null) return;
        assert.ok(isAddrSpec(found));
        assert.ok(value.includes(found));
      }),
      { numRuns: 500 },
    );
  });
});

describe('attachment media type', () => {
  it('keeps a type/subtype, lower-cased, and falls back to application/octet-stream', () => {
    assert.equal(mediaTypeOf('Application/PDF'), 'application/pdf');
    assert.equal(mediaTypeOf('application/vnd.ms-excel'), 'application/vnd.ms-excel');
    for (const bad of [
      false,
      undefined,
      null,
      '',
      ';',
      'text',
      'text/',
      '/plain',
      'a/b/c',
      'text/plain x',
    ])
      assert.equal(mediaTypeOf(bad), 'application/octet-stream', String(bad));
  });
});
