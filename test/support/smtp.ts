import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { SmtpProcessMessage, SmtpProcessOptions } from './smtp-server-process.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** The user name the client authenticated with, if it did (any password is accepted). */
  authUser: string | undefined;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpServerOptions {
  /** Recipients the server refuses with `550` at RCPT TO (case-insensitive). */
  rejectRecipients?: string[];
  /** How long to wait for the process to listen; default 10 s. */
  startTimeoutMs?: number;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** smtp://127.0.0.1:port (plain SMTP, no TLS; any credentials are accepted). */
  url: string;
  /** Every message accepted so far, in arrival order. */
  messages: ReceivedMail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * Starts a real SMTP server (smtp-server) in a child process on 127.0.0.1 and a free port.
 * The child exits when this process does, even if `close()` is never called.
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const processOptions: SmtpProcessOptions = { rejectRecipients: options.rejectRecipients ?? [] };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'smtp-server-process.ts')],
    {
      env: { ...process.env, CIRTKIT_SMTP_OPTIONS: JSON.stringify(processOptions) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  const messages: ReceivedMail[] = [];
  const waiters = new Set<(mail: ReceivedMail) => void>();
  // Parsing is asynchronous: a chain keeps `messages` in arrival order.
  let parsing = Promise.resolve();
  const received = (message: Extract<SmtpProcessMessage, { type: 'mail' }>) => {
    parsing = parsing.then(async () => {
      const raw = Buffer.from(message.raw, 'base64');
      const mail: ReceivedMail = {
        envelopeFrom: message.envelopeFrom,
        envelopeTo: message.envelopeTo,
        authUser: message.authUser,
        raw,
        parsed: await simpleParser(raw),
      };
      messages.push(mail);
      for (const waiter of [...waiters]) waiter(mail);
    });
  };

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the test SMTP server did not start in time')),
        options.startTimeoutMs ?? 10_000,
      );
      child.on('message', (message: SmtpProcessMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.port);
        } else if (message.type === 'mail') received(message);
        else reject(new Error(`test SMTP server: ${message.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the test SMTP server exited (${signal ?? code}) before listening`));
      });
    });
  } catch (error) {
    kill();
    process.removeListener('exit', kill);
    throw error;
  }

  const host = '127.0.0.1';
  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    messages,
    waitFor(predicate = () => true, timeoutMs = 5_000) {
      return new Promise<ReceivedMail>((resolve, reject) => {
        const found = messages.find(predicate);
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no matching mail within ${timeoutMs} ms (${messages.length} received: ` +
                `${messages.map((m) => JSON.stringify(m.parsed.subject ?? '')).join(', ')})`,
            ),
          );
        }, timeoutMs);
        const waiter = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        waiters.add(waiter);
      });
    },
    async close() {
      process.removeListener('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(kill, 3_000);
        if (child.connected) child.disconnect();
        else child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      }
      await parsing;
    },
  };
}
