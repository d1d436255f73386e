import { readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import * as openpgp from 'openpgp';
import { AppError, type Config, type Logger } from '../../kernel/index.js';
import { composeMessage, type Address, type MailFile } from './pgp-mail.js';

/** One message to send; the mailer adds From, Date and Message-ID. */
export interface OutgoingMail {
  to: Address[];
  /**
   * The display name in From (the team's name), before the address CIRTKIT_MAIL_FROM;
   * encoded as an RFC 2047 word when it is not ASCII. Without it From is the address alone.
   */
  fromName?: string;
  subject: string;
  text: string;
  html?: string;
  /** Files after the text; inside the signature and the encryption when PGP is asked. */
  attachments?: MailFile[];
  inReplyTo?: string;
  references?: string[];
  autoSubmitted?: 'auto-generated' | 'auto-replied';
  /** Sign with the team key and/or encrypt to these armoured public keys. */
  pgp?: { sign: boolean; encryptTo: string[] };
  date?: Date;
}

export interface SentMail {
  /** With angle brackets, as in the Message-ID header. */
  messageId: string;
  /** The message exactly as it was handed to the SMTP server. */
  raw: Buffer;
  from: string;
  to: string[];
}

export interface Mailer {
  /** False without CIRTKIT_SMTP_URL: sending is refused with a clear message. */
  readonly enabled: boolean;
  readonly from: string;
  /** True when a team key is configured (CIRTKIT_PGP_KEY_FILE). */
  readonly canSign: boolean;
  /** Builds the message (PGP/MIME when asked) without sending it. */
  compose(mail: OutgoingMail): Promise<{ messageId: string; raw: Buffer }>;
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export function mailNotConfigured(): AppError {
  return new AppError(
    'not_ready',
    'Outgoing mail is not configured: an administrator sets CIRTKIT_SMTP_URL (and CIRTKIT_MAIL_FROM)',
  );
}

/**
 * The platform's one way out for e-mail: nodemailer over SMTP (CIRTKIT_SMTP_URL), from
 * CIRTKIT_MAIL_FROM, signing with the team key (CIRTKIT_PGP_KEY_FILE, unlocked with
 * CIRTKIT_PGP_PASSPHRASE) when asked. The key file is read at the first signature; a key that
 * cannot be read or unlocked is a `validation_failed` on `pgp` naming the setting at fault.
 */
export function createMailer(mail: Config['mail'], logger: Logger): Mailer {
  const transport = mail.smtpUrl
    ? nodemailer.createTransport({
        url: mail.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as Parameters<typeof nodemailer.createTransport>[0])
    : undefined;
  let teamKey: Promise<openpgp.PrivateKey> | undefined;

  const refuse = (message: string, cause?: unknown) =>
    new AppError('validation_failed', `The team key cannot sign: ${message}`, {
      issues: [{ field: 'pgp', message }],
      ...(cause === undefined ? {} : { cause }),
    });

  async function loadTeamKey(): Promise<openpgp.PrivateKey> {
    if (!mail.pgpKeyFile)
      throw refuse('no team key is configured (an administrator sets CIRTKIT_PGP_KEY_FILE)');
    let armored: string;
    try {
      armored = await readFile(mail.pgpKeyFile, 'utf8');
    } catch (error) {
      throw refuse(`CIRTKIT_PGP_KEY_FILE ${mail.pgpKeyFile} cannot be read`, error);
    }
    let key: openpgp.PrivateKey;
    try {
      key = await openpgp.readPrivateKey({ armoredKey: armored });
    } catch (error) {
      throw refuse('CIRTKIT_PGP_KEY_FILE does not hold an OpenPGP private key', error);
    }
    if (key.isDecrypted()) return key;
    try {
      return await openpgp.decryptKey({ privateKey: key, passphrase: mail.pgpPassphrase ?? '' });
    } catch (error) {
      throw refuse('CIRTKIT_PGP_PASSPHRASE does not unlock the team key', error);
    }
  }
  const signingKey = () => {
    teamKey ??= loadTeamKey();
    // A failure is not cached: the administrator may fix the file without a restart.
    return teamKey.catch((error: unknown) => {
      teamKey = undefined;
      throw error;
    });
  };

  async function compose(message: OutgoingMail) {
    const sign = message.pgp?.sign ?? false;
    const keys = [];
    for (const [index, armoredKey] of (message.pgp?.encryptTo ?? []).entries()) {
      try {
        keys.push(await openpgp.readKey({ armoredKey }));
      } catch (error) {
        throw new AppError('validation_failed', 'A recipient key cannot be read', {
          issues: [{ field: `pgp.encryptTo.${index}`, message: 'is not a readable public key' }],
          cause: error,
        });
      }
    }
    const team = sign || (keys.length > 0 && mail.pgpKeyFile) ? await signingKey() : undefined;
    // Encrypted mail is also encrypted to the team's own key, so its sent copy stays readable.
    if (keys.length > 0 && team) keys.push(team.toPublic());
    return composeMessage(
      {
        from: { address: mail.from, ...(message.fromName ? { name: message.fromName } : {}) },
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
        ...(message.attachments?.length ? { attachments: message.attachments } : {}),
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
        ...(message.references ? { references: message.references } : {}),
        ...(message.autoSubmitted ? { autoSubmitted: message.autoSubmitted } : {}),
        date: message.date ?? new Date(),
      },
      {
        ...(sign && team ? { signingKey: team } : {}),
        ...(keys.length > 0 ? { encryptionKeys: keys } : {}),
      },
    );
  }

  return {
    enabled: transport !== undefined,
    from: mail.from,
    canSign: mail.pgpKeyFile !== undefined,
    compose,
    async send(message) {
      if (!transport) throw mailNotConfigured();
      const { messageId, raw } = await compose(message);
      const to = message.to.map((a) => a.address);
      await transport.sendMail({ envelope: { from: mail.from, to }, raw });
      logger.info({ messageId, recipients: to.length }, 'mail sent');
      return { messageId, raw, from: mail.from, to };
    },
    close() {
      transport?.close();
    },
  };
}
