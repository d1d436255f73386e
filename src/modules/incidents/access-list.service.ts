import { AppError, isoNow } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import type { AuditContext } from '../accounts/index.js';
import { isRestricted, type Actor } from './access.js';
import { recordChange } from './changes.js';
import type { IncidentsDeps } from './deps.js';
import type { AccessEntry } from './incident.schema.js';
import { loadForWrite } from './service.js';
import { grantAccess } from './store.js';

/**
 * The access list of an incident: who reads it while it is TLP:RED or TLP:AMBER+STRICT. Anyone
 * who reads the incident and may handle incidents changes it; a restricted incident keeps at
 * least one person.
 */
export async function listAccess(db: Executor, incidentId: string): Promise<AccessEntry[]> {
  const rows = await db
    .selectFrom('incident_access')
    .innerJoin('users', 'users.id', 'incident_access.user_id')
    .select([
      'incident_access.user_id',
      'users.display_name',
      'users.email',
      'incident_access.granted_at',
      'incident_access.granted_by',
    ])
    .where('incident_access.incident_id', '=', incidentId)
    .orderBy('incident_access.granted_at')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    grantedAt: r.granted_at,
    grantedBy: r.granted_by,
  }));
}

export async function grant(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  userId: string,
): Promise<AccessEntry[]> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    const user = await trx
      .selectFrom('users')
      .select(['id', 'display_name', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user || user.disabled)
      throw new AppError('validation_failed', 'No such active user', {
        issues: [{ field: 'userId', message: 'is not an active user' }],
      });
    if (!(await grantAccess(trx, incidentId, userId, actor.userId ?? actor.label, at))) return;
    await recordChange(trx, deps, { actor, audit, at }, incidentId, {
      kind: 'access',
      body: { action: 'granted', userId, name: user.display_name },
      action: 'incident.access_grant',
      after: { userId },
    });
  });
  return listAccess(deps.db.kysely, incidentId);
}

export async function revoke(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  userId: string,
): Promise<AccessEntry[]> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const incident = await loadForWrite(trx, actor, incidentId);
    const listed = await listAccess(trx, incidentId);
    const entry = listed.find((e) => e.userId === userId);
    if (!entry) throw new AppError('not_found', `${userId} is not on the access list`);
    if (isRestricted(incident.tlp) && listed.length === 1)
      throw new AppError(
        'conflict',
        `A TLP:${incident.tlp.toUpperCase()} incident keeps at least one person on its access list`,
      );
    await trx
      .deleteFrom('incident_access')
      .where('incident_id', '=', incidentId)
      .where('user_id', '=', userId)
      .execute();
    await recordChange(trx, deps, { actor, audit, at }, incidentId, {
      kind: 'access',
      body: { action: 'revoked', userId, name: entry.displayName },
      action: 'incident.access_revoke',
      before: { userId },
    });
  });
  return listAccess(deps.db.kysely, incidentId);
}
