// Intake by e-mail against a real dovecot (IMAP) and a real SMTP server: new reports become
// incidents, replies thread back, broken messages are kept for an analyst, restarts repeat nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../src/kernel/index.js';
import { loadReferenceData } from '../../src/modules/registry/index.js';
import { buildApp } from '../../src/server/app.js';
import { HttpClient } from '../support/http.js';
import { imapAvailable, startImapServer, type TestImapServer } from '../support/imap.js';
import { fixtureRegistryDir, startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

interface Message {
  id: string;
  status: string;
  incidentId: string | null;
  incidentReference: string | null;
  subject: string | null;
  from: string | null;
  error: string | null;
}
interface Incident {
  id: string;
  reference: string;
  title: string;
  source: string;
  description: string;
  reporter: { name: string | null; email: string | null };
}
interface Event {
  kind: string;
  actor: string;
  body: Record<string, unknown>;
}

let counter = 0;
/** A message as a mail client would send it (CRLF line ends). */
export function email(options: {
  subject?: string;
  from?: string;
  body?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  attachment?: { name: string; content: string };
  headers?: string[];
}): { raw: string; messageId: string } {
  counter += 1;
  const messageId = options.messageId ?? `<report-${Date.now()}-${counter}@reporter.example>`;
  const head = [
    `From: ${options.from ?? '"Rita Reporter" <rita@reporter.example>'}`,
    'To: cirt@cirt.example',
    ...(options.subject === undefined ? [] : [`Subject: ${options.subject}`]),
    `Message-ID: ${messageId}`,
    'Date: Tue, 03 Mar 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    ...(options.inReplyTo ? [`In-Reply-To: ${options.inReplyTo}`] : []),
    ...(options.references ? [`References: ${options.references}`] : []),
    ...(options.headers ?? []),
  ];
  const text =
    options.body ?? 'A phishing page at https://bank.example.test/login asks for passwords.';
  const body = options.attachment
    ? [
        'Content-Type: multipart/mixed; boundary="part"',
        '',
        '--part',
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
        '--part',
        `Content-Type: text/plain; name="${options.attachment.name}"`,
        `Content-Disposition: attachment; filename="${options.attachment.name}"`,
        '',
        options.attachment.content,
        '--part--',
      ]
    : ['Content-Type: text/plain; charset=utf-8', '', text];
  return { raw: [...head, ...body, ''].join('\r\n'), messageId };
}

const skip = imapAvailable();

describe('intake by e-mail', { skip }, () => {
  let imap: TestImapServer;
  let smtp: TestSmtpServer;
  let server: TestServer;
  let admin: HttpClient;

  before(async () => {
    [imap, smtp] = await Promise.all([startImapServer(), startSmtpServer()]);
    server = await startTestServer({
      CIRTKIT_IMAP_URL: imap.url,
      CIRTKIT_IMAP_POLL_SECONDS: '3600',
      CIRTKIT_SMTP_URL: smtp.url,
      CIRTKIT_MAIL_FROM: 'cirt@cirt.example',
    });
    admin = await server.adminClient();
  });
  /** The server started again by the restart test (the test server closes only the first). */
  let restarted: FastifyInstance | undefined;
  after(async () => {
    await restarted?.close();
    await server?.close();
    await Promise.all([imap?.close(), smtp?.close()]);
  });

  const poll = (client = admin) =>
    client.post('/api/mail/poll').expect<{ stored: number; error: string | null }>(200);
  const messages = async (status?: string, client = admin) =>
    (
      await client
        .get(`/api/mail/messages${status ? `?status=${status}` : ''}`)
        .expect<{ items: Message[] }>(200)
    ).items;
  const bySubject = async (subject: string) => {
    const found = (await messages()).find((m) => m.subject === subject);
    assert.ok(found, `no stored message with subject ${subject}`);
    return found;
  };
  const incident = (id: string) => admin.get(`/api/incidents/${id}`).expect<Incident>(200);
  const timeline = async (id: string) =>
    (await admin.get(`/api/incidents/${id}/timeline`).expect<{ events: Event[] }>(200)).events;

  it('a new report becomes an incident from the sender, with its attachment, acknowledged, marked \\Seen', async () => {
    const report = email({
      subject: 'Phishing against Example Bank',
      attachment: { name: 'headers.txt', content: 'Received: from mx.evil.example' },
    });
    await imap.deliver(report.raw);
    const polled = await poll();
    assert.equal(polled.error, null);
    const message = await bySubject('Phishing against Example Bank');
    assert.equal(message.status, 'created');
    const created = await incident(message.incidentId!);
    assert.equal(created.source, 'email');
    assert.equal(created.title, 'Phishing against Example Bank');
    assert.deepEqual(created.reporter, {
      name: 'Rita Reporter',
      email: 'rita@reporter.example',
      organisation: null,
    });
    assert.match(created.description, /asks for passwords/);
    const events = await timeline(created.id);
    const mailIn = events.find((e) => e.kind === 'mail-in');
    assert.ok(mailIn, 'the report is in the timeline');
    assert.equal(mailIn.body.subject, 'Phishing against Example Bank');
    assert.deepEqual(
      (mailIn.body.attachments as { filename: string }[]).map((a) => a.filename),
      ['headers.txt'],
    );
    const ack = await smtp.waitFor((m) => m.envelopeTo.includes('rita@reporter.example'));
    assert.ok(ack.parsed.subject?.includes(`[${created.reference}]`), ack.parsed.subject);
    assert.equal(ack.parsed.inReplyTo, report.messageId, 'threaded under the report');
    assert.equal(ack.parsed.headers.get('auto-submitted'), 'auto-replied');
    assert.ok((await timeline(created.id)).some((e) => e.kind === 'mail-out'));
    const listed = await imap.list();
    assert.ok(
      listed.every((m) => m.flags.includes('\\Seen')),
      'marked read once stored',
    );
  });

  it('a reply quoting the reference in its subject joins the incident', async () => {
    await imap.deliver(email({ subject: 'Malware on a ministry laptop' }).raw);
    await poll();
    const first = await bySubject('Malware on a ministry laptop');
    const reference = first.incidentReference!;
    const subject = `AW: RE : [${reference}] Malware on a ministry laptop`;
    await imap.deliver(
      email({ subject, body: 'Here is the hash: 44d88612fea8a8f36de82e1278abb02f' }).raw,
    );
    await poll();
    const reply = await bySubject(subject);
    assert.equal(reply.status, 'threaded');
    assert.equal(reply.incidentId, first.incidentId);
    const events = await timeline(first.incidentId!);
    const replies = events.filter((e) => e.kind === 'mail-in');
    assert.equal(replies.length, 2);
    assert.match(String(replies[1]!.body.text), /44d88612/);
    assert.equal(replies[1]!.body.via, 'reference');
  });

  it('a reply that only answers the report (In-Reply-To) joins the incident', async () => {
    const report = email({ subject: 'Defacement of a city website' });
    await imap.deliver(report.raw);
    await poll();
    const first = await bySubject('Defacement of a city website');
    await imap.deliver(
      email({ subject: 'more details', inReplyTo: report.messageId, body: 'It is back up now.' })
        .raw,
    );
    await poll();
    const reply = await bySubject('more details');
    assert.equal(reply.status, 'threaded');
    assert.equal(reply.incidentId, first.incidentId);
    const last = (await timeline(first.incidentId!)).filter((e) => e.kind === 'mail-in').at(-1)!;
    assert.equal(last.body.via, 'message-id');
  });

  it('round trip: report by e-mail, notification over SMTP, the answer threads back', async () => {
    await imap.deliver(email({ subject: 'Botnet C2 at 198.51.100.23' }).raw);
    await poll();
    const report = await bySubject('Botnet C2 at 198.51.100.23');
    // TLP:AMBER (the intake's default) goes only to known contacts: an analyst lowers it.
    const { revision } = await admin
      .get(`/api/incidents/${report.incidentId}`)
      .expect<{ revision: number }>(200);
    await admin
      .patch(`/api/incidents/${report.incidentId}`, { revision, tlp: 'green' })
      .expect(200);
    await admin
      .post(`/api/incidents/${report.incidentId}/notifications`, {
        recipients: [{ email: 'abuse@isp.example', name: 'ISP abuse desk' }],
        message: 'Please take the server offline.',
      })
      .expect(201);
    const notice = await smtp.waitFor((m) => m.envelopeTo.includes('abuse@isp.example'));
    assert.ok(notice.parsed.subject?.includes(`[${report.incidentReference}]`));
    // The ISP answers without keeping the reference in the subject: the ids carry the thread.
    const answer = email({
      from: 'ISP abuse desk <abuse@isp.example>',
      subject: 'Server taken offline',
      inReplyTo: notice.parsed.messageId!,
      references: notice.parsed.messageId!,
      body: 'Done, the server is offline.',
    });
    await imap.deliver(answer.raw);
    await poll();
    const threaded = await bySubject('Server taken offline');
    assert.equal(threaded.status, 'threaded');
    assert.equal(threaded.incidentId, report.incidentId);
    const kinds = (await timeline(report.incidentId!)).map((e) => e.kind);
    assert.ok(kinds.indexOf('mail-out') < kinds.lastIndexOf('mail-in'), kinds.join(','));
  });

  it('a broken message is kept raw and listed unparsed; the next good one is still processed', async () => {
    const broken = [
      'From: someone@reporter.example',
      'Subject: Broken report',
      'Message-ID: <broken-1@reporter.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="never-closed"',
      '',
      '--never-closed',
      'Content-Type: text/plain; charset=x-martian',
      '',
      'zzz',
      '',
    ].join('\r\n');
    await imap.deliver(broken);
    await imap.deliver(email({ subject: 'Scan from 203.0.113.7' }).raw);
    await poll();
    const unparsed = await messages('unparsed');
    const kept = unparsed.find((m) => m.subject === 'Broken report');
    assert.ok(kept, 'listed for an analyst');
    assert.match(
      kept.error!,
      /ends before its closing boundary "--never-closed--" \(the message is cut short\)/,
    );
    const raw = await admin.get(`/api/mail/messages/${kept.id}/raw`);
    assert.equal(raw.status, 200);
    assert.equal(raw.text, broken, 'the raw message is exactly what arrived');
    assert.match(
      raw.headers.get('content-disposition')!,
      /^attachment; filename="message-.*\.eml"$/,
    );
    assert.equal((await bySubject('Scan from 203.0.113.7')).status, 'created');
  });

  it('an analyst turns an unparsed message into an incident, or dismisses one', async () => {
    const bad = (subject: string) =>
      [
        `From: x@reporter.example`,
        `Subject: ${subject}`,
        'Content-Transfer-Encoding: x-rot13',
        '',
        'grfg',
        '',
      ].join('\r\n');
    await imap.deliver(bad('Unreadable one'));
    await imap.deliver(bad('Unreadable two'));
    await poll();
    const one = await bySubject('Unreadable one');
    const two = await bySubject('Unreadable two');
    const made = await admin
      .post(`/api/mail/messages/${one.id}/create-incident`)
      .expect<{ incident: { id: string; reference: string } }>(201);
    const created = await incident(made.incident.id);
    assert.equal(created.title, 'Unreadable one');
    assert.match(
      created.description,
      /could not handle: part 1 \(text\/plain\) has an unknown Content-Transfer-Encoding "x-rot13"/,
    );
    const files = (await timeline(created.id)).find((e) => e.kind === 'mail-in')!.body
      .attachments as { filename: string }[];
    assert.deepEqual(
      files.map((f) => f.filename),
      ['original-message.eml'],
    );
    await admin.post(`/api/mail/messages/${one.id}/create-incident`).expect(409);
    await admin.post(`/api/mail/messages/${two.id}/dismiss`, { reason: 'spam' }).expect(200);
    assert.equal((await bySubject('Unreadable two')).status, 'dismissed');
    assert.ok(!(await messages('unparsed')).some((m) => m.subject?.startsWith('Unreadable')));
    const audit = await admin
      .get('/api/audit?action=mail.dismiss')
      .expect<{ items: unknown[] }>(200);
    assert.equal(audit.items.length, 1);
  });

  it('only incident managers see the mailbox', async () => {
    const { client } = await server.userClient('analyst.mail@cirt.example', 'analyst');
    await client.get('/api/mail/status').expect(403);
    await client.post('/api/mail/poll').expect(403);
    const status = await admin.get('/api/mail/status').expect<Record<string, unknown>>(200);
    assert.equal(status.configured, true);
    assert.ok(status.lastPollAt);
    assert.deepEqual(status.mailbox, {
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      user: imap.user,
      path: 'INBOX',
    });
    assert.ok(!JSON.stringify(status).includes(imap.password), 'the password is never shown');
  });

  it('a restart repeats nothing and picks up what arrived meanwhile; a new UIDVALIDITY neither', async () => {
    const before = await messages();
    const incidentsBefore = new Set(before.map((m) => m.incidentId).filter(Boolean));
    await server.app.close();
    await imap.deliver(email({ subject: 'Arrived while stopped' }).raw);
    const app = await buildApp({
      registryData: loadReferenceData(fixtureRegistryDir),
      config: server.config,
      db: server.testDb.db,
      logger: createLogger('silent'),
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    restarted = app;
    try {
      const again = new HttpClient(address);
      await again.login(server.admin.email, server.admin.password);
      await poll(again);
      const after = await messages(undefined, again);
      assert.equal(after.length, before.length + 1, 'only the new message was stored');
      assert.equal(after.find((m) => m.subject === 'Arrived while stopped')?.status, 'created');
      // The mailbox is renumbered (a restored server): everything is read again and recognised.
      const db = server.testDb.db.kysely;
      await db.updateTable('mail_mailboxes').set({ uid_validity: '1' }).execute();
      await db
        .updateTable('mail_messages')
        .set({ uid_validity: '1' })
        .where('direction', '=', 'in')
        .execute();
      await poll(again);
      const renumbered = await messages(undefined, again);
      const copies = renumbered.filter((m) => !after.some((a) => a.id === m.id));
      assert.equal(copies.length, after.length, 'each message read once more');
      assert.ok(
        copies.every((m) => m.status === 'ignored'),
        'and recognised as already received',
      );
      const incidents = new Set(renumbered.map((m) => m.incidentId).filter(Boolean));
      assert.equal(incidents.size, incidentsBefore.size + 1, 'no incident made twice');
    } finally {
      admin = new HttpClient(address);
      await admin.login(server.admin.email, server.admin.password);
    }
  });
});
