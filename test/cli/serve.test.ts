import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../support/db.js';
import { HttpClient } from '../support/http.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `cirtkit serve` as a user would, and waits for the line that says where it runs. */
function serve(env: Record<string, string>): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve'],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          CIRTKIT_PORT: '0',
          CIRTKIT_LOG_LEVEL: 'info',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /cirtkit is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', (code) => resolve(code));
    started.child.kill('SIGTERM');
  });
}

describe('cirtkit serve', () => {
  let testDb: TestDb;
  let env: Record<string, string>;
  before(async () => {
    testDb = await createTestDb();
    env = { DATABASE_URL: testDb.url, CIRTKIT_DATA_DIR: testDb.dataDir };
    // The server creates the first admin itself: start from an empty users table.
  });
  after(() => testDb.cleanup());

  it('prints the first admin password once, never logs it, and it works for the first login', async () => {
    const first = await serve({ ...env, CIRTKIT_ADMIN_EMAIL: 'chief@cirt.example' });
    const password = /one-time password:\s+(\S+)/.exec(first.output())?.[1];
    assert.ok(password, first.output());
    const client = new HttpClient(first.url);
    const me = await client.login('chief@cirt.example', password);
    assert.equal(me.mustChangePassword, true);
    assert.equal(me.role, 'admin');
    // Requests are logged (with request ids) but no password, cookie or token appears.
    const logs = first
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    assert.ok(
      logs.some((l) => l.includes('"reqId"')),
      'request logs are written',
    );
    assert.equal(
      logs.some((l) => l.includes(password) || l.includes('cirtkit_session=')),
      false,
    );
    assert.equal(await stop(first), 0);

    const second = await serve(env);
    assert.doesNotMatch(second.output(), /one-time password/);
    await stop(second);
  });

  it('stops with a message naming the setting when configuration is invalid', async () => {
    await assert.rejects(
      () => serve({ ...env, CIRTKIT_SESSION_HOURS: '0' }),
      /CIRTKIT_SESSION_HOURS must be at least 1/,
    );
  });
});
