import { AppError, isoNow, newId } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import type { Incident, IncidentLink, LinkKind } from './incident.schema.js';
import { loadForWrite, loadReadable } from './service.js';
import { findByReference } from './store.js';
import { appendEvent } from './timeline.js';

/**
 * Links between incidents. Both ends must be readable by the actor; the other end is named by
 * id or reference and, when the actor may not read it, answered like a missing one (naming
 * the field, so nothing tells a RED incident exists).
 */
export async function resolveOther(
  db: Executor,
  actor: Actor,
  idOrReference: string,
  field: string,
): Promise<Incident> {
  const byRef = /^[A-Z][A-Z0-9]{1,11}-\d{4}-\d{6}$/i.test(idOrReference)
    ? await findByReference(db, idOrReference)
    : undefined;
  try {
    return await loadReadable(db, actor, byRef?.id ?? idOrReference);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw new AppError('validation_failed', `No incident ${idOrReference}`, {
        issues: [{ field, message: 'is not an incident you can see' }],
      });
    throw error;
  }
}

export async function listLinks(
  db: Executor,
  actor: Actor,
  incidentId: string,
): Promise<IncidentLink[]> {
  const rows = await db
    .selectFrom('incident_links')
    .selectAll()
    .where((eb) => eb.or([eb('from_id', '=', incidentId), eb('to_id', '=', incidentId)]))
    .orderBy('created_at')
    .execute();
  const links: IncidentLink[] = [];
  for (const r of rows) {
    const otherId = r.from_id === incidentId ? r.to_id : r.from_id;
    // A link to an incident the reader may not see is not shown at all.
    const other = await loadReadable(db, actor, otherId).catch(() => null);
    if (!other) continue;
    links.push({
      id: r.id,
      fromId: r.from_id,
      toId: r.to_id,
      kind: r.kind as LinkKind,
      other: {
        id: other.id,
        reference: other.reference,
        title: other.title,
        status: other.status,
      },
      createdAt: r.created_at,
    });
  }
  return links;
}

export async function insertLink(
  trx: Executor,
  from: string,
  to: string,
  kind: LinkKind,
  by: string,
  at: string,
) {
  const existing = await trx
    .selectFrom('incident_links')
    .select('id')
    .where('from_id', '=', from)
    .where('to_id', '=', to)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (existing) return null;
  const id = newId();
  await trx
    .insertInto('incident_links')
    .values({ id, from_id: from, to_id: to, kind, created_at: at, created_by: by })
    .execute();
  return id;
}

export async function addLink(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  input: { to: string; kind: LinkKind },
): Promise<IncidentLink[]> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const from = await loadForWrite(trx, actor, incidentId);
    const to = await resolveOther(trx, actor, input.to, 'to');
    if (to.id === from.id)
      throw new AppError('validation_failed', 'An incident cannot be linked to itself', {
        issues: [{ field: 'to', message: 'is this incident' }],
      });
    const id = await insertLink(trx, from.id, to.id, input.kind, actor.label, at);
    if (id === null)
      throw new AppError(
        'conflict',
        `${from.reference} is already linked to ${to.reference} as ${input.kind}`,
      );
    const body = { action: 'added', linkId: id, kind: input.kind };
    const by = { actorId: actor.userId, actorLabel: actor.label, at, kind: 'link' as const };
    await appendEvent(trx, from.id, {
      ...by,
      body: { ...body, direction: 'to', other: { id: to.id, reference: to.reference } },
    });
    await appendEvent(trx, to.id, {
      ...by,
      body: { ...body, direction: 'from', other: { id: from.id, reference: from.reference } },
    });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.link_add',
        entityType: 'incident',
        entityId: from.id,
        after: { id, toId: to.id, kind: input.kind },
      },
      deps.clock,
    );
  });
  return listLinks(deps.db.kysely, actor, incidentId);
}

export async function deleteLink(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  linkId: string,
): Promise<void> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const row = await trx
      .selectFrom('incident_links')
      .selectAll()
      .where('id', '=', linkId)
      .where((eb) => eb.or([eb('from_id', '=', incidentId), eb('to_id', '=', incidentId)]))
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No link ${linkId} on this incident`);
    const otherId = row.from_id === incidentId ? row.to_id : row.from_id;
    const other = await loadReadable(trx, actor, otherId).catch(() => null);
    if (!other) throw new AppError('not_found', `No link ${linkId} on this incident`);
    await trx.deleteFrom('incident_links').where('id', '=', linkId).execute();
    const by = { actorId: actor.userId, actorLabel: actor.label, at, kind: 'link' as const };
    for (const id of [row.from_id, row.to_id])
      await appendEvent(trx, id, { ...by, body: { action: 'removed', linkId, kind: row.kind } });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      { action: 'incident.link_delete', entityType: 'incident', entityId: incidentId, before: row },
      deps.clock,
    );
  });
}
