import { AppError } from '../../kernel/index.js';
import type { ContactSummary, OwnerMatch, OwnershipAnswer } from './answers.js';
import type { Contact } from './constituent.schema.js';
import type { ConstituentsDeps } from './deps.js';
import type { OwnershipMatch } from './ownership-index.js';
import { parseLookupQuery } from './ownership-value.js';
import { findOrgsByIds, listContacts } from './store.js';

export type { ContactSummary, OwnerMatch, OwnershipAnswer } from './answers.js';

export const contactSummary = (c: Contact): ContactSummary => ({
  id: c.id,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
  languages: c.languages,
  pgpFingerprint: c.pgpFingerprint,
  hasPgpKey: c.pgpKey !== null,
  isPrimary: c.isPrimary,
});

/**
 * Whose is this? One IP address or prefix, AS number, domain, URL or e-mail address, answered
 * from the in-memory ownership index: the most specific owners with their contacts, and the
 * less specific ones that also hold it. A query that is none of these is a `validation_failed`
 * naming `q`.
 */
export async function lookupOwnership(
  deps: ConstituentsDeps,
  query: string,
): Promise<OwnershipAnswer> {
  const parsed = parseLookupQuery(query);
  if (!parsed.ok)
    throw new AppError('validation_failed', `q ${parsed.message}`, {
      issues: [{ field: 'q', message: parsed.message }],
    });
  const index = await deps.ownership.get();
  const matches = index.lookup(parsed.target);
  const covering = index.covering(parsed.target).slice(matches.length);
  const orgIds = [...new Set([...matches, ...covering].map((m) => m.orgId))];
  const orgs = new Map((await findOrgsByIds(deps.db.kysely, orgIds)).map((o) => [o.id, o]));
  const contacts = new Map<string, ContactSummary[]>();
  for (const c of await listContacts(deps.db.kysely, orgIds)) {
    const list = contacts.get(c.orgId) ?? [];
    list.push(contactSummary(c));
    contacts.set(c.orgId, list);
  }
  const present = (m: OwnershipMatch): OwnerMatch[] => {
    const org = orgs.get(m.orgId);
    // An organisation deleted by another process since the index was read: leave it out.
    if (!org) return [];
    return [
      {
        org: {
          id: org.id,
          name: org.name,
          sector: org.sector,
          critical: org.critical,
          iso3: org.iso3,
          language: org.language,
          notifyChannel: org.notifyChannel,
          notifyFormat: org.notifyFormat,
          notifyPgp: org.notifyPgp,
          verification: org.verification,
        },
        contacts: contacts.get(org.id) ?? [],
        rule: m.rule,
        value: m.value,
        ...(m.prefixLength === undefined ? {} : { prefixLength: m.prefixLength }),
      },
    ];
  };
  const byName = (a: OwnerMatch, b: OwnerMatch) => a.org.name.localeCompare(b.org.name);
  return {
    query,
    queryKind: parsed.kind,
    normalised: parsed.normalised,
    matches: matches.flatMap(present).sort(byName),
    covering: covering.flatMap(present),
  };
}
