import type { ObservableKind } from '../types.js';

/**
 * Reads a pasted list of observables, one per line, and guesses each one's kind. Reports often
 * carry defanged values (`hxxp://evil[.]example`, `10.0.0[.]1`): they are refanged first. Lines
 * whose kind cannot be told are returned with `kind: null` so the page can name them.
 */
export interface ParsedObservable {
  line: number;
  raw: string;
  value: string;
  kind: ObservableKind | null;
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const hex = /^[0-9a-f]+$/i;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const url = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const domain = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;
const asn = /^as\s?(\d{1,10})$/i;

/** Undoes the usual defanging: hxxp, [.], (.), [dot], [@], [at], [:]. */
export function refang(value: string): string {
  return value
    .trim()
    .replace(/^hxxp(s?)/i, 'http$1')
    .replace(/^fxp/i, 'ftp')
    .replace(/\[\.\]|\(\.\)|\[dot\]|\{\.\}/gi, '.')
    .replace(/\[@\]|\[at\]/gi, '@')
    .replace(/\[:\]/g, ':')
    .replace(/\[\/\/\]/g, '//');
}

function isIPv6(value: string): boolean {
  if (!value.includes(':') || !/^[0-9a-f:.]+$/i.test(value)) return false;
  const double = value.split('::');
  if (double.length > 2) return false;
  const groups = value.split(':').filter((g, i, all) => g !== '' || (i > 0 && i < all.length - 1));
  const last = groups.at(-1) ?? '';
  const v4Tail = ipv4.test(last);
  const hexGroups = v4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => g === '' || /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hexGroups.filter((g) => g !== '').length + (v4Tail ? 2 : 0);
  return double.length === 2 ? count < 8 : count === 8;
}

/** The kind of one value, or null when it looks like none of them. */
export function detectKind(input: string): ObservableKind | null {
  const value = refang(input);
  if (value === '') return null;
  if (ipv4.test(value)) return 'ipv4';
  if (isIPv6(value)) return 'ipv6';
  const as = asn.exec(value);
  if (as && Number(as[1]) <= 4_294_967_295) return 'asn';
  if (hex.test(value)) {
    if (value.length === 32) return 'md5';
    if (value.length === 40) return 'sha1';
    if (value.length === 64) return 'sha256';
  }
  if (url.test(value)) return 'url';
  if (email.test(value)) return 'email';
  if (domain.test(value)) return 'domain';
  return null;
}

/** One observable per non-empty line; duplicates (same kind and value) are kept once. */
export function parseObservables(text: string): ParsedObservable[] {
  const seen = new Set<string>();
  const out: ParsedObservable[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const kind = detectKind(trimmed);
    let value = refang(trimmed);
    if (kind === 'asn') value = `AS${asn.exec(value)![1]}`;
    if (kind === 'domain' || kind === 'md5' || kind === 'sha1' || kind === 'sha256')
      value = value.toLowerCase();
    const key = `${kind}:${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ line: index + 1, raw: trimmed, value, kind });
  });
  return out;
}
