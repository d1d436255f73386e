import { AppError, isAppError, isoNow } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { lookupOwnership } from '../constituents/index.js';
import type { Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import type { AffectedConstituent, ObservableKind } from './incident.schema.js';
import { loadForWrite } from './service.js';
import { appendEvent } from './timeline.js';

/**
 * Observables and the affected constituents they suggest: every network observable is looked
 * up in the ownership index, and each owning organisation becomes a `suggested` constituent
 * until an analyst confirms or dismisses it.
 */
export interface Suggestion {
  orgId: string;
  orgName: string;
  matched: { observable: string; rule: string; value: string }[];
}

/** Owners of the network observables (read outside any transaction: it uses the index). */
export async function suggestOwners(
  deps: IncidentsDeps,
  observables: readonly { kind: ObservableKind; value: string; lookup: boolean }[],
): Promise<Suggestion[]> {
  const byOrg = new Map<string, Suggestion>();
  for (const o of observables) {
    if (!o.lookup) continue;
    let answer;
    try {
      answer = await lookupOwnership(deps.constituents, o.value);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') continue;
      throw error;
    }
    for (const m of answer.matches) {
      const s = byOrg.get(m.org.id) ?? { orgId: m.org.id, orgName: m.org.name, matched: [] };
      s.matched.push({ observable: o.value, rule: m.rule, value: m.value });
      byOrg.set(m.org.id, s);
    }
  }
  return [...byOrg.values()];
}

/** Records suggestions; an organisation already listed keeps its origin and gains the matches. */
export async function recordSuggestions(
  trx: Executor,
  incidentId: string,
  suggestions: readonly Suggestion[],
  at: string,
): Promise<Suggestion[]> {
  const fresh: Suggestion[] = [];
  for (const s of suggestions) {
    const had = await trx
      .selectFrom('incident_constituents')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('org_id', '=', s.orgId)
      .executeTakeFirst();
    if (had) {
      const matched = JSON.parse(had.matched) as Suggestion['matched'];
      const keys = new Set(matched.map((m) => `${m.observable}|${m.value}`));
      const merged = [
        ...matched,
        ...s.matched.filter((m) => !keys.has(`${m.observable}|${m.value}`)),
      ];
      await trx
        .updateTable('incident_constituents')
        .set({ matched: JSON.stringify(merged) })
        .where('incident_id', '=', incidentId)
        .where('org_id', '=', s.orgId)
        .execute();
      continue;
    }
    await trx
      .insertInto('incident_constituents')
      .values({
        incident_id: incidentId,
        org_id: s.orgId,
        origin: 'suggested',
        matched: JSON.stringify(s.matched),
        added_at: at,
        added_by: null,
      })
      .execute();
    fresh.push(s);
  }
  return fresh;
}

export async function listConstituents(
  db: Executor,
  incidentId: string,
): Promise<AffectedConstituent[]> {
  const rows = await db
    .selectFrom('incident_constituents')
    .innerJoin('constituent_orgs', 'constituent_orgs.id', 'incident_constituents.org_id')
    .select([
      'incident_constituents.org_id',
      'constituent_orgs.name',
      'incident_constituents.origin',
      'incident_constituents.matched',
      'incident_constituents.added_at',
    ])
    .where('incident_constituents.incident_id', '=', incidentId)
    .orderBy('constituent_orgs.name')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.name,
    origin: r.origin as AffectedConstituent['origin'],
    matched: JSON.parse(r.matched) as AffectedConstituent['matched'],
    addedAt: r.added_at,
  }));
}

/** Confirms, dismisses or manually adds an affected organisation. */
export async function setConstituent(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  orgId: string,
  origin: 'confirmed' | 'dismissed' | 'manual',
): Promise<AffectedConstituent[]> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const org = await trx
      .selectFrom('constituent_orgs')
      .select(['id', 'name'])
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (!org) throw new AppError('not_found', `No organisation with id ${orgId}`);
    const had = await trx
      .selectFrom('incident_constituents')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (had) {
      await trx
        .updateTable('incident_constituents')
        .set({ origin, added_by: actor.userId })
        .where('incident_id', '=', incidentId)
        .where('org_id', '=', orgId)
        .execute();
    } else {
      if (origin === 'dismissed')
        throw new AppError('not_found', `${org.name} is not listed on this incident`);
      await trx
        .insertInto('incident_constituents')
        .values({
          incident_id: incidentId,
          org_id: orgId,
          origin: 'manual',
          matched: '[]',
          added_at: at,
          added_by: actor.userId,
        })
        .execute();
    }
    const result = had ? origin : 'manual';
    await appendEvent(trx, incidentId, {
      kind: 'constituent',
      actorId: actor.userId,
      actorLabel: actor.label,
      at,
      body: { action: result, orgs: [{ id: org.id, name: org.name }] },
    });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.constituent_set',
        entityType: 'incident',
        entityId: incidentId,
        before: had ? { orgId, origin: had.origin } : null,
        after: { orgId, origin: result },
      },
      deps.clock,
    );
  });
  return listConstituents(deps.db.kysely, incidentId);
}
