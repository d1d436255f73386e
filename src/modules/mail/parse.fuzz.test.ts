/**
 * Fuzzing the parsing of incoming mail with mutated messages (cut short, bytes flipped, headers
 * duplicated or dropped, bogus charsets, transfer encodings and boundaries, huge header lines,
 * deep nesting, many parts) and arbitrary bytes, strictly and leniently: every parse settles
 * within a time bound without an unhandled rejection, with either a well-formed message or one
 * of the module's precise refusals.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { isAddrSpec } from './address.js';
import { parseLimits, parseMail, type MailSummary, type ParseOutcome } from './parse.js';

const limits = { ...parseLimits(4096), maxMessageBytes: 512 * 1024 };
const parseBoundMs = 2000;

const crlf = (lines: string[]) => lines.join('\r\n');
const head = [
  'From: "Alice Reporter" <alice@example.org>',
  'To: cirt@cirt.example, "Bob" <bob@example.net>',
  'Cc: soc@example.org',
  'Subject: Re: [CIRT-2026-000042] Phishing site',
  'Message-ID: <m2@example.org>',
  'In-Reply-To: <m1@cirt.example>',
  'References: <m0@example.org> <m1@cirt.example>',
  'Date: Tue, 03 Mar 2026 10:00:00 +0000',
  'MIME-Version: 1.0',
];
const seeds: string[] = [
  crlf([...head, 'Content-Type: text/plain; charset=utf-8', '', 'The site steals passwords.', '']),
  crlf([
    ...head,
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=iso-8859-1',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'R=E9sum=E9 of the incident',
    '--b1',
    'Content-Type: application/octet-stream; name="log.txt"',
    'Content-Disposition: attachment; filename="log.txt"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('Received: from x\nby y\n').toString('base64'),
    '--b1--',
    '',
  ]),
  crlf([
    ...head,
    'Content-Type: multipart/mixed; boundary=outer',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'plain',
    '--inner',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>html</p>',
    '--inner--',
    '--outer',
    'Content-Type: message/rfc822',
    '',
    'From: x@example.org',
    'Subject: forwarded',
    '',
    'inner body',
    '--outer--',
    '',
  ]),
  crlf([
    'From: ivan@example.ru',
    'Subject: =?koi8-r?B?8NLJ18XU?=',
    'Content-Type: text/plain; charset=koi8-r',
    'Content-Transfer-Encoding: 8bit',
    'Auto-Submitted: auto-replied',
    'Content-Language: ru',
    '',
    'body',
    '',
  ]),
];

const bogusHeaders = [
  'Content-Type: text/plain; charset=x-martian',
  'Content-Type: text/plain; charset="utf-8',
  'Content-Type: text/plain; charset=utf-7',
  'Content-Type: text/plain; charset=',
  'Content-Type: multipart/mixed',
  'Content-Type: multipart/mixed; boundary=""',
  'Content-Type: multipart/mixed; boundary="b1',
  `Content-Type: multipart/mixed; boundary=${'b'.repeat(500)}`,
  'Content-Type: ;;;;',
  'Content-Transfer-Encoding: x-rot13',
  'Content-Transfer-Encoding: base64',
  'Content-Transfer-Encoding: "quoted-printable"',
  'Subject: =?x-klingon?Q?qapla?=',
  'Subject: =?utf-8?B?not base64!?=',
  'From: Nobody',
  'From: <>',
  'From: a@b, c@d, "group": e@f;',
  'To: undisclosed-recipients:;',
  'Date: not a date',
  'Date: Tue, 31 Feb 2026 25:61:61 +9999',
  'Message-ID: <<<>>>',
  'In-Reply-To: a@b',
  "Content-Disposition: attachment; filename*=utf-8''%E9%ZZ",
  'not a header line',
  ' folded continuation with no header',
  `X-Long: ${'x'.repeat(200_000)}`,
  `Subject: ${'=?utf-8?Q?a?= '.repeat(5000)}`,
  `References: ${'<a@b> '.repeat(5000)}`,
  `Message-ID: ${'>'.repeat(100_000)}x>`,
  `References: ${'a@'.repeat(50_000)} x`,
  `In-Reply-To: ${'<'.repeat(50_000)}a@b`,
  `From: ${'a'.repeat(100_000)}`,
  `From: <${'a@'.repeat(50_000)}`,
  'From: "x@y.example" <victim>',
  'From: a@',
  'From: @example.org',
  'From: "A" <a',
  'Content-Type: ;',
];

type Mutation =
  | { op: 'cut'; at: number }
  | { op: 'flip'; at: number; mask: number }
  | { op: 'dupLine' | 'dropLine'; line: number }
  | { op: 'header'; line: number; text: string }
  | { op: 'bytes'; at: number; bytes: Uint8Array };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ op: fc.constantFrom('dupLine' as const, 'dropLine' as const), line: fc.nat() }),
  fc.record({
    op: fc.constant('header' as const),
    line: fc.nat(),
    text: fc.oneof(fc.constantFrom(...bogusHeaders), fc.string({ unit: 'binary', maxLength: 40 })),
  }),
  fc.record({
    op: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 8 }),
  }),
);

function mutate(raw: Buffer, m: Mutation): Buffer {
  const at = (n: number) => n % (raw.length + 1);
  switch (m.op) {
    case 'cut':
      return raw.subarray(0, at(m.at));
    case 'flip': {
      if (raw.length === 0) return raw;
      const copy = Buffer.from(raw);
      copy[m.at % copy.length]! ^= m.mask;
      return copy;
    }
    case 'bytes':
      return Buffer.concat([raw.subarray(0, at(m.at)), m.bytes, raw.subarray(at(m.at))]);
    default: {
      const lines = raw.toString('latin1').split('\r\n');
      const i = m.line % lines.length;
      if (m.op === 'header') lines.splice(i, 0, m.text);
      else if (m.op === 'dupLine') lines.splice(i, 0, lines[i]!);
      else lines.splice(i, 1);
      return Buffer.from(lines.join('\r\n'), 'latin1');
    }
  }
}

/** Multipart nested `depth` levels deep, each level with `width` parts. */
function nested(depth: number, width: number): Buffer {
  let body = crlf(['Content-Type: text/plain', '', 'deepest']);
  for (let level = depth; level > 0; level--) {
    const b = `level${level}`;
    const parts = Array.from({ length: width }, () => `--${b}\r\n${body}`);
    body = crlf([`Content-Type: multipart/mixed; boundary="${b}"`, '', ...parts, `--${b}--`]);
  }
  return Buffer.from(crlf(['From: a@example.org', 'Subject: nested', body]));
}

const hostileMail = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 5 }))
      .map(([seed, ms]) => ms.reduce(mutate, Buffer.from(seed, 'utf8'))),
    weight: 8,
  },
  { arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 2 }))
      .filter(([depth, width]) => width ** Math.min(depth, 12) <= 600)
      .map(([depth, width]) => nested(depth, width)),
    weight: 1,
  },
);

/** The refusals parse.ts and parse-mime.ts give, and nothing else. */
const refusals = [
  /^the message is .+, over the .+ limit$/,
  /^the message has no header section \(no blank line after the headers\)$/,
  /^the header section has a line that is not a header: ".*"$/s,
  /^the message has no From header$/,
  /^the From header ".*" holds no e-mail address$/s,
  /^the (Subject|From|To|Cc|Reply-To) header is encoded in charset ".*", which cannot be decoded$/s,
  /^the message has more than \d+ MIME parts$/,
  /^MIME parts are nested more than \d+ levels deep$/,
  /^part [\d.]+ \(.*\) has an unknown Content-Transfer-Encoding ".*"$/s,
  /^part [\d.]+ \(.*\) is written in charset ".*", which cannot be decoded$/s,
  /^part [\d.]+ \(.*\) has no boundary parameter$/s,
  /^part [\d.]+ \(.*\) declares boundary ".*" but the body never uses it$/s,
  /^part [\d.]+ \(.*\) ends before its closing boundary ".*" \(the message is cut short\)$/s,
  /^the message could not be parsed: .+/s,
  /^attachment ".*" is .+, over the .+ limit$/s,
  /^the message has more than \d+ attachments$/,
  /^the From header holds no e-mail address$/,
];

function checkSummary(summary: MailSummary): void {
  if (summary.messageId !== null) assert.match(summary.messageId, /^<\S+>$/);
  if (summary.inReplyTo !== null) assert.match(summary.inReplyTo, /^<[^<>\s]+>$/);
  for (const id of summary.references) assert.match(id, /^<[^<>\s]+>$/);
  assert.equal(new Set(summary.references).size, summary.references.length);
  if (summary.date !== null) assert.equal(new Date(summary.date).toISOString(), summary.date);
  if (summary.from !== null)
    assert.ok(isAddrSpec(summary.from.address), `sender ${summary.from.address.slice(0, 80)}`);
  if (summary.language !== undefined && summary.language !== null)
    assert.match(summary.language, /^[a-z]{2,3}$/);
  assert.equal(typeof summary.automatic, 'boolean');
}

function checkOutcome(outcome: ParseOutcome, mode: 'strict' | 'lenient'): void {
  if (!outcome.ok) {
    assert.ok(
      refusals.some((r) => r.test(outcome.error)),
      `not one of the module's refusals: ${outcome.error.slice(0, 200)}`,
    );
    checkSummary(outcome.summary);
    return;
  }
  const { mail } = outcome;
  checkSummary(mail);
  if (mode === 'strict') assert.ok(mail.from !== null, 'a strict parse has a sender');
  assert.ok(mail.attachments.length <= limits.maxAttachments);
  for (const file of mail.attachments) {
    assert.ok(file.content.length <= limits.maxAttachmentBytes);
    assert.match(file.mediaType, /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/);
    assert.ok(file.filename.length > 0);
  }
  for (const s of mail.skipped) assert.ok(s.filename.length > 0 && s.reason.length > 0);
  assert.ok(mail.text.length <= limits.maxTextChars + 200);
}

/** Parses within the bound; a parse that never settles fails the run instead of hanging it. */
async function parseWithin(raw: Buffer, mode: 'strict' | 'lenient'): Promise<ParseOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const outcome = await Promise.race([
      parseMail(raw, limits, mode),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${parseBoundMs * 5} ms (${raw.length} bytes)`)),
          parseBoundMs * 5,
        );
      }),
    ]);
    const ms = performance.now() - started;
    if (ms >= parseBoundMs) {
      // Timed again: a busy machine's pause is not the parser's.
      const again = performance.now();
      await parseMail(raw, limits, mode);
      const retry = performance.now() - again;
      assert.ok(
        retry < parseBoundMs,
        `${mode} parse took ${retry.toFixed(0)} ms (${raw.length} bytes)`,
      );
    }
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

describe('incoming mail parsing under hostile input (fuzz)', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.off('unhandledRejection', onUnhandled));

  it('parses a mutated message strictly and leniently, or refuses it precisely, in time', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileMail,
        fc.constantFrom('strict' as const, 'lenient' as const),
        async (raw, mode) => {
          checkOutcome(await parseWithin(raw, mode), mode);
        },
      ),
      { numRuns: 250 },
    );
    // Let stray promise rejections of the last parses surface before looking.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
  });

  it('refuses nesting and part counts beyond the limits, naming the limit', async () => {
    const deep = await parseWithin(nested(limits.maxDepth + 5, 1), 'strict');
    assert.ok(!deep.ok);
    assert.equal(deep.error, `MIME parts are nested more than ${limits.maxDepth} levels deep`);
    const wide = await parseWithin(nested(2, 30), 'strict');
    assert.ok(!wide.ok);
    assert.equal(wide.error, `the message has more than ${limits.maxParts} MIME parts`);
    // Leniently, the same messages still settle in time with a reading or a refusal.
    checkOutcome(await parseWithin(nested(limits.maxDepth + 5, 1), 'lenient'), 'lenient');
    checkOutcome(await parseWithin(nested(2, 30), 'lenient'), 'lenient');
  });
});
