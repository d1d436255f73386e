import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decideThread,
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
