/**
 * Parsing an incoming message with limits. The raw bytes are always kept by the caller; this
 * says either what the message holds or, precisely, why it cannot be trusted as parsed (the
 * message is then stored as `unparsed` and listed for an analyst).
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { messageIdsIn, normaliseMessageId } from '../incidents/threading.js';
import { firstAddressIn, isAddrSpec } from './address.js';
import { defaultMimeLimits, mimeProblem, rawHeaders, type MimeLimits } from './parse-mime.js';

export interface ParseLimits extends MimeLimits {
  /** A larger message is not parsed at all. */
  maxMessageBytes: number;
  /** Each attachment (decoded); a larger one makes the message unparsed. */
  maxAttachmentBytes: number;
  maxAttachments: number;
  /** Body text kept in the incident; longer text is cut with a note. */
  maxTextChars: number;
}

/** The limits for a given attachment size limit (config.attachmentMaxBytes). */
export function parseLimits(attachmentMaxBytes: number): ParseLimits {
  return {
    ...defaultMimeLimits,
    // Base64 grows content by a third; leave room for a few attachments at the limit.
    maxMessageBytes: 4 * attachmentMaxBytes + 1024 * 1024,
    maxAttachmentBytes: attachmentMaxBytes,
    maxAttachments: 50,
    maxTextChars: 100_000,
  };
}

/** What a message says about itself, as far as it could be read (also for unparsed ones). */
export interface MailSummary {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  from: { name: string | null; address: string } | null;
  to: string[];
  /** ISO 8601, from the Date header when it is valid. */
  date: string | null;
  /** Sent by a machine (Auto-Submitted, bulk precedence, bounces): never answered automatically. */
  automatic: boolean;
  /** The primary language subtag of Content-Language (`fr`), if the sender declared one. */
  language: string | null;
}

function languageOf(value: string | undefined): string | null {
  const tag = /^\s*([a-z]{2,3})\b/i.exec(value ?? '')?.[1];
  return tag ? tag.toLowerCase() : null;
}

export interface InboundAttachment {
  filename: string;
  mediaType: string;
  content: Buffer;
}

export interface InboundMail extends MailSummary {
  text: string;
  attachments: InboundAttachment[];
  /** Attachments left out (only when parsed leniently): name and why. */
  skipped: { filename: string; reason: string }[];
}

export type ParseOutcome =
  { ok: true; mail: InboundMail } | { ok: false; error: string; summary: MailSummary };

function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list
    .flatMap((a) => a.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .map((a) => a.address?.toLowerCase() ?? '')
    .filter((a) => a !== '');
}

function automaticFrom(get: (name: string) => string | undefined, from: string | null): boolean {
  const auto = get('auto-submitted')?.trim().toLowerCase();
  if (auto && auto !== 'no') return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(get('precedence')?.trim() ?? '')) return true;
  if (get('x-autoreply') !== undefined || get('x-autorespond') !== undefined) return true;
  return from !== null && /^(mailer-daemon|postmaster)@/i.test(from);
}

/**
 * An attachment's media type as a `type/subtype` string. mailparser gives `false` for an empty
 * Content-Type (`Content-Type: ;`); that, and anything not of the `type/subtype` form, is
 * `application/octet-stream`.
 */
export function mediaTypeOf(value: unknown): string {
  if (typeof value !== 'string' || value.length > 255) return 'application/octet-stream';
  const type = value.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : 'application/octet-stream';
}

function summaryOf(parsed: ParsedMail): MailSummary {
  // The first sender that is a real addr-spec: `"x@y.example" <victim>` has none.
  const from = parsed.from?.value.find((a) => a.address && isAddrSpec(a.address.toLowerCase()));
  const header = (name: string) => {
    const value = parsed.headers.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const date = parsed.headers.has('date') && parsed.date && !isNaN(parsed.date.getTime());
  const address = from?.address?.toLowerCase() ?? null;
  return {
    messageId: normaliseMessageId(parsed.messageId),
    inReplyTo: messageIdsIn(parsed.inReplyTo)[0] ?? null,
    references: messageIdsIn(parsed.references),
    subject: parsed.subject?.trim() || null,
    from: address ? { name: from?.name.trim() || null, address } : null,
    to: [...addresses(parsed.to), ...addresses(parsed.cc)],
    date: date ? parsed.date!.toISOString() : null,
    automatic: automaticFrom(header, address),
    language: languageOf(header('content-language')),
  };
}

/** The summary from the raw header lines alone, for a message mailparser was not given. */
export function rawSummary(raw: Buffer): MailSummary {
  const headers = rawHeaders(raw);
  const from = headers.first('from');
  const address = from === undefined ? null : firstAddressIn(from.toLowerCase());
  const date = Date.parse(headers.first('date') ?? '');
  return {
    messageId: normaliseMessageId(headers.first('message-id')),
    inReplyTo: messageIdsIn(headers.first('in-reply-to'))[0] ?? null,
    references: messageIdsIn(headers.get('references')),
    subject: headers.first('subject')?.slice(0, 998) ?? null,
    from: address ? { name: null, address } : null,
    to: [],
    date: isNaN(date) ? null : new Date(date).toISOString(),
    automatic: automaticFrom((n) => headers.first(n), address),
    language: languageOf(headers.first('content-language')),
  };
}

async function parseWithMailparser(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, {
    skipImageLinks: true,
    skipTextLinks: true,
    skipTextToHtml: true,
    keepCidLinks: true,
    maxHtmlLengthToParse: 5_000_000,
  });
}

function bodyText(parsed: ParsedMail, limits: ParseLimits): string {
  const text = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
  if (text.length <= limits.maxTextChars) return text;
  return `${text.slice(0, limits.maxTextChars)}\n\n[… cut at ${limits.maxTextChars} characters; the whole message is kept as received]`;
}

/**
 * Parses a raw message. Strict (the default): any structural problem, an oversized message or
 * attachment, or a missing From makes the outcome `ok: false` with the reason. Lenient (when an
 * analyst turns an unparsed message into an incident anyway): mailparser's best reading, with
 * oversized attachments left out and named in `skipped`.
 */
export async function parseMail(
  raw: Buffer,
  limits: ParseLimits,
  mode: 'strict' | 'lenient' = 'strict',
): Promise<ParseOutcome> {
  const fail = (error: string, summary = rawSummary(raw)): ParseOutcome => ({
    ok: false,
    error,
    summary,
  });
  if (mode === 'strict') {
    if (raw.length > limits.maxMessageBytes)
      return fail(
        `the message is ${megabytes(raw.length)}, over the ${megabytes(limits.maxMessageBytes)} limit`,
      );
    const problem = mimeProblem(raw, limits);
    if (problem) return fail(problem);
  }
  let parsed: ParsedMail;
  try {
    parsed = await parseWithMailparser(raw);
  } catch (error) {
    return fail(
      `the message could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const summary = summaryOf(parsed);
  const files = parsed.attachments.filter(
    (a) => !(a.related && mediaTypeOf(a.contentType).startsWith('image/')),
  );
  const attachments: InboundAttachment[] = [];
  const skipped: InboundMail['skipped'] = [];
  for (const [index, file] of files.entries()) {
    const filename = file.filename?.trim() || `attachment-${index + 1}`;
    let reason: string | null = null;
    if (file.size === 0) {
      skipped.push({ filename, reason: 'the attachment is empty' });
      continue;
    }
    if (file.size > limits.maxAttachmentBytes)
      reason = `attachment "${filename}" is ${megabytes(file.size)}, over the ${megabytes(limits.maxAttachmentBytes)} limit`;
    else if (attachments.length >= limits.maxAttachments)
      reason = `the message has more than ${limits.maxAttachments} attachments`;
    if (reason === null)
      attachments.push({
        filename,
        mediaType: mediaTypeOf(file.contentType),
        content: file.content,
      });
    else if (mode === 'strict') return fail(reason, summary);
    else skipped.push({ filename, reason });
  }
  if (mode === 'strict' && summary.from === null)
    return fail('the From header holds no e-mail address', summary);
  return { ok: true, mail: { ...summary, text: bodyText(parsed, limits), attachments, skipped } };
}
