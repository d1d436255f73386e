// A real SMTP server in its own process for the mail tests: started by test/support/smtp.ts with
// `node --import tsx`, it reports its port and every message it accepts over the IPC channel and
// exits when that channel closes (so it never outlives the test process).
import { SMTPServer } from 'smtp-server';

export interface SmtpProcessOptions {
  /** Recipient addresses (compared case-insensitively) answered with 550. */
  rejectRecipients?: string[];
}

export type SmtpProcessMessage =
  | { type: 'ready'; port: number }
  | {
      type: 'mail';
      envelopeFrom: string;
      envelopeTo: string[];
      authUser: string | undefined;
      raw: string; // base64
    }
  | { type: 'error'; message: string };

const send = (message: SmtpProcessMessage) => process.send?.(message);

const options = JSON.parse(process.env.CIRTKIT_SMTP_OPTIONS ?? '{}') as SmtpProcessOptions;
const rejected = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));

const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  logger: false,
  disableReverseLookup: true, // no DNS query for 127.0.0.1 on each connection
  banner: 'cirtkit test SMTP server',
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? 'anonymous' });
  },
  onRcptTo(address, _session, callback) {
    if (rejected.has(address.address.toLowerCase())) {
      const error = new Error(`<${address.address}>: recipient rejected`) as Error & {
        responseCode: number;
      };
      error.responseCode = 550;
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      const from = session.envelope.mailFrom;
      send({
        type: 'mail',
        envelopeFrom: from ? from.address : '',
        envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        authUser: typeof session.user === 'string' ? session.user : undefined,
        raw: Buffer.concat(chunks).toString('base64'),
      });
      callback();
    });
  },
});

server.on('error', (error) => send({ type: 'error', message: error.message }));
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  send({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});

const stop = () => server.close(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
