/**
 * E-mail addresses as found in incoming mail. Whatever the From header yields becomes the
 * reporter of an incident and the recipient of its acknowledgement, so only a real addr-spec
 * (RFC 5322 §3.4.1, UTF-8 allowed as in RFC 6531) counts: a local part and a domain, both well
 * formed. Every check walks the characters once; header values come from anyone.
 */

/** Longest address a mail server accepts in a path (RFC 5321 §4.5.3.1.3, less the brackets). */
const maxAddress = 254;
const maxLocalPart = 64;
const maxDomain = 253;
const maxLabel = 63;

/** RFC 5322 atext, plus any non-ASCII unit (RFC 6531). */
function isAtext(code: number): boolean {
  if (code >= 0x80) return true;
  if (code >= 0x30 && code <= 0x39) return true; // 0-9
  if (code >= 0x41 && code <= 0x5a) return true; // A-Z
  if (code >= 0x61 && code <= 0x7a) return true; // a-z
  return "!#$%&'*+-/=?^_`{|}~".includes(String.fromCharCode(code));
}

/** `word.word…`: atext runs joined by single dots, none at either end. */
function isDotAtom(text: string): boolean {
  if (text === '' || text.startsWith('.') || text.endsWith('.')) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2e) {
      if (text.charCodeAt(i - 1) === 0x2e) return false;
    } else if (!isAtext(code)) return false;
  }
  return true;
}

/** A unit allowed in a quoted string: printable, space or tab, or non-ASCII; no line breaks. */
const isQuotable = (code: number) => code === 0x09 || (code >= 0x20 && code !== 0x7f);

/** `"…"`: quotable units, with `"` and `\` only as backslash pairs. */
function isQuotedString(text: string): boolean {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return false;
  for (let i = 1; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) {
      i++;
      if (i >= text.length - 1 || !isQuotable(text.charCodeAt(i))) return false;
    } else if (code === 0x22 || !isQuotable(code)) return false;
  }
  return true;
}

/** One host name label: letters, digits (any script) and inner hyphens. */
function isLabel(label: string): boolean {
  if (label.length === 0 || label.length > maxLabel) return false;
  if (label.startsWith('-') || label.endsWith('-')) return false;
  for (let i = 0; i < label.length; i++) {
    const code = label.charCodeAt(i);
    const ascii =
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      code === 0x2d;
    if (!ascii && code < 0x80) return false;
  }
  return true;
}

/** A host name (`mail.example.org`, an IDN in Unicode) or an address literal (`[192.0.2.1]`). */
function isDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > maxDomain) return false;
  if (domain.startsWith('[') && domain.endsWith(']')) {
    if (domain.length < 3) return false;
    for (let i = 1; i < domain.length - 1; i++) {
      const code = domain.charCodeAt(i);
      if (code <= 0x20 || code >= 0x7f || code === 0x5b || code === 0x5c || code === 0x5d)
        return false;
    }
    return true;
  }
  return domain.split('.').every(isLabel);
}

/** Whether the text is one addr-spec, `local-part@domain`, and nothing else. */
export function isAddrSpec(text: string): boolean {
  if (text.length === 0 || text.length > maxAddress) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > maxLocalPart) return false;
  return (isDotAtom(local) || isQuotedString(local)) && isDomain(domain);
}

const isSeparator = (unit: string) =>
  unit === ',' || unit === ';' || unit === '<' || unit === '>' || /\s/.test(unit);

/**
 * The first address of a raw address header (`"Alice" <alice@example.org>`,
 * `alice@example.org (Alice)`), read without parsing the header: the first `<…>` holding an
 * addr-spec, else the first bare addr-spec between separators; null when there is none. A
 * display name is never taken for the address (`"x@y.example" <victim>` has none).
 */
export function firstAddressIn(value: string): string | null {
  let open = -1;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '<') open = i;
    else if (value[i] === '>' && open !== -1) {
      const inner = value.slice(open + 1, i).trim();
      if (isAddrSpec(inner)) return inner;
      open = -1;
    }
  }
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && !isSeparator(value[i]!)) continue;
    if (i > start) {
      const token = value.slice(start, i);
      if (isAddrSpec(token)) return token;
    }
    start = i + 1;
  }
  return null;
}
