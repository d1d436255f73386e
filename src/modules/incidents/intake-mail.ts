/**
 * Intake by e-mail: a message the poller stored is parsed, threaded and either starts an
 * incident (source `email`, reporter from From, attachments, an acknowledgement) or joins one
 * as a `mail-in` timeline event. A message that cannot be parsed is kept raw as `unparsed` for
 * an analyst, who may still turn it into an incident or dismiss it.
 */
import { z } from 'zod';
import { AppError, isoNow, type Logger } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import {
  inbox,
  parseLimits,
  parseMail,
  rawSummary,
  type InboundMail,
  type MailSummary,
} from '../mail/index.js';
import type { Actor } from './access.js';
import { addAttachment } from './attachments.service.js';
import type { IncidentsDeps } from './deps.js';
import type { Incident, NewIncidentInput } from './incident.schema.js';
import { createIncident } from './service.js';
import { findIncidentRow } from './store.js';
import {
  decideThread,
  stripReplyMarkers,
  threadCandidates,
  type ThreadDecision,
} from './threading.js';
import { appendEvent } from './timeline.js';

export interface MailIntakeDeps {
  incidents: IncidentsDeps;
  logger: Logger;
  /** Sends the acknowledgement to the reporter; undefined when outgoing mail is off. */
  acknowledge?:
    | ((incident: Incident, to: string, lang: string, inReplyTo: string | null) => Promise<void>)
    | undefined;
}

export type IntakeOutcome =
  | { status: 'created' | 'threaded'; incidentId: string; via?: ThreadDecision['kind'] }
  | { status: 'unparsed'; error: string }
  | { status: 'ignored'; reason: string };

const mailActor: Actor = { userId: null, label: 'mail', permissions: new Set() };
const mailAudit = (mailId: string): AuditContext => ({
  actorId: null,
  actorLabel: 'mail',
  requestId: `mail:${mailId}`,
});
const languages = new Set(['en', 'fr', 'es', 'ar', 'ru', 'zh']);
const validEmail = z.email();

/** The incident a merged one lives on in (its merge chain followed), or the incident itself. */
async function live(db: Executor, incidentId: string): Promise<Incident | null> {
  let incident = await findIncidentRow(db, incidentId);
  for (let hops = 0; incident?.mergedIntoId && hops < 10; hops++)
    incident = await findIncidentRow(db, incident.mergedIntoId);
  return incident ?? null;
}

async function decide(deps: IncidentsDeps, mail: MailSummary): Promise<ThreadDecision> {
  const db = deps.db.kysely;
  const candidates = threadCandidates(mail, deps.config.incidentPrefix);
  const byReference = new Map<string, string>();
  if (candidates.reference) {
    const row = await db
      .selectFrom('incidents')
      .select('id')
      .where('reference', '=', candidates.reference)
      .executeTakeFirst();
    const found = row && (await live(db, row.id));
    if (found) byReference.set(candidates.reference, found.id);
  }
  const byMessageId = new Map<string, string>();
  for (const [messageId, incidentId] of await inbox.incidentsByMessageId(
    db,
    candidates.messageIds,
  )) {
    const found = await live(db, incidentId);
    if (found) byMessageId.set(messageId, found.id);
  }
  return decideThread(candidates, { byReference, byMessageId });
}

function eventBody(mailId: string, mail: InboundMail, extra: Record<string, unknown>) {
  return {
    mailId,
    messageId: mail.messageId,
    from: mail.from,
    subject: mail.subject,
    date: mail.date,
    text: mail.text,
    ...extra,
  };
}

/** Stores the attachments and the `mail-in` event, and settles the message (one transaction). */
async function attach(
  deps: IncidentsDeps,
  mailId: string,
  incidentId: string,
  mail: InboundMail,
  settle: {
    status: 'created' | 'threaded';
    audit: AuditContext;
    actorId: string | null;
    actorLabel: string;
    extra: Record<string, unknown>;
  },
): Promise<void> {
  const at = isoNow(deps.clock);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const files = [];
    for (const file of mail.attachments) {
      const stored = await addAttachment(
        trx,
        deps,
        incidentId,
        {
          filename: file.filename,
          mediaType: file.mediaType,
          content: file.content,
          source: 'email',
        },
        settle.actorId,
        settle.audit,
      );
      files.push({ id: stored.id, filename: stored.filename, size: stored.size });
    }
    const skipped = mail.skipped.length ? { skipped: mail.skipped } : {};
    await appendEvent(trx, incidentId, {
      kind: 'mail-in',
      actorId: settle.actorId,
      actorLabel: settle.actorLabel,
      at,
      body: eventBody(mailId, mail, { attachments: files, ...skipped, ...settle.extra }),
    });
    await inbox.setOutcome(trx, mailId, { status: settle.status, incidentId, summary: mail, at });
    await appendAudit(
      trx,
      deps.db.dialect,
      settle.audit,
      {
        action: settle.status === 'threaded' ? 'mail.thread' : 'mail.create_incident',
        entityType: 'mail_message',
        entityId: mailId,
        after: { incidentId, attachments: files.length },
      },
      deps.clock,
    );
  });
}

/** The incident created for this message before a crash, if any (its audit row names the mail). */
async function createdBefore(deps: IncidentsDeps, mailId: string): Promise<Incident | null> {
  const row = await deps.db.kysely
    .selectFrom('audit_log')
    .select('entity_id')
    .where('action', '=', 'incident.create')
    .where('request_id', '=', `mail:${mailId}`)
    .executeTakeFirst();
  return row?.entity_id ? ((await findIncidentRow(deps.db.kysely, row.entity_id)) ?? null) : null;
}

function newIncidentInput(mail: InboundMail, note: string | null): NewIncidentInput {
  const subject = mail.subject ? stripReplyMarkers(mail.subject) : '';
  const from = mail.from;
  const email = from && validEmail.safeParse(from.address).success ? from.address : null;
  const title = (subject || `E-mail from ${from?.address ?? 'an unknown sender'}`).slice(0, 300);
  const lines = [note, email === null && from ? `Sender: ${from.address}` : null, mail.text];
  return {
    title,
    description: lines
      .filter((l): l is string => !!l)
      .join('\n\n')
      .slice(0, 100_000),
    reporter: { name: from?.name?.slice(0, 200) || null, email, organisation: null },
    occurredAt: null,
  };
}

async function settle(
  deps: IncidentsDeps,
  mailId: string,
  status: 'unparsed' | 'ignored',
  error: string,
  summary: MailSummary,
) {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await inbox.setOutcome(trx, mailId, { status, error, summary, at: isoNow(deps.clock) });
    await appendAudit(
      trx,
      deps.db.dialect,
      mailAudit(mailId),
      {
        action: status === 'unparsed' ? 'mail.unparsed' : 'mail.ignore',
        entityType: 'mail_message',
        entityId: mailId,
        after: { error },
      },
      deps.clock,
    );
  });
}

/**
 * Handles one stored incoming message (called by the poller once it has claimed it). Idempotent:
 * an incident created before a crash is found again instead of created twice.
 */
export async function intakeMail(deps: MailIntakeDeps, mailId: string): Promise<IntakeOutcome> {
  const { incidents } = deps;
  const db = incidents.db.kysely;
  const raw = await inbox.inboundRaw(db, mailId);
  if (!raw) throw new AppError('not_found', `No incoming message ${mailId}`);
  const stored = await inbox.getInbound(db, mailId);
  const ours = await inbox.sentByUs(db, stored?.messageId ?? null);
  const again = ours ? null : await inbox.duplicateOf(db, mailId, stored?.messageId ?? null, raw);
  if (ours || again) {
    const reason = ours
      ? 'a copy of a message the platform sent'
      : `the same message was received before (${again})`;
    await settle(incidents, mailId, 'ignored', reason, rawSummary(raw));
    return { status: 'ignored', reason };
  }
  const parsed = await parseMail(raw, parseLimits(incidents.config.attachmentMaxBytes));
  if (!parsed.ok) {
    await settle(incidents, mailId, 'unparsed', parsed.error, parsed.summary);
    return { status: 'unparsed', error: parsed.error };
  }
  const mail = parsed.mail;
  const decision = await decide(incidents, mail);
  if (decision.kind !== 'new') {
    await attach(incidents, mailId, decision.incidentId, mail, {
      status: 'threaded',
      audit: mailAudit(mailId),
      actorId: null,
      actorLabel: 'mail',
      extra: { via: decision.kind },
    });
    return { status: 'threaded', incidentId: decision.incidentId, via: decision.kind };
  }
  const note = decision.unknownReference
    ? `The subject quotes ${decision.unknownReference}, which is not an incident of this platform.`
    : null;
  const incident =
    (await createdBefore(incidents, mailId)) ??
    (await createIncident(
      incidents,
      mailActor,
      newIncidentInput(mail, note),
      'email',
      mailAudit(mailId),
    ));
  await attach(incidents, mailId, incident.id, mail, {
    status: 'created',
    audit: mailAudit(mailId),
    actorId: null,
    actorLabel: 'mail',
    extra: { via: 'new' },
  });
  if (deps.acknowledge && mail.from && incident.reporter.email && !mail.automatic) {
    const lang = mail.language && languages.has(mail.language) ? mail.language : 'en';
    await deps
      .acknowledge(incident, incident.reporter.email, lang, mail.messageId)
      .catch((error: unknown) =>
        deps.logger.warn(
          { err: error, incident: incident.reference },
          'the acknowledgement could not be sent',
        ),
      );
  }
  return { status: 'created', incidentId: incident.id };
}

const handledElsewhere = (status: string) =>
  new AppError('conflict', `The message has already been handled (status ${status})`);

/**
 * An analyst turns a message the intake could not handle (unparsed or dismissed) into an
 * incident: the best reading of it, oversized attachments left out and named, the original
 * attached as an .eml file when it fits the attachment limit.
 */
export async function createIncidentFromMail(
  deps: MailIntakeDeps,
  actor: Actor,
  audit: AuditContext,
  mailId: string,
): Promise<Incident> {
  const { incidents } = deps;
  const db = incidents.db.kysely;
  const message = await inbox.getInbound(db, mailId);
  if (!message) throw new AppError('not_found', `No incoming message ${mailId}`);
  if (message.status !== 'unparsed' && message.status !== 'dismissed')
    throw handledElsewhere(message.status);
  const claimed = await db
    .updateTable('mail_messages')
    .set({ status: 'processing', processed_at: isoNow(incidents.clock) })
    .where('id', '=', mailId)
    .where('status', '=', message.status)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw handledElsewhere('changed meanwhile');
  try {
    const raw = (await inbox.inboundRaw(db, mailId))!;
    const limits = parseLimits(incidents.config.attachmentMaxBytes);
    const lenient = await parseMail(raw, limits, 'lenient');
    const mail: InboundMail = lenient.ok
      ? lenient.mail
      : { ...rawSummary(raw), text: '', attachments: [], skipped: [] };
    const original = `original-message.eml`;
    if (raw.length <= incidents.config.attachmentMaxBytes)
      mail.attachments = [
        ...mail.attachments,
        { filename: original, mediaType: 'message/rfc822', content: raw },
      ];
    else
      mail.skipped = [
        ...mail.skipped,
        {
          filename: original,
          reason: 'the whole message is over the attachment limit; it stays in the mailbox',
        },
      ];
    const note = `Created by ${actor.label} from an e-mail the intake could not handle: ${message.error ?? 'dismissed'}.`;
    const incident = await createIncident(
      incidents,
      actor,
      newIncidentInput(mail, note),
      'email',
      audit,
    );
    await attach(incidents, mailId, incident.id, mail, {
      status: 'created',
      audit,
      actorId: actor.userId,
      actorLabel: actor.label,
      extra: { via: 'analyst', error: message.error },
    });
    return incident;
  } catch (error) {
    await db
      .updateTable('mail_messages')
      .set({ status: message.status })
      .where('id', '=', mailId)
      .execute();
    throw error;
  }
}

/** An analyst sets an unparsed message aside (it stays stored and listed as dismissed). */
export async function dismissMail(
  deps: MailIntakeDeps,
  audit: AuditContext,
  mailId: string,
  reason: string,
): Promise<void> {
  const { incidents } = deps;
  await incidents.db.kysely.transaction().execute(async (trx) => {
    const message = await inbox.getInbound(trx, mailId);
    if (!message) throw new AppError('not_found', `No incoming message ${mailId}`);
    if (message.status !== 'unparsed') throw handledElsewhere(message.status);
    const at = isoNow(incidents.clock);
    await trx
      .updateTable('mail_messages')
      .set({
        status: 'dismissed',
        processed_at: at,
        error: reason ? `${message.error ?? ''} — dismissed: ${reason}` : message.error,
      })
      .where('id', '=', mailId)
      .execute();
    await appendAudit(
      trx,
      incidents.db.dialect,
      audit,
      {
        action: 'mail.dismiss',
        entityType: 'mail_message',
        entityId: mailId,
        before: { status: message.status },
        after: { status: 'dismissed', reason },
      },
      incidents.clock,
    );
  });
}
