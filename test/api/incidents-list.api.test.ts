import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../support/clock.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Summary {
  id: string;
  reference: string;
  title: string;
  tlp: string;
  status: string;
  assignee: { id: string; name: string | null } | null;
  sla: { ackBreached: boolean; resolveBreached: boolean };
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}
interface Problem {
  errors: { field: string; message: string }[];
}

const minute = 60_000;

describe('incident list, search, statistics, export and saved filters', () => {
  let server: TestServer;
  let admin: HttpClient;
  let analyst: HttpClient;
  let analystId: string;
  let adminId: string;
  const clock = new ManualClock('2026-03-10T08:00:00.000Z');
  const made: Record<string, Summary> = {};

  const create = async (key: string, body: Record<string, unknown>, by = admin) => {
    clock.advance(minute);
    made[key] = await by.post('/api/incidents', body).expect<Summary>(201);
    return made[key];
  };
  const list = (client: HttpClient, query: string) =>
    client.get(`/api/incidents?${query}`).expect<Page>(200);
  const titles = (page: Page) => page.items.map((i) => i.title);

  before(async () => {
    server = await startTestServer({}, { clock });
    admin = await server.adminClient();
    adminId = (await admin.get('/api/auth/session').expect<{ user: { id: string } }>(200)).user.id;
    const a = await server.userClient('ana@example.org', 'analyst');
    analyst = a.client;
    analystId = a.id;
    await create('phish', {
      title: 'Phishing against a bank',
      description: 'Credential harvesting page imitating the bank',
      rsitClass: 'fraud',
      rsitType: 'phishing',
      tlp: 'green',
      severity: 'medium',
      sector: 'finance-banking',
      observables: [{ kind: 'url', value: 'https://login.bank-secure.example/verify' }],
    });
    await create('scan', {
      title: 'Port scan from a university network',
      rsitClass: 'information-gathering',
      rsitType: 'scanner',
      tlp: 'clear',
      severity: 'low',
      sector: 'education',
      assigneeId: analystId,
      observables: [{ kind: 'ipv4', value: '192.0.2.44' }],
    });
    await create('ransom', {
      title: 'Ransomware at a hospital',
      description: 'Encrypted file servers; Привет from the operators',
      rsitClass: 'malicious-code',
      rsitType: 'infected-system',
      tlp: 'amber',
      severity: 'emergency',
      sector: 'health',
      assigneeId: adminId,
    });
    await create('secret', {
      title: 'Intrusion in a ministry',
      rsitClass: 'intrusions',
      rsitType: 'privileged-account-compromise',
      tlp: 'red',
      severity: 'high',
      sector: 'government',
      observables: [{ kind: 'ipv4', value: '198.51.100.7' }],
    });
    await create('strict', { title: 'Leak of a ministry dataset', tlp: 'amber+strict' });
    await create(
      'mine',
      { title: 'Phishing wave reported by the analyst', rsitClass: 'fraud', tlp: 'amber' },
      analyst,
    );
  });
  after(() => server.close());

  it('lists newest first and hides RED and AMBER+STRICT from those not on the access list', async () => {
    assert.deepEqual(titles(await list(analyst, '')), [
      'Phishing wave reported by the analyst',
      'Ransomware at a hospital',
      'Port scan from a university network',
      'Phishing against a bank',
    ]);
    // The admin created them, so is on their access lists; no role bypasses the rule otherwise.
    assert.equal((await list(admin, '')).items.length, 6);
    const viewer = (await server.userClient('vic@example.org', 'viewer')).client;
    assert.ok(!titles(await list(viewer, 'q=ministry')).length);
  });

  it('filters by status, RSIT, TLP, severity, sector and assignee', async () => {
    assert.deepEqual(titles(await list(analyst, 'rsitClass=fraud')), [
      'Phishing wave reported by the analyst',
      'Phishing against a bank',
    ]);
    assert.deepEqual(titles(await list(analyst, 'rsitClass=fraud&rsitType=phishing')), [
      'Phishing against a bank',
    ]);
    assert.deepEqual(titles(await list(analyst, 'tlp=clear&tlp=green')), [
      'Port scan from a university network',
      'Phishing against a bank',
    ]);
    assert.deepEqual(titles(await list(analyst, 'severity=low,emergency')), [
      'Ransomware at a hospital',
      'Port scan from a university network',
    ]);
    assert.deepEqual(titles(await list(analyst, 'sector=health')), ['Ransomware at a hospital']);
    assert.deepEqual(titles(await list(analyst, 'assignee=me')), [
      'Port scan from a university network',
    ]);
    assert.deepEqual(titles(await list(analyst, `assignee=${adminId}`)), [
      'Ransomware at a hospital',
    ]);
    assert.equal((await list(analyst, 'assignee=none')).items.length, 2);
    assert.equal((await list(analyst, 'status=new')).items.length, 4);
    assert.equal((await list(analyst, 'status=closed')).items.length, 0);
    const scan = (await list(analyst, 'assignee=me')).items[0]!;
    assert.equal(scan.assignee?.name, 'ana');
  });

  it('finds by words, prefixes, observable values and reference, in any script', async () => {
    // Whole words; a star makes a prefix.
    assert.deepEqual(titles(await list(analyst, 'q=phish')), []);
    assert.deepEqual(titles(await list(analyst, `q=${encodeURIComponent('phish*')}`)), [
      'Phishing wave reported by the analyst',
      'Phishing against a bank',
    ]);
    assert.deepEqual(titles(await list(analyst, 'q=harvesting')), ['Phishing against a bank']);
    assert.deepEqual(
      titles(await list(analyst, `q=${encodeURIComponent('bank-secure.example')}`)),
      ['Phishing against a bank'],
    );
    assert.deepEqual(titles(await list(analyst, 'q=192.0.2.44')), [
      'Port scan from a university network',
    ]);
    assert.deepEqual(titles(await list(analyst, 'q=192.0.2')), [
      'Port scan from a university network',
    ]);
    assert.deepEqual(titles(await list(analyst, 'q=192.0.2.4')), []);
    assert.deepEqual(titles(await list(analyst, `q=${encodeURIComponent('192.0.2.4*')}`)), [
      'Port scan from a university network',
    ]);
    assert.deepEqual(titles(await list(analyst, `q=${encodeURIComponent('привет')}`)), [
      'Ransomware at a hospital',
    ]);
    assert.deepEqual(titles(await list(analyst, `q=${made.ransom!.reference}`)), [
      'Ransomware at a hospital',
    ]);
    assert.deepEqual(titles(await list(analyst, 'q=phishing%20bank')), ['Phishing against a bank']);
    // The RED incident matches, but the analyst may not read it.
    assert.deepEqual(titles(await list(analyst, 'q=198.51.100.7')), []);
    assert.deepEqual(titles(await list(admin, 'q=198.51.100.7')), ['Intrusion in a ministry']);
    assert.equal((await list(analyst, `q=${encodeURIComponent('"*:( ')}`)).items.length, 4);
  });

  it('keeps search in step when an incident or its observables change', async () => {
    const incident = await admin
      .get(`/api/incidents/${made.scan!.id}`)
      .expect<{ revision: number }>(200);
    clock.advance(minute);
    await admin
      .patch(`/api/incidents/${made.scan!.id}`, {
        revision: incident.revision,
        title: 'Mass scanning from a campus',
      })
      .expect(200);
    assert.deepEqual(titles(await list(analyst, 'q=campus')), ['Mass scanning from a campus']);
    assert.deepEqual(titles(await list(analyst, 'q=university')), []);
    await admin
      .post(`/api/incidents/${made.phish!.id}/observables`, {
        observables: [{ kind: 'domain', value: 'kit.example.net' }],
      })
      .expect(201);
    assert.deepEqual(titles(await list(analyst, 'q=kit.example.net')), ['Phishing against a bank']);
    // Still found by its title and its first observable.
    assert.deepEqual(titles(await list(analyst, 'q=harvesting')), ['Phishing against a bank']);
  });

  it('pages with a cursor: every incident once, in order, whatever the page size', async () => {
    const all = titles(await list(admin, 'limit=200'));
    for (const sort of ['-created', 'created', '-updated']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(
          admin,
          `limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.ok(page.items.length <= 2);
        seen.push(...titles(page));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, all.length, sort);
      assert.equal(new Set(seen).size, all.length, sort);
      if (sort === 'created') assert.deepEqual(seen, [...all].reverse());
    }
    // The title change above made the scan the most recently updated.
    assert.equal(
      titles(await list(analyst, 'sort=-updated&limit=1'))[0],
      'Mass scanning from a campus',
    );
  });

  it('filters by creation date and SLA breach, the clock deciding', async () => {
    assert.equal(
      (await list(admin, 'createdFrom=2026-03-10&createdTo=2026-03-10')).items.length,
      6,
    );
    assert.equal((await list(admin, 'createdTo=2026-03-09')).items.length, 0);
    assert.equal((await list(admin, 'createdFrom=2026-03-10T08:02:30Z')).items.length, 4);
    assert.deepEqual(titles(await list(analyst, 'slaBreached=true')), []);
    clock.advance(60 * minute);
    // emergency: 15 minutes to acknowledge; high: 60; medium: 240; low: 1440.
    const breached = await list(admin, 'slaBreached=true');
    assert.deepEqual(titles(breached), ['Intrusion in a ministry', 'Ransomware at a hospital']);
    assert.ok(breached.items.every((i) => i.sla.ackBreached));
    assert.equal((await list(admin, 'slaBreached=false')).items.length, 4);
  });

  it('filters by affected constituent, not counting dismissed suggestions', async () => {
    const org = await admin
      .post('/api/constituents/orgs', { name: 'Central Bank', sector: 'finance-banking' })
      .expect<{ id: string }>(201);
    await admin
      .post(`/api/incidents/${made.phish!.id}/constituents/${org.id}`, { origin: 'manual' })
      .expect(200);
    assert.deepEqual(titles(await list(analyst, `constituent=${org.id}`)), [
      'Phishing against a bank',
    ]);
    await admin
      .post(`/api/incidents/${made.phish!.id}/constituents/${org.id}`, { origin: 'dismissed' })
      .expect(200);
    assert.deepEqual(titles(await list(analyst, `constituent=${org.id}`)), []);
  });

  it('names the field of a bad filter, cursor or range', async () => {
    const bad = await analyst.get('/api/incidents?status=open').expect<Problem>(422);
    assert.ok(
      bad.errors.some((e) => e.field.startsWith('querystring.status')),
      JSON.stringify(bad),
    );
    const cursor = (await list(analyst, 'limit=1')).nextCursor!;
    const wrong = await analyst
      .get(`/api/incidents?sort=updated&cursor=${cursor}`)
      .expect<Problem>(422);
    assert.ok(wrong.errors.some((e) => e.field === 'querystring.cursor'));
    const range = await analyst
      .get('/api/incidents?createdFrom=2026-03-02&createdTo=2026-03-01')
      .expect<Problem>(422);
    assert.ok(range.errors.some((e) => e.field === 'querystring.createdTo'));
    const coordinator = (await server.userClient('coo@example.org', 'coordinator')).client;
    await coordinator.get('/api/incidents').expect(403);
  });

  it('counts by RSIT class, sector, status, severity and month, within the TLP rule', async () => {
    const stats = await analyst.get('/api/incidents/stats').expect<{
      total: number;
      byRsitClass: { key: string | null; count: number }[];
      bySector: { key: string | null; count: number }[];
      bySeverity: { key: string | null; count: number }[];
      byStatus: { key: string; count: number }[];
      byMonth: { month: string; count: number }[];
    }>(200);
    assert.equal(stats.total, 4);
    assert.deepEqual(stats.byRsitClass[0], { key: 'fraud', count: 2 });
    assert.ok(!stats.bySector.some((s) => s.key === 'government'));
    assert.deepEqual(stats.byMonth, [{ month: '2026-03', count: 4 }]);
    assert.deepEqual(stats.byStatus, [{ key: 'new', count: 4 }]);
    const adminStats = await admin
      .get('/api/incidents/stats?rsitClass=intrusions')
      .expect<{ total: number }>(200);
    assert.equal(adminStats.total, 1);
  });

  it('exports CSV within the TLP rule and under the cap the user sets', async () => {
    const all = await admin.get('/api/incidents/export.csv');
    assert.equal(all.status, 200);
    assert.match(all.headers.get('content-type')!, /text\/csv/);
    assert.match(all.headers.get('content-disposition')!, /TLP-RED\.csv"$/);
    const text = all.text;
    assert.equal(text.trim().split('\r\n').length, 7);
    assert.match(text, /TLP:RED/);

    const capped = await admin.get('/api/incidents/export.csv?maxTlp=green');
    const lines = capped.text.trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.ok(lines.slice(1).every((l) => /,TLP:(CLEAR|GREEN),/.test(l)));
    assert.match(capped.headers.get('content-disposition')!, /TLP-GREEN\.csv"$/);

    const analystText = (await analyst.get('/api/incidents/export.csv?tlp=red,amber')).text;
    assert.doesNotMatch(analystText, /TLP:RED|ministry/);
    assert.match(analystText, /Ransomware at a hospital/);
  });

  it('saves filters for oneself or shared; only the owner deletes one', async () => {
    const own = await analyst
      .post('/api/incidents/filters', {
        name: 'My phishing',
        filter: { q: 'phish', status: ['new'] },
      })
      .expect<{ id: string; filter: Record<string, unknown>; shared: boolean }>(201);
    assert.deepEqual(own.filter, { q: 'phish', status: ['new'] });
    const shared = await admin
      .post('/api/incidents/filters', {
        name: 'Breached health',
        filter: { sector: 'health', slaBreached: true },
        shared: true,
      })
      .expect<{ id: string }>(201);
    await admin
      .post('/api/incidents/filters', { name: 'Admin only', filter: { tlp: ['red'] } })
      .expect(201);
    const seen = await analyst
      .get('/api/incidents/filters')
      .expect<{ items: { name: string; mine: boolean; owner: { name: string } }[] }>(200);
    assert.deepEqual(
      seen.items.map((f) => [f.name, f.mine]),
      [
        ['My phishing', true],
        ['Breached health', false],
      ],
    );
    const dup = await analyst
      .post('/api/incidents/filters', { name: 'My phishing', filter: {} })
      .expect<Problem>(422);
    assert.ok(dup.errors.some((e) => e.field === 'body.name'));
    await analyst
      .post('/api/incidents/filters', { name: 'Bad', filter: { status: ['open'] } })
      .expect(422);
    await analyst.delete(`/api/incidents/filters/${shared.id}`).expect(403);
    await analyst.delete(`/api/incidents/filters/${own.id}`).expect(204);
    await analyst.delete(`/api/incidents/filters/${own.id}`).expect(404);
    const audit = await admin
      .get('/api/audit?action=incident.filter_delete')
      .expect<{ items: { entityId: string }[] }>(200);
    assert.deepEqual(
      audit.items.map((a) => a.entityId),
      [own.id],
    );
  });
});
