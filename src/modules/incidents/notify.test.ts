import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { tlpLevels, type Tlp } from './incident.schema.js';
import { mayNotify, pgpFor, tlpLabel, type NotifyRecipient } from './notify.js';
import {
  chooseLanguage,
  loadMailTemplates,
  renderTemplate,
  subjectWithReference,
  templateFileSchema,
} from './templates.js';

const rank: Record<Tlp, number> = { clear: 0, green: 1, amber: 2, 'amber+strict': 3, red: 4 };
const tlp = fc.constantFrom(...tlpLevels);
const recipient: fc.Arbitrary<NotifyRecipient> = fc.oneof(
  fc.boolean().map((affected) => ({ kind: 'contact' as const, affected })),
  fc.constant({ kind: 'address' as const }),
);

describe('mayNotify: what a notification may carry to whom (TLP 2.0)', () => {
  it('is monotonic: what may go out at a label may go out at any less restrictive label', () => {
    fc.assert(
      fc.property(tlp, tlp, recipient, (a, b, who) => {
        const [lower, higher] = rank[a] <= rank[b] ? [a, b] : [b, a];
        if (mayNotify(higher, who).allowed) assert.equal(mayNotify(lower, who).allowed, true);
      }),
    );
  });

  it('an affected contact may receive at least what anyone else may', () => {
    fc.assert(
      fc.property(tlp, recipient, (level, who) => {
        if (mayNotify(level, who).allowed)
          assert.equal(mayNotify(level, { kind: 'contact', affected: true }).allowed, true);
      }),
    );
  });

  it('CLEAR and GREEN go to anyone; RED and AMBER+STRICT to no one, each refusal with its rule', () => {
    fc.assert(
      fc.property(recipient, (who) => {
        assert.equal(mayNotify('clear', who).allowed, true);
        assert.equal(mayNotify('green', who).allowed, true);
        const red = mayNotify('red', who);
        assert.ok(!red.allowed && red.rule === 'tlp_red' && /TLP:RED/.test(red.message));
        const strict = mayNotify('amber+strict', who);
        assert.ok(!strict.allowed && strict.rule === 'tlp_amber_strict');
      }),
    );
  });

  it('AMBER: affected contacts only, with a precise reason for the others', () => {
    assert.deepEqual(mayNotify('amber', { kind: 'contact', affected: true }), { allowed: true });
    const other = mayNotify('amber', { kind: 'contact', affected: false });
    assert.ok(!other.allowed && other.rule === 'tlp_amber_not_affected');
    const address = mayNotify('amber', { kind: 'address' });
    assert.ok(!address.allowed && address.rule === 'tlp_amber_address');
    assert.equal(tlpLabel('amber+strict'), 'TLP:AMBER+STRICT');
  });

  it('PGP follows the organisation: encrypt needs the contact key, sign needs the team key', () => {
    assert.deepEqual(pgpFor('none', false, false), { ok: true, sign: false, encrypt: false });
    assert.deepEqual(pgpFor('sign-encrypt', true, true), { ok: true, sign: true, encrypt: true });
    const noKey = pgpFor('encrypt', false, true);
    assert.ok(!noKey.ok && noKey.rule === 'pgp_no_key');
    const noTeam = pgpFor('sign', true, false);
    assert.ok(
      !noTeam.ok &&
        noTeam.rule === 'pgp_no_team_key' &&
        /CIRTKIT_PGP_KEY_FILE/.test(noTeam.message),
    );
  });
});

describe('mail templates', () => {
  const templates = loadMailTemplates();

  it('language: the contact’s first UN language, else the organisation’s, else English', () => {
    assert.equal(chooseLanguage(['de', 'fr-CA', 'es'], 'ru'), 'fr');
    assert.equal(chooseLanguage([], 'AR'), 'ar');
    assert.equal(chooseLanguage(['de'], 'pt'), 'en');
    assert.equal(chooseLanguage([], null), 'en');
    assert.equal(chooseLanguage(['zh_Hans'], 'en'), 'zh');
  });

  it('ships both templates in six languages, each subject carrying the reference', () => {
    for (const template of Object.values(templates))
      for (const lang of ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const) {
        const out = renderTemplate(template, lang, { reference: 'CIRT-2026-000042', title: 'x' });
        assert.ok(out.subject.startsWith('[CIRT-2026-000042]'), `${template.id} ${lang}`);
        assert.ok(out.text.includes('CIRT-2026-000042'));
        assert.doesNotMatch(out.text, /\{\{/);
      }
  });

  it('fills placeholders, leaves missing ones empty and keeps at most one empty line', () => {
    const out = renderTemplate(templates.notification, 'en', {
      reference: 'CIRT-2026-000042',
      tlp: 'TLP:AMBER',
      orgName: 'Ministry of Water',
      contactName: 'Amina',
      title: 'Phishing site',
      observables: '- url: hxxp://bad.example/login',
      team: 'cirt@cirt.example.org',
    });
    assert.equal(
      out.subject,
      '[CIRT-2026-000042] [TLP:AMBER] Security incident concerning Ministry of Water',
    );
    assert.match(out.text, /^Dear Amina,\n\n/);
    assert.match(out.text, /Affected resources:\n- url: hxxp:\/\/bad\.example\/login/);
    assert.doesNotMatch(out.text, /\n\n\n/);
    const ar = renderTemplate(templates.acknowledgement, 'ar', {
      reference: 'CIRT-2026-000042',
      name: 'ليلى',
    });
    assert.match(ar.html, /<html lang="ar" dir="rtl">/);
    assert.match(ar.text, /ليلى/);
  });

  it('values cannot add markup to the HTML form nor a header to the subject', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, title) => {
        const out = renderTemplate(templates.acknowledgement, 'en', {
          reference: 'CIRT-2026-000001',
          name: `<script>alert(1)</script>${name}`,
          title: `${title}\r\nBcc: victim@example.org`,
        });
        assert.doesNotMatch(out.html, /<script>/);
        assert.doesNotMatch(out.subject, /[\r\n]/);
        const tags = out.html.match(/<[^>]*>/g) ?? [];
        for (const tag of tags)
          assert.match(tag, /^<(\/?(p|body|html)|br|!doctype html|html lang="en")>?/);
      }),
    );
    const hostile = renderTemplate(templates.notification, 'en', {
      reference: 'CIRT-2026-000001',
      orgName: 'Evil\r\nBcc: x@example.org',
    });
    assert.equal(
      hostile.subject,
      '[CIRT-2026-000001] [] Security incident concerning Evil Bcc: x@example.org',
    );
  });

  it('the reference is put in front of a subject that lacks it, once', () => {
    assert.equal(
      subjectWithReference('Re: hello', 'CIRT-2026-000007'),
      '[CIRT-2026-000007] Re: hello',
    );
    assert.equal(
      subjectWithReference('[CIRT-2026-000007] x', 'CIRT-2026-000007'),
      '[CIRT-2026-000007] x',
    );
  });

  it('refuses a template file whose text uses an unknown placeholder or drops the reference', () => {
    const file = structuredClone(templates.acknowledgement);
    file.languages.fr.body += ' {{password}}';
    file.languages.ru.subject = 'Без номера';
    const result = templateFileSchema.safeParse(file);
    assert.equal(result.success, false);
    const messages = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    assert.ok(
      messages.some((m) => /languages\.fr\.body uses \{\{password\}\}/.test(m)),
      messages.join(),
    );
    assert.ok(
      messages.some((m) => /languages\.ru\.subject must carry/.test(m)),
      messages.join(),
    );
  });
});
