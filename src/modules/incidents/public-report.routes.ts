import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, isoNow } from '../../kernel/index.js';
import { sendAcknowledgement } from './ack.js';
import type { Actor } from './access.js';
import { addAttachment } from './attachments.service.js';
import type { MailingDeps } from './notify.service.js';
import { checkPublicReport, publicReportLimits } from './public-report.js';
import { createIncident } from './service.js';

interface ReceivedFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

const reporter: Actor = { userId: null, label: 'reporter', permissions: new Set() };

/** Reads a multipart form (or a JSON object) into fields and files, within the limits. */
async function readForm(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; files: ReceivedFile[] }> {
  if (!request.isMultipart()) {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new AppError(
        'unsupported_media_type',
        'Send the report as multipart/form-data (or a JSON object without files)',
      );
    return { fields: body as Record<string, string>, files: [] };
  }
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        // A file input left empty still sends a part without a name and without bytes.
        if (part.filename === '' && content.length === 0) continue;
        if (content.length === 0)
          throw new AppError('validation_failed', 'An attachment is empty', {
            issues: [{ field: 'attachments', message: `${part.filename} is empty` }],
          });
        files.push({ filename: part.filename || 'attachment', mediaType: part.mimetype, content });
      } else {
        if (part.valueTruncated)
          throw new AppError('validation_failed', 'A field is too long', {
            issues: [{ field: part.fieldname, message: 'is too long' }],
          });
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        'payload_too_large',
        `An attachment is larger than ${Math.floor(maxBytes / 1024 / 1024) || maxBytes} ${maxBytes >= 1024 * 1024 ? 'MB' : 'bytes'}, the limit for each file`,
        {
          issues: [
            { field: 'attachments', message: `each file must be at most ${maxBytes} bytes` },
          ],
          details: { limitBytes: maxBytes },
        },
      );
    if (code === 'FST_FILES_LIMIT')
      throw new AppError(
        'payload_too_large',
        `A report may carry at most ${publicReportLimits.files} files`,
        {
          issues: [
            {
              field: 'attachments',
              message: `must be at most ${publicReportLimits.files} files`,
            },
          ],
          details: { limitFiles: publicReportLimits.files },
        },
      );
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('payload_too_large', 'The form has too many fields');
    throw error;
  }
  return { fields, files };
}

/** A reference that looks like a real one, for robots that filled in the honeypot. */
function decoyReference(prefix: string, now: Date): string {
  const n = 1 + Math.floor(Math.random() * 999_999);
  return `${prefix}-${now.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
}

/**
 * `POST /api/public/reports`: anyone may report an incident. Limited per address and hour;
 * a filled honeypot field is answered like a success and creates nothing; attachments are
 * limited in size and number. The incident (source `form`) answers its reference, and the
 * reporter gets an acknowledgement e-mail in the form's language. The multipart parser lives in
 * this route's own scope: no other route accepts multipart bodies.
 */
export async function publicReportRoutes(app: FastifyInstance, deps: MailingDeps): Promise<void> {
  const maxBytes = deps.config.attachmentMaxBytes;
  // Awaited by the caller, so the route is in place before the web UI's files are registered
  // (routes added while those register are taken for files of the web UI).
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: {
        fileSize: maxBytes,
        files: publicReportLimits.files,
        fields: 20,
        fieldSize: 60_000,
        parts: 30,
      },
      throwFileSizeLimit: true,
    });
    scope.post(
      '/api/public/reports',
      {
        schema: {
          tags: ['incidents'],
          summary:
            'Report an incident without an account (multipart/form-data: description, email, name, organisation, title, rsitType, observables, language, attachments); answers the reference',
          security: [],
        },
        config: {
          access: 'public',
          rateLimit: { max: deps.config.publicReportRatePerHour, timeWindow: 3_600_000 },
        },
      },
      async (request, reply) => {
        const { fields, files } = await readForm(request, maxBytes);
        const checked = checkPublicReport(fields);
        if (checked.trap) {
          request.log.info({ ip: request.ip }, 'public report honeypot filled: nothing created');
          return reply.code(202).send({
            reference: decoyReference(deps.config.incidentPrefix, deps.clock.now()),
            acknowledgement: deps.mailer.enabled ? 'sent' : 'not-sent',
          });
        }
        const email = checked.incident.reporter?.email ?? '';
        const audit = {
          actorId: null,
          actorLabel: `public form (${email})`,
          requestId: request.id,
          ip: request.ip,
        };
        const incident = await createIncident(deps, reporter, checked.incident, 'form', audit);
        if (files.length > 0) {
          await deps.db.kysely.transaction().execute(async (trx) => {
            for (const file of files)
              await addAttachment(trx, deps, incident.id, { ...file, source: 'form' }, null, audit);
          });
        }
        let acknowledgement: 'sent' | 'not-sent' = 'not-sent';
        if (deps.mailer.enabled) {
          try {
            const sent = await sendAcknowledgement(deps, incident, email, checked.language, {
              audit,
            });
            if (sent.status === 'sent') acknowledgement = 'sent';
          } catch (error) {
            // The report is in; a mail problem must not lose it. The timeline says what failed.
            request.log.warn(
              { err: error, reference: incident.reference },
              'acknowledgement not sent',
            );
          }
        } else {
          request.log.warn(
            { reference: incident.reference, at: isoNow(deps.clock) },
            'acknowledgement not sent: outgoing mail is not configured',
          );
        }
        return reply.code(202).send({ reference: incident.reference, acknowledgement });
      },
    );
  });
}
