// The mail test servers themselves: a real SMTP server (smtp-server, in a child process) that
// nodemailer delivers to, and a throw-away dovecot that imapflow reads from.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { simpleParser, type AddressObject } from 'mailparser';
import nodemailer from 'nodemailer';
import { imapAvailable, startImapServer, type TestImapServer } from '../support/imap.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

const rawMessage = (subject: string, body = 'Hello from the tests.') =>
  [
    'From: CIRT Desk <desk@cirt.example.org>',
    'To: reporter@example.org',
    `Subject: ${subject}`,
    'Message-ID: <' + subject.replace(/\W+/g, '-') + '@cirt.example.org>',
    'Date: Mon, 03 Mar 2025 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');

describe('the test SMTP server', () => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer({ rejectRecipients: ['Nobody@Example.org'] });
  });
  after(() => smtp?.close());

  const transport = () =>
    nodemailer.createTransport({
      url: smtp.url,
      auth: { user: 'cirtkit-sender', pass: 'any password' },
    });

  it('listens on loopback and gives a plain smtp:// URL', () => {
    assert.equal(smtp.host, '127.0.0.1');
    assert.equal(smtp.url, `smtp://127.0.0.1:${smtp.port}`);
  });

  it('receives what nodemailer sends: envelope, headers, bodies and attachments', async () => {
    const info = await transport().sendMail({
      from: '"CIRT Desk" <desk@cirt.example.org>',
      to: 'reporter@example.org',
      cc: 'Analyst <analyst@cirt.example.org>',
      bcc: 'archive@cirt.example.org',
      subject: 'Incident INC-2025-0001: phishing wave (é, 中文)',
      text: 'We received your report.\nReference: INC-2025-0001',
      html: '<p>We received your report.</p>',
      headers: { 'X-Cirtkit-Incident': 'INC-2025-0001' },
      attachments: [
        {
          filename: 'indicators.csv',
          content: 'type,value\nip,192.0.2.10\n',
          contentType: 'text/csv',
        },
      ],
    });
    assert.deepEqual(info.rejected, []);
    const mail = await smtp.waitFor(
      (m) => m.parsed.subject?.startsWith('Incident INC-2025-0001') ?? false,
    );
    assert.equal(mail.envelopeFrom, 'desk@cirt.example.org');
    assert.deepEqual(mail.envelopeTo.sort(), [
      'analyst@cirt.example.org',
      'archive@cirt.example.org',
      'reporter@example.org',
    ]);
    assert.equal(mail.authUser, 'cirtkit-sender');
    const { parsed } = mail;
    assert.equal(parsed.subject, 'Incident INC-2025-0001: phishing wave (é, 中文)');
    assert.equal(parsed.headers.get('x-cirtkit-incident'), 'INC-2025-0001');
    assert.equal(parsed.messageId, info.messageId);
    const address = (value: AddressObject | AddressObject[] | undefined) =>
      (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) =>
        a.value.map((v) => v.address),
      );
    assert.deepEqual(address(parsed.from), ['desk@cirt.example.org']);
    assert.deepEqual(address(parsed.to), ['reporter@example.org']);
    assert.deepEqual(address(parsed.cc), ['analyst@cirt.example.org']);
    assert.equal(parsed.bcc, undefined, 'Bcc is in the envelope only');
    assert.equal(parsed.text?.trim(), 'We received your report.\nReference: INC-2025-0001');
    assert.equal(parsed.html, '<p>We received your report.</p>');
    assert.equal(parsed.attachments.length, 1);
    const [attachment] = parsed.attachments;
    assert.equal(attachment!.filename, 'indicators.csv');
    assert.equal(attachment!.contentType, 'text/csv');
    assert.equal(attachment!.content.toString(), 'type,value\nip,192.0.2.10\n');
    assert.match(mail.raw.toString(), /^X-Cirtkit-Incident: INC-2025-0001\r$/m);
  });

  it('keeps messages in arrival order and waits for one still to come', async () => {
    const before = smtp.messages.length;
    const waiting = smtp.waitFor((m) => m.parsed.subject === 'second');
    await transport().sendMail({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'first',
      text: '1',
    });
    await transport().sendMail({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'second',
      text: '2',
    });
    assert.equal((await waiting).parsed.text?.trim(), '2');
    assert.deepEqual(
      smtp.messages.slice(before).map((m) => m.parsed.subject),
      ['first', 'second'],
    );
    await assert.rejects(
      smtp.waitFor((m) => m.parsed.subject === 'never', 50),
      /no matching mail/,
    );
  });

  it('accepts mail without authentication', async () => {
    const anonymous = nodemailer.createTransport({ url: smtp.url });
    await anonymous.sendMail({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'anonymous',
      text: '.',
    });
    const mail = await smtp.waitFor((m) => m.parsed.subject === 'anonymous');
    assert.equal(mail.authUser, undefined);
  });

  it('refuses the recipients it was told to, which nodemailer reports', async () => {
    await assert.rejects(
      transport().sendMail({
        from: 'a@example.org',
        to: 'nobody@example.org',
        subject: 'x',
        text: 'x',
      }),
      (error: Error & { code?: string; responseCode?: number }) => {
        assert.equal(error.code, 'EENVELOPE');
        assert.equal(error.responseCode, 550);
        assert.match(error.message, /nobody@example\.org/);
        return true;
      },
    );
    const info = await transport().sendMail({
      from: 'a@example.org',
      to: ['nobody@example.org', 'somebody@example.org'],
      subject: 'partly rejected',
      text: 'x',
    });
    assert.deepEqual(info.rejected, ['nobody@example.org']);
    assert.deepEqual(info.accepted, ['somebody@example.org']);
    const mail = await smtp.waitFor((m) => m.parsed.subject === 'partly rejected');
    assert.deepEqual(mail.envelopeTo, ['somebody@example.org']);
    assert.ok(!smtp.messages.some((m) => m.parsed.subject === 'x'));
  });

  it('stops its process on close', async () => {
    const other = await startSmtpServer();
    await other.close();
    assert.ok(await refusesConnections(other.port));
    await other.close(); // twice is harmless
  });
});

describe('the test IMAP server (dovecot)', { skip: imapAvailable() }, () => {
  let imap: TestImapServer;
  let client: ImapFlow;
  before(async () => {
    imap = await startImapServer();
    client = imap.client();
    await client.connect();
  });
  after(async () => {
    await client?.logout().catch(() => undefined);
    await imap?.close();
  });

  it('gives an imap:// URL with the account on loopback', () => {
    const url = new URL(imap.url);
    assert.equal(url.protocol, 'imap:');
    assert.equal(url.hostname, '127.0.0.1');
    assert.equal(Number(url.port), imap.port);
    assert.equal(decodeURIComponent(url.username), imap.user);
    assert.equal(decodeURIComponent(url.password), imap.password);
    assert.equal(url.pathname, '/INBOX');
  });

  it('delivers with IMAP APPEND; imapflow fetches, marks seen and searches unseen', async () => {
    await imap.deliver(rawMessage('Report one'));
    await imap.deliver(Buffer.from(rawMessage('Report two', 'Second body.')));
    const lock = await client.getMailboxLock('INBOX');
    try {
      assert.deepEqual(await client.search({ seen: false }, { uid: true }), [1, 2]);
      const message = await client.fetchOne('2', { source: true, envelope: true }, { uid: true });
      assert.ok(message && message.source);
      assert.equal(message.envelope?.subject, 'Report two');
      const parsed = await simpleParser(message.source);
      assert.equal(parsed.text?.trim(), 'Second body.');
      assert.equal(parsed.messageId, '<Report-two@cirt.example.org>');
      assert.ok(await client.messageFlagsAdd('1', ['\\Seen'], { uid: true }));
      assert.deepEqual(await client.search({ seen: false }, { uid: true }), [2]);
    } finally {
      lock.release();
    }
    assert.deepEqual(await imap.list('INBOX'), [
      { uid: 1, flags: ['\\Seen'], subject: 'Report one' },
      { uid: 2, flags: [], subject: 'Report two' },
    ]);
  });

  it('delivers into other mailboxes, creating them, with flags', async () => {
    await imap.deliver(rawMessage('Filed away'), 'Archive', ['\\Seen', '\\Flagged']);
    assert.deepEqual(await imap.list('Archive'), [
      { uid: 1, flags: ['\\Flagged', '\\Seen'], subject: 'Filed away' },
    ]);
    const status = await client.status('Archive', { messages: true, unseen: true });
    assert.ok(status);
    assert.equal(status.messages, 1);
    assert.equal(status.unseen, 0);
  });

  it('sees a message delivered while a client waits in the mailbox', async () => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const arrived = new Promise<void>((resolve) => client.once('exists', () => resolve()));
      await imap.deliver(rawMessage('Arrives later'));
      await client.noop();
      await arrived;
      const found = await client.search({ subject: 'Arrives later' }, { uid: true });
      assert.equal(Array.isArray(found) ? found.length : 0, 1);
    } finally {
      lock.release();
    }
  });

  it('carries a message sent by SMTP into the mailbox unchanged', async () => {
    const smtp = await startSmtpServer();
    try {
      await nodemailer.createTransport({ url: smtp.url }).sendMail({
        from: 'a@example.org',
        to: 'b@example.org',
        subject: 'Relayed',
        text: 'Via SMTP.',
      });
      const sent = await smtp.waitFor((m) => m.parsed.subject === 'Relayed');
      await imap.deliver(sent.raw);
      const last = (await imap.list()).at(-1)!;
      assert.equal(last.subject, 'Relayed');
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.noop(); // learn of the message appended by the other connection
        const message = await client.fetchOne(String(last.uid), { source: true }, { uid: true });
        assert.ok(message && message.source);
        assert.equal(message.source.toString(), sent.raw.toString());
      } finally {
        lock.release();
      }
    } finally {
      await smtp.close();
    }
  });

  it('refuses a wrong password', async () => {
    const wrong = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: false,
      auth: { user: imap.user, pass: 'wrong' },
      logger: false,
    });
    wrong.on('error', () => undefined);
    await assert.rejects(wrong.connect());
  });

  it('starts separate servers side by side and stops each on close', async () => {
    const other = await startImapServer();
    assert.notEqual(other.port, imap.port);
    assert.deepEqual(await other.list(), []);
    await other.close();
    assert.ok(await refusesConnections(other.port));
    await other.close(); // twice is harmless
  });
});
