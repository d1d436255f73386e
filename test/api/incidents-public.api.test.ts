import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** Posts the public form as a browser does: multipart/form-data, no session, no token. */
async function report(
  baseUrl: string,
  fields: Record<string, string>,
  files: { name: string; type: string; content: Buffer | string }[] = [],
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files)
    form.append('attachments', new Blob([file.content], { type: file.type }), file.name);
  const response = await fetch(`${baseUrl}/api/public/reports`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function incidentCount(server: TestServer): Promise<number> {
  const row = await server.testDb.db.kysely
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function idOf(server: TestServer, reference: string): Promise<string> {
  const row = await server.testDb.db.kysely
    .selectFrom('incidents')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('public report form over HTTP with a real SMTP server', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let admin: HttpClient;

  before(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({
      CIRTKIT_SMTP_URL: smtp.url,
      CIRTKIT_MAIL_FROM: 'cirt@cirt.example.org',
      CIRTKIT_ATTACHMENT_MAX_BYTES: '2048',
      CIRTKIT_PUBLIC_REPORT_RATE_PER_HOUR: '1000',
    });
    admin = await server.adminClient();
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('creates an incident from the form with its observables and files, answers the reference and acknowledges in the form language', async () => {
    const answer = await report(
      server.baseUrl,
      {
        description: 'Un sitio de phishing imita al banco nacional.\nRecibí el correo hoy.',
        email: 'Reporter@Example.org',
        name: 'Lucía',
        organisation: 'Vecinos',
        rsitType: 'phishing',
        observables:
          'hxxps://bank-login[.]example/secure\n\n203.0.113.9\n# comment\nd41d8cd98f00b204e9800998ecf8427e',
        language: 'es',
        website: '',
      },
      [
        {
          name: 'mail.eml',
          type: 'message/rfc822',
          content: 'From: a@b\r\nSubject: x\r\n\r\nbody',
        },
      ],
    );
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    const reference = String(answer.body.reference);
    assert.match(reference, /^CIRT-\d{4}-\d{6}$/);
    assert.equal(answer.body.acknowledgement, 'sent');

    const ack = await smtp.waitFor((m) => m.parsed.subject?.includes(reference) ?? false);
    assert.equal(ack.parsed.subject, `[${reference}] Hemos recibido su reporte`);
    assert.deepEqual(ack.envelopeTo, ['reporter@example.org']);
    assert.equal(ack.parsed.headers.get('auto-submitted'), 'auto-replied');
    assert.match(ack.parsed.text ?? '', /Hola, Lucía:/);
    assert.match(ack.parsed.text ?? '', new RegExp(`referencia ${reference}`));

    const id = await idOf(server, reference);
    const incident = await admin.get(`/api/incidents/${id}`).expect<{
      source: string;
      title: string;
      rsitClass: string;
      rsitType: string;
      tlp: string;
      reporter: { name: string; email: string; organisation: string };
      counts: { observables: number };
    }>(200);
    assert.equal(incident.source, 'form');
    assert.equal(incident.title, 'Un sitio de phishing imita al banco nacional.');
    assert.equal(incident.rsitType, 'phishing');
    assert.equal(incident.tlp, 'amber');
    assert.deepEqual(incident.reporter, {
      name: 'Lucía',
      email: 'reporter@example.org',
      organisation: 'Vecinos',
    });
    assert.equal(incident.counts.observables, 3);
    const timeline = await admin
      .get(`/api/incidents/${id}/timeline`)
      .expect<{ events: { kind: string; actor: string; body: Record<string, unknown> }[] }>(200);
    const kinds = timeline.events.map((e) => e.kind);
    assert.ok(kinds.includes('attachment'), kinds.join());
    const mailOut = timeline.events.find((e) => e.kind === 'mail-out');
    assert.equal(mailOut?.body.purpose, 'acknowledgement');
    assert.equal(mailOut?.body.messageId, ack.parsed.messageId);
    const stored = await server.testDb.db.kysely
      .selectFrom('mail_messages')
      .select(['direction', 'status', 'incident_id', 'raw'])
      .where('message_id', '=', ack.parsed.messageId!)
      .executeTakeFirstOrThrow();
    assert.equal(stored.direction, 'out');
    assert.equal(stored.incident_id, id);
    assert.ok(Buffer.from(stored.raw).equals(ack.raw));
  });

  it('answers a filled honeypot like a success but creates nothing and sends nothing', async () => {
    const before = await incidentCount(server);
    const mails = smtp.messages.length;
    const answer = await report(server.baseUrl, {
      description: 'Buy cheap watches',
      email: 'bot@spam.example',
      website: 'http://spam.example',
    });
    assert.equal(answer.status, 202);
    assert.match(String(answer.body.reference), /^CIRT-\d{4}-\d{6}$/);
    assert.equal(await incidentCount(server), before);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(smtp.messages.length, mails);
  });

  it('names every field at fault: missing description, bad e-mail, an observable line that is none', async () => {
    const before = await incidentCount(server);
    const missing = await report(server.baseUrl, { email: 'not-an-address', description: '  ' });
    assert.equal(missing.status, 422);
    const fields = ((missing.body as unknown as Problem).errors ?? []).map((e) => e.field).sort();
    assert.deepEqual(fields, ['description', 'email']);
    const bad = await report(server.baseUrl, {
      description: 'Scan from these hosts',
      email: 'a@example.org',
      observables: '198.51.100.1\nthis is not a host',
    });
    assert.equal(bad.status, 422);
    assert.match(
      (bad.body as unknown as Problem).errors![0]!.message,
      /^line 2 \(this is not a host\) is not an IP address/,
    );
    const type = await report(server.baseUrl, {
      description: 'Something',
      email: 'a@example.org',
      rsitType: 'no-such-type',
    });
    assert.equal(type.status, 422);
    assert.equal((type.body as unknown as Problem).errors![0]!.field, 'rsitType');
    assert.equal(await incidentCount(server), before);
  });

  it('refuses a file over the size limit and more files than allowed, creating nothing', async () => {
    const before = await incidentCount(server);
    const big = await report(server.baseUrl, { description: 'Big file', email: 'a@example.org' }, [
      { name: 'dump.bin', type: 'application/octet-stream', content: Buffer.alloc(4096, 1) },
    ]);
    assert.equal(big.status, 413);
    assert.equal((big.body as unknown as Problem).code, 'payload_too_large');
    assert.match(
      String((big.body as unknown as Problem).errors?.[0]?.message),
      /at most 2048 bytes/,
    );
    const many = await report(
      server.baseUrl,
      { description: 'Many files', email: 'a@example.org' },
      Array.from({ length: 6 }, (_, i) => ({
        name: `f${i}.txt`,
        type: 'text/plain',
        content: `file ${i}`,
      })),
    );
    assert.equal(many.status, 413);
    assert.match((many.body as unknown as Problem).detail, /at most 5 files/);
    assert.equal(await incidentCount(server), before);
  });
});

describe('public report form: rate limit per address, and without outgoing mail', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ CIRTKIT_PUBLIC_REPORT_RATE_PER_HOUR: '2' });
  });
  after(() => server?.close());

  it('keeps the report when mail is off, and refuses the third report in an hour from one address', async () => {
    const fields = { description: 'Defacement of a school site', email: 'teacher@school.example' };
    const first = await report(server.baseUrl, fields);
    assert.equal(first.status, 202);
    assert.equal(first.body.acknowledgement, 'not-sent');
    await idOf(server, String(first.body.reference));
    assert.equal((await report(server.baseUrl, fields)).status, 202);
    const third = await report(server.baseUrl, fields);
    assert.equal(third.status, 429);
    assert.equal((third.body as unknown as Problem).code, 'rate_limited');
  });
});
