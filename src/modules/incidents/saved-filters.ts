import { z } from 'zod';
import { AppError, isoNow, newId } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { filterOf, incidentFilterSchema, type IncidentFilter } from './list-query.js';
import type { ListDeps, Viewer } from './list.service.js';

/**
 * Saved filters: a name for a list query, kept for its owner or shared with every reader of
 * the incident list. Only the owner deletes one. A filter is only a query: running a shared
 * filter still shows each user only the incidents they may read.
 */
export const newSavedFilterSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  filter: incidentFilterSchema,
  shared: z.boolean().default(false),
});
export type NewSavedFilter = z.infer<typeof newSavedFilterSchema>;

export interface SavedFilter {
  id: string;
  name: string;
  filter: IncidentFilter;
  shared: boolean;
  owner: { id: string; name: string | null };
  mine: boolean;
  createdAt: string;
}

function readFilter(json: string): IncidentFilter {
  try {
    const parsed = incidentFilterSchema.safeParse(JSON.parse(json));
    return parsed.success ? filterOf(parsed.data) : {};
  } catch {
    return {};
  }
}

/** The viewer's own filters, then those others shared; each group by name. */
export async function listSavedFilters(deps: ListDeps, viewer: Viewer): Promise<SavedFilter[]> {
  const rows = await deps.db.kysely
    .selectFrom('incident_saved_filters as f')
    .leftJoin('users as u', 'u.id', 'f.user_id')
    .select([
      'f.id',
      'f.name',
      'f.query',
      'f.shared',
      'f.user_id',
      'f.created_at',
      'u.display_name',
    ])
    .where((eb) => eb.or([eb('f.user_id', '=', viewer.userId), eb('f.shared', '=', 1)]))
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      filter: readFilter(r.query),
      shared: r.shared === 1,
      owner: { id: r.user_id, name: r.display_name ?? null },
      mine: r.user_id === viewer.userId,
      createdAt: r.created_at,
    }))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name));
}

export async function createSavedFilter(
  deps: ListDeps,
  viewer: Viewer,
  context: AuditContext,
  input: NewSavedFilter,
): Promise<SavedFilter> {
  const filter = filterOf(input.filter);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom('incident_saved_filters')
      .select('id')
      .where('user_id', '=', viewer.userId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (same)
      throw new AppError('validation_failed', 'You already have a filter with this name', {
        issues: [{ field: 'body.name', message: 'is already the name of one of your filters' }],
      });
    const row = {
      id: newId(),
      user_id: viewer.userId,
      name: input.name,
      query: JSON.stringify(filter),
      shared: input.shared ? 1 : 0,
      created_at: isoNow(deps.clock),
    };
    await trx.insertInto('incident_saved_filters').values(row).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'incident.filter_create',
        entityType: 'incident_saved_filter',
        entityId: row.id,
        after: { name: row.name, filter, shared: input.shared },
      },
      deps.clock,
    );
    const owner = await trx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', viewer.userId)
      .executeTakeFirst();
    return {
      id: row.id,
      name: row.name,
      filter,
      shared: input.shared,
      owner: { id: viewer.userId, name: owner?.display_name ?? null },
      mine: true,
      createdAt: row.created_at,
    };
  });
}

export async function deleteSavedFilter(
  deps: ListDeps,
  viewer: Viewer,
  context: AuditContext,
  id: string,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('incident_saved_filters')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || (row.user_id !== viewer.userId && row.shared !== 1))
      throw new AppError('not_found', 'No saved filter with this id');
    if (row.user_id !== viewer.userId)
      throw new AppError('forbidden', 'Only the person who saved a shared filter may delete it');
    await trx.deleteFrom('incident_saved_filters').where('id', '=', id).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'incident.filter_delete',
        entityType: 'incident_saved_filter',
        entityId: id,
        before: { name: row.name, filter: readFilter(row.query), shared: row.shared === 1 },
      },
      deps.clock,
    );
  });
}
