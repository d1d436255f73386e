import type { z } from 'zod';
import { AppError, isoNow } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { ToolkitDeps } from './deps.js';
import { findDocument, type Executor } from './store.js';

/**
 * Per-project documents: the services chosen, the BCM and crisis-management plan, the RFC 2350
 * profile. Each is one JSON value validated by its module's zod schema, with a revision for
 * optimistic locking (two people editing the same plan do not overwrite each other silently).
 */
export const documentKinds = ['services', 'bcm', 'rfc2350'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface ProjectDocument<T> {
  /** null until the document is first saved. */
  value: T | null;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function readDocument<S extends z.ZodType>(
  db: Executor,
  projectId: string,
  kind: DocumentKind,
  schema: S,
): Promise<ProjectDocument<z.output<S>>> {
  const row = await findDocument(db, projectId, kind);
  if (!row) return { value: null, revision: 0, updatedAt: null, updatedBy: null };
  return {
    // Stored documents were validated on write; parsing again applies defaults added since.
    value: schema.parse(JSON.parse(row.json)),
    revision: row.revision,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/**
 * Saves a document if `expectedRevision` is the stored one (0 for a first save), appends the
 * audit row in the same transaction and returns the new revision. `value` must already be
 * validated by the caller.
 */
export async function writeDocument<T>(
  deps: ToolkitDeps,
  context: AuditContext,
  projectId: string,
  kind: DocumentKind,
  value: T,
  expectedRevision: number,
): Promise<ProjectDocument<T>> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await findDocument(trx, projectId, kind);
    const current = before?.revision ?? 0;
    if (current !== expectedRevision)
      throw new AppError(
        'conflict',
        `The ${kind} document was changed by ${before?.updatedBy ?? 'someone'} at ${before?.updatedAt ?? '?'} (revision ${current}, yours ${expectedRevision}); reload it and apply your change again`,
      );
    const at = isoNow(deps.clock);
    const json = JSON.stringify(value);
    const revision = current + 1;
    if (before)
      await trx
        .updateTable('toolkit_documents')
        .set({ json, revision, updated_at: at, updated_by: context.actorLabel })
        .where('project_id', '=', projectId)
        .where('kind', '=', kind)
        .execute();
    else
      await trx
        .insertInto('toolkit_documents')
        .values({
          project_id: projectId,
          kind,
          json,
          revision,
          updated_at: at,
          updated_by: context.actorLabel,
        })
        .execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: `toolkit.${kind}_update`,
        entityType: 'toolkit_project',
        entityId: projectId,
        before: before ? { revision: current, [kind]: JSON.parse(before.json) as unknown } : null,
        after: { revision, [kind]: value },
      },
      deps.clock,
    );
    return { value, revision, updatedAt: at, updatedBy: context.actorLabel };
  });
}
