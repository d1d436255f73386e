import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  punctuationClass,
  searchPunctuation,
} from '../../storage/migrations/0007_incident_search.js';
import { asciiPunctuation, fts5Match, pgTsQuery, searchTerms } from './search.js';

describe('full-text search terms', () => {
  it('splits addresses, references and domains into phrases of their parts', () => {
    assert.deepEqual(searchTerms('  192.0.2.1 CIRT-2026-000042  evil.Example.org '), [
      ['192', '0', '2', '1'],
      ['cirt', '2026', '000042'],
      ['evil', 'example', 'org'],
    ]);
  });

  it('keeps letters of every script and drops what only punctuates', () => {
    assert.deepEqual(searchTerms('Привет 中文 مرحبا -- "" résumé'), [
      ['привет'],
      ['中文'],
      ['مرحبا'],
      ['résumé'],
    ]);
    assert.deepEqual(searchTerms('  ?!  '), []);
  });

  it('builds an FTS5 expression of prefix phrases, all required', () => {
    assert.equal(fts5Match(searchTerms('phish 192.0.2')), '"phish"* AND "192 0 2"*');
  });

  it('builds a tsquery with the last token of each phrase as a prefix', () => {
    assert.equal(pgTsQuery(searchTerms('phish 192.0.2')), "'phish':* & '192' <-> '0' <-> '2':*");
  });

  it('never lets a quote or operator through, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        for (const tokens of searchTerms(q))
          for (const t of tokens) assert.match(t, /^[\p{L}\p{N}\p{M}]+$/u);
        assert.ok(searchTerms(q).length <= 12);
      }),
    );
  });

  it('is what the migration replaces on PostgreSQL', () => {
    assert.equal(asciiPunctuation, searchPunctuation);
    for (let c = 0x21; c < 0x7f; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(/[\p{L}\p{N}]/u.test(ch), !searchPunctuation.includes(ch), ch);
      // The bracket expression the migration gives regexp_replace covers the same characters.
      assert.equal(new RegExp(punctuationClass).test(ch), searchPunctuation.includes(ch), ch);
    }
    assert.equal(new RegExp(punctuationClass).test('é'), false);
  });
});
