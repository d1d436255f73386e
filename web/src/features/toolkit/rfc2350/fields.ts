import type { TFunction } from 'i18next';
import { ApiError } from '../../../app/api';
import type { Issue, Rfc2350Profile } from './types';

/**
 * How each profile field is edited, and the small helpers that read and write a field by its
 * dotted path (`contact.email`), as the template data and the API's issues name it.
 */
export type FieldKind = 'line' | 'text' | 'list' | 'key' | 'services' | 'email' | 'tel' | 'date';

const kinds: Record<string, FieldKind> = {
  'document.locations': 'list',
  'contact.teamName': 'line',
  'contact.shortName': 'line',
  'contact.timeZone': 'line',
  'contact.phone': 'tel',
  'contact.fax': 'tel',
  'contact.email': 'email',
  'contact.publicKey': 'key',
  'contact.hours': 'line',
  'services.offered': 'services',
  'securityTxt.contacts': 'list',
  'securityTxt.expires': 'date',
  'securityTxt.encryption': 'list',
  'securityTxt.acknowledgments': 'list',
  'securityTxt.preferredLanguages': 'list',
  'securityTxt.canonical': 'list',
  'securityTxt.policy': 'list',
  'securityTxt.hiring': 'list',
};

/** Every other field is free text over several lines. */
export const kindOf = (path: string): FieldKind => kinds[path] ?? 'text';

export const securityTxtFields = [
  'contacts',
  'expires',
  'encryption',
  'acknowledgments',
  'preferredLanguages',
  'canonical',
  'policy',
  'hiring',
] as const;

export function getAt(profile: Rfc2350Profile, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value as Record<string, unknown> | undefined)?.[key],
      profile,
    );
}

/** A copy of the profile with one field changed (the form never mutates its state). */
export function setAt(profile: Rfc2350Profile, path: string, value: unknown): Rfc2350Profile {
  const [group, key] = path.split('.') as [keyof Rfc2350Profile, string | undefined];
  if (key === undefined) return { ...profile, [group]: value };
  return { ...profile, [group]: { ...(profile[group] as object), [key]: value } };
}

/** A DOM id for a field, for labels, error links and focus. */
export const fieldId = (path: string) => `rfc2350-${path.replace(/\./g, '-')}`;

/** The issue in the reader's language: its rule when known, otherwise the server's words. */
export function issueText(t: TFunction, issue: Issue & { rule?: string }): string {
  const key = `rfc2350.rules.${issue.rule ?? ''}`;
  return issue.rule && t(key) !== key ? t(key) : t('rfc2350.refused', { message: issue.message });
}

export type FieldErrors = Record<string, string>;

/**
 * Issues keyed by field path, without the `body.profile.` or `profile.` prefix; an issue about
 * one line of a list (`securityTxt.contacts.1`) goes to the list, naming the line.
 */
export function errorsByField(t: TFunction, issues: ReadonlyArray<Issue>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.field.replace(/^(body\.)?(profile\.)?/, '');
    const item = /^(.*)\.(\d+)$/.exec(path);
    const field = item ? item[1]! : path;
    const text = issueText(t, issue);
    const message = item
      ? t('rfc2350.lineError', { line: Number(item[2]) + 1, message: text })
      : text;
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  return errors;
}

/** The field issues of an API failure (problem+json `errors[]`), or none. */
export const issuesOf = (error: unknown): Issue[] =>
  error instanceof ApiError ? (error.problem.errors ?? []) : [];
