import type { FastifyInstance } from 'fastify';
import { runWithServer, type Logger } from '../../kernel/index.js';
import { auditContext } from '../accounts/index.js';
import { createImapPoller, mailRoutes, type ImapPoller, type Mailer } from '../mail/index.js';
import { sendAcknowledgement } from './ack.js';
import type { IncidentsDeps } from './deps.js';
import { actorOf } from './http.js';
import { mailingDeps } from './notify.service.js';
import {
  createIncidentFromMail,
  dismissMail,
  intakeMail,
  type MailIntakeDeps,
} from './intake-mail.js';

/**
 * Mounts the mail intake: the `/api/mail` routes, and, when CIRTKIT_IMAP_URL is set, the poller,
 * started once the server is ready and stopped when it closes. Answers the poller (or undefined).
 */
export function mailIntake(
  app: FastifyInstance,
  options: {
    incidents: IncidentsDeps;
    logger: Logger;
    /** Outgoing mail, for the acknowledgement of a new report (when it is enabled). */
    mailer?: Mailer;
  },
): ImapPoller | undefined {
  const { incidents, mailer } = options;
  const mailing = mailer?.enabled ? mailingDeps(incidents, mailer, options.logger) : undefined;
  const intake: MailIntakeDeps = {
    incidents,
    logger: options.logger,
    acknowledge: mailing
      ? async (incident, to, lang, inReplyTo) => {
          await sendAcknowledgement(mailing, incident, to, lang, {
            ...(inReplyTo ? { inReplyTo } : {}),
            audit: { actorId: null, actorLabel: 'mail' },
          });
        }
      : undefined,
  };
  const { imapUrl, imapPollSeconds } = incidents.config.mail;
  const poller = imapUrl
    ? createImapPoller({
        url: imapUrl,
        pollSeconds: imapPollSeconds,
        db: incidents.db,
        clock: incidents.clock,
        logger: options.logger,
        handle: async (id) => {
          await intakeMail(intake, id);
        },
      })
    : undefined;
  mailRoutes(app, {
    db: incidents.db,
    clock: incidents.clock,
    poller,
    async createIncident(request, mailId) {
      const incident = await createIncidentFromMail(
        intake,
        actorOf(request),
        auditContext(request),
        mailId,
      );
      return { id: incident.id, reference: incident.reference };
    },
    dismiss: (request, mailId, reason) =>
      dismissMail(intake, auditContext(request), mailId, reason),
  });
  if (poller) runWithServer(app, poller);
  return poller;
}
