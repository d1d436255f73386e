/**
 * TAXII 2.1 media types (OASIS TAXII 2.1, section 1.6.8): every request and answer of the
 * TAXII API uses `application/taxii+json;version=2.1`; objects inside envelopes are STIX 2.1.
 */
export const taxiiMediaType = 'application/taxii+json;version=2.1';

interface MediaRange {
  type: string;
  subtype: string;
  params: Map<string, string>;
  q: number;
}

function parseRange(text: string): MediaRange | undefined {
  const [essence, ...rest] = text.split(';');
  const [type, subtype] = (essence ?? '').trim().toLowerCase().split('/');
  if (!type || !subtype) return undefined;
  const params = new Map<string, string>();
  let q = 1;
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const name = p.slice(0, eq).trim().toLowerCase();
    const value = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'q') q = Number(value);
    else params.set(name, value);
  }
  return { type, subtype, params, q: Number.isFinite(q) ? q : 0 };
}

/** Is this a TAXII 2.1 media type (a `version` other than 2.1 is not)? */
function isTaxii21(range: MediaRange): boolean {
  if (range.type !== 'application' || range.subtype !== 'taxii+json') return false;
  const version = range.params.get('version');
  return version === undefined || version === '2.1';
}

/**
 * Does an Accept header allow a TAXII 2.1 answer? No header, `*\/*` and `application/*` do;
 * `application/taxii+json` without a version means the latest, which is 2.1.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept
    .split(',')
    .map(parseRange)
    .some(
      (r) =>
        r !== undefined &&
        r.q > 0 &&
        ((r.type === '*' && r.subtype === '*') ||
          (r.type === 'application' && r.subtype === '*') ||
          isTaxii21(r)),
    );
}

/** Is a request body's Content-Type the TAXII 2.1 media type? */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const range = parseRange(contentType);
  return range !== undefined && isTaxii21(range);
}
