import MimeNode from 'nodemailer/lib/mime-node';
import * as openpgp from 'openpgp';
import { AppError, newId } from '../../kernel/index.js';

/**
 * Composes outgoing messages as MIME, optionally as PGP/MIME (RFC 3156): signed
 * (`multipart/signed`, a detached signature over the body part exactly as sent), encrypted
 * (`multipart/encrypted`), or both (one OpenPGP message that is signed and then encrypted,
 * RFC 3156 section 6.2); attached files are inside what is signed and encrypted. Headers stay in clear: the subject carries the incident reference so
 * replies thread back. Nothing here talks to a network or keeps a key.
 */
export interface Address {
  address: string;
  name?: string;
}

export interface MessageContent {
  from: Address;
  to: Address[];
  subject: string;
  text: string;
  /** An HTML alternative of the same text (already escaped by whoever rendered it). */
  html?: string;
  /** Files after the text (`multipart/mixed`); signed and encrypted with it under PGP/MIME. */
  attachments?: MailFile[];
  /** `<id@host>` of the message this one answers. */
  inReplyTo?: string;
  references?: string[];
  /** RFC 3834: `auto-replied` for acknowledgements, so auto-responders do not answer them. */
  autoSubmitted?: 'auto-generated' | 'auto-replied';
  date: Date;
  /** Without the angle brackets; generated from the sender's domain when absent. */
  messageId?: string;
}

/** An attached file: sent base64-encoded, byte for byte. */
export interface MailFile {
  filename: string;
  /** A media type, parameters allowed: `text/csv; charset=utf-8`. */
  contentType: string;
  content: Buffer | string;
}

export interface PgpParts {
  /** The team's unlocked private key; signs when given. */
  signingKey?: openpgp.PrivateKey;
  /** Encrypts to these keys when any are given (the recipients', plus the team's own). */
  encryptionKeys?: openpgp.Key[];
}

export interface ComposedMessage {
  /** With angle brackets, as it appears in the Message-ID header. */
  messageId: string;
  raw: Buffer;
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Removes line breaks and other control characters a header value must never carry. */
export function headerSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function addFiles(node: MimeNode, files: readonly MailFile[]): void {
  for (const file of files)
    node
      .createChild(file.contentType, { filename: headerSafe(file.filename) })
      .setHeader('Content-Disposition', 'attachment')
      .setHeader('Content-Transfer-Encoding', 'base64')
      .setContent(typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
}

function addBody(node: MimeNode, text: string, html?: string, files?: MailFile[]): MimeNode {
  if (files?.length) {
    const mixed = node.createChild('multipart/mixed');
    addBody(mixed, text, html);
    addFiles(mixed, files);
    return mixed;
  }
  // Quoted-printable keeps trailing spaces and long lines intact through relays, which a
  // signature over the exact bytes needs (RFC 3156 section 3).
  const fill = (part: MimeNode, content: string) =>
    part.setHeader('Content-Transfer-Encoding', 'quoted-printable').setContent(crlf(content));
  if (html === undefined) return fill(node.createChild('text/plain; charset=utf-8'), text);
  const alternative = node.createChild('multipart/alternative');
  fill(alternative.createChild('text/plain; charset=utf-8'), text);
  fill(alternative.createChild('text/html; charset=utf-8'), html);
  return alternative;
}

/** The body entity (headers and content) that is signed and/or encrypted, CRLF line ends. */
export async function bodyEntity(text: string, html?: string, files?: MailFile[]): Promise<Buffer> {
  // A child node is built without the message headers (Date, Message-ID) a root node gets.
  return addBody(new MimeNode('multipart/mixed'), text, html, files).build();
}

async function micalgOf(armoredSignature: string): Promise<string> {
  const signature = await openpgp.readSignature({ armoredSignature });
  const packet = signature.packets[0];
  const hashes = openpgp.enums.hash as unknown as Record<string, number>;
  const name = Object.keys(hashes).find((key) => hashes[key] === packet?.hashAlgorithm);
  return `pgp-${(name ?? 'sha256').toLowerCase()}`;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? address.slice(at + 1) : 'localhost';
}

/**
 * Builds the whole message. With `pgp.signingKey` the body is signed, with
 * `pgp.encryptionKeys` it is encrypted, with both it is signed then encrypted.
 */
export async function composeMessage(
  content: MessageContent,
  pgp: PgpParts = {},
): Promise<ComposedMessage> {
  const entity = await bodyEntity(content.text, content.html, content.attachments);
  const encrypt = (pgp.encryptionKeys?.length ?? 0) > 0;
  const messageId = `<${content.messageId ?? `${newId()}@${domainOf(content.from.address)}`}>`;

  let root: MimeNode;
  if (encrypt) {
    let armored: string;
    try {
      armored = (await openpgp.encrypt({
        message: await openpgp.createMessage({ binary: entity }),
        encryptionKeys: pgp.encryptionKeys!,
        ...(pgp.signingKey ? { signingKeys: pgp.signingKey } : {}),
        date: content.date,
        format: 'armored',
      })) as string;
    } catch (error) {
      throw new AppError('validation_failed', 'The message could not be encrypted', {
        issues: [
          {
            field: 'pgp',
            message: `encryption failed: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
        cause: error,
      });
    }
    root = new MimeNode('multipart/encrypted; protocol="application/pgp-encrypted"');
    root
      .createChild('application/pgp-encrypted')
      .setHeader('Content-Description', 'PGP/MIME version identification')
      .setHeader('Content-Transfer-Encoding', '7bit')
      .setContent('Version: 1\r\n');
    root
      .createChild('application/octet-stream; name="encrypted.asc"')
      .setHeader('Content-Description', 'OpenPGP encrypted message')
      .setHeader('Content-Disposition', 'inline; filename="encrypted.asc"')
      .setHeader('Content-Transfer-Encoding', '7bit')
      .setContent(crlf(armored));
  } else if (pgp.signingKey) {
    const signature = (await openpgp.sign({
      message: await openpgp.createMessage({ binary: entity }),
      signingKeys: pgp.signingKey,
      detached: true,
      date: content.date,
      format: 'armored',
    })) as string;
    const micalg = await micalgOf(signature);
    root = new MimeNode(`multipart/signed; micalg=${micalg}; protocol="application/pgp-signature"`);
    // The signed part goes out byte for byte as it was signed.
    const signed = new MimeNode('text/plain');
    signed.setRaw(entity);
    root.appendChild(signed);
    root
      .createChild('application/pgp-signature; name="signature.asc"')
      .setHeader('Content-Description', 'OpenPGP digital signature')
      .setHeader('Content-Disposition', 'attachment; filename="signature.asc"')
      .setHeader('Content-Transfer-Encoding', '7bit')
      .setContent(crlf(signature));
  } else if (content.attachments?.length) {
    root = new MimeNode('multipart/mixed');
    addBody(root, content.text, content.html);
    addFiles(root, content.attachments);
  } else if (content.html === undefined) {
    root = new MimeNode('text/plain; charset=utf-8')
      .setHeader('Content-Transfer-Encoding', 'quoted-printable')
      .setContent(crlf(content.text));
  } else {
    root = new MimeNode('multipart/alternative');
    for (const [type, value] of [
      ['text/plain', content.text],
      ['text/html', content.html],
    ] as const)
      root
        .createChild(`${type}; charset=utf-8`)
        .setHeader('Content-Transfer-Encoding', 'quoted-printable')
        .setContent(crlf(value));
  }

  const address = (a: Address) => ({ name: headerSafe(a.name ?? ''), address: a.address });
  root.setHeader('From', [address(content.from)]);
  root.setHeader('To', content.to.map(address));
  root.setHeader('Subject', headerSafe(content.subject));
  root.setHeader('Date', content.date.toUTCString().replace(/GMT/, '+0000'));
  root.setHeader('Message-ID', messageId);
  root.setHeader('MIME-Version', '1.0');
  if (content.inReplyTo) root.setHeader('In-Reply-To', content.inReplyTo);
  if (content.references?.length) root.setHeader('References', content.references.join(' '));
  if (content.autoSubmitted) root.setHeader('Auto-Submitted', content.autoSubmitted);
  return { messageId, raw: await root.build() };
}
