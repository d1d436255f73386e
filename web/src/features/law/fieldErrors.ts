import { ApiError } from '../../app/api';

/**
 * The field problems of a refused save, by field (`body.article` → `article`), each with a kind
 * the page has words for in every language; other problems keep the server's words, quoted.
 */
export type IssueKind = 'needsTitle' | 'needsSource' | 'needsDate' | 'date' | 'url' | 'other';

export interface FieldIssue {
  kind: IssueKind;
  /** The server's words (English), shown for `other`. */
  message: string;
}

export function issueKind(message: string): IssueKind {
  if (/needs the law's title/i.test(message)) return 'needsTitle';
  if (/needs its source/i.test(message)) return 'needsSource';
  if (/needs its date/i.test(message)) return 'needsDate';
  if (/must be a date/i.test(message)) return 'date';
  if (/must be a URL/i.test(message)) return 'url';
  return 'other';
}

export function fieldIssues(error: unknown): Record<string, FieldIssue> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, FieldIssue> = {};
  for (const issue of error.problem.errors ?? []) {
    const field = issue.field.replace(/^body\.?/, '') || 'body';
    out[field] ??= { kind: issueKind(issue.message), message: issue.message };
  }
  return out;
}
