/**
 * IPv4 and IPv6 addresses and prefixes as numbers: parsing with precise refusals, canonical text
 * (RFC 5952 for IPv6), host-bit checks. Pure; the ownership values build on it.
 *
 * @example
 * parseIpPrefix('ipv4', '192.0.2.0/24'); // { value: '192.0.2.0/24', words: [3221225984], length: 24 }
 * ipv4PrefixKey('192.0.2.0/24'); // 24 * 2 ** 32 + 3221225984
 */
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

/**
 * The key `length · 2³² + network` of an IPv4 prefix written exactly canonically
 * (`192.0.2.0/24`: no leading zeros, no host bits, no spaces), or -1 for any other text, which
 * `parseIpPrefix` then canonicalises or explains. Allocates nothing: index builds parse many.
 */
export function ipv4PrefixKey(text: string): number {
  let address = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 3 || (digits === 1 && part === 0)) return -1;
      part = part * 10 + c - 48;
      digits++;
    } else if ((c === 46 && dots < 3) || (c === 47 && dots === 3)) {
      if (digits === 0 || part > 255) return -1;
      address = address * 256 + part;
      dots++;
      part = 0;
      digits = 0;
      if (c === 47) break;
    } else return -1;
  }
  if (dots !== 4 || i === text.length) return -1;
  let length = 0;
  const from = ++i;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || i - from === 2 || (i > from && length === 0)) return -1;
    length = length * 10 + c - 48;
  }
  if (i === from || length > 32) return -1;
  const host = length === 32 ? 0 : 2 ** (32 - length) - 1;
  if (address % (host + 1) !== 0) return -1;
  return length * 4294967296 + address;
}

const groupScratch = new Uint16Array(8);

/** The value of a hexadecimal digit's character code, -1 for another character. */
const hexValue = (c: number) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/** Reads colon-separated groups of text[from, to) into `groups` from `at`; their count or -1. */
function readGroups(text: string, from: number, to: number, groups: Uint16Array, at: number) {
  if (from === to) return 0;
  let count = 0;
  let value = 0;
  let digits = 0;
  for (let i = from; i <= to; i++) {
    const c = i === to ? 58 : text.charCodeAt(i);
    if (c === 58) {
      if (digits === 0 || at + count === 8) return -1;
      groups[at + count++] = value;
      value = 0;
      digits = 0;
    } else {
      const h = hexValue(c);
      if (h < 0 || digits === 4) return -1;
      value = value * 16 + h;
      digits++;
    }
  }
  return count;
}

/**
 * Reads an IPv6 prefix written plainly (hex groups, at most one `::`, an optional `/length`,
 * host bits clear; no IPv4 tail, zone or spaces) into `words` without allocating, and answers
 * its length; -1 for any other text, which `parseIpPrefix` then reads or explains.
 */
export function readIPv6Prefix(text: string, words: Uint32Array): number {
  const slash = text.indexOf('/');
  const end = slash < 0 ? text.length : slash;
  let length = 128;
  if (slash >= 0) {
    const digits = text.length - slash - 1;
    if (digits < 1 || digits > 3 || (digits > 1 && text.charCodeAt(slash + 1) === 48)) return -1;
    length = 0;
    for (let i = slash + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      length = length * 10 + c - 48;
    }
    if (length > 128) return -1;
  }
  const groups = groupScratch;
  const gap = text.indexOf('::');
  if (gap < 0 || gap >= end) {
    if (readGroups(text, 0, end, groups, 0) !== 8) return -1;
  } else {
    if (text.indexOf('::', gap + 1) >= 0 && text.indexOf('::', gap + 1) < end) return -1;
    const left = readGroups(text, 0, gap, groups, 0);
    const right = left < 0 ? -1 : readGroups(text, gap + 2, end, groups, left);
    if (right < 0 || left + right > 7) return -1;
    for (let i = right - 1; i >= 0; i--) groups[8 - right + i] = groups[left + i]!;
    groups.fill(0, left, 8 - right);
  }
  for (let w = 0; w < 4; w++) {
    const word = ((groups[2 * w]! << 16) | groups[2 * w + 1]!) >>> 0;
    const keep = Math.min(32, Math.max(0, length - 32 * w));
    const mask = keep === 0 ? 0 : keep === 32 ? 0xffffffff : (0xffffffff << (32 - keep)) >>> 0;
    if ((word & mask) >>> 0 !== word) return -1;
    words[w] = word;
  }
  return length;
}
