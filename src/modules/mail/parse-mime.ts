/**
 * A structural check of a raw message before it is parsed: mailparser is lenient by design (an
 * unknown charset is decoded as UTF-8, a missing boundary yields an empty body), which would turn
 * a broken report into a silently wrong incident. This walks the MIME tree over the raw bytes
 * and names the first problem precisely. Pure: no I/O.
 */

export interface MimeLimits {
  /** Deepest multipart nesting accepted. */
  maxDepth: number;
  /** Most MIME parts in one message. */
  maxParts: number;
}

export const defaultMimeLimits: MimeLimits = { maxDepth: 20, maxParts: 500 };

export interface RawHeaders {
  /** Lower-case name → unfolded values, in order. */
  get(name: string): string[];
  first(name: string): string | undefined;
}

const transferEncodings = new Set([
  '7bit',
  '8bit',
  'binary',
  'quoted-printable',
  'base64',
  'uuencode',
  'x-uuencode',
  'x-uue',
]);
/** Old DOS code pages mailparser decodes that the WHATWG list does not name. */
const extraCharsets = new Set(['cp437', 'ibm437', 'cp850', 'ibm850', 'cp852', 'ibm852']);

/** Whether a charset name is one the parser really decodes (not silently as UTF-8). */
export function knownCharset(name: string): boolean {
  const label = name.trim().replace(/^"|"$/g, '').toLowerCase();
  if (extraCharsets.has(label)) return true;
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function splitHead(text: string): { head: string; body: string } | null {
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return null;
  if (lf === -1 || (crlf !== -1 && crlf < lf))
    return { head: text.slice(0, crlf), body: text.slice(crlf + 4) };
  return { head: text.slice(0, lf), body: text.slice(lf + 2) };
}

/** Reads a header block (folded lines joined); lines that are not headers are reported. */
export function readHeaders(head: string): { headers: RawHeaders; bad: string | null } {
  const map = new Map<string, string[]>();
  let bad: string | null = null;
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (!current) return;
    const list = map.get(current.name) ?? [];
    list.push(current.value.trim());
    map.set(current.name, list);
    current = null;
  };
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current) {
      current.value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const match = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (match) current = { name: match[1]!.toLowerCase(), value: match[2]! };
    else if (line.trim() !== '' && bad === null) bad = line.slice(0, 80);
  }
  flush();
  return {
    headers: { get: (name) => map.get(name) ?? [], first: (name) => map.get(name)?.[0] },
    bad,
  };
}

/** `multipart/mixed; boundary="x"` → type and lower-case-named parameters. */
export function contentType(value: string | undefined): {
  type: string;
  params: Record<string, string>;
} {
  if (!value) return { type: 'text/plain', params: {} };
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq === -1) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    let val = piece.slice(eq + 1).trim();
    if (val.startsWith('"'))
      val = val.slice(1, val.lastIndexOf('"') > 0 ? val.lastIndexOf('"') : undefined);
    params[key] = val;
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

/** Charsets of the encoded words (`=?koi8-r?B?...?=`) of a header value. */
function encodedWordCharsets(value: string): string[] {
  return [...value.matchAll(/=\?([^?*]+)(?:\*[^?]*)?\?[bBqQ]\?/g)].map((m) => m[1]!);
}

interface Walk {
  parts: number;
  limits: MimeLimits;
}

function checkPart(text: string, partName: string, depth: number, walk: Walk): string | null {
  walk.parts += 1;
  if (walk.parts > walk.limits.maxParts)
    return `the message has more than ${walk.limits.maxParts} MIME parts`;
  if (depth > walk.limits.maxDepth)
    return `MIME parts are nested more than ${walk.limits.maxDepth} levels deep`;
  const split = splitHead(text) ?? { head: text, body: '' };
  const { headers } = readHeaders(split.head);
  const { type, params } = contentType(headers.first('content-type'));
  const where = `part ${partName} (${type})`;
  const cte = headers.first('content-transfer-encoding')?.toLowerCase().replace(/"/g, '');
  if (cte && !transferEncodings.has(cte))
    return `${where} has an unknown Content-Transfer-Encoding "${cte}"`;
  if (type.startsWith('text/') && params.charset && !knownCharset(params.charset))
    return `${where} is written in charset "${params.charset}", which cannot be decoded`;
  if (!type.startsWith('multipart/')) return null;
  const boundary = params.boundary;
  if (!boundary) return `${where} has no boundary parameter`;
  const lines = split.body.split(/\r?\n/);
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  let start = -1;
  let closed = false;
  const bodies: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line !== open && line !== close) continue;
    if (start !== -1) bodies.push(lines.slice(start, i).join('\r\n'));
    if (line === close) {
      closed = true;
      break;
    }
    start = i + 1;
  }
  if (start === -1) return `${where} declares boundary "${boundary}" but the body never uses it`;
  if (!closed)
    return `${where} ends before its closing boundary "--${boundary}--" (the message is cut short)`;
  for (const [index, body] of bodies.entries()) {
    const problem = checkPart(body, `${partName}.${index + 1}`, depth + 1, walk);
    if (problem) return problem;
  }
  return null;
}

/**
 * The first structural problem of a raw message, or null: no header section, a required header
 * missing, an undecodable charset (body part or encoded word), an unknown transfer encoding, a
 * multipart without its boundary, cut short, or nested or split beyond the limits.
 */
export function mimeProblem(raw: Buffer, limits: MimeLimits = defaultMimeLimits): string | null {
  const text = raw.toString('latin1');
  const split = splitHead(text);
  const { headers, bad } = readHeaders(split ? split.head : text);
  if (!split && bad !== null)
    return 'the message has no header section (no blank line after the headers)';
  if (bad !== null) return `the header section has a line that is not a header: "${bad}"`;
  const from = headers.first('from');
  if (from === undefined) return 'the message has no From header';
  if (!/@/.test(from)) return `the From header "${from.slice(0, 80)}" holds no e-mail address`;
  for (const name of ['subject', 'from', 'to', 'cc', 'reply-to'])
    for (const value of headers.get(name))
      for (const charset of encodedWordCharsets(value))
        if (!knownCharset(charset))
          return `the ${name === 'reply-to' ? 'Reply-To' : name[0]!.toUpperCase() + name.slice(1)} header is encoded in charset "${charset}", which cannot be decoded`;
  return checkPart(text, '1', 0, { parts: 0, limits });
}

/** Headers of a raw message read without parsing it, for listing a message that did not parse. */
export function rawHeaders(raw: Buffer): RawHeaders {
  const text = raw.subarray(0, 256 * 1024).toString('utf8');
  return readHeaders(splitHead(text)?.head ?? text).headers;
}
