import { z } from 'zod';
import { AppError, decodeUtf8, isoNow, newId, readCsvLines } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { readPublicKey } from '../toolkit/index.js';
import {
  contactFields,
  newOrgSchema,
  orgFields,
  ownershipKindSchema,
  type Contact,
  type NewOrg,
  type Organisation,
  type Ownership,
} from './constituent.schema.js';
import type { ImportReport, RowError } from './answers.js';
import type { ConstituentsDeps } from './deps.js';
import { parseOwnershipValue, type OwnershipKind } from './ownership-value.js';
import { newOrganisation } from './service.js';
import {
  allOrgs,
  bumpOwnershipVersion,
  insertContact,
  insertOrg,
  insertOwnership,
  ownershipKeys,
} from './store.js';

/**
 * Imports organisations, their contacts and what they own, from CSV (one row per organisation,
 * contact or owned value, organisations matched by name) or JSON (one object per organisation
 * with its lists). Checking is done first, row by row, without the database; the writing is one
 * transaction: with mode `all` a single bad row leaves the database exactly as it was; with mode
 * `valid` the good rows are written and the bad ones reported. Re-importing a file adds nothing.
 */
export const importColumns = [
  'organisation',
  'short_name',
  'sector',
  'critical',
  'iso3',
  'language',
  'notify_channel',
  'notify_format',
  'notify_pgp',
  'verification',
  'website',
  'notes',
  'kind',
  'value',
  'note',
  'contact_name',
  'contact_role',
  'contact_email',
  'contact_phone',
  'contact_languages',
  'contact_pgp_key',
  'contact_primary',
] as const;
type Column = (typeof importColumns)[number];

type OrgKey = Exclude<keyof NewOrg, 'name'>;
const orgKeys: readonly OrgKey[] = [
  'shortName',
  'sector',
  'critical',
  'iso3',
  'language',
  'notifyChannel',
  'notifyFormat',
  'notifyPgp',
  'verification',
  'website',
  'notes',
];
type ContactKey = 'name' | 'role' | 'email' | 'phone' | 'languages' | 'pgpKey' | 'isPrimary';

/** One thing to import, before checking: an organisation and at most one contact and value. */
export interface RawItem {
  line: number;
  /** Name of each field in messages (CSV column or JSON path). */
  fieldName: (part: 'org' | 'contact' | 'ownership', key: string) => string;
  orgName: unknown;
  /** Only the organisation fields the row states. */
  org: Partial<Record<OrgKey, unknown>>;
  contact: Partial<Record<ContactKey, unknown>> | null;
  ownership: { kind: unknown; value: unknown; note: unknown } | null;
}

/** A checked item, ready to write. */
export interface CheckedItem {
  line: number;
  fieldName: RawItem['fieldName'];
  orgName: string;
  org: Partial<Omit<NewOrg, 'name'>>;
  contact: Omit<Contact, 'id' | 'orgId' | 'createdAt' | 'updatedAt'> | null;
  ownership: { kind: OwnershipKind; value: string; note: string } | null;
}

export interface ParseResult {
  items: RawItem[];
  errors: RowError[];
}

const fileError = (message: string, field = '(file)'): ParseResult => ({
  items: [],
  errors: [{ line: 1, field, message }],
});

const csvBool = (text: string): unknown => {
  const t = text.toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(t)) return true;
  if (['no', 'false', '0', 'n'].includes(t)) return false;
  return text; // refused by the schema with its message
};

const columnOf: Record<'org' | 'contact' | 'ownership', Record<string, Column>> = {
  org: {
    name: 'organisation',
    shortName: 'short_name',
    sector: 'sector',
    critical: 'critical',
    iso3: 'iso3',
    language: 'language',
    notifyChannel: 'notify_channel',
    notifyFormat: 'notify_format',
    notifyPgp: 'notify_pgp',
    verification: 'verification',
    website: 'website',
    notes: 'notes',
  },
  contact: {
    name: 'contact_name',
    role: 'contact_role',
    email: 'contact_email',
    phone: 'contact_phone',
    languages: 'contact_languages',
    pgpKey: 'contact_pgp_key',
    isPrimary: 'contact_primary',
  },
  ownership: { kind: 'kind', value: 'value', note: 'note' },
};

/**
 * Reads the CSV form. File-level problems (not UTF-8, wrong delimiter, unknown or missing
 * columns) are one error on line 1 and no items; each row keeps its true line number, also
 * after cells that span lines (an armoured key).
 */
export function parseConstituentsCsv(bytes: Buffer): ParseResult {
  const decoded = decodeUtf8(bytes);
  if (decoded === null)
    return fileError('is not UTF-8 text: save the file as UTF-8 (CSV UTF-8 in spreadsheets)');
  const { rows, errors } = readCsvLines(decoded);
  const parseErrors: RowError[] = errors.map(({ line, message }) => ({
    line,
    field: '(row)',
    message,
  }));
  const [header, ...body] = rows;
  if (!header) return fileError('is empty: the first line must name the columns');
  const names = header.cells.map((c) => c.trim().toLowerCase());
  if (!names.includes('organisation')) {
    const hint =
      names.length === 1 && /[;\t]/.test(names[0] ?? '')
        ? ' (the file seems to use ; or tabs: use commas)'
        : '';
    return fileError(`has no organisation column${hint}`, '(header)');
  }
  const unknown = names.filter((n) => !(importColumns as readonly string[]).includes(n));
  if (unknown.length > 0)
    return fileError(
      `has unknown columns ${unknown.join(', ')}; the columns are ${importColumns.join(', ')}`,
      '(header)',
    );
  const items = body.map(({ cells, line }): RawItem => {
    const get = (c: Column) => {
      const i = names.indexOf(c);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const org: RawItem['org'] = {};
    for (const key of orgKeys) {
      const value = get(columnOf.org[key]!);
      if (value !== '') org[key] = key === 'critical' ? csvBool(value) : value;
    }
    const contactEmail = get('contact_email');
    const contactStated = Object.values(columnOf.contact).some((c) => get(c) !== '');
    const contact: RawItem['contact'] = contactStated
      ? {
          name: get('contact_name'),
          email: contactEmail,
          ...(get('contact_role') ? { role: get('contact_role') } : {}),
          ...(get('contact_phone') ? { phone: get('contact_phone') } : {}),
          languages: get('contact_languages')
            .split(/[\s,;]+/)
            .filter(Boolean),
          ...(get('contact_pgp_key') ? { pgpKey: get('contact_pgp_key') } : {}),
          ...(get('contact_primary') ? { isPrimary: csvBool(get('contact_primary')) } : {}),
        }
      : null;
    const ownershipStated = get('kind') !== '' || get('value') !== '';
    return {
      line,
      // A list cell (contact_languages) is one column: `languages.2` is still that column.
      fieldName: (part, key) => {
        const columns: Record<string, string> = columnOf[part];
        return columns[key] ?? columns[key.split('.')[0]!] ?? key;
      },
      orgName: get('organisation'),
      org,
      contact,
      ownership: ownershipStated
        ? { kind: get('kind'), value: get('value'), note: get('note') }
        : null,
    };
  });
  return { items, errors: parseErrors };
}

/**
 * Reads the JSON form: `{ "organisations": [ { "name", "sector", ..., "contacts": [...],
 * "ownership": [ { "kind", "value" } ] } ] }`, field names as in the API.
 */
export function parseConstituentsJson(bytes: Buffer): ParseResult {
  let document: unknown;
  try {
    document = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return fileError(`is not valid JSON: ${(error as Error).message}`);
  }
  const list = (document as { organisations?: unknown } | null)?.organisations;
  if (!Array.isArray(list)) return fileError('must be an array of organisations', 'organisations');
  const items: RawItem[] = [];
  const errors: RowError[] = [];
  list.forEach((value: unknown, index) => {
    const line = index + 1;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ line, field: '(organisation)', message: 'must be an object' });
      return;
    }
    const record = value as Record<string, unknown>;
    const known = new Set(['name', ...orgKeys, 'contacts', 'ownership']);
    for (const key of Object.keys(record).filter((k) => !known.has(k)))
      errors.push({ line, field: key, message: 'is not a field of an organisation' });
    const org: RawItem['org'] = {};
    for (const key of orgKeys) if (record[key] !== undefined) org[key] = record[key];
    const base = { line, orgName: record.name, org };
    items.push({ ...base, fieldName: (_p, key) => key, contact: null, ownership: null });
    const lists = { contacts: record.contacts, ownership: record.ownership };
    for (const [name, listValue] of Object.entries(lists)) {
      if (listValue === undefined) continue;
      if (!Array.isArray(listValue)) {
        errors.push({ line, field: name, message: 'must be an array' });
        continue;
      }
      listValue.forEach((entry: unknown, i) => {
        const path = `${name}[${i}]`;
        if (!entry || typeof entry !== 'object') {
          errors.push({ line, field: path, message: 'must be an object' });
          return;
        }
        const e = entry as Record<string, unknown>;
        items.push({
          ...base,
          org: {},
          fieldName: (part, key) => (part === 'org' ? key : `${path}.${key}`),
          contact: name === 'contacts' ? e : null,
          ownership:
            name === 'ownership' ? { kind: e.kind, value: e.value, note: e.note ?? '' } : null,
        });
      });
    }
  });
  return { items, errors };
}

const contactItemSchema = z.strictObject({
  name: contactFields.name,
  role: contactFields.role.default('security'),
  email: contactFields.email,
  phone: contactFields.phone.default(null),
  languages: contactFields.languages.default([]),
  pgpKey: contactFields.pgpKey.default(null),
  isPrimary: contactFields.isPrimary.default(false),
  notes: contactFields.notes.default(''),
});

/**
 * Checks every item without the database: field values, ownership values (made canonical),
 * public keys (readable, usable at `now`). An item with any error is left out whole.
 */
export async function checkItems(
  items: readonly RawItem[],
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<{ items: CheckedItem[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const checked: CheckedItem[] = [];
  let done = 0;
  for (const item of items) {
    onProgress?.(++done, items.length);
    const before = errors.length;
    const fail = (part: 'org' | 'contact' | 'ownership', key: string, message: string) =>
      errors.push({ line: item.line, field: item.fieldName(part, key), message });
    const name = orgFields.name.safeParse(item.orgName ?? '');
    if (!name.success) fail('org', 'name', name.error.issues[0]!.message);
    const org: CheckedItem['org'] = {};
    for (const key of orgKeys) {
      if (item.org[key] === undefined) continue;
      const result = orgFields[key].safeParse(item.org[key]);
      if (result.success) (org as Record<string, unknown>)[key] = result.data;
      else fail('org', key, result.error.issues[0]!.message);
    }
    let contact: CheckedItem['contact'] = null;
    if (item.contact) {
      const result = contactItemSchema.safeParse(item.contact);
      if (!result.success)
        for (const issue of result.error.issues)
          fail('contact', issue.path.map(String).join('.') || 'contact', issue.message);
      else {
        let key = { pgpKey: null as string | null, pgpFingerprint: null as string | null };
        let expires: string | null = null;
        if (result.data.pgpKey !== null) {
          try {
            const info = await readPublicKey(result.data.pgpKey, { usableAt: now });
            key = { pgpKey: result.data.pgpKey, pgpFingerprint: info.fingerprint };
            expires = info.expires;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            fail('contact', 'pgpKey', error.issues?.[0]?.message ?? error.message);
          }
        }
        contact = { ...result.data, ...key, pgpExpiresAt: expires };
      }
    }
    let ownership: CheckedItem['ownership'] = null;
    if (item.ownership) {
      const kind = ownershipKindSchema.safeParse(item.ownership.kind);
      if (!kind.success) fail('ownership', 'kind', kind.error.issues[0]!.message);
      else {
        const raw = item.ownership.value;
        const parsed = parseOwnershipValue(
          kind.data,
          typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '',
        );
        if (!parsed.ok) fail('ownership', 'value', parsed.message);
        else
          ownership = {
            kind: kind.data,
            value: parsed.value,
            note: typeof item.ownership.note === 'string' ? item.ownership.note.slice(0, 1000) : '',
          };
      }
    }
    if (errors.length === before)
      checked.push({
        line: item.line,
        fieldName: item.fieldName,
        orgName: name.data!,
        org,
        contact,
        ownership,
      });
  }
  return { items: checked, errors };
}

export interface ImportOptions {
  /** `all`: any bad row and nothing is written. `valid`: write the good rows, report the rest. */
  mode: ImportReport['mode'];
  dryRun: boolean;
}

export type { ImportReport, RowError } from './answers.js';

class Rollback extends Error {}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Writes checked items in one transaction (see the module comment for modes and dry runs). */
export async function importConstituents(
  deps: ConstituentsDeps,
  context: AuditContext,
  items: readonly CheckedItem[],
  checkErrors: readonly RowError[],
  options: ImportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = {
    ...options,
    written: false,
    rows: new Set([...items.map((i) => i.line), ...checkErrors.map((e) => e.line)]).size,
    orgsCreated: 0,
    contactsAdded: 0,
    ownershipAdded: 0,
    duplicates: 0,
    errors: [...checkErrors],
  };
  const added: Ownership[] = [];
  let version = 0;
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      const now = isoNow(deps.clock);
      const byName = new Map<string, Organisation>(
        (await allOrgs(trx)).map((o) => [o.name.toLowerCase(), o]),
      );
      const owned = await ownershipKeys(trx);
      const contacts = new Set(
        (await trx.selectFrom('constituent_contacts').select(['org_id', 'email']).execute()).map(
          (c) => `${c.org_id}|${c.email}`,
        ),
      );
      const badLines = new Set(checkErrors.map((e) => e.line));
      let done = 0;
      for (const item of items) {
        onProgress?.(++done, items.length);
        // A JSON organisation is one line: one bad part leaves the whole organisation out.
        if (badLines.has(item.line)) continue;
        const fail = (part: 'org' | 'contact' | 'ownership', key: string, message: string) => {
          report.errors.push({ line: item.line, field: item.fieldName(part, key), message });
          badLines.add(item.line);
        };
        let org = byName.get(item.orgName.toLowerCase());
        let created = false;
        if (org) {
          for (const [key, value] of Object.entries(item.org))
            if (!same(org[key as keyof Organisation], value))
              fail(
                'org',
                key,
                `is ${JSON.stringify(value)} here but ${JSON.stringify(org[key as keyof Organisation])} for the organisation ${org.name}; an import adds, it does not change: change it on the organisation's page`,
              );
        } else if (item.org.sector === undefined) {
          fail('org', 'sector', `is needed to add the organisation ${item.orgName}`);
        } else {
          const input = newOrgSchema.parse({ name: item.orgName, ...item.org });
          org = newOrganisation(input, newId(), now, context.actorLabel);
          created = true;
        }
        if (badLines.has(item.line) || !org) continue;
        const contactKey = item.contact && `${org.id}|${item.contact.email}`;
        const ownershipKey =
          item.ownership && `${org.id}|${item.ownership.kind}|${item.ownership.value}`;
        const fresh =
          created ||
          (contactKey !== null && !contacts.has(contactKey)) ||
          (ownershipKey !== null && !owned.has(ownershipKey));
        if (!fresh) {
          report.duplicates++;
          continue;
        }
        if (created) {
          await insertOrg(trx, org);
          byName.set(org.name.toLowerCase(), org);
          report.orgsCreated++;
        }
        if (item.contact && contactKey && !contacts.has(contactKey)) {
          await insertContact(trx, {
            id: newId(),
            orgId: org.id,
            ...item.contact,
            createdAt: now,
            updatedAt: now,
          });
          contacts.add(contactKey);
          report.contactsAdded++;
        }
        if (item.ownership && ownershipKey && !owned.has(ownershipKey)) {
          const entry: Ownership = {
            id: newId(),
            orgId: org.id,
            ...item.ownership,
            source: 'import',
            sourceRef: null,
            createdAt: now,
            createdBy: context.actorLabel,
          };
          await insertOwnership(trx, entry);
          owned.add(ownershipKey);
          added.push(entry);
          report.ownershipAdded++;
        }
      }
      report.errors.sort((a, b) => a.line - b.line);
      const refuse = options.dryRun || (options.mode === 'all' && report.errors.length > 0);
      if (refuse) throw new Rollback();
      if (added.length > 0) version = await bumpOwnershipVersion(trx, now);
      await appendAudit(
        trx,
        deps.db.dialect,
        context,
        {
          action: 'constituent.import',
          entityType: 'constituents',
          after: {
            rows: report.rows,
            orgsCreated: report.orgsCreated,
            contactsAdded: report.contactsAdded,
            ownershipAdded: report.ownershipAdded,
            duplicates: report.duplicates,
            rejected: new Set(report.errors.map((e) => e.line)).size,
          },
        },
        deps.clock,
      );
      report.written = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (report.written && added.length > 0)
    deps.ownership.applied({
      version,
      added: added.map((e) => ({ id: e.id, orgId: e.orgId, kind: e.kind, value: e.value })),
      removed: [],
    });
  // When nothing was written, the counts say what would have been.
  return report;
}

/** The refusal of an all-or-nothing import: every error, nothing written. */
export function importRefusal(report: ImportReport): AppError {
  const lines = new Set(report.errors.map((e) => e.line)).size;
  return new AppError(
    'validation_failed',
    `${lines} row(s) are invalid, so nothing was imported; fix them or import with mode=valid`,
    {
      issues: report.errors.map((e) => ({
        field: `line ${e.line} ${e.field}`,
        message: e.message,
      })),
    },
  );
}
