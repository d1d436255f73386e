import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tlp2MarkingIds, type Tlp } from '../../src/modules/exchange/index.js';
import { runCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';

const created = '2026-03-01T09:30:00.000Z';
const indicator = (tlp: Tlp) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${randomUUID()}`,
  created,
  modified: created,
  name: `indicator at ${tlp}`,
  pattern: "[url:value = 'http://203.0.113.8/login']",
  pattern_type: 'stix',
  valid_from: created,
  object_marking_refs: [tlp2MarkingIds[tlp]],
});

describe('cirtkit exchange (CLI)', () => {
  let testDb: TestDb;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(args, env);
  const sent = { clear: indicator('clear'), amber: indicator('amber'), red: indicator('red') };

  before(async () => {
    testDb = await createTestDb();
    env = { DATABASE_URL: testDb.url, CIRTKIT_DATA_DIR: testDb.dataDir };
  });
  after(() => testDb.cleanup());

  it('creates a collection and imports a bundle, listing what it refused', async () => {
    const made = await cli('exchange', 'collection-add', 'Indicators', '--alias', 'indicators');
    assert.equal(made.code, 0, made.stderr);
    const file = path.join(testDb.dataDir, 'bundle.json');
    const broken = { ...indicator('green'), pattern: "[url:value = 'x'" };
    writeFileSync(
      file,
      JSON.stringify({
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [...Object.values(sent), broken],
      }),
    );
    const imported = await cli('exchange', 'import', file, '--collection', 'indicators');
    assert.equal(imported.code, 2, 'a refused object makes the exit code 2');
    assert.match(imported.stdout, /3 of 4 objects stored in Indicators, 1 refused/);
    assert.match(imported.stdout, new RegExp(`${broken.id}: pattern: `));
    const again = await cli('exchange', 'import', file, '--collection', 'nowhere');
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /No collection with the id or alias nowhere/);
  });

  it('refuses a file that is not a bundle, naming the byte, and writes nothing', async () => {
    const file = path.join(testDb.dataDir, 'broken.json');
    writeFileSync(
      file,
      `{"type": "bundle", "objects": [${JSON.stringify(indicator('green'))}, {"x": ]}`,
    );
    const before = await testDb.db.kysely
      .selectFrom('stix_objects')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const result = await cli('exchange', 'import', file, '--collection', 'indicators');
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /not valid JSON at byte \d+/);
    const after = await testDb.db.kysely
      .selectFrom('stix_objects')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(
      Number(after.n),
      Number(before.n),
      'the valid object before the error was not stored',
    );
  });

  it('exports what may leave: never TLP:RED, and for a peer only what it may receive', async () => {
    const out = path.join(testDb.dataDir, 'out.json');
    const all = await cli('exchange', 'export', '--collection', 'indicators', '--out', out);
    assert.equal(all.code, 0, all.stderr);
    const ids = (
      JSON.parse(readFileSync(out, 'utf8')) as { objects: { id: string }[] }
    ).objects.map((o) => o.id);
    assert.deepEqual(ids.sort(), [sent.clear.id, sent.amber.id].sort());
    assert.match(all.stderr, /2 versions exported, 1 kept back/);

    const peer = await cli(
      'exchange',
      'peer',
      'add',
      '--name',
      'Outsider',
      '--relationship',
      'external',
      '--json',
    );
    assert.equal(peer.code, 0, peer.stderr);
    const { peer: made, secret } = JSON.parse(peer.stdout) as {
      peer: { id: string };
      secret: string;
    };
    assert.match(secret, /^ckp_/);
    const forPeer = await cli(
      'exchange',
      'export',
      '--collection',
      'indicators',
      '--peer',
      made.id,
    );
    // A peer no grant opens the collection to receives nothing, as over TAXII.
    assert.notEqual(forPeer.code, 0);
    assert.match(forPeer.stderr, /Outsider may not read the collection Indicators/);
    assert.equal(forPeer.stdout, '');
    const listed = await cli('exchange', 'peer', 'list');
    assert.match(listed.stdout, /Outsider\s+external/);
    assert.doesNotMatch(listed.stdout, /ckp_/, 'the secret is never listed');
  });

  it('refuses a bad relationship and says there is nothing to poll', async () => {
    const bad = await cli('exchange', 'peer', 'add', '--name', 'X', '--relationship', 'friends');
    assert.notEqual(bad.code, 0);
    assert.match(
      bad.stderr,
      /--relationship must be one of organisation, client, community, external/,
    );
    const polled = await cli('exchange', 'poll');
    assert.equal(polled.code, 0, polled.stderr);
    assert.match(polled.stdout, /No subscription/);
  });
});
