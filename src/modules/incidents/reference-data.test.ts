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

  it('describes every class and type in each of the five other languages, not in English', () => {
    const entries = (classes: typeof ref.classes) =>
      classes.flatMap((c) => [
        { id: `class ${c.id}`, description: c.description },
        ...c.types.map((t) => ({ id: `type ${t.id}`, description: t.description })),
      ]);
    const english = entries(ref.classes);
    for (const lang of locales.filter((l) => l !== 'en')) {
      const file = JSON.parse(
        readFileSync(path.join(defaultIncidentsDataDir, 'i18n', `${lang}.json`), 'utf8'),
      ) as Record<'classes' | 'types', Record<string, { description?: string }>>;
      for (const c of ref.classes) {
        assert.ok(file.classes[c.id]?.description, `${lang}: class ${c.id} has a description`);
        for (const t of c.types)
          assert.ok(file.types[t.id]?.description, `${lang}: type ${t.id} has a description`);
      }
      const localised = entries(ref.localised(lang));
      assert.equal(localised.length, 50, lang);
      localised.forEach((entry, i) => {
        assert.equal(entry.id, english[i]!.id);
        assert.ok(entry.description.trim().length > 0, `${lang}: ${entry.id} is empty`);
        assert.notEqual(entry.description, english[i]!.description, `${lang}: ${entry.id}`);
      });
    }
    const phishing = (lang: string) =>
      ref
        .localised(lang)
        .find((c) => c.id === 'fraud')
        ?.types.find((t) => t.id === 'phishing')?.description;
    assert.match(phishing('fr') ?? '', /^Messages ou sites imitant un tiers de confiance/);
    assert.match(phishing('en') ?? '', /^Messages or sites imitating a trusted party/);
    assert.match(ref.localised('ru').find((c) => c.id === 'fraud')?.description ?? '', /фишинг/);
    assert.match(ref.localised('zh').find((c) => c.id === 'fraud')?.description ?? '', /网络钓鱼/);
    assert.match(
      ref.localised('ar').find((c) => c.id === 'fraud')?.description ?? '',
      /التصيد الاحتيالي/,
    );
    assert.match(
      ref.localised('fr').find((c) => c.id === 'fraud')?.description ?? '',
      /hameçonnage/,
    );
  });

  it('falls back to the English description, entry by entry, where a translation has none', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'incidents-data-'));
    try {
      cpSync(defaultIncidentsDataDir, dir, { recursive: true });
      const file = path.join(dir, 'i18n', 'fr.json');
      const fr = JSON.parse(readFileSync(file, 'utf8')) as Record<
        'classes' | 'types',
        Record<string, { name: string; description?: string }>
      >;
      delete fr.types.phishing!.description;
      delete fr.classes.fraud!.description;
      writeFileSync(file, JSON.stringify(fr));
      const fraud = loadIncidentReference(dir)
        .localised('fr')
        .find((c) => c.id === 'fraud')!;
      assert.equal(fraud.name, 'Fraude');
      assert.equal(fraud.description, ref.classById.get('fraud')!.description);
      assert.equal(
        fraud.types.find((t) => t.id === 'phishing')?.description,
        ref.typeById.get('phishing')!.description,
      );
      assert.match(fraud.types.find((t) => t.id === 'masquerade')!.description, /^Quelqu’un/);

      fr.types.phishing!.description = '  ';
      writeFileSync(file, JSON.stringify(fr));
      assert.throws(
        () => loadIncidentReference(dir),
        (e: unknown) =>
          e instanceof ReferenceDataError &&
          /fr\.json: types\.phishing\.description/.test(e.message),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
