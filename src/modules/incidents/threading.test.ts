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

const markers = [
  'Re: ',
  'RE: ',
  'AW: ',
  'TR: ',
  'RE : ',
  '回复: ',
  'Fwd: ',
  'WG: ',
  'Réf: ',
  'Re[2]: ',
];
const reference = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_999 }))
  .map(([year, n]) => `CIRT-${year}-${String(n).padStart(6, '0')}`);
/** Subject text that cannot itself look like one of our references. */
const words = fc
  .string({ maxLength: 40 })
  .map((s) => s.replace(/cirt/gi, 'x').replace(/[[\]]/g, ''));

describe('reference in the subject', () => {
  it('finds the bracketed reference whatever reply markers precede it and wherever it stands', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...markers), { maxLength: 4 }),
        words,
        reference,
        words,
        (prefixes, before, ref, after) => {
          const subject = `${prefixes.join('')}${before} [${ref}] ${after}`;
          assert.equal(referenceInSubject(subject, 'CIRT'), ref);
        },
      ),
    );
  });

  it('reads a lower-case or unbracketed reference and answers it upper-cased', () => {
    assert.equal(
      referenceInSubject('Re: about cirt-2026-000042, again', 'CIRT'),
      'CIRT-2026-000042',
    );
    assert.equal(referenceInSubject('AW: [ CIRT-2026-000042 ]', 'CIRT'), 'CIRT-2026-000042');
  });

  it('prefers the bracketed reference to a bare one quoted earlier', () => {
    assert.equal(
      referenceInSubject('CIRT-2025-000001 merged into [CIRT-2026-000042]', 'CIRT'),
      'CIRT-2026-000042',
    );
  });

  it('ignores other prefixes, references glued inside words and subjects without one', () => {
    assert.equal(referenceInSubject('[CERT-2026-000042] forwarded', 'CIRT'), null);
    assert.equal(referenceInSubject('XCIRT-2026-000042', 'CIRT'), null);
    assert.equal(referenceInSubject('CIRT-2026-0000421X', 'CIRT'), null);
    assert.equal(referenceInSubject('Phishing wave', 'CIRT'), null);
    assert.equal(referenceInSubject(null, 'CIRT'), null);
  });

  it('never finds a reference in text that does not contain the prefix', () => {
    fc.assert(fc.property(words, (subject) => referenceInSubject(subject, 'CIRT') === null));
  });

  it('strips every leading reply and forward marker and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...markers), { maxLength: 5 }), (prefixes) => {
        assert.equal(stripReplyMarkers(`${prefixes.join('')}Phishing: bank`), 'Phishing: bank');
      }),
    );
    assert.equal(stripReplyMarkers('Report: scan from 192.0.2.1'), 'Report: scan from 192.0.2.1');
  });
});

describe('message ids', () => {
  it('normalises brackets and whitespace', () => {
    assert.equal(normaliseMessageId(' abc@example.org '), '<abc@example.org>');
    assert.equal(normaliseMessageId('<<abc@example.org>>'), '<abc@example.org>');
    assert.equal(normaliseMessageId('  '), null);
  });

  it('reads every id of a References header once, in order, also when unbracketed', () => {
    assert.deepEqual(messageIdsIn('<a@x> <b@x>\r\n <a@x>'), ['<a@x>', '<b@x>']);
    assert.deepEqual(messageIdsIn('c@x'), ['<c@x>']);
    assert.deepEqual(messageIdsIn(['<d@x>', '<e@x>']), ['<d@x>', '<e@x>']);
    assert.deepEqual(messageIdsIn(undefined), []);
  });

  it('reads only well-formed ids: brackets with no space inside, or one bare local@domain', () => {
    assert.deepEqual(messageIdsIn('<a b@x> <> <<c@x> d@x>'), ['<c@x>']);
    assert.deepEqual(messageIdsIn('a@ @x @ a@b c@d'), []);
    assert.deepEqual(messageIdsIn('  a@b@  '), ['<a@b@>']);
  });

  // Found by fuzzing: brackets were stripped before the spaces between them were removed, so
  // an id read from one header did not equal the same id read again.
  it('normalising twice gives what normalising once gave, spaces between brackets included', () => {
    assert.equal(normaliseMessageId('a > >'), '<a>');
    assert.equal(normaliseMessageId(' < <a'), '<a>');
    assert.equal(normaliseMessageId('< m1 @ example.org >'), '<m1@example.org>');
    assert.equal(normaliseMessageId('< > >'), null);
    for (const raw of ['a > >', ' < <a', '<<a>>', '< >a< >'])
      assert.equal(normaliseMessageId(normaliseMessageId(raw)), normaliseMessageId(raw));
  });
});

/** The fastest of three runs, so that a busy machine's pause is not taken for the code's. */
function fastestMs(call: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    call();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

// Found by fuzzing: backtracking patterns took seconds on a few kilobytes of one header (ReDoS).
describe('message ids of hostile headers, in linear time', () => {
  const boundMs = 250;

  it('normalises 100 KB of `>` followed by something else at once', () => {
    const raw = `${'>'.repeat(100_000)}x`;
    assert.equal(normaliseMessageId(raw), `<${raw}>`);
    const ms = fastestMs(() => normaliseMessageId(raw));
    assert.ok(ms < boundMs, `${ms.toFixed(0)} ms`);
  });

  it('reads 100 KB of `a@a@…a@ x` (no id at all) at once', () => {
    const header = `${'a@'.repeat(50_000)} x`;
    assert.deepEqual(messageIdsIn(header), []);
    const ms = fastestMs(() => messageIdsIn(header));
    assert.ok(ms < boundMs, `${ms.toFixed(0)} ms`);
  });

  it('reads 100 KB of distinct ids at once, each once', () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `<m${i}@x.org>`).join(' ');
    assert.ok(header.length > 100_000);
    assert.equal(messageIdsIn(header).length, 10_000);
    const ms = fastestMs(() => messageIdsIn(header));
    assert.ok(ms < boundMs, `${ms.toFixed(0)} ms`);
  });
});

describe('deciding the thread', () => {
  const id = fc.stringMatching(/^[a-z0-9.]{1,12}@[a-z]{1,8}\.org$/).map((s) => `<${s}>`);

  it('asks for In-Reply-To first, then References newest first', () => {
    const candidates = threadCandidates(
      { subject: 'Re: hello', inReplyTo: '<c@x>', references: ['<a@x> <b@x>', '<c@x>'] },
      'CIRT',
    );
    assert.deepEqual(candidates, { reference: null, messageIds: ['<c@x>', '<b@x>', '<a@x>'] });
  });

  it('looks up at most the newest ids of a huge References header, In-Reply-To first', () => {
    const references = [Array.from({ length: 5000 }, (_, i) => `<m${i}@x.org>`).join(' ')];
    const { messageIds } = threadCandidates(
      { subject: null, inReplyTo: '<m10@x.org>', references },
      'CIRT',
    );
    assert.equal(messageIds.length, maxThreadMessageIds);
    assert.deepEqual(messageIds.slice(0, 3), ['<m10@x.org>', '<m4999@x.org>', '<m4998@x.org>']);
  });

  it('a known reference wins over any known message id', () => {
    fc.assert(
      fc.property(reference, id, (ref, messageId) => {
        const decision = decideThread(
          { reference: ref, messageIds: [messageId] },
          {
            byReference: new Map([[ref, 'inc-ref']]),
            byMessageId: new Map([[messageId, 'inc-id']]),
          },
        );
        assert.deepEqual(decision, { kind: 'reference', incidentId: 'inc-ref', reference: ref });
      }),
    );
  });

  it('an unknown reference falls back to the first known message id, in candidate order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 6 }), fc.nat(), (ids, pick) => {
        const known = ids.slice(pick % ids.length);
        const decision = decideThread(
          { reference: 'CIRT-2026-999999', messageIds: ids },
          {
            byReference: new Map(),
            byMessageId: new Map(known.map((m) => [m, `inc-${m}`])),
          },
        );
        assert.deepEqual(decision, {
          kind: 'message-id',
          incidentId: `inc-${known[0]}`,
          messageId: known[0],
        });
      }),
    );
  });

  it('nothing known: a new thread that names the unknown reference', () => {
    assert.deepEqual(
      decideThread(
        { reference: 'CIRT-2026-999999', messageIds: ['<x@y>'] },
        { byReference: new Map(), byMessageId: new Map() },
      ),
      { kind: 'new', unknownReference: 'CIRT-2026-999999' },
    );
  });
});
