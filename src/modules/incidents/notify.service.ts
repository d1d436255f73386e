import { z } from 'zod';
import { AppError, isoNow, type Logger } from '../../kernel/index.js';
import { appendAudit, localeSchema, type AuditContext, type Locale } from '../accounts/index.js';
import { getOrganisation } from '../constituents/index.js';
import { recordOutgoing, type Mailer, type OutgoingMail, type SentMail } from '../mail/index.js';
import type { Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import type { Incident } from './incident.schema.js';
import { mayNotify, pgpFor, tlpLabel, type NotifyRefusal } from './notify.js';
import { notificationAttachment, type MailAttachment } from './notify-attachment.js';
import { getIncidentFor } from './service.js';
import { readTeamName } from './settings.js';
import {
  chooseLanguage,
  loadMailTemplates,
  renderTemplate,
  type MailTemplates,
} from './templates.js';
import { appendEvent } from './timeline.js';

/** The incidents module's dependencies plus outgoing mail and the templates. */
export interface MailingDeps extends IncidentsDeps {
  mailer: Mailer;
  templates: MailTemplates;
  logger?: Logger;
}

export function mailingDeps(
  incidents: IncidentsDeps,
  mailer: Mailer,
  logger?: Logger,
): MailingDeps {
  return {
    ...incidents,
    mailer,
    templates: loadMailTemplates(incidents.config.incidentsDataDir),
    ...(logger ? { logger } : {}),
  };
}

const id = z.string().min(1).max(100);

export const notificationRequestSchema = z.strictObject({
  /** Contacts of constituent organisations (all primary contacts when none are named) and/or addresses. */
  recipients: z
    .array(
      z.union([
        z.strictObject({ orgId: id, contactIds: z.array(id).min(1).max(50).optional() }),
        z.strictObject({
          email: z.email('must be an e-mail address').max(320),
          name: z.string().trim().max(200).optional(),
          language: localeSchema.optional(),
        }),
      ]),
    )
    .min(1, 'name at least one recipient')
    .max(100),
  /** The analyst's words, put into the template. */
  message: z.string().trim().max(20_000).default(''),
  /** List the incident's observables (for an organisation: those that matched it). */
  includeObservables: z.boolean().default(true),
});
export type NotificationRequest = z.infer<typeof notificationRequestSchema>;

export interface PlannedMessage {
  /** Which entry of `recipients` it came from. */
  recipient: number;
  to: {
    email: string;
    name: string | null;
    orgId: string | null;
    orgName: string | null;
    contactId: string | null;
  };
  lang: Locale;
  subject: string;
  text: string;
  html: string | null;
  /** The `.csv` or `.json` of the observables, for organisations that asked for that format. */
  attachment: MailAttachment | null;
  pgp: { sign: boolean; encrypt: boolean };
  /** Why this message may not go, or null. */
  refusal: {
    rule: NotifyRefusal | 'pgp_no_key' | 'pgp_no_team_key' | 'channel';
    message: string;
  } | null;
  /** The contact's armoured key when the message is encrypted (not returned by the API). */
  encryptTo: string | null;
}

async function affectedOrgs(deps: IncidentsDeps, incidentId: string) {
  const rows = await deps.db.kysely
    .selectFrom('incident_constituents')
    .select(['org_id', 'matched'])
    .where('incident_id', '=', incidentId)
    .where('origin', '!=', 'dismissed')
    .execute();
  return new Map(
    rows.map((r) => [
      r.org_id,
      (JSON.parse(r.matched) as { observable: string }[]).map((m) => m.observable),
    ]),
  );
}

async function observablesOf(deps: IncidentsDeps, incidentId: string) {
  return deps.db.kysely
    .selectFrom('incident_observables')
    .select(['kind', 'value', 'created_at as firstSeen'])
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('value')
    .execute();
}

/**
 * One message per recipient, rendered in the recipient's language, with the TLP and PGP
 * decisions. Nothing is sent or written.
 */
export async function planNotification(
  deps: MailingDeps,
  incident: Incident,
  request: NotificationRequest,
): Promise<PlannedMessage[]> {
  const affected = await affectedOrgs(deps, incident.id);
  const observables = request.includeObservables ? await observablesOf(deps, incident.id) : [];
  const chosen = (only: string[] | null) =>
    only && only.length > 0 ? observables.filter((o) => only.includes(o.value)) : observables;
  const listObservables = (only: string[] | null) =>
    chosen(only)
      .map((o) => `- ${o.kind}: ${o.value}`)
      .join('\n');
  const common = {
    reference: incident.reference,
    title: incident.title,
    tlp: tlpLabel(incident.tlp),
    message: request.message,
    team: (await readTeamName(deps.db.kysely)) ?? deps.mailer.from,
  };
  const planned: PlannedMessage[] = [];
  for (const [index, recipient] of request.recipients.entries()) {
    if ('email' in recipient) {
      const lang = recipient.language ?? 'en';
      const rendered = renderTemplate(deps.templates.notification, lang, {
        ...common,
        orgName: recipient.name ?? recipient.email,
        contactName: recipient.name ?? recipient.email,
        observables: listObservables(null),
      });
      const decision = mayNotify(incident.tlp, { kind: 'address' });
      planned.push({
        recipient: index,
        to: {
          email: recipient.email.toLowerCase(),
          name: recipient.name ?? null,
          orgId: null,
          orgName: null,
          contactId: null,
        },
        lang,
        subject: rendered.subject,
        text: rendered.text,
        html: null,
        attachment: null,
        pgp: { sign: deps.mailer.canSign, encrypt: false },
        refusal: decision.allowed ? null : { rule: decision.rule, message: decision.message },
        encryptTo: null,
      });
      continue;
    }
    const org = await getOrganisation(deps.constituents, recipient.orgId);
    if (!org)
      throw new AppError('validation_failed', 'A recipient is not known', {
        issues: [
          { field: `recipients.${index}.orgId`, message: `no organisation ${recipient.orgId}` },
        ],
      });
    let contacts: typeof org.contacts;
    if (recipient.contactIds) {
      const unknown = recipient.contactIds.filter((c) => !org.contacts.some((k) => k.id === c));
      if (unknown.length > 0)
        throw new AppError('validation_failed', 'A recipient is not known', {
          issues: [
            {
              field: `recipients.${index}.contactIds`,
              message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a contact' : 'are not contacts'} of ${org.name}`,
            },
          ],
        });
      contacts = org.contacts.filter((k) => recipient.contactIds!.includes(k.id));
    } else {
      const primary = org.contacts.filter((k) => k.isPrimary);
      contacts = primary.length > 0 ? primary : org.contacts;
    }
    if (contacts.length === 0)
      throw new AppError('validation_failed', 'A recipient has no one to write to', {
        issues: [
          {
            field: `recipients.${index}.orgId`,
            message: `${org.name} has no contact: add one before notifying it`,
          },
        ],
      });
    const matched = affected.get(org.id);
    for (const contact of contacts) {
      const lang = chooseLanguage(contact.languages, org.language);
      const rendered = renderTemplate(deps.templates.notification, lang, {
        ...common,
        orgName: org.name,
        contactName: contact.name,
        observables: listObservables(matched ?? null),
      });
      const tlp = mayNotify(incident.tlp, { kind: 'contact', affected: matched !== undefined });
      const pgp = pgpFor(org.notifyPgp, contact.pgpKey !== null, deps.mailer.canSign);
      const refusal: PlannedMessage['refusal'] = !tlp.allowed
        ? { rule: tlp.rule, message: tlp.message }
        : org.notifyChannel !== 'email'
          ? {
              rule: 'channel',
              message: `${org.name} asks to be notified by ${org.notifyChannel === 'phone' ? 'phone' : 'no channel at all'}, not by e-mail`,
            }
          : !pgp.ok
            ? { rule: pgp.rule, message: pgp.message }
            : null;
      planned.push({
        recipient: index,
        to: {
          email: contact.email.toLowerCase(),
          name: contact.name,
          orgId: org.id,
          orgName: org.name,
          contactId: contact.id,
        },
        lang,
        subject: rendered.subject,
        text: rendered.text,
        html: org.notifyFormat === 'html' ? rendered.html : null,
        attachment: notificationAttachment(org.notifyFormat, incident, chosen(matched ?? null)),
        pgp: pgp.ok ? { sign: pgp.sign, encrypt: pgp.encrypt } : { sign: false, encrypt: false },
        refusal,
        encryptTo: pgp.ok && pgp.encrypt ? contact.pgpKey : null,
      });
    }
  }
  return planned;
}

/** What the API shows of a planned message (never the key). */
export function presentPlanned({ encryptTo: _key, ...message }: PlannedMessage) {
  return { ...message, allowed: message.refusal === null };
}

export interface DeliveredMessage {
  mailId: string;
  to: string[];
  subject: string;
  status: 'sent' | 'failed';
  messageId: string | null;
  error: string | null;
}

/**
 * Sends messages about one incident and records each one, sent or failed: raw bytes in
 * `mail_messages`, a `mail-out` timeline event, and one audit row, in one transaction after
 * the SMTP conversations (a database transaction is never held open across the network).
 */
export async function deliverIncidentMail(
  deps: MailingDeps,
  incident: Incident,
  messages: { mail: OutgoingMail; event: Record<string, unknown> }[],
  by: { actorId: string | null; actorLabel: string },
  audit: { context: AuditContext; action: 'incident.notify' | 'incident.acknowledge' },
): Promise<DeliveredMessage[]> {
  if (!deps.mailer.enabled) throw mailNotConfiguredFor(audit.action);
  // The team's name from the settings is the display name of From, unless a message has its own.
  const teamName = await readTeamName(deps.db.kysely);
  const outcomes: {
    message: (typeof messages)[number];
    to: string[];
    sent: SentMail | null;
    error: string | null;
  }[] = [];
  for (const message of messages) {
    const date = deps.clock.now();
    const to = message.mail.to.map((a) => a.address);
    try {
      const sent = await deps.mailer.send({
        ...(teamName ? { fromName: teamName } : {}),
        ...message.mail,
        date,
      });
      outcomes.push({ message, to, sent, error: null });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') throw error;
      const text = error instanceof Error ? error.message : String(error);
      deps.logger?.warn({ err: error, to: to.length }, 'mail not sent');
      outcomes.push({ message, to, sent: null, error: text.slice(0, 500) });
    }
  }
  const at = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const delivered: DeliveredMessage[] = [];
    for (const outcome of outcomes) {
      const status = outcome.sent ? 'sent' : 'failed';
      const record = await recordOutgoing(trx, {
        incidentId: incident.id,
        status,
        messageId: outcome.sent?.messageId ?? null,
        ...(outcome.message.mail.inReplyTo ? { inReplyTo: outcome.message.mail.inReplyTo } : {}),
        ...(outcome.message.mail.references ? { references: outcome.message.mail.references } : {}),
        subject: outcome.message.mail.subject,
        from: deps.mailer.from,
        to: outcome.to,
        raw: outcome.sent?.raw ?? Buffer.alloc(0),
        error: outcome.error,
        at,
      });
      await appendEvent(trx, incident.id, {
        ...by,
        at,
        kind: 'mail-out',
        body: {
          ...outcome.message.event,
          mailId: record.id,
          status,
          messageId: record.messageId,
          to: outcome.to,
          subject: record.subject,
          ...(outcome.error ? { error: outcome.error } : {}),
        },
      });
      delivered.push({
        mailId: record.id,
        to: outcome.to,
        subject: record.subject,
        status,
        messageId: record.messageId,
        error: outcome.error,
      });
    }
    await appendAudit(
      trx,
      deps.db.dialect,
      audit.context,
      {
        action: audit.action,
        entityType: 'incident',
        entityId: incident.id,
        after: {
          reference: incident.reference,
          messages: delivered.map((d) => ({ to: d.to, status: d.status, messageId: d.messageId })),
        },
      },
      deps.clock,
    );
    return delivered;
  });
}

function mailNotConfiguredFor(action: string): AppError {
  return new AppError(
    'not_ready',
    `Outgoing mail is not configured, so nothing was sent (${action === 'incident.notify' ? 'notification' : 'acknowledgement'}): an administrator sets CIRTKIT_SMTP_URL and CIRTKIT_MAIL_FROM`,
  );
}

/** Preview: every message as it would go, with what would be refused and why. */
export async function previewNotification(
  deps: MailingDeps,
  actor: Actor,
  incidentId: string,
  request: NotificationRequest,
) {
  const incident = await getIncidentFor(deps, actor, incidentId);
  const planned = await planNotification(deps, incident, request);
  return {
    incident: { id: incident.id, reference: incident.reference, tlp: incident.tlp },
    mailEnabled: deps.mailer.enabled,
    canSend: deps.mailer.enabled && planned.every((m) => m.refusal === null),
    messages: planned.map(presentPlanned),
  };
}

/**
 * Sends the notification. Refused whole, naming each recipient at fault, when any message may
 * not go (TLP, channel, PGP); nothing is sent then.
 */
export async function sendNotification(
  deps: MailingDeps,
  actor: Actor,
  incidentId: string,
  request: NotificationRequest,
  audit: AuditContext,
) {
  const incident = await getIncidentFor(deps, actor, incidentId);
  if (!deps.mailer.enabled) throw mailNotConfiguredFor('incident.notify');
  const planned = await planNotification(deps, incident, request);
  const refused = planned.filter((m) => m.refusal !== null);
  if (refused.length > 0)
    throw new AppError(
      'validation_failed',
      `${refused.length} of ${planned.length} messages may not be sent; nothing was sent`,
      {
        issues: refused.map((m) => ({
          field: `recipients.${m.recipient}`,
          message: `${m.to.email}: ${m.refusal!.message}`,
        })),
        details: {
          refusals: refused.map((m) => ({
            recipient: m.recipient,
            email: m.to.email,
            rule: m.refusal!.rule,
          })),
        },
      },
    );
  const delivered = await deliverIncidentMail(
    deps,
    incident,
    planned.map((m) => ({
      mail: {
        to: [{ address: m.to.email, ...(m.to.name ? { name: m.to.name } : {}) }],
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        ...(m.attachment ? { attachments: [m.attachment] } : {}),
        pgp: { sign: m.pgp.sign, encryptTo: m.encryptTo ? [m.encryptTo] : [] },
      },
      event: {
        purpose: 'notification',
        orgId: m.to.orgId,
        orgName: m.to.orgName,
        contactId: m.to.contactId,
        lang: m.lang,
        pgp: m.pgp,
        tlp: incident.tlp,
        text: m.text,
        ...(m.attachment ? { attachment: m.attachment.filename } : {}),
      },
    })),
    { actorId: actor.userId, actorLabel: actor.label },
    { context: audit, action: 'incident.notify' },
  );
  if (delivered.every((d) => d.status === 'failed'))
    throw new AppError(
      'not_ready',
      `The mail server did not take the notification: ${delivered[0]?.error ?? 'unknown error'}`,
      { status: 502, details: { messages: delivered } },
    );
  return { messages: delivered };
}
