import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export const dovecotPath = '/usr/sbin/dovecot';

/**
 * Why IMAP tests cannot run here, or undefined when they can. CI sets CIRTKIT_REQUIRE_MAIL=1,
 * which turns a missing dovecot into a failure instead of a skip.
 */
export function imapAvailable(): string | undefined {
  const reason = !existsSync(dovecotPath)
    ? `dovecot not found at ${dovecotPath} (Debian: apt-get install dovecot-imapd)`
    : process.getuid?.() === 0 && !/^dovenull:/m.test(readFileSync('/etc/passwd', 'utf8'))
      ? 'the users dovecot and dovenull are missing (Debian: apt-get install dovecot-core)'
      : undefined;
  if (reason && process.env.CIRTKIT_REQUIRE_MAIL === '1')
    throw new Error(`mail tests required but ${reason}`);
  return reason;
}

export interface ImapMessageSummary {
  uid: number;
  flags: string[];
  subject: string | undefined;
}

export interface TestImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** imap://user:password@127.0.0.1:port/INBOX (plain IMAP, no TLS). */
  url: string;
  /** Stores a message with a real IMAP APPEND (the mailbox is created when missing). */
  deliver(raw: string | Buffer, mailbox?: string, flags?: string[]): Promise<void>;
  /** The mailbox's messages in UID order (flags sorted, without the per-session `\Recent`). */
  list(mailbox?: string): Promise<ImapMessageSummary[]>;
  /** An ImapFlow client for this server, not yet connected. */
  client(): ImapFlow;
  /** Dovecot's log so far (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

const user = 'cirtkit';
const password = 'mail-test-password';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves once the server greets on the port; rejects when `failed` says it never will. */
async function waitForGreeting(
  port: number,
  failed: () => string | undefined,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 50)) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(1_000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    const failure = failed();
    if (failure) throw new Error(failure);
    if (Date.now() > deadline) throw new Error(`dovecot did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * The shell that runs dovecot in a process group of its own: when its standard input closes
 * (`close()` ends it, or the test process exits however it exits) it kills that group, since
 * dovecot's own shutdown takes a second, and once dovecot has stopped it removes the directory.
 */
const supervisor = [
  'exec 3<&0',
  'setsid "$0" -F -c "$1/dovecot.conf" </dev/null 3<&- & pid=$!',
  '{ read -r _ <&3; kill -s KILL -- -"$pid"; } >/dev/null 2>&1 &',
  // Writing to a closed stderr would kill this shell before it cleans up.
  'exec 3<&- 2>/dev/null',
  'wait "$pid"; status=$?',
  'rm -rf "$1"',
  'exit "$status"',
].join('\n');

interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
}

function launch(dir: string): Running {
  const child = spawn('/bin/sh', ['-c', supervisor, dovecotPath, dir], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited };
}

function configure(dir: string, port: number): void {
  const root = process.getuid?.() === 0;
  const me = os.userInfo();
  // As root, dovecot refuses to run its login processes as root and to give a mailbox to
  // UID 0: use the users the Debian package creates, and `nobody` for the mail files.
  const mailUid = root ? 65534 : me.uid;
  const mailGid = root ? 65534 : me.gid;
  const group = root ? 'dovecot' : groupName(me.gid);
  mkdirSync(path.join(dir, 'run'));
  mkdirSync(path.join(dir, 'state'));
  mkdirSync(path.join(dir, 'mail'));
  if (root) {
    chmodSync(dir, 0o755); // the auth process (user dovecot) reads the passwd file
    chownSync(path.join(dir, 'mail'), mailUid, mailGid);
  }
  writeFileSync(
    path.join(dir, 'passwd'),
    `${user}:{PLAIN}${password}:${mailUid}:${mailGid}::${dir}/mail/${user}\n`,
    { mode: 0o644 },
  );
  writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `# A throw-away dovecot for cirtkit's tests; everything lives in ${dir}.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = cirtkit-test-${port}
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${root ? 'dovecot' : me.username}
default_internal_group = ${group}
default_login_user = ${root ? 'dovenull' : me.username}
first_valid_uid = ${Math.min(mailUid, 500)}
first_valid_gid = ${Math.min(mailGid, 1)}
mail_location = maildir:~/Maildir
mail_fsync = never
passdb {
  driver = passwd-file
  args = ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = ${dir}/passwd
}
# Only root can chroot: the services Debian chroots run unconfined here, root or not.
service anvil {
  chroot =
}
service ipc {
  chroot =
}
service old-stats {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

/**
 * Starts a throw-away dovecot IMAP server on 127.0.0.1 and a free port, with one user and a
 * maildir in a temporary directory. Works as root and as an ordinary user.
 */
export async function startImapServer(
  options: { startTimeoutMs?: number } = {},
): Promise<TestImapServer> {
  const reason = imapAvailable();
  if (reason) throw new Error(reason);
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-imap-'));
    const port = await freePort();
    configure(dir, port);
    const logFile = path.join(dir, 'dovecot.log');
    const readLog = () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    };
    const running = launch(dir);
    let stderr = '';
    running.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let exitCode: number | null | undefined;
    void running.exited.then((code) => (exitCode = code));
    try {
      await waitForGreeting(
        port,
        () =>
          exitCode === undefined
            ? undefined
            : `dovecot exited (${exitCode}) before answering: ${stderr.trim() || readLog()}`,
        options.startTimeoutMs ?? 10_000,
      );
    } catch (error) {
      running.child.stdin?.end();
      await running.exited;
      rmSync(dir, { recursive: true, force: true });
      // Another process may have taken the port between choosing and binding it.
      if (attempt < 3 && /Address already in use/.test(String(error))) continue;
      throw error;
    }
    return server(dir, port, running, readLog);
  }
}

function server(
  dir: string,
  port: number,
  running: Running,
  readLog: () => string,
): TestImapServer {
  const host = '127.0.0.1';
  const client = () =>
    new ImapFlow({
      host,
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
    });
  const withClient = async <T>(work: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = client();
    imap.on('error', () => undefined); // the failing command rejects with it
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout().catch(() => imap.close());
    }
  };
  return {
    host,
    port,
    user,
    password,
    url: `imap://${user}:${password}@${host}:${port}/INBOX`,
    client,
    log: readLog,
    deliver: (raw, mailbox = 'INBOX', flags = []) =>
      withClient(async (imap) => {
        if (mailbox !== 'INBOX') {
          const existing = await imap.list();
          if (!existing.some((box) => box.path === mailbox)) await imap.mailboxCreate(mailbox);
        }
        const appended = await imap.append(mailbox, raw, flags);
        if (!appended) throw new Error(`IMAP APPEND to ${mailbox} failed`);
      }),
    list: (mailbox = 'INBOX') =>
      withClient(async (imap) => {
        const lock = await imap.getMailboxLock(mailbox);
        try {
          const box = imap.mailbox;
          if (!box || box.exists === 0) return [];
          const messages = await imap.fetchAll('1:*', { uid: true, flags: true, envelope: true });
          return messages
            .map((m) => ({
              uid: m.uid,
              flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
              subject: m.envelope?.subject,
            }))
            .sort((a, b) => a.uid - b.uid);
        } finally {
          lock.release();
        }
      }),
    async close() {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.stdin?.end();
        const timer = setTimeout(() => running.child.kill('SIGKILL'), 5_000);
        await running.exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
