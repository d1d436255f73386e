import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { systemClock } from '../../src/kernel/index.js';
import { login, type AccountsDeps } from '../../src/modules/accounts/index.js';
import { browserUnavailable } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';

describe('cirtkit CLI', () => {
  let testDb: TestDb;
  let env: Record<string, string>;
  let deps: AccountsDeps;
  const cli = (...args: string[]) => runCli(args, env);

  before(async () => {
    testDb = await createTestDb();
    env = {
      DATABASE_URL: testDb.url,
      CIRTKIT_DATA_DIR: testDb.dataDir,
      CIRTKIT_REGISTRY_DATA_DIR: 'fixtures/registry',
    };
    deps = {
      db: testDb.db,
      clock: systemClock,
      policy: { sessionHours: 1, loginMaxFailures: 5, lockoutMinutes: 1 },
    };
  });
  after(() => testDb.cleanup());

  it('adds a user whose one-time password works and must be changed', async () => {
    const result = await cli('user', 'add', '--role', 'analyst', 'alice@example.org');
    assert.equal(result.code, 0, result.stderr);
    const password = /One-time password: (\S+)/.exec(result.stdout)?.[1];
    assert.ok(password, result.stdout);
    const session = await login(deps, {}, 'alice@example.org', password);
    assert.equal(session.user.role, 'analyst');
    assert.equal(session.user.mustChangePassword, true);
  });

  it('refuses a bad role or e-mail with exit code 2, naming the argument, and writes nothing', async () => {
    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from users`.execute(testDb.db.kysely))
          .rows[0]!.n,
      );
    const before = await count();
    const badRole = await cli('user', 'add', '--role', 'superuser', 'bob@example.org');
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /--role/);
    const badEmail = await cli('user', 'add', '--role', 'viewer', 'not-an-email', '--json');
    assert.equal(badEmail.code, 2);
    assert.equal((JSON.parse(badEmail.stderr) as { error: string }).error, 'validation_failed');
    const missing = await cli('user', 'add', 'carol@example.org');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--role/);
    assert.equal(await count(), before);
  });

  it('lists users as JSON for scripts, and disables and resets them', async () => {
    await cli('user', 'add', '--role', 'viewer', 'dave@example.org');
    const listed = await cli('user', 'list', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const users = JSON.parse(listed.stdout) as { email: string; role: string }[];
    assert.deepEqual(users.map((u) => u.email).sort(), ['alice@example.org', 'dave@example.org']);
    assert.equal((await cli('user', 'disable', 'dave@example.org')).code, 0);
    const disabled = JSON.parse((await cli('user', 'list', '--json')).stdout) as {
      email: string;
      disabled: boolean;
    }[];
    assert.equal(disabled.find((u) => u.email === 'dave@example.org')!.disabled, true);
    const reset = await cli('user', 'reset-password', 'alice@example.org', '--json');
    const { oneTimePassword } = JSON.parse(reset.stdout) as { oneTimePassword: string };
    await login(deps, {}, 'alice@example.org', oneTimePassword);
    const unknown = await cli('user', 'disable', 'nobody@example.org');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No user with e-mail nobody@example.org/);
  });

  it('creates and revokes API tokens', async () => {
    const created = await cli(
      'token',
      'create',
      '--user',
      'alice@example.org',
      '--name',
      'importer',
      '--json',
    );
    assert.equal(created.code, 0, created.stderr);
    const { token, secret } = JSON.parse(created.stdout) as {
      token: { id: string; role: string };
      secret: string;
    };
    assert.match(secret, /^ck_/);
    assert.equal(token.role, 'analyst');
    const escalate = await cli(
      'token',
      'create',
      '--user',
      'alice@example.org',
      '--name',
      'x',
      '--role',
      'admin',
    );
    assert.equal(escalate.code, 2);
    assert.equal((await cli('token', 'revoke', token.id)).code, 0);
    const listed = JSON.parse((await cli('token', 'list', '--json')).stdout) as {
      id: string;
      revokedAt: string | null;
    }[];
    assert.ok(listed.find((t) => t.id === token.id)!.revokedAt);
  });

  it('verifies the audit log, and exits 3 naming the row when it was tampered with', async () => {
    const ok = await cli('audit', 'verify');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Audit log intact: \d+ rows verified/);
    const { db } = testDb;
    if (db.dialect === 'sqlite') await sql`drop trigger audit_log_no_delete`.execute(db.kysely);
    else await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db.kysely);
    await db.kysely.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const broken = await cli('audit', 'verify', '--json');
    assert.equal(broken.code, 3);
    const verdict = JSON.parse(broken.stdout) as {
      ok: boolean;
      firstBadSeq: number;
      problem: string;
    };
    assert.deepEqual([verdict.ok, verdict.firstBadSeq], [false, 2]);
    assert.match(verdict.problem, /deleted/);
  });

  it('ranks needs and writes the progress report for scripts', async () => {
    const needs = await cli('registry', 'needs', '--as-of', '2026-01-01', '--format', 'json');
    assert.equal(needs.code, 0, needs.stderr);
    const ranked = JSON.parse(needs.stdout) as { iso3: string; rank: number }[];
    assert.equal(ranked[0]!.iso3, 'FJI');
    const weighted = await cli(
      'registry',
      'needs',
      '--weights',
      'no_national_cirt=0,footnote_group=0,least_developed=100',
      '--format',
      'csv',
    );
    assert.equal(weighted.stdout.split('\r\n')[1]!.split(',')[1], 'TCD');
    const bad = await cli('registry', 'needs', '--weights', 'popularity=3');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--weights factor/);
    const report = await cli(
      'report',
      'progress',
      '--as-of',
      '2026-06-30',
      '--compare-to',
      '2008-12-31',
      '--format',
      'csv',
    );
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^section,key,date,metric,value\r\n/);
    assert.match(report.stdout, /overall,all,2008-12-31,national,1\r\n/);
    const json = JSON.parse((await cli('report', 'progress', '--as-of', '2014-01-01')).stdout) as {
      compareTo: string;
    };
    assert.equal(json.compareTo, '2012-12-31');
    assert.equal((await cli('report', 'progress', '--as-of', '2014-13-01')).code, 2);
    const html = await cli(
      'report',
      'progress',
      '--as-of',
      '2026-06-30',
      '--format',
      'html',
      '--lang',
      'ru',
    );
    assert.match(html.stdout, /Резолюция 58/);
    assert.equal(
      (await cli('report', 'progress', '--format', 'pdf')).code,
      2,
      'pdf needs --output',
    );
  });

  it(
    'prints the progress report to PDF with Chromium, with the indicator figures in it',
    { skip: browserUnavailable() },
    async () => {
      const file = path.join(testDb.dataDir, 'progress.pdf');
      const pdf = await cli(
        'report',
        'progress',
        '--as-of',
        '2026-06-30',
        '--compare-to',
        '2008-12-31',
        '--format',
        'pdf',
        '--output',
        file,
      );
      assert.equal(pdf.code, 0, pdf.stderr);
      const bytes = readFileSync(file);
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const text = execFileSync('pdftotext', [file, '-']).toString();
      assert.match(text, /Resolution 58: national CIRTs, progress report/);
      // The summary and the list of new CIRTs, as printed (fixture: 5 Member States, 3 national CIRTs).
      assert.match(text, /3 · 60%/);
      assert.match(text, /\+2 · \+40 pp/);
      assert.match(text, /KE-CIRT\/CC/);
    },
  );

  it('exports the registry and imports a file, all or nothing unless --valid-only', async () => {
    const exported = await cli('registry', 'export');
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^iso3,team,type,date,kind,value,confidence/);
    const file = path.join(testDb.dataDir, 'facts.csv');
    writeFileSync(
      file,
      [
        exported.stdout.split('\r\n')[0],
        'TCD,tdCERT,national,2023,established,,medium,,,',
        'TCD,tdCERT,national,2024,maturity,superb,medium,,,',
      ].join('\n'),
    );
    const refused = await cli('registry', 'import', file);
    assert.equal(refused.code, 2);
    assert.match(refused.stdout, /line 3, value: must be one of basic, intermediate, advanced/);
    assert.doesNotMatch((await cli('registry', 'export')).stdout, /tdCERT/);
    const partial = await cli('registry', 'import', file, '--valid-only', '--json');
    assert.equal(partial.code, 0, partial.stderr);
    assert.equal((JSON.parse(partial.stdout) as { factsAdded: number }).factsAdded, 1);
    assert.match((await cli('registry', 'export')).stdout, /TCD,tdCERT,national,2023,established/);
    assert.equal(
      (await cli('registry', 'import', path.join(testDb.dataDir, 'missing.csv'))).code,
      2,
    );
  });

  it('rejects an invalid setting with exit code 2 and names it', async () => {
    const result = await runCli(['user', 'list'], { ...env, CIRTKIT_PORT: 'eighty' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /CIRTKIT_PORT must be a number/);
  });

  it('backs up and restores the SQLite database (PostgreSQL: points to pg_dump)', async () => {
    const file = path.join(testDb.dataDir, 'backup.sqlite');
    const backup = await cli('backup', file);
    if (testDb.db.dialect === 'postgres') {
      assert.equal(backup.code, 2);
      assert.match(backup.stderr, /pg_dump/);
      return;
    }
    assert.equal(backup.code, 0, backup.stderr);
    assert.equal((await cli('backup', file)).code, 2, 'an existing file is not overwritten');
    // Close our handle: restore replaces the file, as it would with the server stopped.
    await testDb.db.close();
    await cli('user', 'add', '--role', 'viewer', 'after.backup@example.org');
    const refused = await cli('restore', file);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--yes/);
    const restored = await cli('restore', file, '--yes');
    assert.equal(restored.code, 0, restored.stderr);
    const users = JSON.parse((await cli('user', 'list', '--json')).stdout) as { email: string }[];
    assert.equal(
      users.some((u) => u.email === 'after.backup@example.org'),
      false,
    );
    const notABackup = await cli('restore', path.join(testDb.dataDir, 'nope.sqlite'), '--yes');
    assert.equal(notABackup.code, 2);
  });
});
