/**
 * Full-text search terms. A query is split into terms at white space; each term into tokens of
 * letters, digits and marks (so `192.0.2.1`, `CIRT-2026-000042` or `evil.example.org` become
 * phrases of their parts). Every term must match, the last token of each as a prefix. Both
 * engines index the same tokens: SQLite's FTS5 `unicode61` tokenizer splits the same way, and on
 * PostgreSQL migration 0007 turns ASCII punctuation into spaces before `to_tsvector('simple')`.
 */

const maxTerms = 12;
const maxTokens = 12;
const token = /[\p{L}\p{N}\p{M}]+/gu;

/** The tokens of each term, lower-cased; empty when the query holds nothing searchable. */
export function searchTerms(q: string): string[][] {
  const terms: string[][] = [];
  for (const word of q.trim().split(/\s+/u)) {
    const tokens = (word.toLowerCase().match(token) ?? []).slice(0, maxTokens);
    if (tokens.length > 0) terms.push(tokens);
    if (terms.length === maxTerms) break;
  }
  return terms;
}

/** An FTS5 MATCH expression: `"192 0 2"* AND "phish"*`. Tokens hold no quotes. */
export function fts5Match(terms: readonly string[][]): string {
  return terms.map((tokens) => `"${tokens.join(' ')}"*`).join(' AND ');
}

/** A `to_tsquery('simple', ...)` text: `'192' <-> '0' <-> '2':* & 'phish':*`. */
export function pgTsQuery(terms: readonly string[][]): string {
  return terms
    .map((tokens) =>
      tokens.map((t, i) => (i === tokens.length - 1 ? `'${t}':*` : `'${t}'`)).join(' <-> '),
    )
    .join(' & ');
}

/**
 * ASCII punctuation, replaced by spaces before PostgreSQL's parser sees a document, so that it
 * finds the same tokens as `searchTerms` (it would otherwise keep `192.0.2.1` or `a.example.org`
 * whole and read `-2026` as a signed number).
 */
export const asciiPunctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
