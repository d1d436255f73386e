import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { locales } from '../accounts/index.js';
import {
  defaultIncidentsDataDir,
  loadIncidentReference,
  ReferenceDataError,
} from './reference-data.js';

describe('incident reference data', () => {
  const ref = loadIncidentReference();

  it('ships RSIT: 11 classes, 39 types, each with a description', () => {
    assert.equal(ref.classes.length, 11);
    assert.equal(ref.typeById.size, 39);
    assert.equal(ref.typeById.get('phishing')?.classId, 'fraud');
    for (const c of ref.classes)
      for (const t of c.types) assert.ok(t.description.length > 10, t.id);
  });

  it('names every class and type in each of the six languages', () => {
    for (const lang of locales) {
      const classes = ref.localised(lang);
      const names = classes.flatMap((c) => [c.name, ...c.types.map((t) => t.name)]);
      assert.equal(names.length, 50);
      if (lang !== 'en') {
        const file = JSON.parse(
          readFileSync(path.join(defaultIncidentsDataDir, 'i18n', `${lang}.json`), 'utf8'),
        ) as { classes: object; types: object };
        assert.equal(Object.keys(file.classes).length, 11, lang);
        assert.equal(Object.keys(file.types).length, 39, lang);
      }
    }
    assert.equal(
      ref
        .localised('fr')
        .find((c) => c.id === 'fraud')
        ?.types.find((t) => t.id === 'phishing')?.name,
      'Hameçonnage',
    );
    assert.equal(ref.localised('zh').find((c) => c.id === 'availability')?.name, '可用性');
  });

  it('takes the task templates of the type, else of the class', () => {
    assert.deepEqual(
      ref
        .templatesFor('fraud', 'phishing')
        .map((t) => t.key)
        .slice(0, 1),
      ['phishing-urls'],
    );
    assert.deepEqual(
      ref.templatesFor('fraud', 'copyright').map((t) => t.key),
      ['fraud-evidence', 'fraud-takedown'],
    );
    assert.deepEqual(ref.templatesFor(null, null), []);
    assert.deepEqual(ref.templatesFor('test', 'test'), []);
  });

  it('names the file and the field of a bad playbook', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'incidents-data-'));
    try {
      cpSync(defaultIncidentsDataDir, dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'playbooks.json'),
        JSON.stringify({
          version: 1,
          description: '',
          playbooks: [
            {
              appliesTo: { type: 'alien-invasion' },
              tasks: [{ key: 'x', title: 'x', description: '' }],
            },
          ],
        }),
      );
      assert.throws(
        () => loadIncidentReference(dir),
        (e: unknown) =>
          e instanceof ReferenceDataError &&
          /playbooks\.json: alien-invasion is not an RSIT type/.test(e.message),
      );
      writeFileSync(
        path.join(dir, 'playbooks.json'),
        JSON.stringify({
          version: 1,
          description: '',
          playbooks: [{ appliesTo: { class: 'fraud' }, tasks: [] }],
        }),
      );
      assert.throws(
        () => loadIncidentReference(dir),
        (e: unknown) => e instanceof ReferenceDataError && /playbooks\.0\.tasks/.test(e.message),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
