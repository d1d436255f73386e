/**
 * Ownership values (IPv4/IPv6 prefixes, AS numbers, domain names) and lookup queries: parsing,
 * canonical forms and precise refusals. Pure: no I/O.
 *
 * @example
 * parseOwnershipValue('ipv4', '192.0.2.1/24');
 * // { ok: false, message: '192.0.2.1/24 has host bits set: did you mean 192.0.2.0/24?' }
 * parseLookupQuery('hxxps://www[.]example[.]org/x');
 * // { ok: true, kind: 'url', normalised: 'https://www.example.org/x',
 * //   target: { kind: 'domain', value: 'www.example.org' } }
 */
import { domainToASCII } from 'node:url';
import { formatIPv4, parseIPv6Address, parseIpPrefix } from './ip-address.js';

export {
  parseIPv4Address,
  parseIPv6Address,
  formatIPv4,
  formatIPv6,
  parseIpPrefix,
  networkOf,
  ipv4PrefixKey,
  readIPv6Prefix,
  type IpPrefix,
} from './ip-address.js';

export type OwnershipKind = 'ipv4' | 'ipv6' | 'asn' | 'domain';
export type ParsedValue = { ok: true; value: string } | { ok: false; message: string };
export interface LookupTarget {
  kind: OwnershipKind;
  value: string;
}
export interface LookupQuery {
  kind: OwnershipKind | 'url' | 'email';
  /** The query as understood (refanged, canonical), for display. */
  normalised: string;
  /** What is looked up in the ownership index. */
  target: LookupTarget;
}
export type ParsedLookupQuery = ({ ok: true } & LookupQuery) | { ok: false; message: string };

export const ownershipKinds: readonly OwnershipKind[] = ['ipv4', 'ipv6', 'asn', 'domain'];
const maxAsn = 4294967295;
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** An AS number from `64500`, `AS64500`, `as64500` or asdot `1.10`, or an error message. */
export function parseAsNumber(raw: string): number | string {
  const text = raw.replace(/^as/i, '');
  const dot = /^(\d{1,5})\.(\d{1,5})$/.exec(text);
  if (dot) {
    const [high, low] = [Number(dot[1]), Number(dot[2])];
    if (high > 65535 || low > 65535) return `${raw}: each half of an asdot AS number is 0-65535`;
    return high * 65536 + low;
  }
  if (!/^\d{1,10}$/.test(text)) return `${raw} is not an AS number (AS64500, 64500 or asdot 1.10)`;
  if (text.length > 1 && text.startsWith('0')) return `${raw} has a leading zero`;
  const n = Number(text);
  if (n > maxAsn) return `${raw} is over the largest AS number, ${maxAsn}`;
  return n;
}

/**
 * The first and last AS numbers of a block written `AS64496-AS64511` (also `64496-64511`, spaces
 * around the dash, asdot); a lone AS number is a block of one. Or an error message.
 */
export function parseAsRange(raw: string): { first: number; last: number } | string {
  const dash = raw.indexOf('-');
  if (dash < 0) {
    const n = parseAsNumber(raw.trim());
    return typeof n === 'string' ? n : { first: n, last: n };
  }
  const first = parseAsNumber(raw.slice(0, dash).trim());
  if (typeof first === 'string') return `${raw}: ${first}`;
  const last = parseAsNumber(raw.slice(dash + 1).trim());
  if (typeof last === 'string') return `${raw}: ${last}`;
  if (last < first) return `${raw} ends before it starts: write the lower AS number first`;
  return { first, last };
}

/**
 * The canonical value of an AS block: `AS64496-AS64511`, or `AS64500` for a block of one.
 * An RIR delegated `asn` line (start, count) is `formatAsRange(start, start + count - 1)`.
 */
export function formatAsRange(first: number, last: number): string {
  return first === last ? `AS${first}` : `AS${first}-AS${last}`;
}

function parseDomain(raw: string): ParsedValue {
  let text = raw.toLowerCase();
  if (text.startsWith('*.')) text = text.slice(2);
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text === '') return fail(`"${raw}" is not a domain name`);
  if (text.includes('*')) return fail(`${raw}: a wildcard is only allowed as a leading "*."`);
  if (/^[\d.]+$/.test(text) || text.includes(':')) {
    return fail(`${raw} is an IP address, not a domain name`);
  }
  const ascii = domainToASCII(text);
  if (ascii === '') return fail(`${raw} is not a valid domain name`);
  if (ascii.length > 253) return fail(`${raw} is longer than 253 characters`);
  for (const label of ascii.split('.')) {
    if (label.length === 0) return fail(`${raw} has an empty label`);
    if (label.length > 63) return fail(`${raw} has a label longer than 63 characters`);
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label)) {
      return fail(`${raw} has an invalid label "${label}" (letters, digits, inner hyphens)`);
    }
  }
  if (/^\d+$/.test(ascii.slice(ascii.lastIndexOf('.') + 1))) {
    return fail(`${raw} ends in a numeric label, which no top-level domain is`);
  }
  return { ok: true, value: ascii };
}

/** Parses one ownership value of a kind into its canonical form, or says precisely why not. */
export function parseOwnershipValue(kind: OwnershipKind, raw: string): ParsedValue {
  const text = raw.trim();
  if (text === '') return fail(`an empty ${kind} value`);
  switch (kind) {
    case 'ipv4':
    case 'ipv6': {
      const prefix = parseIpPrefix(kind, text);
      return typeof prefix === 'string' ? fail(prefix) : { ok: true, value: prefix.value };
    }
    case 'asn': {
      const range = parseAsRange(text);
      return typeof range === 'string'
        ? fail(range)
        : { ok: true, value: formatAsRange(range.first, range.last) };
    }
    case 'domain':
      return parseDomain(text);
  }
}

/** Undoes the usual defanging of abuse reports: hxxp(s)://, [.], (.), [:]. */
export function refang(text: string): string {
  return text
    .replace(/^hxxp(s?):\/\//i, 'http$1://')
    .replace(/\[\.\]|\(\.\)|\{\.\}/g, '.')
    .replace(/\[:\]/g, ':')
    .replace(/\[@\]/g, '@');
}

function ipTarget(kind: 'ipv4' | 'ipv6', text: string, queryKind: LookupQuery['kind']) {
  const parsed = parseOwnershipValue(kind, text);
  if (!parsed.ok) return parsed;
  const slash = parsed.value.indexOf('/');
  const address = parsed.value.slice(0, slash);
  const length = Number(parsed.value.slice(slash + 1));
  const bare = !text.includes('/');
  const words = kind === 'ipv6' ? parseIPv6Address(address) : null;
  if (words instanceof Uint32Array && length >= 96) {
    // An IPv4-mapped IPv6 address (::ffff:192.0.2.1) is the IPv4 address it carries.
    if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) {
      const v4 = `${formatIPv4(words[3]!)}/${length - 96}`;
      const shown = `::ffff:${formatIPv4(words[3]!)}${bare ? '' : `/${length}`}`;
      return ok(queryKind, queryKind === kind ? shown : text, { kind: 'ipv4', value: v4 });
    }
  }
  const shown = bare ? address : parsed.value;
  return ok(queryKind, queryKind === kind ? shown : text, { kind, value: parsed.value });
}

const ok = (kind: LookupQuery['kind'], normalised: string, target: LookupTarget) =>
  ({ ok: true, kind, normalised, target }) as const;

function hostTarget(host: string, queryKind: 'url' | 'email', normalised: string) {
  const inner = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : null;
  if (inner !== null) {
    const kind = inner.includes(':') ? 'ipv6' : 'ipv4';
    const parsed = ipTarget(kind, inner.replace(/^ipv6:/i, ''), queryKind);
    return parsed.ok ? { ...parsed, normalised } : parsed;
  }
  if (/^[\d.]+$/.test(host)) {
    const parsed = ipTarget('ipv4', host, queryKind);
    return parsed.ok ? { ...parsed, normalised } : parsed;
  }
  const domain = parseDomain(host);
  return domain.ok ? ok(queryKind, normalised, { kind: 'domain', value: domain.value }) : domain;
}

/** Text a lookup reads as an AS number or block: `AS64500`, `64500`, `1.10`, `AS1-AS2`. */
const asNumberText = /^(as)?\d+(\.\d+)?(-(as)?\d+(\.\d+)?)?$/i;

/**
 * Understands what a person pastes to ask "whose is this?": an IP address or prefix, an AS
 * number, a domain, a URL (defanged forms too) or an e-mail address.
 */
export function parseLookupQuery(raw: string): ParsedLookupQuery {
  const text = refang(raw.trim());
  if (text === '') return fail('an empty query');
  if (/\s/.test(text)) return fail(`"${raw.trim()}" has spaces: give one value`);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (scheme || (/^[^/:@]+(:\d+)?\//.test(text) && !/^[\d.]+\/\d+$/.test(text))) {
    let url: URL;
    try {
      url = new URL(scheme ? text : `http://${text}`);
    } catch {
      return fail(`${raw.trim()} is not a valid URL`);
    }
    if (url.hostname === '') return fail(`${raw.trim()} has no host to look up`);
    return hostTarget(url.hostname, 'url', url.href);
  }
  const at = text.lastIndexOf('@');
  if (at >= 0 && /^mailto:/i.test(text)) return parseLookupQuery(text.slice(7));
  if (at >= 0) {
    const local = text.slice(0, at);
    if (local === '') return fail(`${raw.trim()} has nothing before the @`);
    const result = hostTarget(text.slice(at + 1), 'email', '');
    if (!result.ok) return fail(`${raw.trim()}: ${result.message}`);
    const host = result.target.kind === 'domain' ? result.target.value : text.slice(at + 1);
    return { ...result, normalised: `${local}@${host}` };
  }
  if (asNumberText.test(text)) {
    const range = parseAsRange(text);
    if (typeof range === 'string') return fail(range);
    const value = formatAsRange(range.first, range.last);
    return ok('asn', value, { kind: 'asn', value });
  }
  const hostPort = /^([^:[\]]+|\[[^\]]+\]):\d+$/.exec(text);
  if (hostPort) return parseLookupQuery(hostPort[1]!);
  if (text.includes(':')) {
    const unbracketed = text.replace(/^\[(.*)\]$/, '$1');
    return ipTarget('ipv6', unbracketed, 'ipv6');
  }
  if (/^[\d.]+(\/\d+)?$/.test(text)) return ipTarget('ipv4', text, 'ipv4');
  const domain = parseDomain(text);
  if (!domain.ok) return domain;
  // `as1.` is the one-label domain as1, but `as1` typed again is AS1: such a domain keeps its
  // root dot in the text shown, so the query as understood asks the same thing when re-run.
  const shown = asNumberText.test(domain.value) ? `${domain.value}.` : domain.value;
  return ok('domain', shown, { kind: 'domain', value: domain.value });
}
