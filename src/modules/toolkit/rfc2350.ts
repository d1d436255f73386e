import { z } from 'zod';
import type { RuleIssue } from './openpgp.js';

export {
  renderRfc2350Html,
  renderRfc2350Markdown,
  renderRfc2350Text,
  rfc2350Document,
  type RenderMeta,
} from './rfc2350-render.js';

/**
 * The team's RFC 2350 profile, filled once, and what is generated from it: the RFC 2350
 * document as plain text, HTML and Markdown, and the team's security.txt (RFC 9116). The
 * schema checks shape and size; `profileIssues` checks formats (e-mail, URIs, dates), so a
 * draft with a mistake can still be previewed while the same rules refuse it on save.
 */
const text = z.string().trim().max(5000).default('');
const line = z.string().trim().max(300).default('');
const list = (max: number) => z.array(z.string().trim().min(1).max(max)).max(20).default([]);

export const rfc2350ProfileSchema = z.strictObject({
  document: z.strictObject({ distributionList: text, locations: list(500) }).prefault({}),
  contact: z
    .strictObject({
      teamName: z.string().trim().max(200).default(''),
      shortName: z.string().trim().max(60).default(''),
      address: text,
      timeZone: line,
      phone: line,
      fax: line,
      otherTelecom: text,
      email: z.string().trim().max(320).default(''),
      publicKey: z.string().trim().max(100_000).default(''),
      encryptionInfo: text,
      members: text,
      otherInfo: text,
      contactMethods: text,
      hours: line,
      emergency: text,
    })
    .prefault({}),
  charter: z
    .strictObject({ mission: text, constituency: text, sponsorship: text, authority: text })
    .prefault({}),
  policies: z
    .strictObject({ incidentTypes: text, cooperation: text, communication: text })
    .prefault({}),
  services: z
    .strictObject({
      offered: z
        .array(z.string().regex(/^[A-Z]+-\d+$/, 'must be a service id like ISIM-2'))
        .max(50)
        .default([]),
      overview: text,
      incidentResponse: text,
      triage: text,
      coordination: text,
      resolution: text,
      proactive: text,
    })
    .prefault({}),
  reportingForms: text,
  disclaimers: text,
  securityTxt: z
    .strictObject({
      contacts: list(500),
      expires: z.string().trim().max(40).default(''),
      encryption: list(500),
      acknowledgments: list(500),
      preferredLanguages: z.array(z.string().trim().min(1).max(35)).max(20).default([]),
      canonical: list(500),
      policy: list(500),
      hiring: list(500),
    })
    .prefault({}),
});
export type Rfc2350Profile = z.infer<typeof rfc2350ProfileSchema>;

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const languageTag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const uriSchemes = {
  contacts: ['mailto:', 'tel:', 'https:'],
  encryption: ['https:', 'dns:', 'openpgp4fpr:'],
  acknowledgments: ['https:'],
  canonical: ['https:'],
  policy: ['https:'],
  hiring: ['https:'],
} as const;

/** Why a value is not a URI of one of these schemes (message and rule), or null if it is. */
function uriProblem(value: string, schemes: readonly string[]): [string, string] | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [`must be a URI starting with ${schemes.join(' or ')}`, 'uri'];
  }
  if (url.protocol === 'http:' && schemes.includes('https:'))
    return ['must use https://, not http://', 'https_only'];
  if (!schemes.includes(url.protocol)) return [`must start with ${schemes.join(' or ')}`, 'uri'];
  if (url.protocol === 'mailto:' && !emailAddress.test(decodeURIComponent(url.pathname)))
    return ['must name an e-mail address after mailto:', 'mailto'];
  return null;
}

/** RFC 3339 date-time, or null if the value is not one. */
export function parseRfc3339(value: string): Date | null {
  if (!rfc3339.test(value)) return null;
  const time = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * Format problems of a profile (paths relative to the profile), refused on save. Each names a
 * stable `rule` so the web can say it in the reader's language.
 */
export function profileIssues(
  profile: Rfc2350Profile,
  knownServices: ReadonlySet<string>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (field: string, message: string, rule: string) =>
    issues.push({ field, message, rule });
  if (profile.contact.teamName === '') add('contact.teamName', 'must not be empty', 'required');
  if (profile.contact.email && !emailAddress.test(profile.contact.email))
    add('contact.email', 'must be an e-mail address', 'email');
  profile.document.locations.forEach((v, i) => {
    if (!/^https?:\/\/\S+$/.test(v))
      add(`document.locations.${i}`, 'must be a web address (https://...)', 'web_address');
  });
  profile.services.offered.forEach((id, i) => {
    if (!knownServices.has(id))
      add(`services.offered.${i}`, `${id} is not a service of the services catalogue`, 'service');
  });
  for (const [name, schemes] of Object.entries(uriSchemes)) {
    const values = profile.securityTxt[name as keyof typeof uriSchemes];
    values.forEach((v, i) => {
      const problem = uriProblem(v, schemes);
      if (problem) add(`securityTxt.${name}.${i}`, ...problem);
    });
  }
  const { expires, preferredLanguages } = profile.securityTxt;
  if (expires && !parseRfc3339(expires))
    add(
      'securityTxt.expires',
      'must be an RFC 3339 date and time, e.g. 2026-12-31T23:59:59Z',
      'rfc3339',
    );
  preferredLanguages.forEach((v, i) => {
    if (!languageTag.test(v))
      add(
        `securityTxt.preferredLanguages.${i}`,
        'must be a language tag such as en or fr',
        'language_tag',
      );
  });
  return issues;
}

// ---------------------------------------------------------------- security.txt (RFC 9116)

export interface SecurityTxtProblem extends RuleIssue {
  severity: 'error' | 'warning';
}

const yearMs = 365 * 24 * 3600 * 1000;

/** What keeps the profile's security.txt from being valid (errors) or advisable (warnings). */
export function securityTxtProblems(profile: Rfc2350Profile, now: Date): SecurityTxtProblem[] {
  const problems: SecurityTxtProblem[] = profileIssues(profile, new Set(profile.services.offered))
    .filter((i) => i.field.startsWith('securityTxt.'))
    .map((i) => ({ ...i, severity: 'error' }));
  const s = profile.securityTxt;
  if (s.contacts.length === 0)
    problems.push({
      field: 'securityTxt.contacts',
      severity: 'error',
      rule: 'contact_required',
      message: 'needs at least one contact: RFC 9116 requires a Contact field',
    });
  const expires = parseRfc3339(s.expires);
  if (s.expires === '')
    problems.push({
      field: 'securityTxt.expires',
      severity: 'error',
      rule: 'expires_required',
      message: 'is required: RFC 9116 requires an Expires field',
    });
  else if (expires && expires.getTime() <= now.getTime())
    problems.push({
      field: 'securityTxt.expires',
      severity: 'error',
      rule: 'expires_passed',
      message: 'has passed: a security.txt must not be used after it expires; set a later date',
    });
  else if (expires && expires.getTime() - now.getTime() > yearMs)
    problems.push({
      field: 'securityTxt.expires',
      severity: 'warning',
      rule: 'expires_far',
      message:
        'is more than a year away: RFC 9116 recommends less than a year, so that the file is reviewed',
    });
  return problems;
}

/** The Expires value in UTC without fractions, e.g. 2026-12-31T23:59:59Z. */
const utc = (value: string) =>
  parseRfc3339(value)
    ?.toISOString()
    .replace(/\.\d{3}Z$/, 'Z') ?? value;

export function renderSecurityTxt(
  profile: Rfc2350Profile,
  now: Date,
): { text: string; problems: SecurityTxtProblem[] } {
  const s = profile.securityTxt;
  const lines = [`# security.txt of ${profile.contact.teamName || 'the team'} (RFC 9116)`];
  const field = (name: string, values: readonly string[]) =>
    values.forEach((v) => lines.push(`${name}: ${v}`));
  field('Contact', s.contacts);
  if (s.expires) lines.push(`Expires: ${utc(s.expires)}`);
  field('Encryption', s.encryption);
  field('Acknowledgments', s.acknowledgments);
  if (s.preferredLanguages.length)
    lines.push(`Preferred-Languages: ${s.preferredLanguages.join(', ')}`);
  field('Canonical', s.canonical);
  field('Policy', s.policy);
  field('Hiring', s.hiring);
  for (const location of profile.document.locations) lines.push(`# RFC 2350 profile: ${location}`);
  // Field values are single lines: a newline typed into one must not smuggle in a field.
  return {
    text: `${lines.map((l) => l.replace(/[\r\n]+/g, ' ')).join('\n')}\n`,
    problems: securityTxtProblems(profile, now),
  };
}

/** A profile to start from, prefilled from the project. */
export function defaultProfile(input: {
  teamName: string;
  country: string | null;
  plannedServices: readonly string[];
  now: Date;
}): Rfc2350Profile {
  // The end of a day a little under a year ahead, as RFC 9116 recommends.
  const expires = new Date(input.now.getTime() + yearMs - 24 * 3600 * 1000);
  expires.setUTCHours(23, 59, 59, 0);
  return rfc2350ProfileSchema.parse({
    contact: { teamName: input.teamName, address: input.country ?? '' },
    services: { offered: [...input.plannedServices] },
    securityTxt: {
      expires: expires.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      preferredLanguages: ['en'],
    },
  });
}
