import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const languages = ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const;
type Flat = Map<string, string>;

function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else throw new Error(`${prefix} is neither text nor a group`);
  return out;
}

const load = (lang: string): Flat =>
  flatten(
    JSON.parse(
      readFileSync(new URL(`../../web/src/i18n/locales/${lang}.json`, import.meta.url), 'utf8'),
    ),
  );
const catalogues = Object.fromEntries(languages.map((l) => [l, load(l)])) as Record<
  (typeof languages)[number],
  Flat
>;
const english = catalogues.en;

/** Strings that are rightly the same in every language: names and codes, not prose. */
const sameEverywhere = (key: string, value: string) =>
  /^languages\./.test(key) ||
  /^[^\p{L}]*$/u.test(value.replace(/\{\{\w+\}\}/g, '').replace(/cirtkit/g, '')) ||
  /^(cirtkit|API|JSON|IP|URL|ID|UUID)$/i.test(value.trim());

/** Words that are spelled the same in English and this language (checked by a speaker). */
const cognates: Partial<Record<(typeof languages)[number], string[]>> = {
  fr: [
    'common.actions',
    'common.pagination',
    'accounts.users.columns.email',
    'audit.columns.action',
    'audit.filters.action',
    'audit.entityTypes.session',
    'home.modules.audit.name',
    'shell.nav.incidents',
  ],
  es: ['accounts.tokens.secret.label'],
};

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('web UI translations', () => {
  for (const lang of languages.filter((l) => l !== 'en')) {
    const catalogue = catalogues[lang];
    it(`${lang} has exactly the keys of English`, () => {
      assert.deepEqual(
        [...english.keys()].filter((k) => !catalogue.has(k)),
        [],
        'missing',
      );
      assert.deepEqual(
        [...catalogue.keys()].filter((k) => !english.has(k)),
        [],
        'extra',
      );
    });

    it(`${lang} translates every string (no English left) and keeps every placeholder`, () => {
      const allowed = new Set(cognates[lang] ?? []);
      const untranslated = [...english]
        .filter(
          ([key, value]) =>
            catalogue.get(key) === value && !sameEverywhere(key, value) && !allowed.has(key),
        )
        .map(([key]) => key);
      assert.deepEqual(untranslated, []);
      const broken = [...english]
        .filter(
          ([key, value]) =>
            JSON.stringify(placeholders(value)) !==
            JSON.stringify(placeholders(catalogue.get(key) ?? '')),
        )
        .map(([key]) => key);
      assert.deepEqual(broken, []);
      assert.deepEqual(
        [...catalogue].filter(([, v]) => v.trim() === '').map(([k]) => k),
        [],
        'empty strings',
      );
    });
  }

  it('translates every error code the API can answer with', async () => {
    const { errorCodes } = await import('../../src/kernel/errors.js');
    // config_invalid stops the process at start: it never reaches a browser.
    const missing = Object.keys(errorCodes).filter(
      (code) => code !== 'config_invalid' && !english.has(`errors.${code}`),
    );
    assert.deepEqual(missing, []);
  });

  it('names every role', async () => {
    const { roles } = await import('../../src/modules/accounts/roles.js');
    assert.deepEqual(
      roles.filter((r) => !english.has(`roles.${r}`)),
      [],
    );
  });
});

/** Literals of the same shape that are keys of the `meta` table, not audit actions. */
const notActions = new Set([
  'registry.seed_version',
  'exchange.default_tlp',
  'exchange.cursor_secret',
  'exchange.head',
  'exchange.team_identity',
]);

describe('audit actions', () => {
  it('every action the server records has a name in the UI', async () => {
    const { readdirSync } = await import('node:fs');
    const { permissions } = await import('../../src/modules/accounts/roles.js');
    const permissionNames = new Set<string>(permissions);
    const recorded = new Set<string>();
    for (const module of [
      'accounts',
      'registry',
      'toolkit',
      'constituents',
      'incidents',
      'mail',
      'law',
      'exchange',
      'exchange/peers',
    ]) {
      const dir = new URL(`../../src/modules/${module}/`, import.meta.url);
      let files: string[];
      try {
        files = readdirSync(dir);
      } catch {
        continue;
      }
      for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
        const source = readFileSync(new URL(file, dir), 'utf8');
        // Actions are written as literals: `action: 'registry.fact_add'` or `'user.disable'`.
        for (const match of source.matchAll(
          /'((?:auth|user|token|registry|toolkit|constituent|incident|mail|law|exchange)\.[a-z_]+)'/g,
        )) {
          if (!notActions.has(match[1]!) && !permissionNames.has(match[1]!))
            recorded.add(match[1]!);
        }
      }
    }
    assert.ok(recorded.size >= 15, [...recorded].join(','));
    assert.ok(recorded.has('registry.fact_retract'));
    // Document writes name their action from the document kind (documents.ts).
    const { documentKinds } = await import('../../src/modules/toolkit/documents.js');
    for (const kind of documentKinds) recorded.add(`toolkit.${kind}_update`);
    const unnamed = [...recorded].filter((action) => !english.has(`audit.actions.${action}`));
    assert.deepEqual(unnamed, []);
  });
});

for (const feature of ['toolkit', 'incidents', 'constituents', 'law', 'exchange'])
  describe(`${feature} translations (web/src/features/${feature}/locales/<part>.<lang>.json)`, () => {
    const dir = new URL(`../../web/src/features/${feature}/locales/`, import.meta.url);
    const files = (() => {
      try {
        return readdirSync(dir).filter((f) => f.endsWith('.json'));
      } catch {
        return [];
      }
    })();
    const parts = [...new Set(files.map((f) => f.split('.')[0]!))];
    for (const part of parts) {
      // A file may list, under "$same", keys whose text is rightly the same as in English
      // (cognates such as French "Services"); they are left out of the untranslated check.
      const read = (lang: string) => {
        const { $same, ...strings } = JSON.parse(
          readFileSync(new URL(`${part}.${lang}.json`, dir), 'utf8'),
        ) as Record<string, unknown> & { $same?: string[] };
        return { strings: flatten(strings), same: new Set($same ?? []) };
      };
      const load = (lang: string) => read(lang).strings;
      it(`${part}: every language has exactly the English keys, translated`, () => {
        const en = load('en');
        assert.ok(
          [...en.keys()].every((k) => k.startsWith(`${part}.`)),
          'top-level key is the part',
        );
        for (const lang of languages.filter((l) => l !== 'en')) {
          const { strings: catalogue, same } = read(lang);
          assert.deepEqual(
            [...same].filter((k) => !en.has(k)),
            [],
            `${lang} $same names keys that do not exist`,
          );
          assert.deepEqual(
            [...en.keys()].filter((k) => !catalogue.has(k)),
            [],
            `${lang} missing`,
          );
          assert.deepEqual(
            [...catalogue.keys()].filter((k) => !en.has(k)),
            [],
            `${lang} extra`,
          );
          const untranslated = [...en].filter(
            ([key, value]) =>
              catalogue.get(key) === value && !sameEverywhere(key, value) && !same.has(key),
          );
          assert.deepEqual(
            untranslated.map(([k]) => k),
            [],
            `${lang} untranslated`,
          );
          const broken = [...en].filter(
            ([key, value]) =>
              JSON.stringify(placeholders(value)) !==
              JSON.stringify(placeholders(catalogue.get(key) ?? '')),
          );
          assert.deepEqual(
            broken.map(([k]) => k),
            [],
            `${lang} placeholders`,
          );
        }
      });
    }
  });
