import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface View {
  id: string;
  reference: string;
  tlp: string;
  revision: number;
  access: { restricted: boolean; onList: boolean };
}
interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('TLP:RED and TLP:AMBER+STRICT incidents over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  let amina: { client: HttpClient; id: string };
  let omar: { client: HttpClient; id: string };
  let red: View;
  let green: View;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    amina = await server.userClient('amina@cirt.example', 'analyst');
    omar = await server.userClient('omar@cirt.example', 'lead');
    red = await amina.client
      .post('/api/incidents', {
        title: 'Ministry mail server compromised',
        tlp: 'red',
        observables: [{ kind: 'ipv4', value: '192.0.2.7' }],
      })
      .expect<View>(201);
    green = await omar.client
      .post('/api/incidents', { title: 'Open resolver', tlp: 'green' })
      .expect<View>(201);
  });
  after(() => server.close());

  it('the creator reads it and is on its access list', async () => {
    const view = await amina.client.get(`/api/incidents/${red.id}`).expect<View>(200);
    assert.deepEqual(view.access, { restricted: true, onList: true });
    const list = await amina.client
      .get(`/api/incidents/${red.id}/access`)
      .expect<{ access: { userId: string }[] }>(200);
    assert.deepEqual(
      list.access.map((a) => a.userId),
      [amina.id],
    );
  });

  it('anyone else, the admin and a lead included, gets 404 on every sub-route, as for a missing incident', async () => {
    const rid = red.id;
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/incidents/${rid}`],
      ['PATCH', `/api/incidents/${rid}`, { revision: red.revision, title: 'x' }],
      ['POST', `/api/incidents/${rid}/status`, { revision: red.revision, status: 'triage' }],
      ['GET', `/api/incidents/${rid}/timeline`],
      ['POST', `/api/incidents/${rid}/comments`, { body: 'hello' }],
      ['GET', `/api/incidents/${rid}/tasks`],
      ['POST', `/api/incidents/${rid}/tasks`, { title: 'x' }],
      ['PATCH', `/api/incidents/${rid}/tasks/some-task`, { status: 'done' }],
      ['DELETE', `/api/incidents/${rid}/tasks/some-task`],
      ['GET', `/api/incidents/${rid}/observables`],
      [
        'POST',
        `/api/incidents/${rid}/observables`,
        { observables: [{ kind: 'domain', value: 'example.org' }] },
      ],
      ['DELETE', `/api/incidents/${rid}/observables/some-observable`],
      ['GET', `/api/incidents/${rid}/constituents`],
      ['POST', `/api/incidents/${rid}/constituents/some-org`, { origin: 'manual' }],
      ['GET', `/api/incidents/${rid}/attachments`],
      ['GET', `/api/incidents/${rid}/attachments/some-attachment`],
      ['GET', `/api/incidents/${rid}/links`],
      ['POST', `/api/incidents/${rid}/links`, { to: green.id }],
      ['DELETE', `/api/incidents/${rid}/links/some-link`],
      ['POST', `/api/incidents/${rid}/merge`, { into: green.id }],
      ['GET', `/api/incidents/${rid}/access`],
      ['POST', `/api/incidents/${rid}/access`, { userId: omar.id }],
      ['DELETE', `/api/incidents/${rid}/access/${amina.id}`],
    ];
    const missing = 'ffffffff-0000-4000-8000-000000000000';
    for (const client of [admin, omar.client]) {
      for (const [method, path, body] of calls) {
        const answer = await client.request(method, path, body);
        assert.equal(answer.status, 404, `${method} ${path}: ${answer.text}`);
        const same = await client.request(method, path.replace(rid, missing), body);
        assert.equal((answer.body as Problem).code, (same.body as Problem).code);
        assert.equal(
          (answer.body as Problem).detail,
          (same.body as Problem).detail.replace(missing, rid),
        );
      }
      const upload = await client.request(
        'POST',
        `/api/incidents/${rid}/attachments?name=a.txt`,
        new TextEncoder().encode('x'),
      );
      assert.equal(upload.status, 404);
    }
  });

  it('linking to or merging into it from elsewhere does not tell it exists', async () => {
    const link = await omar.client
      .post(`/api/incidents/${green.id}/links`, { to: red.reference })
      .expect<Problem>(422);
    assert.deepEqual(link.errors, [{ field: 'to', message: 'is not an incident you can see' }]);
    const merge = await omar.client
      .post(`/api/incidents/${green.id}/merge`, { into: red.id })
      .expect<Problem>(422);
    assert.equal(merge.errors?.[0]?.field, 'into');
  });

  it('someone on the list gives access; the new reader sees it, and the last reader stays', async () => {
    await amina.client.post(`/api/incidents/${red.id}/access`, { userId: omar.id }).expect(200);
    const seen = await omar.client.get(`/api/incidents/${red.id}`).expect<View>(200);
    assert.equal(seen.access.onList, true);
    await omar.client.delete(`/api/incidents/${red.id}/access/${omar.id}`).expect(200);
    await omar.client.get(`/api/incidents/${red.id}`).expect(404);
    const last = await amina.client
      .delete(`/api/incidents/${red.id}/access/${amina.id}`)
      .expect<Problem>(409);
    assert.match(last.detail, /at least one person/);
    const timeline = await amina.client
      .get(`/api/incidents/${red.id}/timeline?kind=access`)
      .expect<{ events: { body: { action: string } }[] }>(200);
    assert.deepEqual(
      timeline.events.map((e) => e.body.action),
      ['granted', 'revoked'],
    );
  });

  it('raising an incident to AMBER+STRICT puts the one who raised it on the list', async () => {
    const incident = await omar.client
      .post('/api/incidents', { title: 'Leak of a health register', tlp: 'amber' })
      .expect<View>(201);
    // amina reads it while AMBER and raises it; omar (the creator) stays on the list.
    const raised = await amina.client
      .patch(`/api/incidents/${incident.id}`, { revision: incident.revision, tlp: 'amber+strict' })
      .expect<View>(200);
    assert.deepEqual(raised.access, { restricted: true, onList: true });
    await omar.client.get(`/api/incidents/${incident.id}`).expect(200);
    await admin.get(`/api/incidents/${incident.id}`).expect(404);
    const viewer = await server.userClient('vera@cirt.example', 'viewer');
    await viewer.client.get(`/api/incidents/${incident.id}`).expect(404);
    await viewer.client.get(`/api/incidents/${green.id}`).expect(200);
  });
});
