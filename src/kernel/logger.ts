import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Paths pino removes from every log line. Secrets must never reach logs: request headers that
 * carry credentials, and any field named like a secret at the first two levels of a log object.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'privateKey',
  'passphrase',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.privateKey',
  '*.passphrase',
  '*.sessionId',
  // Mail server URLs carry the mailbox password.
  'smtpUrl',
  'imapUrl',
  'pgpPassphrase',
  '*.smtpUrl',
  '*.imapUrl',
  '*.pgpPassphrase',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: { service: 'cirtkit' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
