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

/** From the problem's `errors` (an ApiError's `problem.errors`). */
export function fieldIssues(
  errors: readonly { field: string; message: string }[],
): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {};
  for (const issue of errors) {
    const field = issue.field.replace(/^body\.?/, '') || 'body';
    out[field] ??= { kind: issueKind(issue.message), message: issue.message };
  }
  return out;
}
