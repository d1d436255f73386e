import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { AppError } from './errors.js';
import { loadConfig } from './config.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'cirtkit-config-'));

describe('configuration', () => {
  it('starts on 127.0.0.1:8058 with SQLite under ./var when nothing is set', () => {
    const dir = tmp();
    const config = loadConfig({}, dir);
    assert.equal(config.port, 8058);
    assert.equal(config.host, '127.0.0.1');
    assert.deepEqual(config.database, {
      kind: 'sqlite',
      file: path.join(dir, 'var', 'cirtkit.sqlite'),
    });
    assert.equal(config.secure, false);
  });

  it('reads CIRTKIT_PORT, CIRTKIT_DATA_DIR and DATABASE_URL from the environment', () => {
    const dir = tmp();
    const config = loadConfig(
      { CIRTKIT_PORT: '9000', CIRTKIT_DATA_DIR: 'data', DATABASE_URL: 'postgres://u@h/db' },
      dir,
    );
    assert.equal(config.port, 9000);
    assert.equal(config.dataDir, path.join(dir, 'data'));
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@h/db' });
  });

  it('takes the same keys from a config file, and the environment wins over the file', () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'cirtkit.config.json'),
      JSON.stringify({ CIRTKIT_PORT: 7000, CIRTKIT_DATA_DIR: '/srv/ck' }),
    );
    const fromFile = loadConfig({}, dir);
    assert.equal(fromFile.port, 7000);
    assert.equal(fromFile.dataDir, '/srv/ck');
    assert.equal(loadConfig({ CIRTKIT_PORT: '7001' }, dir).port, 7001);
  });

  it('names the setting and the rule when a value is invalid', () => {
    assert.throws(
      () => loadConfig({ CIRTKIT_PORT: '70000' }, tmp()),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'config_invalid' &&
        error.message.includes('CIRTKIT_PORT') &&
        error.message.includes('65535'),
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x' }, tmp()),
      /DATABASE_URL must start with postgres/,
    );
  });

  it('sweeps for missed SLA deadlines every minute by default; 0 turns it off', () => {
    assert.equal(loadConfig({}, tmp()).slaSweepSeconds, 60);
    assert.equal(loadConfig({ CIRTKIT_SLA_SWEEP_SECONDS: '0' }, tmp()).slaSweepSeconds, 0);
    assert.throws(
      () => loadConfig({ CIRTKIT_SLA_SWEEP_SECONDS: '-5' }, tmp()),
      /CIRTKIT_SLA_SWEEP_SECONDS must be 0 \(off\) or more/,
    );
  });

  it('refuses unknown keys and malformed JSON in the config file', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ CIRTKIT_PROT: 1 }));
    assert.throws(
      () => loadConfig({ CIRTKIT_CONFIG: 'c.json' }, dir),
      (error: unknown) => error instanceof AppError && error.issues?.[0]?.field === 'CIRTKIT_PROT',
    );
    writeFileSync(path.join(dir, 'bad.json'), '{ port: 1');
    assert.throws(() => loadConfig({ CIRTKIT_CONFIG: 'bad.json' }, dir), /not valid JSON/);
  });

  it('marks the deployment secure when the public URL is https', () => {
    assert.equal(
      loadConfig({ CIRTKIT_PUBLIC_URL: 'https://cirt.example.org' }, tmp()).secure,
      true,
    );
  });
});
