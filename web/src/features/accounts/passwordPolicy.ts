/** Mirrors the server's minimum so users learn of a short password before submitting. */
export const minimumPasswordLength = 12;

export type PasswordProblem = 'tooShort' | 'mismatch' | 'sameAsCurrent';

/**
 * Client-side checks only; the server stays authoritative (it also rejects common and
 * breached passwords, which the browser cannot know).
 */
export function checkNewPassword(
  current: string,
  next: string,
  confirmation: string,
): {
  next?: PasswordProblem;
  confirmation?: PasswordProblem;
} {
  const problems: { next?: PasswordProblem; confirmation?: PasswordProblem } = {};
  if ([...next].length < minimumPasswordLength) problems.next = 'tooShort';
  else if (next === current) problems.next = 'sameAsCurrent';
  if (confirmation !== next) problems.confirmation = 'mismatch';
  return problems;
}
