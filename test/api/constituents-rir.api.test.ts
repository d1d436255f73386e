import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { readRirSource } from '../../src/modules/constituents/rir-source.js';
import { runCli } from '../support/cli.js';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

const fixture = readFileSync(
  new URL('../../src/modules/constituents/fixtures/delegated-extended-sample.txt', import.meta.url),
);

interface Report {
  written: boolean;
  orgCreated: boolean;
  orgId: string;
  records: number;
  ipv4: number;
  ipv6: number;
  asn: number;
  added: number;
  duplicates: number;
}
interface Problem {
  errors: { field: string; message: string }[];
}

/** A real HTTP server on loopback: the fixture, a gzip copy, a slow answer and a huge one. */
function fileServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/delegated-afrinic-extended-latest') response.end(fixture);
    else if (request.url === '/delegated.gz') response.end(gzipSync(fixture));
    else if (request.url === '/slow') setTimeout(() => response.end(fixture), 2000);
    else if (request.url === '/huge') {
      response.write(Buffer.alloc(64 * 1024, 35));
      response.end(Buffer.alloc(64 * 1024, 35));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('RIR delegated import', () => {
  let server: TestServer;
  let admin: HttpClient;
  let files: { server: Server; url: string };
  const owners = async (q: string) => {
    const answer = await admin.get(`/api/constituents/lookup?q=${encodeURIComponent(q)}`).expect<{
      matches: { org: { name: string }; value: string; rule: string }[];
      covering: { value: string }[];
    }>(200);
    return answer;
  };
  const snapshot = async () => {
    const db = server.testDb.db.kysely;
    return JSON.stringify([
      await db.selectFrom('constituent_orgs').selectAll().orderBy('id').execute(),
      await db.selectFrom('constituent_ownership').selectAll().orderBy('id').execute(),
      await db.selectFrom('audit_log').select('seq').orderBy('seq').execute(),
    ]);
  };

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    files = await fileServer();
  });
  after(async () => {
    files.server.close();
    await server.close();
  });

  it("fetches a URL over HTTP and gives the country's space to one organisation, once", async () => {
    const body = {
      source: `${files.url}/delegated-afrinic-extended-latest`,
      country: 'ke',
      orgName: 'Kenya national address space',
    };
    const dry = await admin
      .post('/api/constituents/import/rir', { ...body, dryRun: true })
      .expect<Report>(200);
    assert.deepEqual([dry.written, dry.orgCreated, dry.added], [false, true, 8]);
    const first = await admin.post('/api/constituents/import/rir', body).expect<Report>(200);
    // KE: 2 asn records (1 + 16 AS numbers, one entry each), 3 ipv4 records (/24, /23 + /24,
    // /26 + /25), 1 ipv6.
    assert.deepEqual(
      [first.written, first.records, first.asn, first.ipv4, first.ipv6, first.added],
      [true, 6, 17, 5, 1, 8],
    );
    assert.equal(
      (await owners('203.0.113.9')).matches[0]!.org.name,
      'Kenya national address space',
    );
    const inBlock = (await owners('AS65551')).matches[0]!;
    assert.deepEqual([inBlock.value, inBlock.rule], ['AS65536-AS65551', 'asn-range']);
    assert.deepEqual((await owners('198.51.100.1')).matches, [], 'TZ space is not imported');

    // A more specific manual entry wins; the national space is listed as covering.
    const bank = await admin
      .post('/api/constituents/orgs', { name: 'Bank', sector: 'finance-banking' })
      .expect<{ id: string }>(201);
    await admin
      .post(`/api/constituents/orgs/${bank.id}/ownership`, {
        kind: 'ipv4',
        value: '192.0.2.128/25',
      })
      .expect(201);
    const inside = await owners('192.0.2.200');
    assert.deepEqual(
      [inside.matches[0]!.org.name, inside.covering[0]!.value],
      ['Bank', '192.0.2.0/24'],
    );

    const again = await admin
      .post('/api/constituents/import/rir', { ...body, orgId: first.orgId, orgName: undefined })
      .expect<Report>(200);
    assert.deepEqual([again.orgCreated, again.added, again.duplicates], [false, 0, 8]);
    const gz = await admin
      .post('/api/constituents/import/rir', { ...body, source: `${files.url}/delegated.gz` })
      .expect<Report>(200);
    assert.equal(gz.duplicates, 8, 'a gzip file reads the same');
  });

  it('reads a path only inside CIRTKIT_DATA_DIR/imports', async () => {
    const imports = path.join(server.config.dataDir, 'imports');
    mkdirSync(imports, { recursive: true });
    writeFileSync(path.join(imports, 'delegated.txt'), fixture);
    writeFileSync(path.join(server.config.dataDir, 'outside.txt'), fixture);
    symlinkSync(path.join(server.config.dataDir, 'outside.txt'), path.join(imports, 'link.txt'));
    const base = { country: 'TZ', orgName: 'Tanzania space' };
    const ok = await admin
      .post('/api/constituents/import/rir', { ...base, source: 'delegated.txt' })
      .expect<Report>(200);
    assert.deepEqual([ok.ipv4, ok.asn], [1, 1]);
    for (const source of ['../outside.txt', '/etc/passwd', 'link.txt']) {
      const refused = await admin
        .post('/api/constituents/import/rir', { ...base, source })
        .expect<Problem>(422);
      assert.equal(refused.errors[0]!.field, 'source');
      assert.match(refused.errors[0]!.message, /inside the import folder/);
    }
  });

  it('writes nothing when a line is malformed, and names the line', async () => {
    const before = await snapshot();
    const broken = `${fixture.toString().trimEnd()}\nafrinic|KE|ipv4|192.0.2.300|256|20070410|allocated|X\n`;
    const imports = path.join(server.config.dataDir, 'imports');
    writeFileSync(path.join(imports, 'broken.txt'), broken);
    const refused = await admin
      .post('/api/constituents/import/rir', {
        source: 'broken.txt',
        country: 'KE',
        orgName: 'Another space',
      })
      .expect<Problem>(422);
    assert.equal(refused.errors[0]!.field, 'line 18 column 17');
    assert.match(refused.errors[0]!.message, /192.0.2.300/);
    assert.equal(await snapshot(), before);
    const missing = await admin
      .post('/api/constituents/import/rir', { source: 'x.txt', country: 'KEN', orgName: '' })
      .expect<Problem>(422);
    assert.deepEqual(
      missing.errors.map((e) => e.field),
      ['body.country', 'body.orgName'],
    );
  });

  it('stops fetching at the size limit and the timeout', async () => {
    await assert.rejects(
      readRirSource(`${files.url}/huge`, null, { maxBytes: 100_000, timeoutMs: 5000 }),
      /over the limit of 0\.1 MB/,
    );
    await assert.rejects(
      readRirSource(`${files.url}/slow`, null, { maxBytes: 100_000, timeoutMs: 300 }),
      /did not answer within 0\.3 s/,
    );
    await assert.rejects(
      readRirSource(`${files.url}/missing`, null, { maxBytes: 100_000, timeoutMs: 5000 }),
      /answered HTTP 404/,
    );
    await assert.rejects(
      readRirSource('file:///etc/passwd', null, { maxBytes: 100_000, timeoutMs: 5000 }),
      /file: URLs are not fetched/,
    );
  });

  it('imports from the command line too, with a report', async () => {
    const env = { DATABASE_URL: server.testDb.url, CIRTKIT_DATA_DIR: server.config.dataDir };
    const result = await runCli(
      [
        'constituents',
        'import-rir',
        `${files.url}/delegated-afrinic-extended-latest`,
        '--country',
        'KE',
        '--org',
        'Kenya national address space',
        '--json',
      ],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Report;
    assert.deepEqual([report.written, report.duplicates], [true, 8]);
  });
});
