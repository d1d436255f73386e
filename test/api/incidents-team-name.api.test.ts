import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
interface Settings {
  teamName: string | null;
  toolkitProjectId: string | null;
  sla: Record<string, unknown>;
  queues: unknown[];
  revision: number;
}

/** The From header as mailparser decodes it (RFC 2047 words back to text). */
const fromOf = (mail: ReceivedMail) => mail.parsed.from?.text;
const bodyOf = (mail: ReceivedMail) => (mail.parsed.text ?? '').replace(/\r\n/g, '\n');

/** Posts the public form as a browser does (multipart/form-data, no session). */
async function publicReport(baseUrl: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const response = await fetch(`${baseUrl}/api/public/reports`, { method: 'POST', body: form });
  assert.equal(response.status, 202);
  return (await response.json()) as { reference: string; acknowledgement: string };
}

describe("the team's name in outgoing mail, through a real SMTP server", () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let admin: HttpClient;

  const settings = () => admin.get('/api/incidents/settings').expect<Settings>(200);
  async function setTeamName(teamName: string | null) {
    const { revision, toolkitProjectId, sla, queues } = await settings();
    return admin
      .put('/api/incidents/settings', { revision, toolkitProjectId, sla, queues, teamName })
      .expect<Settings>(200);
  }
  async function notify(language: string, email: string) {
    const incident = await admin
      .post('/api/incidents', { title: 'Open resolver', tlp: 'green' })
      .expect<{ id: string; reference: string }>(201);
    const sent = await admin
      .post(`/api/incidents/${incident.id}/notifications`, {
        recipients: [{ email, name: 'NOC', language }],
      })
      .expect<{ messages: { messageId: string; status: string }[] }>(201);
    assert.equal(sent.messages[0]?.status, 'sent');
    return smtp.waitFor((m) => m.parsed.messageId === sent.messages[0]!.messageId);
  }
  async function acknowledge(language: string, email: string) {
    const answer = await publicReport(server.baseUrl, {
      description: 'A phishing page imitates the national bank.',
      email,
      name: 'Lucía',
      language,
    });
    assert.equal(answer.acknowledgement, 'sent');
    return smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && m.parsed.subject?.includes(answer.reference) === true,
    );
  }

  before(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({
      CIRTKIT_SMTP_URL: smtp.url,
      CIRTKIT_MAIL_FROM: 'cirt@cirt.example.org',
      CIRTKIT_PUBLIC_REPORT_RATE_PER_HOUR: '1000',
    });
    admin = await server.adminClient();
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('without a team name, From is the address alone and the templates sign with it', async () => {
    assert.equal((await settings()).teamName, null);
    const mail = await notify('en', 'noc1@isp.example');
    assert.match(mail.raw.toString(), /^From: cirt@cirt\.example\.org\r$/m);
    assert.equal(mail.parsed.from?.value[0]?.name, '');
    assert.match(bodyOf(mail), /\ncirt@cirt\.example\.org\n*$/);
  });

  it('refuses a name that is not one line or is too long, naming the field, and keeps the settings', async () => {
    const { revision, toolkitProjectId, sla, queues } = await settings();
    for (const teamName of ['CIRT\nof Examplestan', 'CIRT of Examplestan\r', 'x'.repeat(121)]) {
      const problem = await admin
        .put('/api/incidents/settings', { revision, toolkitProjectId, sla, queues, teamName })
        .expect<Problem>(422);
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((e) => e.field),
        ['body.teamName'],
        JSON.stringify(teamName),
      );
    }
    assert.equal((await settings()).revision, revision);
  });

  it('sets it (trimmed) and audits it; notifications and acknowledgements come from "<team name>" <address>', async () => {
    const saved = await setTeamName('  CIRT of Examplestan  ');
    assert.equal(saved.teamName, 'CIRT of Examplestan');
    const { items } = await admin
      .get('/api/audit?entityType=incident_settings&limit=10')
      .expect<{ items: { action: string; before: Settings; after: Settings }[] }>(200);
    assert.equal(items[0]?.action, 'incident.settings_update');
    assert.equal(items[0]?.before.teamName, null);
    assert.equal(items[0]?.after.teamName, 'CIRT of Examplestan');

    const notification = await notify('en', 'noc2@isp.example');
    assert.equal(fromOf(notification), '"CIRT of Examplestan" <cirt@cirt.example.org>');
    assert.equal(notification.envelopeFrom, 'cirt@cirt.example.org');
    assert.match(bodyOf(notification), /\nCIRT of Examplestan\n*$/);
    assert.doesNotMatch(bodyOf(notification), /cirt@cirt\.example\.org/);

    const ack = await acknowledge('en', 'reporter1@example.org');
    assert.equal(fromOf(ack), '"CIRT of Examplestan" <cirt@cirt.example.org>');
    assert.match(bodyOf(ack), /This is an automatic message\.\nCIRT of Examplestan\n*$/);
  });

  it('encodes an Arabic or Chinese name as RFC 2047 words, decoded back as typed', async () => {
    const arabic = 'الفريق الوطني للاستجابة لطوارئ الحاسوب في إكزامبلستان';
    await setTeamName(arabic);
    const notification = await notify('ar', 'noc3@isp.example');
    assert.match(notification.raw.toString(), /^From: =\?UTF-8\?[BQ]\?/m, 'encoded word');
    assert.equal(fromOf(notification), `"${arabic}" <cirt@cirt.example.org>`);
    assert.ok(bodyOf(notification).trimEnd().endsWith(arabic));

    const chinese = '示例国国家计算机应急响应小组';
    await setTeamName(chinese);
    const ack = await acknowledge('zh', 'reporter2@example.org');
    assert.match(ack.raw.toString(), /^From: =\?UTF-8\?[BQ]\?/m, 'encoded word');
    assert.equal(fromOf(ack), `"${chinese}" <cirt@cirt.example.org>`);
    assert.ok(bodyOf(ack).trimEnd().endsWith(chinese));
  });

  it('an empty name is none again: the address alone, as before', async () => {
    assert.equal((await setTeamName('   ')).teamName, null);
    const mail = await notify('en', 'noc4@isp.example');
    assert.match(mail.raw.toString(), /^From: cirt@cirt\.example\.org\r$/m);
    assert.match(bodyOf(mail), /\ncirt@cirt\.example\.org\n*$/);
  });
});
