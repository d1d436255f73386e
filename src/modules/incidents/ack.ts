import type { AuditContext } from '../accounts/index.js';
import type { Incident } from './incident.schema.js';
import { deliverIncidentMail, type DeliveredMessage, type MailingDeps } from './notify.service.js';
import { readTeamName } from './settings.js';
import { baseLocale, renderTemplate } from './templates.js';

/**
 * The acknowledgement to whoever reported an incident (public form or e-mail): the reference
 * in the subject and the text, in the reporter's language (English when it is not one of the
 * six), marked `Auto-Submitted: auto-replied` so auto-responders do not answer it, signed when
 * the team has a key. Recorded like every outgoing message (mail_messages, `mail-out` event).
 * `inReplyTo` threads it under the reporter's own message when the report came by e-mail.
 */
export async function sendAcknowledgement(
  deps: MailingDeps,
  incident: Incident,
  to: string,
  lang: string,
  options: { inReplyTo?: string; audit?: AuditContext } = {},
): Promise<DeliveredMessage> {
  const language = baseLocale(lang) ?? 'en';
  const rendered = renderTemplate(deps.templates.acknowledgement, language, {
    reference: incident.reference,
    title: incident.title,
    name: incident.reporter.name ?? '',
    team: (await readTeamName(deps.db.kysely)) ?? deps.mailer.from,
  });
  const [delivered] = await deliverIncidentMail(
    deps,
    incident,
    [
      {
        mail: {
          to: [
            { address: to, ...(incident.reporter.name ? { name: incident.reporter.name } : {}) },
          ],
          subject: rendered.subject,
          text: rendered.text,
          autoSubmitted: 'auto-replied',
          ...(options.inReplyTo
            ? { inReplyTo: options.inReplyTo, references: [options.inReplyTo] }
            : {}),
          pgp: { sign: deps.mailer.canSign, encryptTo: [] },
        },
        event: { purpose: 'acknowledgement', lang: language, text: rendered.text },
      },
    ],
    { actorId: null, actorLabel: 'system' },
    {
      context: options.audit ?? { actorId: null, actorLabel: 'system' },
      action: 'incident.acknowledge',
    },
  );
  return delivered!;
}
