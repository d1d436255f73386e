import { AppError, isoNow, newId } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { Actor } from './access.js';
import { recordSuggestions, suggestOwners, type Suggestion } from './affected.service.js';
import type { IncidentsDeps } from './deps.js';
import type { Observable, ObservableKind } from './incident.schema.js';
import { normaliseObservable } from './observables.js';
import { loadForWrite } from './service.js';
import { appendEvent } from './timeline.js';

/** Observables of an incident, kept in one canonical form per kind. */

/** Normalises a list, naming `<field>.<i>.value` for each bad one; duplicates collapse. */
export function normaliseAll(
  list: readonly { kind: ObservableKind; value: string; note?: string }[],
  field = 'observables',
) {
  const out = new Map<
    string,
    { kind: ObservableKind; value: string; note: string; lookup: boolean }
  >();
  const issues: { field: string; message: string }[] = [];
  list.forEach((item, i) => {
    const n = normaliseObservable(item.kind, item.value);
    if (!n.ok) issues.push({ field: `${field}.${i}.value`, message: n.message });
    else if (!out.has(`${n.kind}|${n.value}`))
      out.set(`${n.kind}|${n.value}`, {
        kind: n.kind,
        value: n.value,
        note: item.note ?? '',
        lookup: n.lookup,
      });
  });
  if (issues.length)
    throw new AppError('validation_failed', 'Some observables are not valid', { issues });
  return [...out.values()];
}

/** Inserts new observables (ignoring those already there); returns the ones added. */
export async function insertObservables(
  trx: Executor,
  incidentId: string,
  list: readonly { kind: ObservableKind; value: string; note: string }[],
  by: string | null,
  at: string,
): Promise<Observable[]> {
  const added: Observable[] = [];
  for (const o of list) {
    const exists = await trx
      .selectFrom('incident_observables')
      .select('id')
      .where('incident_id', '=', incidentId)
      .where('kind', '=', o.kind)
      .where('value', '=', o.value)
      .executeTakeFirst();
    if (exists) continue;
    const row = {
      id: newId(),
      incident_id: incidentId,
      kind: o.kind,
      value: o.value,
      note: o.note,
      created_at: at,
      created_by: by,
    };
    await trx.insertInto('incident_observables').values(row).execute();
    added.push({
      id: row.id,
      incidentId,
      kind: o.kind,
      value: o.value,
      note: o.note,
      createdAt: at,
      createdBy: by,
    });
  }
  return added;
}

export async function listObservables(db: Executor, incidentId: string): Promise<Observable[]> {
  const rows = await db
    .selectFrom('incident_observables')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('kind')
    .orderBy('value')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    kind: r.kind as ObservableKind,
    value: r.value,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

/** Adds observables to an incident and records the owners they suggest. */
export async function addObservables(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  list: readonly { kind: ObservableKind; value: string; note?: string }[],
): Promise<{ added: Observable[]; suggested: Suggestion[] }> {
  const normalised = normaliseAll(list);
  const suggestions = await suggestOwners(deps, normalised);
  const at = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const added = await insertObservables(trx, incidentId, normalised, actor.userId, at);
    const suggested = await recordSuggestions(trx, incidentId, suggestions, at);
    if (added.length) {
      await appendEvent(trx, incidentId, {
        kind: 'observable',
        actorId: actor.userId,
        actorLabel: actor.label,
        at,
        body: {
          action: 'added',
          observables: added.map((o) => ({ id: o.id, kind: o.kind, value: o.value })),
        },
      });
      await appendAudit(
        trx,
        deps.db.dialect,
        audit,
        {
          action: 'incident.observable_add',
          entityType: 'incident',
          entityId: incidentId,
          after: added,
        },
        deps.clock,
      );
    }
    if (suggested.length)
      await appendEvent(trx, incidentId, {
        kind: 'constituent',
        actorId: null,
        actorLabel: 'system',
        at,
        body: {
          action: 'suggested',
          orgs: suggested.map((s) => ({ id: s.orgId, name: s.orgName, matched: s.matched })),
        },
      });
    return { added, suggested };
  });
}

export async function deleteObservable(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  observableId: string,
): Promise<void> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const row = await trx
      .selectFrom('incident_observables')
      .selectAll()
      .where('id', '=', observableId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No observable ${observableId} on this incident`);
    await trx.deleteFrom('incident_observables').where('id', '=', observableId).execute();
    await appendEvent(trx, incidentId, {
      kind: 'observable',
      actorId: actor.userId,
      actorLabel: actor.label,
      at,
      body: { action: 'removed', observables: [{ id: row.id, kind: row.kind, value: row.value }] },
    });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.observable_delete',
        entityType: 'incident',
        entityId: incidentId,
        before: row,
      },
      deps.clock,
    );
  });
}
