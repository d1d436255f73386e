import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { catalogueKeys, localiseCatalogue } from './catalogue-i18n.js';
import { lawJsonSchema, lawSchemaFileName, lawSchemaKinds } from './catalogue-json-schema.js';
import { defaultLawDir, LawContentError, loadLawCatalogue } from './catalogue.js';
import type { Catalogue, CatalogueTranslation } from './catalogue.schema.js';

const shipped = loadLawCatalogue();
const catalogueFile = 'catalogue/cirtkit-law-1.0.json';

/** A fresh, mutable copy of the shipped catalogue file as written on disk. */
const rawCatalogue = () =>
  JSON.parse(readFileSync(join(defaultLawDir, catalogueFile), 'utf8')) as Catalogue;

/** Loads a temporary law folder holding the given files (path → JSON value or raw text). */
function loadFiles(files: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'cirtkit-law-'));
  try {
    for (const [path, value] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), typeof value === 'string' ? value : JSON.stringify(value));
    }
    return loadLawCatalogue(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads the shipped catalogue after `edit`, expecting a LawContentError in `file`. */
function refusal(edit: (c: Catalogue) => void, file = catalogueFile): string {
  const c = rawCatalogue();
  edit(c);
  try {
    loadFiles({ [catalogueFile]: c });
  } catch (error) {
    assert.ok(error instanceof LawContentError, String(error));
    assert.equal(error.file, file);
    return error.message;
  }
  assert.fail('the broken catalogue was accepted');
}

const provision = (c: Catalogue, id: string) => c.provisions.find((p) => p.id === id)!;
const translation = (strings: Record<string, string>): CatalogueTranslation => ({
  kind: 'law-translation',
  lang: 'fr',
  strings,
});

describe('shipped law catalogue', () => {
  const c = shipped.latest;

  it('has the 10 instruments, 7 categories and 73 provisions', () => {
    assert.equal(shipped.catalogues.length, 1);
    assert.equal(c.id, 'cirtkit-law');
    assert.equal(c.version, '1.0');
    assert.deepEqual(
      c.instruments.map((i) => i.id),
      [
        'budapest_ets185',
        'budapest_ets189',
        'budapest_cets224',
        'un_2024',
        'au_malabo_2014',
        'itu_hipcar_2012',
        'itu_hipssa_sadc_2012',
        'commonwealth_2002',
        'ecowas_2011',
        'las_2010',
      ],
    );
    assert.equal(c.categories.length, 7);
    assert.equal(c.provisions.length, 73);
  });

  it('ships a translation of every catalogue text in each of the five other UN languages', () => {
    assert.deepEqual(shipped.translations.map((t) => t.lang).sort(), [
      'ar',
      'es',
      'fr',
      'ru',
      'zh',
    ]);
    const keys = catalogueKeys(c).map(([key]) => key);
    for (const t of shipped.translations) {
      const missing = keys.filter((k) => t.strings[k] === undefined);
      assert.deepEqual(missing, [], `${t.lang}: texts left in English`);
      const english = catalogueKeys(c).filter(
        ([key, text]) => t.strings[key] === text && !/^[A-Z0-9 .\-/]+$/.test(text),
      );
      assert.ok(english.length < 10, `${t.lang}: ${english.length} texts same as English`);
    }
  });

  it('ties the protocols to Budapest and maps neither ECOWAS nor the Arab convention', () => {
    const byId = new Map(c.instruments.map((i) => [i.id, i]));
    for (const id of ['budapest_ets189', 'budapest_cets224']) {
      assert.equal(byId.get(id)!.parent, 'budapest_ets185');
      assert.equal(byId.get(id)!.nature, 'protocol');
    }
    assert.deepEqual(
      c.instruments.filter((i) => !i.mapped).map((i) => i.id),
      ['ecowas_2011', 'las_2010'],
    );
    for (const i of c.instruments)
      assert.equal(i.unit, i.nature === 'model-law' ? 'section' : 'article', i.id);
  });

  it('marks as verified only Budapest, its protocols and UN articles 7 to 46', () => {
    const seen = new Set<string>();
    for (const p of c.provisions)
      for (const r of p.references) {
        seen.add(r.instrument);
        const numbers = (r.citation.match(/\d+/g) ?? []).map(Number);
        const expected = r.instrument.startsWith('budapest_')
          ? true
          : r.instrument === 'un_2024'
            ? numbers.every((n) => n >= 7 && n <= 46)
            : false;
        assert.equal(r.verified, expected, `${p.id} ${r.instrument} ${r.citation}`);
        if (r.instrument === 'au_malabo_2014' && /\d\(/.test(r.citation))
          assert.match(r.note ?? '', /paragraph not checked/i, `${p.id} Malabo ${r.citation}`);
      }
    assert.equal(seen.size, 8, 'every mapped instrument is cited');
    const ref = (id: string, inst: string) =>
      provision(c, id).references.find((r) => r.instrument === inst)!;
    assert.equal(ref('INT-15', 'un_2024').verified, false);
    assert.equal(ref('INT-11', 'un_2024').verified, true);
    assert.equal(ref('SUB-01', 'itu_hipcar_2012').verified, false);
  });

  it('gives every provision 2 to 6 checklist elements and uses every reference in one', () => {
    for (const p of c.provisions) {
      assert.ok(p.checklist.length >= 2 && p.checklist.length <= 6, p.id);
      const asked = new Set(p.checklist.flatMap((e) => e.instruments));
      for (const r of p.references) assert.ok(asked.has(r.instrument), `${p.id} ${r.instrument}`);
      // Only the CIRT legal-basis provisions added by the project carry unattributed elements.
      if (!['INS-07', 'INS-08', 'INS-09'].includes(p.id))
        for (const e of p.checklist) assert.ok(e.instruments.length > 0, `${p.id} ${e.id}`);
    }
  });

  it('marks the CIRT legal-basis provisions with SIM3 parameters that exist', () => {
    const sim3 = JSON.parse(
      readFileSync(join(defaultLawDir, '../toolkit/sim3/sim3-2.0.json'), 'utf8'),
    ) as { quadrants: Array<{ parameters: Array<{ id: string }> }> };
    const known = new Set(sim3.quadrants.flatMap((q) => q.parameters.map((x) => x.id)));
    assert.deepEqual(
      c.provisions.filter((p) => p.legalBasis).map((p) => p.id),
      ['INT-12', 'INS-04', 'INS-07', 'INS-08', 'INS-09'],
    );
    assert.deepEqual(provision(c, 'INS-07').sim3, ['O-1', 'O-3']);
    for (const p of c.provisions) for (const s of p.sim3) assert.ok(known.has(s), `${p.id} ${s}`);
  });

  it('matches the JSON schemas in data/law/schema (run scripts/law-schemas.mjs after a change)', () => {
    for (const kind of lawSchemaKinds) {
      const file = join(defaultLawDir, 'schema', lawSchemaFileName(kind));
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), lawJsonSchema(kind), file);
    }
  });

  it('validates against its JSON schema, as other tools would', () => {
    const validate = new Ajv2020({
      strict: false,
      allErrors: true,
      validateFormats: false,
    }).compile(lawJsonSchema('law-catalogue'));
    assert.ok(validate(rawCatalogue()), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(validate({ ...rawCatalogue(), gapPriority: 'institutional' }), false);
  });
});

describe('law catalogue loader', () => {
  it('names the file of a file that is not JSON, and the place of a schema error', () => {
    assert.throws(
      () => loadFiles({ [catalogueFile]: '{ "kind": ' }),
      (e: unknown) =>
        e instanceof LawContentError && e.file === catalogueFile && /not JSON/.test(e.message),
    );
    const message = refusal((c) => {
      c.provisions[2]!.references[0]!.verified = 'yes' as unknown as boolean;
    });
    assert.match(message, /provisions\.2\.references\.0\.verified/);
  });

  it('refuses ids given twice', () => {
    assert.match(
      refusal((c) => c.instruments.push({ ...c.instruments[3]! })),
      /instruments\.10\.id: instrument un_2024 given twice/,
    );
    assert.match(
      refusal((c) => c.categories.push({ ...c.categories[0]! })),
      /categories\.7\.id: category institutional given twice/,
    );
    assert.match(
      refusal((c) => (c.provisions[1]!.id = 'SUB-01')),
      /provisions\.1\.id: provision SUB-01 given twice/,
    );
    assert.match(
      refusal((c) => (c.provisions[0]!.checklist[1]!.id = 'intent')),
      /provisions\.0\.checklist\.1\.id: SUB-01 has checklist element intent twice/,
    );
  });

  it('refuses unknown categories, instruments and parents', () => {
    assert.match(
      refusal((c) => (c.provisions[0]!.category = 'offences')),
      /provisions\.0\.category: SUB-01 is in unknown category offences/,
    );
    assert.match(
      refusal((c) => (c.provisions[0]!.references[0]!.instrument = 'budapest_ets999')),
      /provisions\.0\.references\.0\.instrument: SUB-01 cites unknown budapest_ets999/,
    );
    assert.match(
      refusal((c) => (c.instruments[1]!.parent = 'budapest')),
      /instruments\.1\.parent: budapest_ets189 names unknown parent budapest/,
    );
  });

  it('refuses a reference to an instrument that is not mapped, or cited twice', () => {
    assert.match(
      refusal((c) =>
        provision(c, 'SUB-21').references.push({
          instrument: 'ecowas_2011',
          citation: '5',
          verified: false,
        }),
      ),
      /SUB-21 cites ecowas_2011, which is not mapped/,
    );
    assert.match(
      refusal((c) => {
        const p = provision(c, 'SUB-01');
        p.references.push({ ...p.references[0]! });
      }),
      /provisions\.0\.references\.6\.instrument: SUB-01 cites budapest_ets185 twice/,
    );
  });

  it('refuses a checklist element whose instrument the provision does not cite', () => {
    assert.match(
      refusal((c) => provision(c, 'SUB-02').checklist[0]!.instruments.push('budapest_ets185')),
      /provisions\.1\.checklist\.0\.instruments\.3: SUB-02 element intent names budapest_ets185, which is not among the provision references/,
    );
  });

  it('refuses a gap priority that is not an order of the categories', () => {
    assert.match(
      refusal((c) => c.gapPriority.pop()),
      /gapPriority: category substantive is missing/,
    );
    assert.match(
      refusal((c) => (c.gapPriority[6] = 'offences')),
      /gapPriority\.6: unknown category offences/,
    );
    assert.match(
      refusal((c) => (c.gapPriority[6] = 'institutional')),
      /gapPriority\.6: category institutional given twice/,
    );
  });

  it('refuses a file named for another version, and a folder without catalogues', () => {
    const c = rawCatalogue();
    assert.throws(
      () => loadFiles({ 'catalogue/cirtkit-law-1.1.json': c }),
      /must be named cirtkit-law-1\.0\.json/,
    );
    assert.throws(
      () => loadFiles({ 'i18n/fr.json': translation({}) }),
      /catalogue: the folder is missing/,
    );
  });

  it('keeps every version, oldest first, and calls the newest latest', () => {
    const versions = ['1.10', '1.0', '1.9'];
    const content = loadFiles(
      Object.fromEntries(
        versions.map((v) => [`catalogue/cirtkit-law-${v}.json`, { ...rawCatalogue(), version: v }]),
      ),
    );
    assert.deepEqual(
      content.catalogues.map((c) => c.version),
      ['1.0', '1.9', '1.10'],
    );
    assert.equal(content.latest.version, '1.10');
    const empty = loadFiles({ [catalogueFile]: rawCatalogue(), 'i18n/README.txt': 'none yet' });
    assert.deepEqual(empty.translations, []);
  });

  it('reads translations from i18n and refuses a key no catalogue has', () => {
    const key = 'law:cirtkit-law:provision.SUB-01.title';
    const content = loadFiles({
      [catalogueFile]: rawCatalogue(),
      'i18n/fr.json': translation({ [key]: 'Accès illégal' }),
    });
    assert.equal(content.translations.length, 1);
    assert.throws(
      () =>
        loadFiles({
          [catalogueFile]: rawCatalogue(),
          'i18n/fr.json': translation({ 'law:cirtkit-law:provision.SUB-99.title': 'Rien' }),
        }),
      (e: unknown) =>
        e instanceof LawContentError &&
        e.file === 'i18n/fr.json' &&
        /strings\.law:cirtkit-law:provision\.SUB-99\.title: no catalogue has this key/.test(
          e.message,
        ),
    );
  });
});

describe('law catalogue translation', () => {
  const c = shipped.latest;
  const keys = new Map(catalogueKeys(c));

  it('lists stable keys, and optional texts only where present', () => {
    assert.equal(keys.size, catalogueKeys(c).length, 'keys are unique');
    assert.equal(keys.get('law:cirtkit-law:instrument.un_2024.shortName'), 'UN 2024');
    assert.equal(keys.get('law:cirtkit-law:category.safeguards.title'), 'Safeguards');
    assert.ok(keys.has('law:cirtkit-law:provision.SUB-01.check.without-right'));
    assert.ok(keys.has('law:cirtkit-law:provision.SUB-02.note'));
    assert.ok(!keys.has('law:cirtkit-law:provision.SUB-01.note'));
    assert.ok(keys.has('law:cirtkit-law:provision.SUB-01.ref.au_malabo_2014.note'));
    assert.ok(!keys.has('law:cirtkit-law:provision.SUB-01.ref.budapest_ets185.note'));
    assert.ok(keys.has('law:cirtkit-law:instrument.budapest_ets189.datesNote'));
    assert.ok(!keys.has('law:cirtkit-law:instrument.budapest_ets185.datesNote'));
  });

  it('uses a translation where there is one and English elsewhere', () => {
    const fr = localiseCatalogue(
      c,
      [translation({ 'law:cirtkit-law:provision.SUB-01.title': 'Accès illégal' })],
      'fr',
    );
    assert.equal(provision(fr, 'SUB-01').title, 'Accès illégal');
    assert.equal(provision(fr, 'SUB-03').title, 'Illegal interception');
    assert.equal(localiseCatalogue(c, [], 'es').title, c.title);
    assert.equal(provision(c, 'SUB-01').title, 'Illegal access', 'the English copy is untouched');
    assert.ok(!('note' in provision(fr, 'SUB-01')), 'an absent note stays absent');
  });

  it('rebuilds exactly the strings it lists', () => {
    const all = Object.fromEntries([...keys.keys()].map((k) => [k, `«${k}»`]));
    const marked = localiseCatalogue(c, [translation(all)], 'fr');
    for (const [key, text] of catalogueKeys(marked)) assert.equal(text, `«${key}»`);
    assert.equal(catalogueKeys(marked).length, keys.size);
  });
});
