import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { locales, type Locale } from '../accounts/index.js';
import { defaultIncidentsDataDir } from './reference-data.js';

/**
 * E-mail templates as data (`data/incidents/templates/<id>.json`, one text per UN language)
 * and their renderer. Rendering is pure: the same template and values give the same text.
 * Values are inserted as text: in the HTML form they are escaped, in the subject line breaks
 * and control characters are removed, so a value can neither add markup nor a header.
 */
export const templateIds = ['notification', 'acknowledgement'] as const;
export type TemplateId = (typeof templateIds)[number];

const placeholder = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

const text = z.object({ subject: z.string().min(1).max(300), body: z.string().min(1) });

export const templateFileSchema = z
  .strictObject({
    id: z.enum(templateIds),
    description: z.string(),
    placeholders: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/)).min(1),
    languages: z.strictObject(
      Object.fromEntries(locales.map((l) => [l, text])) as Record<Locale, typeof text>,
    ),
  })
  .superRefine((file, ctx) => {
    const known = new Set(file.placeholders);
    for (const lang of locales) {
      for (const part of ['subject', 'body'] as const) {
        for (const match of file.languages[lang][part].matchAll(placeholder)) {
          if (!known.has(match[1]!))
            ctx.addIssue({
              code: 'custom',
              path: ['languages', lang, part],
              message: `uses {{${match[1]}}}, which is not among the placeholders`,
            });
        }
      }
      if (!file.languages[lang].subject.includes('{{reference}}'))
        ctx.addIssue({
          code: 'custom',
          path: ['languages', lang, 'subject'],
          message: 'must carry {{reference}} so that replies thread back to the incident',
        });
    }
  });
export type MailTemplate = z.infer<typeof templateFileSchema>;
export type MailTemplates = Record<TemplateId, MailTemplate>;

/**
 * Reads the templates from `<dir>/templates/`; a file missing there is read from the shipped
 * data. A file that does not match the schema stops the start with the file and field named.
 */
export function loadMailTemplates(dir: string = defaultIncidentsDataDir): MailTemplates {
  const read = (id: TemplateId): MailTemplate => {
    const own = path.join(dir, 'templates', `${id}.json`);
    const file = existsSync(own)
      ? own
      : path.join(defaultIncidentsDataDir, 'templates', `${id}.json`);
    const result = templateFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!result.success)
      throw new Error(
        `${file}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    return result.data;
  };
  return { notification: read('notification'), acknowledgement: read('acknowledgement') };
}

/** `fr-CA`, `FR` and `fr_ca` are French; anything else that is not a UN language is null. */
export function baseLocale(tag: string | null | undefined): Locale | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (locales as readonly string[]).includes(base) ? (base as Locale) : null;
}

/**
 * The language of a message: the first of the contact's languages that has a template, else
 * the organisation's language, else English.
 */
export function chooseLanguage(
  contactLanguages: readonly string[],
  orgLanguage: string | null | undefined,
): Locale {
  for (const tag of contactLanguages) {
    const lang = baseLocale(tag);
    if (lang) return lang;
  }
  return baseLocale(orgLanguage) ?? 'en';
}

export interface RenderedMail {
  lang: Locale;
  subject: string;
  text: string;
  /** The same text as escaped HTML paragraphs. */
  html: string;
}

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

// eslint-disable-next-line no-control-regex
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

function fill(
  template: string,
  values: Readonly<Record<string, string>>,
  each: (v: string) => string,
) {
  return template.replace(placeholder, (_all, name: string) => each(values[name] ?? ''));
}

/** Tidies the text after filling: no trailing spaces, at most one empty line in a row. */
const tidy = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Puts `[REFERENCE]` in front of a subject that does not carry it yet. */
export function subjectWithReference(subject: string, reference: string): string {
  return subject.includes(`[${reference}]`) ? subject : `[${reference}] ${subject}`;
}

/**
 * Renders one template in one language. Missing values render as nothing; values are text:
 * escaped in HTML, made one line in the subject.
 */
export function renderTemplate(
  template: MailTemplate,
  lang: Locale,
  values: Readonly<Record<string, string>>,
): RenderedMail {
  const source = template.languages[lang];
  const subject = oneLine(fill(source.subject, values, oneLine)).replace(/\s{2,}/g, ' ');
  const body = tidy(fill(source.body, values, (v) => v.replace(/\r\n?/g, '\n')));
  const html = tidy(fill(source.body, values, (v) => escapeHtml(v.replace(/\r\n?/g, '\n'))))
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  return {
    lang,
    subject: values.reference ? subjectWithReference(subject, values.reference) : subject,
    text: body,
    html: `<!doctype html>\n<html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}><body>\n${html}\n</body></html>`,
  };
}
