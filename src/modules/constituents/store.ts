import { sql } from 'kysely';
import { containsPattern, type Executor } from '../../storage/index.js';
import type { Database } from '../../storage/schema.js';
import type {
  Contact,
  ContactRole,
  NotifyChannel,
  NotifyFormat,
  NotifyPgp,
  Organisation,
  OrgListQuery,
  OrgSummary,
  Ownership,
  OwnershipSource,
  Verification,
} from './constituent.schema.js';
import type { OwnershipEntry } from './ownership-index.js';
import type { OwnershipKind } from './ownership-value.js';
import type { Sector } from './sectors.js';

/** Kysely queries of the constituents tables: rows in, typed values out. No rules here. */
type OrgRow = Database['constituent_orgs'];
type ContactRow = Database['constituent_contacts'];
type OwnershipRow = Database['constituent_ownership'];

/** The `meta` key counting ownership changes, so other processes notice and rebuild their index. */
export const ownershipVersionKey = 'constituents.ownership_version';

export const toOrganisation = (r: OrgRow): Organisation => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  sector: r.sector as Sector,
  critical: Number(r.critical) === 1,
  iso3: r.iso3,
  language: r.language,
  notifyChannel: r.notify_channel as NotifyChannel,
  notifyFormat: r.notify_format as NotifyFormat,
  notifyPgp: r.notify_pgp as NotifyPgp,
  verification: r.verification as Verification,
  verifiedAt: r.verified_at,
  verifiedBy: r.verified_by,
  website: r.website,
  notes: r.notes,
  revision: Number(r.revision),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const orgRow = (o: Organisation): OrgRow => ({
  id: o.id,
  name: o.name,
  short_name: o.shortName,
  sector: o.sector,
  critical: o.critical ? 1 : 0,
  iso3: o.iso3,
  language: o.language,
  notify_channel: o.notifyChannel,
  notify_format: o.notifyFormat,
  notify_pgp: o.notifyPgp,
  verification: o.verification,
  verified_at: o.verifiedAt,
  verified_by: o.verifiedBy,
  website: o.website,
  notes: o.notes,
  revision: o.revision,
  created_at: o.createdAt,
  created_by: o.createdBy,
  updated_at: o.updatedAt,
  updated_by: o.updatedBy,
});

export const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  role: r.role as ContactRole,
  email: r.email,
  phone: r.phone,
  pgpKey: r.pgp_key,
  pgpFingerprint: r.pgp_fingerprint,
  pgpExpiresAt: r.pgp_expires_at,
  languages: JSON.parse(r.languages) as string[],
  isPrimary: Number(r.is_primary) === 1,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const contactRow = (c: Contact): ContactRow => ({
  id: c.id,
  org_id: c.orgId,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
  pgp_key: c.pgpKey,
  pgp_fingerprint: c.pgpFingerprint,
  pgp_expires_at: c.pgpExpiresAt,
  languages: JSON.stringify(c.languages),
  is_primary: c.isPrimary ? 1 : 0,
  notes: c.notes,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export const toOwnership = (r: OwnershipRow): Ownership => ({
  id: r.id,
  orgId: r.org_id,
  kind: r.kind as OwnershipKind,
  value: r.value,
  source: r.source as OwnershipSource,
  sourceRef: r.source_ref,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export const ownershipRow = (o: Ownership): OwnershipRow => ({
  id: o.id,
  org_id: o.orgId,
  kind: o.kind,
  value: o.value,
  source: o.source,
  source_ref: o.sourceRef,
  note: o.note,
  created_at: o.createdAt,
  created_by: o.createdBy,
});

export async function findOrg(db: Executor, id: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('constituent_orgs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

export async function findOrgsByIds(db: Executor, ids: readonly string[]): Promise<Organisation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('constituent_orgs')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toOrganisation);
}

/** Every organisation (for imports that match by name). */
export async function allOrgs(db: Executor): Promise<Organisation[]> {
  const rows = await db.selectFrom('constituent_orgs').selectAll().orderBy('name').execute();
  return rows.map(toOrganisation);
}

export async function listOrgs(
  db: Executor,
  query: OrgListQuery,
): Promise<{ items: OrgSummary[]; total: number }> {
  let base = db.selectFrom('constituent_orgs');
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(short_name, ''))`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(website, ''))`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (query.sector) base = base.where('sector', '=', query.sector);
  if (query.critical !== undefined) base = base.where('critical', '=', query.critical ? 1 : 0);
  if (query.verification) base = base.where('verification', '=', query.verification);
  if (query.iso3) base = base.where('iso3', '=', query.iso3);
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('constituent_orgs')
    .select((eb) => [
      eb
        .selectFrom('constituent_contacts')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('constituent_contacts.org_id', '=', 'constituent_orgs.id')
        .as('contact_count'),
      eb
        .selectFrom('constituent_ownership')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('constituent_ownership.org_id', '=', 'constituent_orgs.id')
        .as('ownership_count'),
    ])
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const items = rows.map((r) => ({
    ...toOrganisation(r),
    contactCount: Number(r.contact_count ?? 0),
    ownershipCount: Number(r.ownership_count ?? 0),
  }));
  return { items, total: Number(totalRow?.n ?? 0) };
}

export async function insertOrg(db: Executor, org: Organisation): Promise<void> {
  await db.insertInto('constituent_orgs').values(orgRow(org)).execute();
}

/** Writes the organisation if its revision is still `expected`; answers whether it did. */
export async function updateOrg(
  db: Executor,
  org: Organisation,
  expected: number,
): Promise<boolean> {
  const { id: _id, created_at: _c, created_by: _b, ...changes } = orgRow(org);
  const result = await db
    .updateTable('constituent_orgs')
    .set(changes)
    .where('id', '=', org.id)
    .where('revision', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listContacts(db: Executor, orgIds: readonly string[]): Promise<Contact[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('constituent_contacts')
    .selectAll()
    .where('org_id', 'in', [...orgIds])
    .orderBy('is_primary', 'desc')
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

export async function findContact(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Contact | undefined> {
  const row = await db
    .selectFrom('constituent_contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toContact(row) : undefined;
}

export async function insertContact(db: Executor, contact: Contact): Promise<void> {
  await db.insertInto('constituent_contacts').values(contactRow(contact)).execute();
}

export async function updateContact(db: Executor, contact: Contact): Promise<void> {
  const { id: _id, org_id: _o, created_at: _c, ...changes } = contactRow(contact);
  await db.updateTable('constituent_contacts').set(changes).where('id', '=', contact.id).execute();
}

/** Makes `contactId` the only primary contact of its organisation. */
export async function clearOtherPrimaries(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<void> {
  await db
    .updateTable('constituent_contacts')
    .set({ is_primary: 0 })
    .where('org_id', '=', orgId)
    .where('id', '!=', contactId)
    .execute();
}

export async function deleteContact(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('constituent_contacts').where('id', '=', id).execute();
}

export async function listOwnership(db: Executor, orgId: string): Promise<Ownership[]> {
  const rows = await db
    .selectFrom('constituent_ownership')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('kind')
    .orderBy('value')
    .execute();
  return rows.map(toOwnership);
}

export async function findOwnership(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Ownership | undefined> {
  const row = await db
    .selectFrom('constituent_ownership')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toOwnership(row) : undefined;
}

export async function findOwnershipValue(
  db: Executor,
  orgId: string,
  kind: string,
  value: string,
): Promise<Ownership | undefined> {
  const row = await db
    .selectFrom('constituent_ownership')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('value', '=', value)
    .executeTakeFirst();
  return row ? toOwnership(row) : undefined;
}

/** Every ownership entry, as the index wants them. */
export async function allOwnershipEntries(db: Executor): Promise<OwnershipEntry[]> {
  const rows = await db
    .selectFrom('constituent_ownership')
    .select(['id', 'org_id', 'kind', 'value'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    kind: r.kind as OwnershipKind,
    value: r.value,
  }));
}

/** Every (org, kind, value) already owned, as `org|kind|value` keys. */
export async function ownershipKeys(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('constituent_ownership')
    .select(['org_id', 'kind', 'value'])
    .execute();
  return new Set(rows.map((r) => `${r.org_id}|${r.kind}|${r.value}`));
}

export async function insertOwnership(db: Executor, entry: Ownership): Promise<void> {
  await db.insertInto('constituent_ownership').values(ownershipRow(entry)).execute();
}

export async function deleteOwnership(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('constituent_ownership').where('id', '=', id).execute();
}

/** Deletes an organisation with its contacts and ownership; answers the ownership ids removed. */
export async function deleteOrgCascade(db: Executor, orgId: string): Promise<string[]> {
  const owned = await db
    .selectFrom('constituent_ownership')
    .select('id')
    .where('org_id', '=', orgId)
    .execute();
  await db.deleteFrom('constituent_ownership').where('org_id', '=', orgId).execute();
  await db.deleteFrom('constituent_contacts').where('org_id', '=', orgId).execute();
  await db.deleteFrom('constituent_orgs').where('id', '=', orgId).execute();
  return owned.map((r) => r.id);
}

/** How many incidents name this organisation (suggested, confirmed or added). */
export async function incidentReferences(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('incident_constituents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Bumps the ownership version inside the caller's write transaction and answers the new value.
 * The row lock on PostgreSQL orders concurrent writers.
 */
export async function bumpOwnershipVersion(db: Executor, now: string): Promise<number> {
  const row = await db
    .insertInto('meta')
    .values({ key: ownershipVersionKey, value: '1', updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        value: sql<string>`cast(cast(meta.value as integer) + 1 as text)`,
        updated_at: now,
      }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function readOwnershipVersion(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', ownershipVersionKey)
    .executeTakeFirst();
  return row ? Number(row.value) : 0;
}
