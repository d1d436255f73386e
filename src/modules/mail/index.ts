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
