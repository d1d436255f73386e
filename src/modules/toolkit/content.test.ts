import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { contentKeys, localiseContent, unknownTranslationKeys } from './content-i18n.js';
import { contentJsonSchema, contentKinds, schemaFileName } from './content-json-schema.js';
import { ContentError, defaultContentDir, loadToolkitContent } from './content.js';

const shipped = loadToolkitContent();
const fixtureDir = new URL('../../../fixtures/toolkit', import.meta.url).pathname;

describe('shipped toolkit content', () => {
  it('has the readiness areas, the 45 SIM3 parameters, three tiers and the FIRST services', () => {
    const q = shipped.questionnaires.find((x) => x.id === 'itu-readiness')!;
    assert.equal(q.areas.length, 9);
    const sim3 = shipped.sim3Models.find((m) => m.id === 'sim3' && m.version === '2.0')!;
    assert.deepEqual(
      sim3.quadrants.map((x) => [x.id, x.parameters.length]),
      [
        ['O', 11],
        ['H', 7],
        ['T', 10],
        ['P', 17],
      ],
    );
    assert.deepEqual(
      shipped.tiers[0]!.tiers.map((t) => t.id),
      ['basic', 'intermediate', 'advanced'],
    );
    const services = shipped.services.find((s) => s.id === 'first-csf')!;
    assert.equal(services.areas.length, 5);
    assert.equal(services.areas.flatMap((a) => a.services).length, 21);
    assert.equal(services.areas.flatMap((a) => a.services.flatMap((s) => s.functions)).length, 76);
  });

  it('offers guidance for every readiness area, SIM3 parameter and service', () => {
    const targets = new Set(
      shipped.guidance.flatMap((g) =>
        g.entries.flatMap((e) => e.targets.map((t) => `${t.type}:${t.id}`)),
      ),
    );
    const wanted = [
      ...shipped.questionnaires.flatMap((q) => q.areas.map((a) => `readiness-area:${a.id}`)),
      ...shipped.sim3Models.flatMap((m) =>
        m.quadrants.flatMap((q) => q.parameters.map((p) => `sim3-parameter:${p.id}`)),
      ),
      ...shipped.services.flatMap((c) =>
        c.areas.flatMap((a) => a.services.map((s) => `service:${s.id}`)),
      ),
    ];
    assert.deepEqual(
      wanted.filter((w) => !targets.has(w)),
      [],
    );
  });

  it('matches the JSON schemas in data/toolkit/schema (run scripts/toolkit-schemas.mjs after a change)', () => {
    for (const kind of contentKinds) {
      const file = join(defaultContentDir, 'schema', schemaFileName(kind));
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), contentJsonSchema(kind), file);
    }
  });

  it('validates every file against its JSON schema, as other tools would', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const folders = {
      readiness: 'readiness-questionnaire',
      sim3: 'sim3-model',
      tiers: 'sim3-tiers',
      services: 'services-catalogue',
      guidance: 'guidance-library',
      i18n: 'content-translation',
    } as const;
    let checked = 0;
    for (const [folder, kind] of Object.entries(folders)) {
      const validate = ajv.compile(contentJsonSchema(kind));
      for (const name of readdirSync(join(defaultContentDir, folder))) {
        const ok = validate(
          JSON.parse(readFileSync(join(defaultContentDir, folder, name), 'utf8')),
        );
        assert.ok(ok, `${folder}/${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
        checked++;
      }
    }
    assert.ok(checked >= 6);
  });

  it('translates every string into the five other languages, and nothing that does not exist', () => {
    for (const t of shipped.translations)
      assert.deepEqual(unknownTranslationKeys(shipped, t), [], `${t.lang}`);
    const keys = [...contentKeys(shipped).keys()];
    for (const lang of ['fr', 'es', 'ar', 'ru', 'zh']) {
      const given = new Set(
        shipped.translations.filter((t) => t.lang === lang).flatMap((t) => Object.keys(t.strings)),
      );
      assert.deepEqual(
        keys.filter((k) => !given.has(k)),
        [],
        `${lang} lacks translations`,
      );
    }
  });

  it('localises with a fallback to English for strings not translated', () => {
    const fixture = loadToolkitContent(fixtureDir);
    const fr = localiseContent(fixture, 'fr').questionnaires[0]!;
    assert.equal(fr.areas[0]!.title, 'Mandat');
    assert.equal(fr.areas[1]!.title, 'Staffing');
    assert.ok(contentKeys(fixture).has('readiness:mini-readiness:q.mandate-law.option.draft'));
  });
});

describe('content loader', () => {
  const withFixture = (edit: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'cirtkit-content-'));
    cpSync(fixtureDir, dir, { recursive: true });
    try {
      edit(dir);
      return loadToolkitContent(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const patchJson = (file: string, change: (value: Record<string, unknown>) => void) => {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(value);
    writeFileSync(file, JSON.stringify(value));
  };

  it('names the file and the place of a schema error', () => {
    assert.throws(
      () =>
        withFixture((dir) =>
          patchJson(join(dir, 'sim3/mini-1.0.json'), (v) => {
            (v.scale as Array<{ level: number }>)[4]!.level = 5;
          }),
        ),
      (error: unknown) =>
        error instanceof ContentError &&
        error.file === 'sim3/mini-1.0.json' &&
        /scale\.4\.level/.test(error.message),
    );
  });

  it('refuses a higher tier that asks less than a lower one', () => {
    assert.throws(
      () =>
        withFixture((dir) =>
          patchJson(join(dir, 'tiers/mini-1.0.json'), (v) => {
            (v.tiers as Array<{ minimums: Record<string, number> }>)[1]!.minimums['O-1'] = 0;
          }),
        ),
      /tier intermediate asks less of O-1 than basic/,
    );
  });

  it('refuses references to SIM3 parameters and guidance targets that do not exist', () => {
    assert.throws(
      () =>
        withFixture((dir) =>
          patchJson(join(dir, 'services/mini-1.0.json'), (v) => {
            const areas = v.areas as Array<{
              services: Array<{ requires: { sim3: Array<{ parameter: string }> } }>;
            }>;
            areas[0]!.services[0]!.requires.sim3[0]!.parameter = 'T-99';
          }),
        ),
      /unknown SIM3 parameter T-99/,
    );
    assert.throws(
      () =>
        withFixture((dir) =>
          patchJson(join(dir, 'guidance/mini-1.0.json'), (v) => {
            (
              v.entries as Array<{ targets: Array<{ type: string; id: string }> }>
            )[0]!.targets[0]!.id = 'nope';
          }),
        ),
      /no readiness-question nope/,
    );
  });

  it('keeps every version of a questionnaire so old assessments keep their own', () => {
    const content = withFixture((dir) => {
      const v1 = JSON.parse(readFileSync(join(dir, 'readiness/mini-1.0.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      writeFileSync(
        join(dir, 'readiness/mini-1.1.json'),
        JSON.stringify({ ...v1, version: '1.1', title: 'Newer' }),
      );
    });
    assert.deepEqual(content.questionnaires.map((q) => q.version).sort(), ['1.0', '1.1']);
  });
});
