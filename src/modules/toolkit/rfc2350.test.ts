import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rfc2350Sections, sectionHeading } from './rfc2350-sections.js';
import {
  defaultProfile,
  profileIssues,
  renderRfc2350Html,
  renderRfc2350Markdown,
  renderRfc2350Text,
  renderSecurityTxt,
  rfc2350ProfileSchema,
  type RenderMeta,
  type Rfc2350Profile,
} from './rfc2350.js';
import { wrap } from './rfc2350-render.js';

/** RFC 2350 Appendix D, section by section: the oracle the data file is checked against. */
const template = `1 Document Information
1.1 Date of Last Update
1.2 Distribution List for Notifications
1.3 Locations where this Document May Be Found
2 Contact Information
2.1 Name of the Team
2.2 Address
2.3 Time Zone
2.4 Telephone Number
2.5 Facsimile Number
2.6 Other Telecommunication
2.7 Electronic Mail Address
2.8 Public Keys and Encryption Information
2.9 Team Members
2.10 Other Information
2.11 Points of Customer Contact
3 Charter
3.1 Mission Statement
3.2 Constituency
3.3 Sponsorship and/or Affiliation
3.4 Authority
4 Policies
4.1 Types of Incidents and Level of Support
4.2 Co-operation, Interaction and Disclosure of Information
4.3 Communication and Authentication
5 Services
5.1 Incident Response
5.1.1 Incident Triage
5.1.2 Incident Coordination
5.1.3 Incident Resolution
5.2 Proactive Activities
6 Incident Reporting Forms
7 Disclaimers`
  .split('\n')
  .map((line) => {
    const space = line.indexOf(' ');
    return { number: line.slice(0, space), title: line.slice(space + 1) };
  });

const now = new Date('2026-03-01T10:00:00Z');
const meta = (over: Partial<RenderMeta> = {}): RenderMeta => ({
  lang: 'en',
  updatedAt: '2026-02-20T08:00:00.000Z',
  now: now.toISOString(),
  key: null,
  serviceNames: { 'ISIM-1': 'Incident report acceptance' },
  ...over,
});

/** A profile with every field filled, built from the schema's defaults. */
function fullProfile(): Rfc2350Profile {
  return rfc2350ProfileSchema.parse({
    document: { distributionList: 'None.', locations: ['https://cert.example.org/rfc2350.txt'] },
    contact: {
      teamName: 'CERT-EX',
      shortName: 'CERTEX',
      address: 'Ministry of ICT\nPO Box 1\nExample City',
      timeZone: 'UTC+03:00',
      phone: '+254 20 000 000',
      fax: 'None',
      otherTelecom: 'None',
      email: 'incident@cert.example.org',
      encryptionInfo: 'Use our key for sensitive reports.',
      members: 'A director and six analysts.',
      otherInfo: 'See our website.',
      contactMethods: 'E-mail is preferred.',
      hours: 'Monday to Friday, 08:00-17:00',
      emergency: 'Call the duty phone.',
    },
    charter: {
      mission: 'To help.',
      constituency: 'The nation.',
      sponsorship: 'The ministry.',
      authority: 'Decree 12.',
    },
    policies: { incidentTypes: 'All.', cooperation: 'With peers.', communication: 'PGP.' },
    services: {
      offered: ['ISIM-1'],
      overview: 'Reactive and proactive.',
      incidentResponse: 'We help.',
      triage: 'We check.',
      coordination: 'We coordinate.',
      resolution: 'We advise.',
      proactive: 'Alerts.',
    },
    reportingForms: 'https://cert.example.org/report',
    disclaimers: 'No warranty.',
    securityTxt: {
      contacts: ['mailto:incident@cert.example.org', 'tel:+254-20-000-000'],
      expires: '2026-12-31T23:59:59Z',
      encryption: ['https://cert.example.org/pgp.asc'],
      acknowledgments: ['https://cert.example.org/thanks'],
      preferredLanguages: ['en', 'sw'],
      canonical: ['https://cert.example.org/.well-known/security.txt'],
      policy: ['https://cert.example.org/disclosure'],
      hiring: ['https://cert.example.org/jobs'],
    },
  });
}

describe('the RFC 2350 template as data', () => {
  it('has every section of Appendix D, in order, with its title', () => {
    assert.deepEqual(
      rfc2350Sections.map((s) => ({ number: s.number, title: s.title.en })),
      template,
    );
  });

  it('titles every section in six languages and points only at real profile fields', () => {
    const profile = rfc2350ProfileSchema.parse({});
    for (const section of rfc2350Sections) {
      for (const lang of ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const)
        assert.ok(section.title[lang], `${section.number} ${lang}`);
      for (const path of section.fields) {
        const value = path
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], profile);
        assert.notEqual(value, undefined, path);
      }
    }
    const used = new Set(rfc2350Sections.flatMap((s) => s.fields));
    const leaves = Object.entries(profile).flatMap(([group, value]) =>
      typeof value === 'object' && !Array.isArray(value)
        ? Object.keys(value).map((k) => `${group}.${k}`)
        : [group],
    );
    assert.deepEqual(
      leaves.filter((p) => !p.startsWith('securityTxt.') && !used.has(p)),
      [],
    );
  });
});

describe('rendering the RFC 2350 document', () => {
  it('writes every section heading of the template in text, HTML and Markdown, filled or empty', () => {
    for (const profile of [
      fullProfile(),
      rfc2350ProfileSchema.parse({ contact: { teamName: 'X' } }),
    ]) {
      const text = renderRfc2350Text(profile, meta());
      const html = renderRfc2350Html(profile, meta());
      const markdown = renderRfc2350Markdown(profile, meta());
      for (const { number, title } of template) {
        const heading = `${number.includes('.') ? number : `${number}.`} ${title}`;
        assert.ok(text.split('\n').includes(heading), `text: ${heading}`);
        assert.ok(html.includes(`>${heading.replace('&', '&amp;')}</h`), `html: ${heading}`);
        assert.match(markdown, new RegExp(`^#{2,4} ${heading.replace(/[.()/]/g, '\\$&')}$`, 'm'));
      }
    }
  });

  it('fills sections from the profile and marks the empty ones', () => {
    const text = renderRfc2350Text(fullProfile(), meta());
    assert.match(text, /^RFC 2350 description of CERT-EX\n=+$/m);
    assert.match(text, /1\.1 Date of Last Update\n-+\n\n {3}2026-02-20\n/);
    assert.match(text, /Short name: CERTEX/);
    assert.match(text, /Services offered:\n {3}- Incident report acceptance/);
    assert.match(text, /Hours: Monday to Friday/);
    assert.doesNotMatch(text, /Not provided/);
    const empty = renderRfc2350Text(
      rfc2350ProfileSchema.parse({ contact: { teamName: 'X' } }),
      meta({ updatedAt: null }),
    );
    assert.match(empty, /2\.5 Facsimile Number\n-+\n\n {3}Not provided\.\n/);
    assert.match(empty, /1\.1 Date of Last Update\n-+\n\n {3}2026-03-01\n/);
    // Parent sections introduce their subsections without a "not provided" of their own.
    assert.match(empty, /3\. Charter\n=+\n\n3\.1 Mission Statement/);
  });

  it("describes the team's key in section 2.8", () => {
    const key = {
      fingerprint: 'ABCD1234ABCD1234ABCD1234ABCD1234ABCD1234',
      keyId: 'ABCD1234ABCD1234',
      userIds: ['CERT-EX <cert@example.org>'],
      algorithm: 'Ed25519',
      created: '2026-01-01T00:00:00.000Z',
      expires: null,
    };
    const text = renderRfc2350Text(fullProfile(), meta({ key }));
    assert.match(text, /Key fingerprint: ABCD 1234 ABCD 1234 ABCD 1234 ABCD 1234 ABCD 1234/);
    assert.match(text, /Key user ID: CERT-EX <cert@example.org>/);
    assert.match(text, /Key expires: never/);
    assert.match(renderRfc2350Html(fullProfile(), meta({ key })), /<code>ABCD 1234/);
  });

  it('escapes what the team typed in HTML and Markdown', () => {
    const profile = fullProfile();
    profile.charter.mission = '<script>alert(1)</script> *bold* [link](x)';
    const html = renderRfc2350Html(profile, meta());
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;'));
    const markdown = renderRfc2350Markdown(profile, meta());
    assert.ok(markdown.includes('\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[link\\](x)'));
  });

  it('titles the document in the chosen language, right to left in Arabic', () => {
    const html = renderRfc2350Html(fullProfile(), meta({ lang: 'ar' }));
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.ok(html.includes(sectionHeading(rfc2350Sections[0]!, 'ar')));
    assert.match(
      renderRfc2350Text(fullProfile(), meta({ lang: 'fr' })),
      /^Description de CERT-EX selon la RFC 2350$/m,
    );
  });

  it('wraps long lines at 72 columns without breaking words', () => {
    const lines = wrap(`${'word '.repeat(40)}https://example.org/${'x'.repeat(80)}`, '   ');
    assert.ok(lines.slice(0, -1).every((l) => l.length <= 72));
    assert.ok(lines.at(-1)!.endsWith('x'.repeat(80)));
    assert.deepEqual(wrap('- one two three', '  ', 12), ['  - one two', '    three']);
  });
});

describe('security.txt (RFC 9116)', () => {
  it('writes the fields in order, each on one line, with Expires in UTC', () => {
    const { text, problems } = renderSecurityTxt(fullProfile(), now);
    assert.deepEqual(problems, []);
    const fields = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(':')[0]);
    assert.deepEqual(fields, [
      'Contact',
      'Contact',
      'Expires',
      'Encryption',
      'Acknowledgments',
      'Preferred-Languages',
      'Canonical',
      'Policy',
      'Hiring',
    ]);
    assert.match(text, /^Expires: 2026-12-31T23:59:59Z$/m);
    assert.match(text, /^Preferred-Languages: en, sw$/m);
    assert.equal(text.match(/^Preferred-Languages:/gm)?.length, 1);
    assert.equal(text.match(/^Expires:/gm)?.length, 1);
  });

  it('requires a contact and an expiry in the future, and warns beyond a year', () => {
    const profile = fullProfile();
    profile.securityTxt.contacts = [];
    profile.securityTxt.expires = '';
    const severities = (p: Rfc2350Profile) =>
      renderSecurityTxt(p, now).problems.map((x) => `${x.severity} ${x.field}`);
    assert.deepEqual(severities(profile), [
      'error securityTxt.contacts',
      'error securityTxt.expires',
    ]);
    profile.securityTxt.contacts = ['mailto:a@example.org'];
    profile.securityTxt.expires = '2026-02-28T00:00:00Z';
    assert.match(renderSecurityTxt(profile, now).problems[0]!.message, /^has passed/);
    profile.securityTxt.expires = '2027-06-01T00:00:00+02:00';
    assert.deepEqual(severities(profile), ['warning securityTxt.expires']);
    assert.match(renderSecurityTxt(profile, now).text, /^Expires: 2027-05-31T22:00:00Z$/m);
  });

  it('refuses URIs of the wrong kind, and keeps a value from smuggling a field in', () => {
    const profile = fullProfile();
    profile.securityTxt.contacts = [
      'http://cert.example.org/contact',
      'cert@example.org',
      'mailto:',
    ];
    profile.securityTxt.policy = ['ftp://x.example.org'];
    profile.securityTxt.preferredLanguages = ['english!'];
    profile.securityTxt.expires = '31/12/2026';
    const issues = profileIssues(profile, new Set(['ISIM-1']));
    assert.deepEqual(
      issues.map((i) => `${i.field}: ${i.message}`),
      [
        'securityTxt.contacts.0: must use https://, not http://',
        'securityTxt.contacts.1: must be a URI starting with mailto: or tel: or https:',
        'securityTxt.contacts.2: must name an e-mail address after mailto:',
        'securityTxt.policy.0: must start with https:',
        'securityTxt.expires: must be an RFC 3339 date and time, e.g. 2026-12-31T23:59:59Z',
        'securityTxt.preferredLanguages.0: must be a language tag such as en or fr',
      ],
    );
    profile.securityTxt.hiring = ['https://x.example.org/a\nContact: mailto:evil@example.org'];
    assert.doesNotMatch(renderSecurityTxt(profile, now).text, /^Contact: mailto:evil/m);
  });
});

describe('profile rules', () => {
  it('checks the team name, e-mail, web addresses and services', () => {
    const profile = fullProfile();
    profile.contact.teamName = '';
    profile.contact.email = 'not an address';
    profile.document.locations = ['cert.example.org/rfc2350'];
    profile.services.offered = ['ISIM-1', 'XX-9'];
    assert.deepEqual(
      profileIssues(profile, new Set(['ISIM-1'])).map((i) => i.field),
      ['contact.teamName', 'contact.email', 'document.locations.0', 'services.offered.1'],
    );
    assert.deepEqual(profileIssues(fullProfile(), new Set(['ISIM-1'])), []);
  });

  it('starts from the project: team name, country, planned services and an expiry under a year', () => {
    const profile = defaultProfile({
      teamName: 'CERT-EX',
      country: 'Kenya',
      plannedServices: ['ISIM-1'],
      now,
    });
    assert.equal(profile.contact.teamName, 'CERT-EX');
    assert.equal(profile.contact.address, 'Kenya');
    assert.deepEqual(profile.services.offered, ['ISIM-1']);
    const problems = renderSecurityTxt(profile, now).problems;
    assert.deepEqual(
      problems.map((p) => p.field),
      ['securityTxt.contacts'],
    );
    assert.deepEqual(rfc2350ProfileSchema.parse(JSON.parse(JSON.stringify(profile))), profile);
  });
});
