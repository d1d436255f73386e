import type { TFunction } from 'i18next';
import type { BcmIssue } from './types';

/** The parts of the page (tabs) and which fields of the plan each one edits. */
export const sections = [
  'ladder',
  'matrix',
  'contacts',
  'operators',
  'checklist',
  'tree',
  'rules',
] as const;
export type Section = (typeof sections)[number];

const sectionOfRoot: Record<string, Section> = {
  levels: 'ladder',
  matrix: 'matrix',
  audiences: 'matrix',
  contacts: 'contacts',
  operators: 'operators',
  checklist: 'checklist',
  crisisLead: 'tree',
  contactTree: 'tree',
  rules: 'rules',
};

export const sectionOf = (field: string): Section =>
  sectionOfRoot[field.split('.')[0]!] ?? 'ladder';

/** The DOM id of the control that edits `field`, so an issue can take the reader there. */
export const fieldId = (field: string) => `bcm-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** An issue in the reader's language; rules the page does not know keep the server's words. */
export function describeIssue(t: TFunction, issue: BcmIssue): string {
  if (issue.rule === 'shape') return t('bcm.issues.shape', { message: issue.message });
  const params = { ...issue.params };
  if (typeof params.channel === 'string') params.channel = t(`bcm.channelWords.${params.channel}`);
  return t(`bcm.issues.${issue.rule}`, { ...params, defaultValue: issue.message });
}

export interface IssueIndex {
  all: ReadonlyArray<BcmIssue & { text: string }>;
  /** Messages for exactly this field. */
  at(field: string): string[];
  count(section: Section): number;
}

export function indexIssues(t: TFunction, issues: ReadonlyArray<BcmIssue>): IssueIndex {
  const all = issues.map((i) => ({ ...i, text: describeIssue(t, i) }));
  const byField = new Map<string, string[]>();
  for (const i of all) byField.set(i.field, [...(byField.get(i.field) ?? []), i.text]);
  return {
    all,
    at: (field) => byField.get(field) ?? [],
    count: (section) => all.filter((i) => sectionOf(i.field) === section).length,
  };
}

/** Shape errors of a draft (a name left empty, a number out of range) as issues. */
export function shapeIssues(errors: ReadonlyArray<{ field: string; message: string }>): BcmIssue[] {
  return errors.map((e) => ({
    field: e.field.replace(/^body\.plan\./, ''),
    message: e.message,
    rule: 'shape',
    params: {},
  }));
}
