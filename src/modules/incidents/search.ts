/**
 * Full-text search terms. A query is split into terms at white space; each term into tokens of
 * letters, digits and marks (so `192.0.2.1`, `CIRT-2026-000042` or `evil.example.org` become
 * phrases of their parts). Every term must match, each token as a whole word; a term ending in
 * `*` matches its last token as a prefix (`phish*` finds *phishing*). Both engines index the
 * same tokens: SQLite's FTS5 `unicode61` tokenizer splits the same way, and on PostgreSQL
 * migration 0007 turns ASCII punctuation into spaces before `to_tsvector('simple')`.
 *
 * Whole words are the default because they are what an index answers at once: a prefix makes
 * both engines gather every word that begins so before they can stop at the first page
 * (for a stem as common as `report*` that is most of the index).
 */

const maxTerms = 12;
const maxTokens = 12;
const token = /[\p{L}\p{N}\p{M}]+/gu;

export interface SearchTerm {
  /** Lower-cased tokens that must follow each other (a phrase). */
  tokens: string[];
  /** The last token matches any word it begins. */
  prefix: boolean;
}

/** The terms of a query; empty when it holds nothing searchable. */
export function searchTerms(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const word of q.trim().split(/\s+/u)) {
    const tokens = (word.toLowerCase().match(token) ?? []).slice(0, maxTokens);
    if (tokens.length > 0) terms.push({ tokens, prefix: word.endsWith('*') });
    if (terms.length === maxTerms) break;
  }
  return terms;
}

/** An FTS5 MATCH expression: `"192 0 2" AND "phish"*`. Tokens hold no quotes. */
export function fts5Match(terms: readonly SearchTerm[]): string {
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

/** A `to_tsquery('simple', ...)` text: `'192' <-> '0' <-> '2' & 'phish':*`. */
export function pgTsQuery(terms: readonly SearchTerm[]): string {
  return terms
    .map((t) =>
      t.tokens
        .map((token, i) => (t.prefix && i === t.tokens.length - 1 ? `'${token}':*` : `'${token}'`))
        .join(' <-> '),
    )
    .join(' & ');
}

/**
 * ASCII punctuation, replaced by spaces before PostgreSQL's parser sees a document, so that it
 * finds the same tokens as `searchTerms` (it would otherwise keep `192.0.2.1` or `a.example.org`
 * whole and read `-2026` as a signed number).
 */
export const asciiPunctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
