/**
 * Mail: outgoing messages over SMTP (plain or PGP/MIME) and their record; the intake mailbox
 * adds its own exports below.
 */
export {
  createMailer,
  mailNotConfigured,
  type Mailer,
  type OutgoingMail,
  type SentMail,
} from './mailer.js';
export { composeMessage, bodyEntity, headerSafe, type Address } from './pgp-mail.js';
export { recordOutgoing, findOutgoingRaw, type OutgoingRecord } from './outbox.store.js';
// The intake mailbox (IMAP): parsing with limits, the stored inbox and the poller.
export {
  parseMail,
  parseLimits,
  rawSummary,
  type ParseLimits,
  type ParseOutcome,
  type InboundMail,
  type InboundAttachment,
  type MailSummary,
} from './parse.js';
export { mimeProblem, knownCharset } from './parse-mime.js';
export * as inbox from './inbox.store.js';
export { inboundStatuses, type InboundStatus, type InboundMessage } from './inbox.store.js';
export { createImapPoller, imapTarget, type ImapPoller, type PollReport } from './imap-poller.js';
export { mailRoutes, type MailRoutesDeps } from './mail.routes.js';
