import { createHash } from 'node:crypto';
import { AppError, isoNow, newId } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { Actor } from './access.js';
import { safeFilename, sniffMediaType } from './attachments.js';
import type { IncidentsDeps } from './deps.js';
import type { Attachment } from './incident.schema.js';
import { loadForWrite, loadReadable } from './service.js';
import { appendEvent } from './timeline.js';

export interface NewAttachment {
  filename: string;
  /** What the sender declared; the stored type is sniffed from the bytes. */
  mediaType?: string | null;
  content: Buffer;
  source: Attachment['source'];
}

const labels: Record<Attachment['source'], string> = {
  upload: 'system',
  form: 'reporter',
  email: 'mail',
};

/**
 * Stores a file on an incident inside the caller's transaction: SHA-256, the size limit
 * (config.attachmentMaxBytes, else `payload_too_large`), the sniffed media type, an
 * `attachment` timeline event and its audit row (`audit` defaults to the source's label).
 */
export async function addAttachment(
  trx: Executor,
  deps: IncidentsDeps,
  incidentId: string,
  file: NewAttachment,
  actorId: string | null,
  audit?: AuditContext,
): Promise<Attachment> {
  const max = deps.config.attachmentMaxBytes;
  if (file.content.length > max)
    throw new AppError(
      'payload_too_large',
      `${file.filename} is ${file.content.length} bytes; the limit is ${max}`,
      {
        details: { limitBytes: max, size: file.content.length },
      },
    );
  if (file.content.length === 0)
    throw new AppError('validation_failed', 'The file is empty', {
      issues: [{ field: 'body', message: 'must not be empty' }],
    });
  const context = audit ?? { actorId, actorLabel: labels[file.source] };
  const at = isoNow(deps.clock);
  const attachment: Attachment = {
    id: newId(),
    incidentId,
    filename: safeFilename(file.filename),
    mediaType: sniffMediaType(file.content, file.mediaType),
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    source: file.source,
    createdAt: at,
    createdBy: actorId,
  };
  await trx
    .insertInto('incident_attachments')
    .values({
      id: attachment.id,
      incident_id: incidentId,
      filename: attachment.filename,
      media_type: attachment.mediaType,
      size: attachment.size,
      sha256: attachment.sha256,
      content: file.content,
      source: attachment.source,
      created_at: at,
      created_by: actorId,
    })
    .execute();
  await appendEvent(trx, incidentId, {
    kind: 'attachment',
    actorId,
    actorLabel: context.actorLabel,
    at,
    body: {
      action: 'added',
      attachment: {
        id: attachment.id,
        filename: attachment.filename,
        mediaType: attachment.mediaType,
        size: attachment.size,
        sha256: attachment.sha256,
      },
    },
  });
  await appendAudit(
    trx,
    deps.db.dialect,
    context,
    {
      action: 'incident.attachment_add',
      entityType: 'incident',
      entityId: incidentId,
      after: attachment,
    },
    deps.clock,
  );
  return attachment;
}

/** Upload by a user who may handle the incident (TLP rule). */
export async function uploadAttachment(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  incidentId: string,
  file: Omit<NewAttachment, 'source'>,
): Promise<Attachment> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, incidentId);
    return addAttachment(trx, deps, incidentId, { ...file, source: 'upload' }, actor.userId, audit);
  });
}

const metaColumns = [
  'id',
  'incident_id',
  'filename',
  'media_type',
  'size',
  'sha256',
  'source',
  'created_at',
  'created_by',
] as const;
type MetaRow = {
  id: string;
  incident_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  source: string;
  created_at: string;
  created_by: string | null;
};
const toAttachment = (r: MetaRow): Attachment => ({
  id: r.id,
  incidentId: r.incident_id,
  filename: r.filename,
  mediaType: r.media_type,
  size: Number(r.size),
  sha256: r.sha256,
  source: r.source as Attachment['source'],
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export async function listAttachments(db: Executor, incidentId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('incident_attachments')
    .select(metaColumns)
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .execute();
  return rows.map(toAttachment);
}

/** The file, only for a reader of its incident; anything else is `not_found`. */
export async function readAttachment(
  deps: IncidentsDeps,
  actor: Actor,
  incidentId: string,
  attachmentId: string,
) {
  const db = deps.db.kysely;
  await loadReadable(db, actor, incidentId);
  const row = await db
    .selectFrom('incident_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No attachment ${attachmentId} on this incident`);
  return { attachment: toAttachment(row), content: Buffer.from(row.content) };
}
