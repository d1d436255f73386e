import { AppError, isoNow } from '../../kernel/index.js';
import type { AuditContext, Locale } from '../accounts/index.js';
import { latest } from './content.js';
import type { ToolkitDeps } from './deps.js';
import { readDocument, writeDocument } from './documents.js';
import {
  readPublicKey,
  signCleartext,
  verifyCleartext,
  type KeyInfo,
  type RuleIssue,
} from './openpgp.js';
import type { Project } from './project.schema.js';
import {
  defaultProfile,
  profileIssues,
  renderRfc2350Text,
  renderSecurityTxt,
  rfc2350ProfileSchema,
  type RenderMeta,
  type Rfc2350Profile,
} from './rfc2350.js';
import { rfc2350Sections } from './rfc2350-sections.js';
import { findDocument } from './store.js';

/**
 * Use cases of the RFC 2350 profile: load it (or the profile a project starts from), save it
 * after every check, render security.txt only when valid, sign and verify. Private keys and
 * passphrases reach `sign` as arguments and go no further than openpgp.js.
 */

/** Services the project's plan (its services document) holds for now or next, read loosely. */
export function plannedServices(json: string | undefined): Array<{ id: string; horizon: string }> {
  let value: unknown;
  try {
    value = json === undefined ? {} : JSON.parse(json);
  } catch {
    return [];
  }
  const root = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const selection = (
    root.selection && typeof root.selection === 'object' ? root.selection : root
  ) as Record<string, unknown>;
  return Object.entries(selection)
    .filter(([id]) => /^[A-Z]+-\d+$/.test(id))
    .map(([id, choice]) => {
      const horizon = (choice as { horizon?: unknown } | null)?.horizon;
      return { id, horizon: typeof horizon === 'string' ? horizon : 'now' };
    })
    .filter((s) => s.horizon !== 'later');
}

/** Service names of the latest catalogue in a language, by id. */
export function serviceNames(deps: ToolkitDeps, lang: Locale): Record<string, string> {
  const catalogue = latest(deps.localised(lang).services);
  return Object.fromEntries(catalogue.areas.flatMap((a) => a.services.map((s) => [s.id, s.name])));
}

const keyOf = async (profile: Rfc2350Profile): Promise<KeyInfo | null> =>
  profile.contact.publicKey ? readPublicKey(profile.contact.publicKey).catch(() => null) : null;

/** The saved profile, or the one the project starts from, with what renders it. */
export async function rfc2350State(deps: ToolkitDeps, project: Project, lang: Locale) {
  const document = await readDocument(deps.db.kysely, project.id, 'rfc2350', rfc2350ProfileSchema);
  const services = await findDocument(deps.db.kysely, project.id, 'services');
  const planned = plannedServices(services?.json);
  const country = deps.registry.data.countries.find((c) => c.iso3 === project.iso3);
  const profile =
    document.value ??
    defaultProfile({
      teamName: project.name,
      country: country
        ? (new Intl.DisplayNames([lang], { type: 'region' }).of(country.iso2) ?? null)
        : null,
      plannedServices: planned.filter((s) => s.horizon === 'now').map((s) => s.id),
      now: deps.clock.now(),
    });
  const key = await keyOf(profile);
  const meta: RenderMeta = {
    lang,
    updatedAt: document.updatedAt,
    now: isoNow(deps.clock),
    key,
    serviceNames: serviceNames(deps, lang),
  };
  return { document, profile, planned, key, meta };
}

/** What GET and PUT answer. */
export async function presentRfc2350(
  deps: ToolkitDeps,
  project: Project,
  canEdit: boolean,
  lang: Locale,
) {
  const { document, profile, planned, key } = await rfc2350State(deps, project, lang);
  return {
    profile,
    saved: document.value !== null,
    revision: document.revision,
    updatedAt: document.updatedAt,
    updatedBy: document.updatedBy,
    key,
    plannedServices: planned,
    securityTxt: { problems: renderSecurityTxt(profile, deps.clock.now()).problems },
    canEdit,
    /** The template's sections titled in `lang`, so a form can mirror the document. */
    template: rfc2350Sections.map(({ number, level, title, fields, sim3 }) => ({
      number,
      level,
      title: title[lang],
      fields,
      sim3,
    })),
  };
}

/**
 * Every problem of a profile: formats, unknown services and, when there is one, a public key
 * that is not a usable OpenPGP key. Fields are prefixed with `prefix`.
 */
export async function checkProfile(
  deps: ToolkitDeps,
  profile: Rfc2350Profile,
  prefix: string,
): Promise<{ issues: RuleIssue[]; key: KeyInfo | null }> {
  const known = new Set(Object.keys(serviceNames(deps, 'en')));
  const issues = profileIssues(profile, known).map((i) => ({ ...i, field: prefix + i.field }));
  if (!profile.contact.publicKey) return { issues, key: null };
  try {
    const field = `${prefix}contact.publicKey`;
    const key = await readPublicKey(profile.contact.publicKey, {
      field,
      usableAt: deps.clock.now(),
    });
    return { issues, key };
  } catch (error) {
    if (!(error instanceof AppError) || !error.issues) throw error;
    return { issues: [...issues, ...(error.issues as RuleIssue[])], key: null };
  }
}

/** Saves a profile that passes every check; nothing is written otherwise. */
export async function saveRfc2350(
  deps: ToolkitDeps,
  context: AuditContext,
  project: Project,
  profile: Rfc2350Profile,
  revision: number,
): Promise<void> {
  const { issues } = await checkProfile(deps, profile, 'body.profile.');
  if (issues.length)
    throw new AppError(
      'validation_failed',
      `The profile was not saved: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      { issues },
    );
  await writeDocument(deps, context, project.id, 'rfc2350', profile, revision);
}

/** The security.txt of a profile, refused (422, naming each field) while it is not valid. */
export function validSecurityTxt(deps: ToolkitDeps, profile: Rfc2350Profile) {
  const rendered = renderSecurityTxt(profile, deps.clock.now());
  const errors = rendered.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `security.txt would not be valid: ${errors.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      { issues: errors.map(({ severity: _, ...p }) => ({ ...p, field: `profile.${p.field}` })) },
    );
  return rendered;
}

export interface SignInput {
  document: 'rfc2350' | 'security.txt';
  privateKey: string;
  passphrase: string;
  lang: Locale;
}

/** Signs the saved document; warns when the signing key is not the one the profile publishes. */
export async function signRfc2350(deps: ToolkitDeps, project: Project, input: SignInput) {
  const { profile, meta, key } = await rfc2350State(deps, project, input.lang);
  const text =
    input.document === 'rfc2350'
      ? renderRfc2350Text(profile, meta)
      : validSecurityTxt(deps, profile).text;
  const signed = await signCleartext(text, input.privateKey, input.passphrase, deps.clock.now());
  const warnings: Array<{ code: string; message: string }> = [];
  if (!key)
    warnings.push({
      code: 'no_profile_key',
      message: 'The profile publishes no public key, so readers cannot check this signature',
    });
  else if (key.fingerprint !== signed.fingerprint)
    warnings.push({
      code: 'key_mismatch',
      message: `Signed with key ${signed.fingerprint}, but the profile publishes key ${key.fingerprint}: readers who check against the published key will see a bad signature`,
    });
  if (input.document === 'security.txt' && profile.securityTxt.canonical.length === 0)
    warnings.push({
      code: 'no_canonical',
      message:
        'A signed security.txt should name its Canonical address so it cannot be reused elsewhere',
    });
  return {
    document: input.document,
    signedText: signed.signedText,
    fingerprint: signed.fingerprint,
    warnings,
  };
}

/** Verifies a signed text against a given key or the profile's, and says which document it is. */
export async function verifyRfc2350(
  deps: ToolkitDeps,
  project: Project,
  input: { signedText: string; publicKey?: string | undefined; lang: Locale },
) {
  const { profile, meta } = await rfc2350State(deps, project, input.lang);
  const publicKey = input.publicKey?.trim() || profile.contact.publicKey;
  if (!publicKey) {
    const issue: RuleIssue = {
      field: 'publicKey',
      message: 'is needed: the profile has no public key to verify against',
      rule: 'no_key',
    };
    throw new AppError('validation_failed', `publicKey ${issue.message}`, { issues: [issue] });
  }
  const { text, ...result } = await verifyCleartext(input.signedText, publicKey);
  const same = (a: string) => a.trimEnd() === text.trimEnd();
  const matches = same(renderRfc2350Text(profile, meta))
    ? 'rfc2350'
    : same(renderSecurityTxt(profile, deps.clock.now()).text)
      ? 'security.txt'
      : null;
  return { ...result, matches };
}
