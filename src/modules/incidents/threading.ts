/**
 * Which incident an incoming e-mail belongs to, decided without I/O. The reference quoted in the
 * subject wins (`Re: [CIRT-2026-000042] Phishing`); then the message ids the mail answers
 * (In-Reply-To, then References from the newest to the oldest) against the messages the platform
 * already holds; otherwise the mail starts a new thread.
 */

/** Reply and forward markers mail clients put before a subject, in many languages. */
const replyMarker =
  /^\s*(?:re|réf|ref|aw|sv|vs|antw|antwort|ynt|odp|res|rif|r|tr|fw|fwd|wg|rv|enc|doorst|vl|reply|回复|回覆|答复|转发|轉寄|ответ|отв|пересл|رد|إعادة توجيه|توجيه)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/iu;

/** Removes every leading reply/forward marker (`Re: AW: TR: RE :`) from a subject. */
export function stripReplyMarkers(subject: string): string {
  let rest = subject.trim();
  for (;;) {
    const next = rest.replace(replyMarker, '');
    if (next === rest) return rest;
    rest = next.trim();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The incident reference a subject quotes, upper-cased, or null. A bracketed reference
 * (`[CIRT-2026-000042]`) anywhere in the subject is preferred to a bare one; only references
 * with this platform's prefix count, so a forwarded report of another team is not mistaken for
 * one of ours.
 */
export function referenceInSubject(
  subject: string | null | undefined,
  prefix: string,
): string | null {
  if (!subject) return null;
  const core = `${escapeRegExp(prefix)}-(\\d{4})-(\\d{6,9})`;
  const bracketed = new RegExp(`\\[\\s*(${core})\\s*\\]`, 'iu').exec(subject);
  if (bracketed) return bracketed[1]!.toUpperCase();
  const bare = new RegExp(`(?<![\\p{L}\\p{N}_-])(${core})(?![\\p{L}\\p{N}_])`, 'iu').exec(subject);
  return bare ? bare[1]!.toUpperCase() : null;
}

/** Whitespace in the sense of `\s`, one unit at a time: a pattern that cannot backtrack. */
const space = /\s/;
const spaces = /\s/g;
const isSpace = (unit: string) => space.test(unit);

/**
 * A message id as stored: `<local@domain>`, whitespace removed; null when there is none.
 * Whitespace goes first and then the brackets around it, in one pass each over the characters
 * (headers come from anyone: no regular expression that could backtrack), so that
 * `normaliseMessageId(normaliseMessageId(x)) === normaliseMessageId(x)`.
 */
export function normaliseMessageId(id: string | null | undefined): string | null {
  if (!id) return null;
  const compact = id.replace(spaces, '');
  let start = 0;
  let end = compact.length;
  while (start < end && compact[start] === '<') start++;
  while (end > start && compact[end - 1] === '>') end--;
  return start === end ? null : `<${compact.slice(start, end)}>`;
}

/**
 * The `<id>` tokens of a header, in order: `<`, at least one unit that is neither `<`, `>` nor
 * whitespace, then `>`.
 */
function bracketedIds(text: string): string[] {
  const found: string[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text[i]!;
    if (unit === '<') open = i;
    else if (unit === '>') {
      if (open !== -1 && i > open + 1) found.push(text.slice(open, i + 1));
      open = -1;
    } else if (open !== -1 && isSpace(unit)) open = -1;
  }
  return found;
}

/** A header that is one bare `local@domain` token (no brackets, no whitespace inside). */
function bareId(text: string): string | null {
  const token = text.trim();
  for (const unit of token) if (unit === '<' || unit === '>' || isSpace(unit)) return null;
  const at = token.indexOf('@', 1);
  return at !== -1 && at < token.length - 1 ? token : null;
}

/** Every `<id>` in a References or In-Reply-To header, in header order, without duplicates. */
export function messageIdsIn(header: string | readonly string[] | null | undefined): string[] {
  if (!header) return [];
  const text = typeof header === 'string' ? header : header.join(' ');
  const found = bracketedIds(text);
  // A header without angle brackets (some clients) still names one id.
  if (found.length === 0) {
    const bare = bareId(text);
    if (bare !== null) found.push(bare);
  }
  const ids = new Set<string>();
  for (const raw of found) {
    const id = normaliseMessageId(raw);
    if (id) ids.add(id);
  }
  return [...ids];
}

export interface ThreadKeys {
  subject: string | null;
  inReplyTo: string | null;
  references: readonly string[];
}

/** What to look up, in the order it counts: the reference, then the ids the mail answers. */
export interface ThreadCandidates {
  reference: string | null;
  /** In-Reply-To first, then References newest first. */
  messageIds: string[];
}

/**
 * The most message ids looked up for one mail. A real thread's References stays far below this;
 * a header listing thousands of ids is cut to its newest ones rather than looked up whole.
 */
export const maxThreadMessageIds = 100;

export function threadCandidates(keys: ThreadKeys, prefix: string): ThreadCandidates {
  const messageIds = new Set(messageIdsIn(keys.inReplyTo));
  const references = keys.references.flatMap((r) => messageIdsIn(r));
  for (let i = references.length - 1; i >= 0 && messageIds.size < maxThreadMessageIds; i--)
    messageIds.add(references[i]!);
  return {
    reference: referenceInSubject(keys.subject, prefix),
    messageIds: [...messageIds].slice(0, maxThreadMessageIds),
  };
}

export type ThreadDecision =
  | { kind: 'reference'; incidentId: string; reference: string }
  | { kind: 'message-id'; incidentId: string; messageId: string }
  | { kind: 'new'; unknownReference: string | null };

/** What the store found for the candidates: incident ids by reference and by message id. */
export interface KnownThreads {
  byReference: ReadonlyMap<string, string>;
  byMessageId: ReadonlyMap<string, string>;
}

/**
 * The decision: a known reference in the subject, else the first answered message id the
 * platform knows, else a new thread (naming an unknown reference the subject quoted, if any).
 */
export function decideThread(candidates: ThreadCandidates, known: KnownThreads): ThreadDecision {
  if (candidates.reference) {
    const incidentId = known.byReference.get(candidates.reference);
    if (incidentId) return { kind: 'reference', incidentId, reference: candidates.reference };
  }
  for (const messageId of candidates.messageIds) {
    const incidentId = known.byMessageId.get(messageId);
    if (incidentId) return { kind: 'message-id', incidentId, messageId };
  }
  return { kind: 'new', unknownReference: candidates.reference };
}
