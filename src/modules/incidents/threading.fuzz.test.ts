/**
 * Fuzzing mail threading with hostile subjects and headers (mutations of real reply subjects and
 * References lines, arbitrary text, odd prefixes): nothing throws, each call is quick, and what
 * comes out is well formed (trimmed subjects, `<id>` message ids without duplicates, references in
 * the platform's form) and stable when read again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decideThread,
  maxThreadMessageIds,
  messageIdsIn,
  normaliseMessageId,
  referenceInSubject,
  stripReplyMarkers,
  threadCandidates,
} from './threading.js';

const callBoundMs = 500;
const runs = { numRuns: 300 };

/** The fastest of up to three runs of a slow call: a busy machine's pause is not the code's. */
function timed<T>(what: string, input: string, call: () => T): T {
  let ms = Infinity;
  let result!: T;
  for (let attempt = 0; attempt < 3 && ms >= callBoundMs; attempt++) {
    const started = performance.now();
    result = call();
    ms = Math.min(ms, performance.now() - started);
  }
  assert.ok(ms < callBoundMs, `${what} took ${ms.toFixed(0)} ms on ${input.length} chars`);
  return result;
}

const subjects = [
  'Re: [CIRT-2026-000042] Phishing site',
  'AW: TR: RE : [ CIRT-2026-000042 ] follow-up',
  '回复: CIRT-2026-000042 更新',
  'Fwd: report [OTHER-2026-000001]',
  'Re[2]: Réf: cirt-2026-123456789',
  'رد: [CIRT-2026-000007]',
  'Phishing',
];
const idHeaders = [
  '<m1@example.org>',
  '<m1@example.org> <m2@example.org>\r\n <m3@example.org>',
  'm1@example.org',
  '<<m1@example.org>>',
  '< m1 @ example.org >',
  '<a@b> <a@b>',
];
const chars = [
  ...'<>@[]() \t\r\n:-_.0123456789',
  'Re: ',
  'CIRT-',
  '2026-',
  '000042',
  'é',
  '\u200b',
  '\ud800',
];
const fragment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...chars), maxLength: 5 }),
  fc.string({ unit: 'binary', maxLength: 5 }),
);
type Edit = { op: 'insert' | 'delete' | 'replace' | 'repeat'; at: number; n: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'repeat'),
  at: fc.nat(),
  n: fc.integer({ min: 1, max: 8 }),
  text: fragment,
});
function applyEdit(s: string, e: Edit): string {
  const at = e.at % (s.length + 1);
  if (e.op === 'insert') return s.slice(0, at) + e.text + s.slice(at);
  if (e.op === 'delete') return s.slice(0, at) + s.slice(at + e.n);
  if (e.op === 'replace') return s.slice(0, at) + e.text + s.slice(at + e.n);
  return s.slice(0, at) + s.slice(at, at + e.n).repeat(e.n * 4) + s.slice(at + e.n);
}
/** Arbitrary text, mutated real values, and long repetitions up to `max` characters. */
const hostile = (seeds: string[], max: number) =>
  fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }))
        .map(([seed, edits]) => edits.reduce(applyEdit, seed)),
      weight: 5,
    },
    {
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom(...seeds, ...chars), fragment), fc.nat(max))
        .map(([unit, n]) => (unit || '<').repeat(n).slice(0, max)),
      weight: 1,
    },
  );

/** Prefixes as configured, and hostile ones (regular-expression characters, empty, unicode). */
const prefix = fc.oneof(
  fc.constantFrom('CIRT', 'KE-CIRT', 'cert', 'X'),
  fc.string({ unit: fc.constantFrom(...'.*+?^${}()|[]\\-aZ9é'), minLength: 0, maxLength: 6 }),
);
const messageId = /^<[^<>\s]+>$/;

describe('mail threading under hostile input (fuzz)', () => {
  it('strips reply markers to a trimmed part of the subject that stays as it is', () => {
    fc.assert(
      fc.property(hostile(subjects, 100_000), (subject) => {
        const stripped = timed('stripReplyMarkers', subject, () => stripReplyMarkers(subject));
        assert.equal(stripped, stripped.trim());
        assert.ok(subject.includes(stripped));
        assert.equal(stripReplyMarkers(stripped), stripped);
      }),
      runs,
    );
  });

  it('finds a reference of the platform form or none, whatever the subject and prefix', () => {
    fc.assert(
      fc.property(hostile(subjects, 100_000), prefix, (subject, p) => {
        const found = timed('referenceInSubject', subject, () => referenceInSubject(subject, p));
        if (found === null) return;
        assert.equal(found, found.toUpperCase());
        if (/^[A-Za-z-]+$/.test(p))
          assert.match(found, new RegExp(`^${p.toUpperCase()}-\\d{4}-\\d{6,9}$`));
      }),
      runs,
    );
  });

  it('normalises a message id to <id> without spaces, stable when normalised again', () => {
    fc.assert(
      fc.property(hostile(idHeaders, 100_000), (raw) => {
        const id = timed('normaliseMessageId', raw, () => normaliseMessageId(raw));
        if (id === null) return;
        assert.match(id, /^<\S+>$/);
        assert.equal(normaliseMessageId(id), id);
      }),
      runs,
    );
  });

  it('lists the ids of a References header once each, in the <id> form, stable when re-read', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostile(idHeaders, 100_000),
          fc.array(hostile(idHeaders, 20_000), { maxLength: 5 }),
        ),
        (header) => {
          const text = typeof header === 'string' ? header : header.join(' ');
          const ids = timed('messageIdsIn', text, () => messageIdsIn(header));
          for (const id of ids) assert.match(id, messageId);
          assert.equal(new Set(ids).size, ids.length, 'no duplicates');
          assert.deepEqual(messageIdsIn(ids.join(' ')), ids);
        },
      ),
      runs,
    );
  });

  it('decides a thread from hostile keys: a known reference, then a known id, else new', () => {
    const known = fc.record({
      references: fc.array(fc.constantFrom<string>('CIRT-2026-000042', 'CIRT-2026-123456789'), {
        maxLength: 2,
      }),
      ids: fc.array(fc.constantFrom<string>('<m1@example.org>', '<m3@example.org>', '<a@b>'), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(
        fc.option(hostile(subjects, 100_000), { nil: null }),
        fc.option(hostile(idHeaders, 100_000), { nil: null }),
        fc.array(hostile(idHeaders, 20_000), { maxLength: 4 }),
        known,
        (subject, inReplyTo, references, k) => {
          const candidates = timed('threadCandidates', `${inReplyTo}${references.join('')}`, () =>
            threadCandidates({ subject, inReplyTo, references }, 'CIRT'),
          );
          assert.equal(candidates.reference, referenceInSubject(subject, 'CIRT'));
          assert.equal(new Set(candidates.messageIds).size, candidates.messageIds.length);
          assert.ok(candidates.messageIds.length <= maxThreadMessageIds);
          const first = messageIdsIn(inReplyTo).slice(0, maxThreadMessageIds);
          assert.deepEqual(candidates.messageIds.slice(0, first.length), first);
          const threads = {
            byReference: new Map(k.references.map((r) => [r, `inc-${r}`])),
            byMessageId: new Map(k.ids.map((id) => [id, `inc-${id}`])),
          };
          const decision = decideThread(candidates, threads);
          const byRef = candidates.reference && threads.byReference.get(candidates.reference);
          const byId = candidates.messageIds.find((id) => threads.byMessageId.has(id));
          if (byRef)
            assert.deepEqual(decision, {
              kind: 'reference',
              incidentId: byRef,
              reference: candidates.reference,
            });
          else if (byId)
            assert.deepEqual(decision, {
              kind: 'message-id',
              incidentId: `inc-${byId}`,
              messageId: byId,
            });
          else assert.deepEqual(decision, { kind: 'new', unknownReference: candidates.reference });
        },
      ),
      runs,
    );
  });
});
