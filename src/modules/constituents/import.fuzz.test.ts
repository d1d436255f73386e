/**
 * Fuzzing the constituents import readers (CSV and JSON) and the row checks with mutations of the
 * documented example files and arbitrary bytes: no throw but the module's AppError, each file
 * checked quickly, and every problem placed on a line of the input with a column (CSV) or a path
 * inside the organisation (JSON). What the checks accept is canonical.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as openpgp from 'openpgp';
import { AppError } from '../../kernel/index.js';
import {
  checkConstituentItems,
  importColumns,
  parseConstituentsCsv,
  parseConstituentsJson,
  parseOwnershipValue,
  type RowError,
} from './index.js';

const now = new Date('2026-03-01T00:00:00Z');
const fileBoundMs = 5000;
const runs = { numRuns: 150 };

/** The CSV example of docs/constituents.md, with a contact key column. */
const csvHeader = `${[
  'organisation',
  'sector',
  'critical',
  'iso3',
  'language',
  'kind',
  'value',
  'contact_name',
  'contact_role',
  'contact_email',
  'contact_languages',
  'contact_primary',
  'contact_pgp_key',
].join(',')}`;
const csvRows = [
  'Central Bank,finance-banking,yes,KEN,en,ipv4,192.0.2.0/24,,,,,,',
  'Central Bank,,,,,asn,AS64496,,,,,,',
  'Central Bank,,,,,,,Bank SOC,security,soc@bank.example,en sw,yes,',
  'Lake Water Utility,water,no,KEN,sw,domain,water.example,Duty officer,technical,duty@water.example,sw,no,',
  'Ministry of Health,health,true,,fr,ipv6,2001:db8:100::/40,CSIRT,,csirt@health.example,fr,,',
];

/** The JSON example of docs/constituents.md, and a second organisation. */
const jsonExample = {
  organisations: [
    {
      name: 'Ministry of Health',
      sector: 'health',
      critical: true,
      language: 'fr',
      contacts: [{ name: 'CSIRT', email: 'csirt@health.example', languages: ['fr'] }],
      ownership: [
        { kind: 'ipv6', value: '2001:db8:100::/40' },
        { kind: 'domain', value: 'health.example' },
      ],
    },
    {
      name: 'Central Bank',
      sector: 'finance-banking',
      iso3: 'KEN',
      ownership: [{ kind: 'asn', value: 'AS64496' }],
    },
  ],
};

const edgeCells = [
  '',
  ' ',
  '"',
  '""',
  '"a,b"',
  '"line\nbreak"',
  'yes',
  'maybe',
  'ipv4',
  'ipv6',
  'asn',
  'domain',
  'url',
  '192.0.2.1/24',
  '192.0.2.0/33',
  '::ffff:192.0.2.1',
  'AS4294967296',
  '*.example.org',
  'not an e-mail',
  'a@b',
  'en sw xx1',
  'klingon',
  'KE',
  'XXX',
  'x'.repeat(300),
  '=cmd|"/c calc"!A1',
  '\u0000',
  '\ufeff',
  '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxsBN\n-----END PGP PUBLIC KEY BLOCK-----',
  '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxcBN\n-----END PGP PRIVATE KEY BLOCK-----',
];
const csvChars = [...',"\n\r;\t |', 'yes', 'é', '\u0660', '\ud800'];
const fragment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...csvChars), maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

type TextEdit = {
  op: 'insert' | 'delete' | 'replace' | 'truncate';
  at: number;
  n: number;
  text: string;
};
const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'truncate'),
  at: fc.nat(),
  n: fc.integer({ min: 1, max: 8 }),
  text: fragment,
});
function applyTextEdit(s: string, e: TextEdit): string {
  const at = e.at % (s.length + 1);
  if (e.op === 'insert') return s.slice(0, at) + e.text + s.slice(at);
  if (e.op === 'delete') return s.slice(0, at) + s.slice(at + e.n);
  if (e.op === 'replace') return s.slice(0, at) + e.text + s.slice(at + e.n);
  return s.slice(0, at);
}

/** Quotes a cell when CSV needs it, as a spreadsheet would. */
const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

type RowEdit =
  | { op: 'cell'; row: number; col: number; value: string }
  | { op: 'dup' | 'drop'; row: number }
  | { op: 'header'; col: number; value: string };

function csvFile(keyArmour: string) {
  const rowEdit: fc.Arbitrary<RowEdit> = fc.oneof(
    fc.record({
      op: fc.constant('cell' as const),
      row: fc.nat(),
      col: fc.nat(14),
      value: fc.oneof(fc.constantFrom(...edgeCells, keyArmour), fragment),
    }),
    fc.record({ op: fc.constantFrom('dup' as const, 'drop' as const), row: fc.nat() }),
    fc.record({
      op: fc.constant('header' as const),
      col: fc.nat(14),
      value: fc.constantFrom('', 'Organisation', 'sectr', 'value', 'note', 'organisation;sector'),
    }),
  );
  return fc
    .record({
      edits: fc.array(rowEdit, { maxLength: 6 }),
      text: fc.array(textEdit, { maxLength: 2 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ edits, text, crlf, bom }) => {
      const header = csvHeader.split(',');
      const rows = csvRows.map((r) => r.split(','));
      for (const e of edits) {
        if (e.op === 'header') header[e.col % header.length] = e.value;
        else if (rows.length === 0) continue;
        else if (e.op === 'cell') rows[e.row % rows.length]![e.col % header.length] = cell(e.value);
        else if (e.op === 'dup') rows.push([...rows[e.row % rows.length]!]);
        else rows.splice(e.row % rows.length, 1);
      }
      const joined = [header, ...rows].map((r) => r.join(',')).join(crlf ? '\r\n' : '\n');
      return (bom ? '\ufeff' : '') + text.reduce(applyTextEdit, joined);
    });
}

const jsonEdgeValues: unknown[] = [
  null,
  0,
  -1,
  true,
  '',
  'x'.repeat(300),
  [],
  {},
  ['fr', 'xx1'],
  '192.0.2.1/24',
  'AS64496',
  'ipv4',
  'url',
  { kind: 'ipv4' },
  'not an e-mail',
];
const jsonPaths = [
  ['name'],
  ['sector'],
  ['critical'],
  ['iso3'],
  ['language'],
  ['website'],
  ['unknownField'],
  ['contacts'],
  ['contacts', 0],
  ['contacts', 0, 'email'],
  ['contacts', 0, 'languages'],
  ['contacts', 0, 'pgpKey'],
  ['contacts', 0, 'role'],
  ['contacts', 0, 'isPrimary'],
  ['contacts', 0, 'extra'],
  ['ownership'],
  ['ownership', 0],
  ['ownership', 0, 'kind'],
  ['ownership', 0, 'value'],
  ['ownership', 1, 'value'],
  ['ownership', 0, 'note'],
] as const;

function setPath(target: unknown, path: readonly (string | number)[], value: unknown): void {
  if (!target || typeof target !== 'object') return;
  let at = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (!next || typeof next !== 'object') return;
    at = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = structuredClone(value); // the edge values are shared: no cycles
}

function jsonFile(keyArmour: string) {
  const edit = fc.record({
    org: fc.nat(),
    path: fc.constantFrom(...jsonPaths),
    value: fc.oneof(
      fc.constantFrom(...jsonEdgeValues, keyArmour, undefined),
      fc.jsonValue({ maxDepth: 2 }),
      fragment,
    ),
  });
  return fc
    .record({
      edits: fc.array(edit, { maxLength: 5 }),
      top: fc.constantFrom('ok', 'array', 'null', 'string', 'organisations-object'),
      text: fc.array(textEdit, { maxLength: 2 }),
    })
    .map(({ edits, top, text }) => {
      const document = structuredClone(jsonExample) as { organisations: unknown[] };
      for (const e of edits) {
        const orgs = document.organisations;
        if (e.path[0] === 'name' && e.value === undefined && e.org % 3 === 0) {
          orgs.push(e.value ?? 'not an object');
          continue;
        }
        setPath(orgs[e.org % orgs.length], e.path, e.value);
      }
      const shaped =
        top === 'ok'
          ? document
          : top === 'array'
            ? document.organisations
            : top === 'null'
              ? null
              : top === 'string'
                ? 'organisations'
                : { organisations: { 0: document.organisations[0] } };
      return text.reduce(applyTextEdit, JSON.stringify(shaped, null, 1));
    });
}

/** Runs the checks; the only exception allowed out is the module's AppError. */
async function check(items: Parameters<typeof checkConstituentItems>[0]) {
  try {
    return await checkConstituentItems(items, now);
  } catch (error) {
    assert.ok(error instanceof AppError, `checking threw ${String(error)}`);
    return null;
  }
}

function assertCanonical(checked: Awaited<ReturnType<typeof checkConstituentItems>>): void {
  for (const item of checked.items) {
    assert.ok(item.orgName.trim().length > 0);
    if (item.ownership) {
      const again = parseOwnershipValue(item.ownership.kind, item.ownership.value);
      assert.deepEqual(again, { ok: true, value: item.ownership.value });
    }
  }
}

const csvFields = new Set<string>([...importColumns, '(row)', '(file)', '(header)']);

function assertCsvErrors(errors: readonly RowError[], lineCount: number, where: string): void {
  for (const e of errors) {
    assert.ok(e.line >= 1 && e.line <= lineCount, `${where}: line ${e.line} of ${lineCount}`);
    assert.ok(csvFields.has(e.field), `${where}: "${e.field}" is not a column`);
    assert.ok(typeof e.message === 'string' && e.message.length > 0);
  }
}

describe('constituents import under hostile input (fuzz)', () => {
  let keyArmour = '';
  before(async () => {
    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'CSIRT', email: 'csirt@health.example' }],
      format: 'armored',
    });
    keyArmour = publicKey;
  });

  it('names the column of a bad contact language (found by fuzzing: was `languages.2`)', async () => {
    const text = [
      csvHeader,
      'Central Bank,,,,,,,Bank SOC,security,soc@bank.example,en sw xx1,yes,',
    ].join('\n');
    const parsed = parseConstituentsCsv(Buffer.from(text));
    const checked = await checkConstituentItems(parsed.items, now);
    assert.deepEqual(
      checked.errors.map((e) => [e.line, e.field]),
      [[2, 'contact_languages']],
    );
  });

  it('reads a mutated CSV file into rows and errors on its lines and columns; never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => csvFile(keyArmour)),
        async (text) => {
          const started = performance.now();
          const bytes = Buffer.from(text);
          const parsed = parseConstituentsCsv(bytes);
          const lineCount = text.replace(/\r\n?/g, '\n').split('\n').length;
          assertCsvErrors(parsed.errors, lineCount, 'reading');
          for (const item of parsed.items) assert.ok(item.line >= 2 && item.line <= lineCount);
          const checked = await check(parsed.items);
          if (checked) {
            assertCsvErrors(checked.errors, lineCount, 'checking');
            const itemLines = new Set(parsed.items.map((i) => i.line));
            for (const e of checked.errors) assert.ok(itemLines.has(e.line));
            assertCanonical(checked);
          }
          const elapsed = performance.now() - started;
          assert.ok(elapsed < fileBoundMs, `${elapsed.toFixed(0)} ms for ${text.length} chars`);
        },
      ),
      runs,
    );
  });

  it('reads a mutated JSON file into organisations and errors with their paths; never throws', async () => {
    const pathOf =
      /^(organisations|name|shortName|sector|critical|iso3|language|notifyChannel|notifyFormat|notifyPgp|verification|website|notes|contacts|ownership|\(organisation\)|\(file\))$|^(contacts|ownership)\[\d+\](\.[\w.]+)?$/;
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => jsonFile(keyArmour)),
        async (text) => {
          const started = performance.now();
          const parsed = parseConstituentsJson(Buffer.from(text));
          let organisations = 1;
          try {
            const list = (JSON.parse(text) as { organisations?: unknown } | null)?.organisations;
            if (Array.isArray(list)) organisations = Math.max(1, list.length);
          } catch {
            // not JSON: one file-level error on line 1
          }
          const checked = await check(parsed.items);
          const errors = [...parsed.errors, ...(checked?.errors ?? [])];
          for (const e of errors) {
            assert.ok(e.line >= 1 && e.line <= organisations, `line ${e.line} of ${organisations}`);
            // Unknown top-level keys are named as they are; anything else is a known path.
            const isUnknownKey = e.message === 'is not a field of an organisation';
            assert.ok(isUnknownKey || pathOf.test(e.field), `path "${e.field}"`);
            assert.ok(typeof e.message === 'string' && e.message.length > 0);
          }
          if (checked) assertCanonical(checked);
          const elapsed = performance.now() - started;
          assert.ok(elapsed < fileBoundMs, `${elapsed.toFixed(0)} ms for ${text.length} chars`);
        },
      ),
      runs,
    );
  });

  it('refuses arbitrary bytes with a file-level error or rows, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const buffer = Buffer.from(bytes);
        for (const parsed of [parseConstituentsCsv(buffer), parseConstituentsJson(buffer)]) {
          for (const e of parsed.errors) assert.ok(e.line >= 1);
          await check(parsed.items);
        }
      }),
      { numRuns: 300 },
    );
  });
});
