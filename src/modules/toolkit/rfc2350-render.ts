import type { Locale } from '../accounts/index.js';
import { escapeHtml as e } from '../../kernel/index.js';
import { groupFingerprint, type KeyInfo } from './openpgp.js';
import {
  documentWords,
  rfc2350Sections,
  sectionHeading,
  type Rfc2350Section,
} from './rfc2350-sections.js';
import type { Rfc2350Profile } from './rfc2350.js';

/**
 * The RFC 2350 document of a profile, built once as sections of items (text, facts, lists)
 * and laid out as plain text, HTML (also printed to PDF) and Markdown, so the formats always
 * say the same thing. Every section of the template appears, filled or marked as not provided.
 */
export type Item =
  | { kind: 'text'; text: string }
  | { kind: 'fact'; label: string; value: string; code?: boolean }
  | { kind: 'list'; label?: string; items: string[] }
  | { kind: 'none'; text: string };

export interface Part {
  section: Rfc2350Section;
  heading: string;
  items: Item[];
}

export interface RenderMeta {
  lang: Locale;
  /** When the profile was saved last; null before the first save (then `now` is shown). */
  updatedAt: string | null;
  now: string;
  key: KeyInfo | null;
  /** Names of services in the document's language, by id (unknown ids show as the id). */
  serviceNames: Readonly<Record<string, string>>;
}

export interface Rfc2350Document {
  lang: Locale;
  title: string;
  generated: string;
  parts: Part[];
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

function valueAt(profile: Rfc2350Profile, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], profile);
}

function itemsOf(section: Rfc2350Section, profile: Rfc2350Profile, meta: RenderMeta): Item[] {
  const w = documentWords(meta.lang);
  const c = profile.contact;
  const t = (value: string): Item[] => (value ? [{ kind: 'text', text: value }] : []);
  const f = (label: string, value: string, code = false): Item[] =>
    value ? [{ kind: 'fact', label, value, code }] : [];
  switch (section.number) {
    case '1':
      return t(fill(w.intro, { team: c.teamName }));
    case '1.1':
      return t((meta.updatedAt ?? meta.now).slice(0, 10));
    case '2.1':
      return [...t(c.teamName), ...f(w.shortName, c.shortName)];
    case '2.8': {
      const k = meta.key;
      const key: Item[] = k
        ? [
            ...f(w.fingerprint, groupFingerprint(k.fingerprint), true),
            ...k.userIds.flatMap((id) => f(w.userIds, id)),
            ...f(w.algorithm, k.algorithm),
            ...f(w.keyExpires, k.expires ? k.expires.slice(0, 10) : w.never),
          ]
        : [];
      return [...key, ...t(c.encryptionInfo)];
    }
    case '2.11':
      return [...t(c.contactMethods), ...f(w.hours, c.hours), ...f(w.emergency, c.emergency)];
    case '5': {
      const names = profile.services.offered.map((id) => meta.serviceNames[id] ?? id);
      const offered: Item[] = names.length
        ? [{ kind: 'list', label: w.servicesOffered, items: names }]
        : [];
      return [...offered, ...t(profile.services.overview)];
    }
    default:
      return section.fields.flatMap((path): Item[] => {
        const value = valueAt(profile, path);
        if (Array.isArray(value))
          return value.length ? [{ kind: 'list', items: value.map(String) }] : [];
        return t(typeof value === 'string' ? value : '');
      });
  }
}

/** The document once, as headings and items; each format below only lays it out. */
export function rfc2350Document(profile: Rfc2350Profile, meta: RenderMeta): Rfc2350Document {
  const w = documentWords(meta.lang);
  const parts = rfc2350Sections.map((section, i) => {
    const items = itemsOf(section, profile, meta);
    const next = rfc2350Sections[i + 1];
    const isParent = next !== undefined && next.number.startsWith(`${section.number}.`);
    if (items.length === 0 && !isParent) items.push({ kind: 'none', text: w.notProvided });
    return { section, heading: sectionHeading(section, meta.lang), items };
  });
  return {
    lang: meta.lang,
    title: fill(w.title, { team: profile.contact.teamName }),
    generated: w.generated,
    parts,
  };
}

// ---------------------------------------------------------------- plain text

/** Display width: East Asian wide characters take two columns. */
const width = (s: string) =>
  [...s].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

/** Wraps each line at `columns` on spaces (never inside a word or URL), indented. */
export function wrap(value: string, indent: string, columns = 72): string[] {
  const out: string[] = [];
  for (const raw of value.split(/\r?\n/)) {
    const hanging = /^\s*([-*•]|\d+[.)])\s/.exec(raw)?.[0].replace(/\S/g, ' ') ?? '';
    let current = indent;
    let fresh = true;
    for (const word of raw.trim().split(/\s+/).filter(Boolean)) {
      const candidate = fresh ? current + word : `${current} ${word}`;
      if (!fresh && width(candidate) > columns) {
        out.push(current);
        current = indent + hanging + word;
      } else current = candidate;
      fresh = false;
    }
    out.push(fresh ? '' : current);
  }
  return out;
}

export function renderRfc2350Text(profile: Rfc2350Profile, meta: RenderMeta): string {
  const doc = rfc2350Document(profile, meta);
  const out = [doc.title, '='.repeat(width(doc.title)), ''];
  for (const part of doc.parts) {
    const underline = part.section.level === 1 ? '=' : part.section.level === 2 ? '-' : '';
    out.push('', part.heading);
    if (underline) out.push(underline.repeat(width(part.heading)));
    out.push('');
    for (const item of part.items) {
      if (item.kind === 'text' || item.kind === 'none') out.push(...wrap(item.text, '   '), '');
      else if (item.kind === 'fact') out.push(...wrap(`${item.label}: ${item.value}`, '   '), '');
      else {
        if (item.label) out.push(`   ${item.label}:`);
        for (const value of item.items) out.push(...wrap(`- ${value}`, '   '));
        out.push('');
      }
    }
  }
  out.push('', `-- ${doc.generated}`, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

// ---------------------------------------------------------------- HTML and Markdown

const css = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", system-ui, sans-serif; color: #1f2328; margin: 0 auto; max-width: 860px; padding: 24px; line-height: 1.5; }
h1 { font-size: 1.6rem; color: #0b2a4a; margin: 0 0 16px; }
h2 { font-size: 1.2rem; color: #0b2a4a; border-block-end: 2px solid #d0d7de; padding-block-end: 4px; margin: 28px 0 8px; break-after: avoid; }
h3 { font-size: 1.02rem; margin: 18px 0 6px; break-after: avoid; }
h4 { font-size: 0.95rem; margin: 14px 0 4px; color: #3b4654; break-after: avoid; }
p, ul { margin: 0 0 8px; }
.none { color: #57606a; font-style: italic; }
.label { font-weight: 600; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
footer { margin-top: 32px; color: #57606a; font-size: 0.8rem; border-block-start: 1px solid #d0d7de; padding-block-start: 8px; }
`;

const paragraphs = (value: string) =>
  value
    .split(/\n\s*\n/)
    .map((p) => `<p>${e(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');

const htmlItem = (item: Item): string => {
  if (item.kind === 'text') return paragraphs(item.text);
  if (item.kind === 'none') return `<p class="none">${e(item.text)}</p>`;
  if (item.kind === 'fact')
    return `<p><span class="label">${e(item.label)}:</span> ${item.code ? `<code>${e(item.value)}</code>` : e(item.value)}</p>`;
  const li = item.items.map(
    (v) => `<li>${/^https?:\/\/\S+$/.test(v) ? `<a href="${e(v)}">${e(v)}</a>` : e(v)}</li>`,
  );
  return `${item.label ? `<p class="label">${e(item.label)}:</p>` : ''}<ul>${li.join('')}</ul>`;
};

export function renderRfc2350Html(profile: Rfc2350Profile, meta: RenderMeta): string {
  const doc = rfc2350Document(profile, meta);
  const body = doc.parts.map((part) => {
    const h = `h${part.section.level + 1}`;
    const id = `s${part.section.number.replace(/\./g, '-')}`;
    return `<section aria-labelledby="${id}"><${h} id="${id}">${e(part.heading)}</${h}>${part.items.map(htmlItem).join('')}</section>`;
  });
  return `<!doctype html>
<html lang="${doc.lang}" dir="${doc.lang === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>${e(doc.title)}</title><style>${css}</style></head>
<body>
<h1>${e(doc.title)}</h1>
${body.join('\n')}
<footer>${e(doc.generated)}</footer>
</body>
</html>
`;
}

/** Markdown-safe text: characters that would start markup are escaped. */
const inline = (value: string) => value.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
/** The same at the start of a line, where "- ", "# " or "1. " would open a block. */
const md = (value: string) => inline(value).replace(/^(\s*)([#+-]|\d+\.)(\s)/gm, '$1\\$2$3');

/** Paragraphs stay paragraphs; a single line break stays a (hard) line break. */
const mdText = (value: string) =>
  value
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.split(/\r?\n/).map(md).join('\\\n'))
    .join('\n\n');

export function renderRfc2350Markdown(profile: Rfc2350Profile, meta: RenderMeta): string {
  const doc = rfc2350Document(profile, meta);
  const out = [`# ${inline(doc.title)}`, ''];
  for (const part of doc.parts) {
    out.push(`${'#'.repeat(part.section.level + 1)} ${inline(part.heading)}`, '');
    for (const item of part.items) {
      if (item.kind === 'text') out.push(mdText(item.text), '');
      else if (item.kind === 'none') out.push(`_${md(item.text)}_`, '');
      else if (item.kind === 'fact')
        out.push(
          `**${md(item.label)}:** ${item.code ? `\`${item.value.replace(/`/g, '')}\`` : md(item.value)}`,
          '',
        );
      else {
        if (item.label) out.push(`**${md(item.label)}:**`, '');
        out.push(...item.items.map((v) => `- ${md(v)}`), '');
      }
    }
  }
  out.push('---', '', md(doc.generated), '');
  return out.join('\n');
}
