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

/** A dotted-quad IPv4 address as an unsigned 32-bit integer, or an error message. */
export function parseIPv4Address(text: string): number | string {
  // Fast path over character codes (index builds parse many); the slow path explains refusals.
  let address = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 46 : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255 || (digits > 1 && text.charCodeAt(i - digits) === 48)) break;
      address = address * 256 + part;
      if (++dots === 4 && i === text.length) return address;
      [part, digits] = [0, 0];
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + c - 48;
      digits++;
    } else break;
  }
  return explainIPv4(text);
}

function explainIPv4(text: string): string {
  const parts = text.split('.');
  if (parts.length !== 4) return `${text} is not an IPv4 address (four numbers 0-255 with dots)`;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return `${text} is not an IPv4 address (bad part "${part}")`;
    if (part.length > 1 && part.startsWith('0')) {
      return `${text} has a leading zero in "${part}", which some tools read as octal: write it without`;
    }
    if (Number(part) > 255) return `${text} is not an IPv4 address (${part} is over 255)`;
  }
  return `${text} is not an IPv4 address`;
}

export function formatIPv4(address: number): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

const hexGroup = /^[0-9a-fA-F]{1,4}$/;

/** 16-bit groups of one side of `::`, an IPv4 tail counting as two; null when malformed. */
function groupsOf(side: string, last: boolean): number[] | null {
  if (side === '') return [];
  const groups: number[] = [];
  const parts = side.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (hexGroup.test(part)) groups.push(parseInt(part, 16));
    else if (last && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4Address(part);
      if (typeof v4 === 'string') return null;
      groups.push(v4 >>> 16, v4 & 0xffff);
    } else return null;
  }
  return groups;
}

/** An IPv6 address as four big-endian unsigned 32-bit words, or an error message. */
export function parseIPv6Address(text: string): Uint32Array | string {
  if (text.includes('%')) return `${text} has a zone index (%...), which an ownership cannot use`;
  const halves = text.split('::');
  let groups: number[] | null = null;
  if (halves.length === 1) {
    groups = groupsOf(text, true);
    if (groups && groups.length !== 8) groups = null;
  } else if (halves.length === 2) {
    const left = groupsOf(halves[0]!, false);
    const right = groupsOf(halves[1]!, true);
    if (left && right && left.length + right.length <= 7) {
      groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
    }
  }
  if (!groups) return `${text} is not an IPv6 address`;
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i++) words[i] = ((groups[2 * i]! << 16) | groups[2 * i + 1]!) >>> 0;
  return words;
}

/** RFC 5952 text of an IPv6 address: lower case, no leading zeros, longest zero run as `::`. */
export function formatIPv6(words: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) groups.push(words[i]! >>> 16, words[i]! & 0xffff);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = (from: number, to: number) =>
    groups
      .slice(from, to)
      .map((g) => g.toString(16))
      .join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** Clears the bits after `length` in place; answers whether any were set. */
function clearHostBits(words: Uint32Array | number[], length: number): boolean {
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const keep = Math.min(32, Math.max(0, length - 32 * i));
    const mask = keep === 0 ? 0 : keep === 32 ? 0xffffffff : (0xffffffff << (32 - keep)) >>> 0;
    const masked = (words[i]! & mask) >>> 0;
    if (masked !== words[i]) changed = true;
    words[i] = masked;
  }
  return changed;
}

function splitPrefix(raw: string, max: number): { address: string; length: number } | string {
  const slash = raw.indexOf('/');
  if (slash < 0) return { address: raw, length: max };
  const lengthText = raw.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText) || (lengthText.length > 1 && lengthText.startsWith('0'))) {
    return `${raw} has a bad prefix length "${lengthText}" (a number 0-${max})`;
  }
  const length = Number(lengthText);
  if (length > max) return `${raw} has prefix length ${length}, over the maximum of ${max}`;
  return { address: raw.slice(0, slash), length };
}

/** A parsed IP prefix: canonical text, its bits as big-endian words, its length. */
export interface IpPrefix {
  value: string;
  /** Big-endian 32-bit words: one for IPv4, four for IPv6. */
  words: ArrayLike<number>;
  length: number;
}

/** Parses an IPv4 or IPv6 prefix (a bare address is a host prefix), or says why not. */
export function parseIpPrefix(kind: 'ipv4' | 'ipv6', raw: string): IpPrefix | string {
  const v4 = kind === 'ipv4';
  if (v4 && raw.includes(':')) return `${raw} is an IPv6 value, not IPv4`;
  if (!v4 && /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(raw)) return `${raw} is an IPv4 value, not IPv6`;
  const split = splitPrefix(raw, v4 ? 32 : 128);
  if (typeof split === 'string') return split;
  const parsed = v4 ? parseIPv4Address(split.address) : parseIPv6Address(split.address);
  if (typeof parsed === 'string') return parsed;
  const words = typeof parsed === 'number' ? [parsed] : parsed;
  if (clearHostBits(words, split.length)) {
    return `${raw} has host bits set: did you mean ${formatWords(words)}/${split.length}?`;
  }
  return { value: `${formatWords(words)}/${split.length}`, words, length: split.length };
}

/** The canonical text of the network of `length` bits holding an address (1 or 4 words). */
export function networkOf(words: ArrayLike<number>, length: number): string {
  const copy = Uint32Array.from(words);
  clearHostBits(copy, length);
  return `${formatWords(copy)}/${length}`;
}

function formatWords(words: ArrayLike<number>): string {
  return words.length === 1 ? formatIPv4(words[0]!) : formatIPv6(words);
}

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
      const n = parseAsNumber(text);
      return typeof n === 'string' ? fail(n) : { ok: true, value: `AS${n}` };
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
  if (/^(as)?\d+(\.\d+)?$/i.test(text)) {
    const n = parseAsNumber(text);
    if (typeof n === 'string') return fail(n);
    return ok('asn', `AS${n}`, { kind: 'asn', value: `AS${n}` });
  }
  const hostPort = /^([^:[\]]+|\[[^\]]+\]):\d+$/.exec(text);
  if (hostPort) return parseLookupQuery(hostPort[1]!);
  if (text.includes(':')) {
    const unbracketed = text.replace(/^\[(.*)\]$/, '$1');
    return ipTarget('ipv6', unbracketed, 'ipv6');
  }
  if (/^[\d.]+(\/\d+)?$/.test(text)) return ipTarget('ipv4', text, 'ipv4');
  const domain = parseDomain(text);
  return domain.ok ? ok('domain', domain.value, { kind: 'domain', value: domain.value }) : domain;
}
