import { AppError, isoNow, newId } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { readPublicKey } from '../toolkit/index.js';
import type {
  Contact,
  ContactPatch,
  NewContact,
  NewOrg,
  NewOwnership,
  Organisation,
  OrganisationDetail,
  OrgPatch,
  Ownership,
} from './constituent.schema.js';
import type { ConstituentsDeps } from './deps.js';
import { parseOwnershipValue } from './ownership-value.js';
import {
  bumpOwnershipVersion,
  clearOtherPrimaries,
  deleteContact,
  deleteOrgCascade,
  deleteOwnership,
  findContact,
  findOrg,
  findOwnership,
  findOwnershipValue,
  incidentReferences,
  insertContact,
  insertOrg,
  insertOwnership,
  listContacts,
  listOwnership,
  updateContact,
  updateOrg,
} from './store.js';

/**
 * Use cases on organisations, contacts and ownership: each runs in one transaction with its
 * audit row; ownership writes also bump the version in `meta` and, once committed, update the
 * process's index.
 */
const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `${field} ${message}`, { issues: [{ field, message }] });

const notFound = (orgId: string) =>
  new AppError('not_found', `No constituent organisation with id ${orgId}`);

/** An organisation with its contacts and ownership, or null. */
export async function getOrganisation(
  deps: Pick<ConstituentsDeps, 'db'>,
  orgId: string,
  db: Executor = deps.db.kysely,
): Promise<OrganisationDetail | null> {
  const org = await findOrg(db, orgId);
  if (!org) return null;
  return {
    ...org,
    contacts: await listContacts(db, [orgId]),
    ownership: await listOwnership(db, orgId),
  };
}

async function orgOrThrow(db: Executor, orgId: string): Promise<Organisation> {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound(orgId);
  return org;
}

/** Builds a new organisation value from validated input (pure; shared with the import). */
export function newOrganisation(
  input: NewOrg,
  id: string,
  now: string,
  actor: string,
): Organisation {
  const verified = input.verification === 'verified';
  return {
    id,
    ...input,
    verifiedAt: verified ? now : null,
    verifiedBy: verified ? actor : null,
    revision: 1,
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
  };
}

export async function createOrganisation(
  deps: ConstituentsDeps,
  context: AuditContext,
  input: NewOrg,
): Promise<OrganisationDetail> {
  const now = isoNow(deps.clock);
  const org = newOrganisation(input, newId(), now, context.actorLabel);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await insertOrg(trx, org);
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'constituent.org_create',
        entityType: 'constituent_org',
        entityId: org.id,
        after: org,
      },
      deps.clock,
    );
  });
  return { ...org, contacts: [], ownership: [] };
}

export async function updateOrganisation(
  deps: ConstituentsDeps,
  context: AuditContext,
  orgId: string,
  patch: OrgPatch,
): Promise<OrganisationDetail> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await orgOrThrow(trx, orgId);
    if (before.revision !== patch.revision)
      throw new AppError(
        'conflict',
        `The organisation was changed at ${before.updatedAt} by ${before.updatedBy} (revision ${before.revision}, yours ${patch.revision}); reload it and apply your change again`,
      );
    const { revision: _r, ...changes } = patch;
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, v]) => v !== undefined),
    ) as Partial<Organisation>;
    const now = isoNow(deps.clock);
    const after: Organisation = {
      ...before,
      ...defined,
      revision: before.revision + 1,
      updatedAt: now,
      updatedBy: context.actorLabel,
    };
    if (after.verification !== before.verification) {
      const verified = after.verification === 'verified';
      after.verifiedAt = verified ? now : null;
      after.verifiedBy = verified ? context.actorLabel : null;
    }
    if (!(await updateOrg(trx, after, before.revision)))
      throw new AppError('conflict', 'The organisation was changed meanwhile; reload it');
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'constituent.org_update',
        entityType: 'constituent_org',
        entityId: orgId,
        before,
        after,
      },
      deps.clock,
    );
    return (await getOrganisation(deps, orgId, trx))!;
  });
}

/** Deletes an organisation with its contacts and ownership, unless an incident names it. */
export async function deleteOrganisation(
  deps: ConstituentsDeps,
  context: AuditContext,
  orgId: string,
): Promise<void> {
  const change = await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await getOrganisation(deps, orgId, trx);
    if (!before) throw notFound(orgId);
    const references = await incidentReferences(trx, orgId);
    if (references > 0)
      throw new AppError(
        'conflict',
        `${before.name} is named in ${references} incident(s), so it cannot be deleted; keep it (mark it rejected if it is wrong)`,
        { details: { incidents: references } },
      );
    const removed = await deleteOrgCascade(trx, orgId);
    const version = removed.length > 0 ? await bumpOwnershipVersion(trx, isoNow(deps.clock)) : null;
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      { action: 'constituent.org_delete', entityType: 'constituent_org', entityId: orgId, before },
      deps.clock,
    );
    return version === null ? null : { version, added: [], removed };
  });
  if (change) deps.ownership.applied(change);
}

/** Checks a pasted public key: readable, one key, not revoked or expired now. */
async function keyFacts(
  armored: string | null,
  now: Date,
): Promise<Pick<Contact, 'pgpKey' | 'pgpFingerprint' | 'pgpExpiresAt'>> {
  if (armored === null) return { pgpKey: null, pgpFingerprint: null, pgpExpiresAt: null };
  const info = await readPublicKey(armored, { field: 'pgpKey', usableAt: now });
  return { pgpKey: armored, pgpFingerprint: info.fingerprint, pgpExpiresAt: info.expires };
}

export async function addContact(
  deps: ConstituentsDeps,
  context: AuditContext,
  orgId: string,
  input: NewContact,
): Promise<Contact> {
  const key = await keyFacts(input.pgpKey, deps.clock.now());
  return deps.db.kysely.transaction().execute(async (trx) => {
    await orgOrThrow(trx, orgId);
    const now = isoNow(deps.clock);
    const contact: Contact = {
      id: newId(),
      orgId,
      ...input,
      ...key,
      createdAt: now,
      updatedAt: now,
    };
    await insertContact(trx, contact);
    if (contact.isPrimary) await clearOtherPrimaries(trx, orgId, contact.id);
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'constituent.contact_create',
        entityType: 'constituent_contact',
        entityId: contact.id,
        after: { ...contact, pgpKey: contact.pgpKey === null ? null : '(key)' },
      },
      deps.clock,
    );
    return contact;
  });
}

export async function updateContactOf(
  deps: ConstituentsDeps,
  context: AuditContext,
  orgId: string,
  contactId: string,
  patch: ContactPatch,
): Promise<Contact> {
  const key = patch.pgpKey === undefined ? null : await keyFacts(patch.pgpKey, deps.clock.now());
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await findContact(trx, orgId, contactId);
    if (!before)
      throw new AppError('not_found', `No contact ${contactId} in organisation ${orgId}`);
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'pgpKey'),
    ) as Partial<Contact>;
    const after: Contact = {
      ...before,
      ...defined,
      ...(key ?? {}),
      updatedAt: isoNow(deps.clock),
    };
    await updateContact(trx, after);
    if (after.isPrimary) await clearOtherPrimaries(trx, orgId, contactId);
    const hide = (c: Contact) => ({ ...c, pgpKey: c.pgpKey === null ? null : '(key)' });
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'constituent.contact_update',
        entityType: 'constituent_contact',
        entityId: contactId,
        before: hide(before),
        after: hide(after),
      },
      deps.clock,
    );
    return after;
  });
}

export async function removeContact(
  deps: ConstituentsDeps,
  context: AuditContext,
  orgId: string,
  contactId: string,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await findContact(trx, orgId, contactId);
    if (!before)
      throw new AppError('not_found', `No contact ${contactId} in organisation ${orgId}`);
    await deleteContact(trx, contactId);
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'constituent.contact_delete',
        entityType: 'constituent_contact',
        entityId: contactId,
        before: { ...before, pgpKey: before.pgpKey === null ? null : '(key)' },
      },
      deps.clock,
    );
  });
}

/** Adds one owned value, made canonical; refuses an invalid one precisely (host bits set...). */
export async function addOwnership(
  deps: ConstituentsDeps,
  context: AuditContext,
  orgId: string,
  input: NewOwnership,
): Promise<Ownership> {
  const parsed = parseOwnershipValue(input.kind, input.value);
  if (!parsed.ok) throw invalid('value', parsed.message);
  const { entry, version } = await deps.db.kysely.transaction().execute(async (trx) => {
    const org = await orgOrThrow(trx, orgId);
    const existing = await findOwnershipValue(trx, orgId, input.kind, parsed.value);
    if (existing) throw invalid('value', `${parsed.value} is already recorded for ${org.name}`);
    const now = isoNow(deps.clock);
    const entry: Ownership = {
      id: newId(),
      orgId,
      kind: input.kind,
      value: parsed.value,
      source: 'manual',
      sourceRef: null,
      note: input.note,
      createdAt: now,
      createdBy: context.actorLabel,
    };
    await insertOwnership(trx, entry);
    const version = await bumpOwnershipVersion(trx, now);
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'constituent.ownership_add',
        entityType: 'constituent_org',
        entityId: orgId,
        after: entry,
      },
      deps.clock,
    );
    return { entry, version };
  });
  deps.ownership.applied({
    version,
    added: [{ id: entry.id, orgId, kind: entry.kind, value: entry.value }],
    removed: [],
  });
  return entry;
}

export async function removeOwnership(
  deps: ConstituentsDeps,
  context: AuditContext,
  orgId: string,
  entryId: string,
): Promise<void> {
  const version = await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await findOwnership(trx, orgId, entryId);
    if (!before)
      throw new AppError('not_found', `No ownership entry ${entryId} in organisation ${orgId}`);
    await deleteOwnership(trx, entryId);
    const version = await bumpOwnershipVersion(trx, isoNow(deps.clock));
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'constituent.ownership_remove',
        entityType: 'constituent_org',
        entityId: orgId,
        before,
      },
      deps.clock,
    );
    return version;
  });
  deps.ownership.applied({ version, added: [], removed: [entryId] });
}
