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
      { tokens: ['192', '0', '2', '1'], prefix: false },
      { tokens: ['cirt', '2026', '000042'], prefix: false },
      { tokens: ['evil', 'example', 'org'], prefix: false },
    ]);
  });

  it('keeps letters of every script and drops what only punctuates', () => {
    assert.deepEqual(
      searchTerms('Привет 中文 مرحبا -- "" résumé').map((t) => t.tokens),
      [['привет'], ['中文'], ['مرحبا'], ['résumé']],
    );
    assert.deepEqual(searchTerms('  ?!  '), []);
  });

  it('makes a term a prefix only when it ends in a star', () => {
    assert.deepEqual(searchTerms('phish* 192.0.2.* bank'), [
      { tokens: ['phish'], prefix: true },
      { tokens: ['192', '0', '2'], prefix: true },
      { tokens: ['bank'], prefix: false },
    ]);
    assert.deepEqual(searchTerms('*phish'), [{ tokens: ['phish'], prefix: false }]);
  });

  it('builds an FTS5 expression of phrases, all required, prefixes marked', () => {
    assert.equal(fts5Match(searchTerms('phish* 192.0.2')), '"phish"* AND "192 0 2"');
  });

  it('builds a tsquery with whole words, and the last token of a prefix term as a prefix', () => {
    assert.equal(
      pgTsQuery(searchTerms('phish* 192.0.2 10.1.*')),
      "'phish':* & '192' <-> '0' <-> '2' & '10' <-> '1':*",
    );
  });

  it('never lets a quote or operator through, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        for (const term of searchTerms(q))
          for (const t of term.tokens) assert.match(t, /^[\p{L}\p{N}\p{M}]+$/u);
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
