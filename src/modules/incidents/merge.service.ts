import { AppError, isoNow } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { isRestricted, tlpRank, type Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import type { Incident, ObservableKind } from './incident.schema.js';
import { insertLink, resolveOther } from './links.service.js';
import { insertObservables } from './observables.service.js';
import { loadForWrite } from './service.js';
import { grantAccess, updateIncident } from './store.js';
import { appendEvent } from './timeline.js';

/**
 * Merges an incident into another: the merged one is closed with `mergedIntoId` and a
 * `duplicate-of` link, and keeps its tasks, attachments and timeline, which the target's
 * `merge` event references. The target gains the observables and affected organisations, and
 * the stricter TLP of the two; when that is restricted, everyone who could read the merged
 * incident is added to the target's access list, so nobody loses sight and nobody gains it.
 */
export async function mergeIncident(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  sourceId: string,
  input: { into: string; comment: string },
): Promise<{ source: Incident; target: Incident }> {
  const at = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const source = await loadForWrite(trx, actor, sourceId);
    const target = await resolveOther(trx, actor, input.into, 'into');
    const refuse = (message: string) =>
      new AppError('validation_failed', message, { issues: [{ field: 'into', message }] });
    if (target.id === source.id) throw refuse('an incident cannot be merged into itself');
    if (source.mergedIntoId !== null)
      throw new AppError('conflict', `${source.reference} was already merged`);
    if (target.mergedIntoId !== null)
      throw refuse(`${target.reference} was itself merged; merge into the incident it went into`);

    const observables = await trx
      .selectFrom('incident_observables')
      .selectAll()
      .where('incident_id', '=', source.id)
      .execute();
    const copied = await insertObservables(
      trx,
      target.id,
      observables.map((o) => ({ kind: o.kind as ObservableKind, value: o.value, note: o.note })),
      actor.userId,
      at,
    );
    const orgs = await trx
      .selectFrom('incident_constituents')
      .selectAll()
      .where('incident_id', '=', source.id)
      .execute();
    for (const org of orgs) {
      const had = await trx
        .selectFrom('incident_constituents')
        .select('org_id')
        .where('incident_id', '=', target.id)
        .where('org_id', '=', org.org_id)
        .executeTakeFirst();
      if (!had)
        await trx
          .insertInto('incident_constituents')
          .values({ ...org, incident_id: target.id })
          .execute();
    }
    const tlp = tlpRank[source.tlp] > tlpRank[target.tlp] ? source.tlp : target.tlp;
    const granted: string[] = [];
    if (isRestricted(tlp)) {
      const readers = isRestricted(source.tlp)
        ? (
            await trx
              .selectFrom('incident_access')
              .select('user_id')
              .where('incident_id', '=', source.id)
              .execute()
          ).map((r) => r.user_id)
        : [];
      for (const userId of [...readers, ...(actor.userId ? [actor.userId] : [])])
        if (await grantAccess(trx, target.id, userId, actor.userId ?? actor.label, at))
          granted.push(userId);
    }
    const counts = {
      tasks: (
        await trx
          .selectFrom('incident_tasks')
          .select('id')
          .where('incident_id', '=', source.id)
          .execute()
      ).length,
      attachments: (
        await trx
          .selectFrom('incident_attachments')
          .select('id')
          .where('incident_id', '=', source.id)
          .execute()
      ).length,
    };

    const closed: Incident = {
      ...source,
      status: 'closed',
      closedAt: at,
      mergedIntoId: target.id,
      updatedAt: at,
      revision: source.revision + 1,
    };
    const raised: Incident = { ...target, tlp, updatedAt: at, revision: target.revision + 1 };
    await updateIncident(trx, closed);
    await updateIncident(trx, raised);
    await insertLink(trx, source.id, target.id, 'duplicate-of', actor.label, at);
    const by = { actorId: actor.userId, actorLabel: actor.label, at, kind: 'merge' as const };
    await appendEvent(trx, source.id, {
      ...by,
      body: {
        direction: 'into',
        other: { id: target.id, reference: target.reference },
        comment: input.comment,
        fromStatus: source.status,
      },
    });
    await appendEvent(trx, target.id, {
      ...by,
      body: {
        direction: 'from',
        other: { id: source.id, reference: source.reference },
        comment: input.comment,
        observablesCopied: copied.length,
        organisations: orgs.length,
        tasks: counts.tasks,
        attachments: counts.attachments,
        tlp: tlp === target.tlp ? null : { from: target.tlp, to: tlp },
      },
    });
    if (granted.length)
      await appendEvent(trx, target.id, {
        ...by,
        kind: 'access',
        body: { action: 'granted', userIds: granted, reason: `merge of ${source.reference}` },
      });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.merge',
        entityType: 'incident',
        entityId: source.id,
        before: { status: source.status, target: { id: target.id, tlp: target.tlp } },
        after: {
          mergedIntoId: target.id,
          targetTlp: tlp,
          observablesCopied: copied.length,
          accessGranted: granted,
        },
      },
      deps.clock,
    );
    return { source: closed, target: raised };
  });
}
