/**
 * The intake mailbox poller: reads new messages over IMAP (imapflow) by UID, stores each one raw
 * in the same transaction that moves the mailbox position past its UID, only then marks it
 * \Seen, then hands it to the intake. A restart neither loses nor repeats a message; a new
 * UIDVALIDITY makes it read the mailbox again (copies already received are recognised).
 */
import { ImapFlow } from 'imapflow';
import { AppError, isoNow, repeating, type Clock, type Logger } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import {
  advanceMailbox,
  claimInbound,
  getMailbox,
  insertInbound,
  pendingInbound,
  recordPoll,
  resetMailbox,
  setOutcome,
} from './inbox.store.js';
import { rawSummary } from './parse.js';

export interface ImapTarget {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  path: string;
  /** How positions and messages are keyed: `user@host:port/path` (no password). */
  key: string;
}

/** Reads `imap[s]://user:password@host[:port]/Mailbox` (user and password URL-encoded). */
export function imapTarget(url: string): ImapTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('config_invalid', 'CIRTKIT_IMAP_URL is not a URL');
  }
  const secure = parsed.protocol === 'imaps:';
  if (!secure && parsed.protocol !== 'imap:')
    throw new AppError('config_invalid', 'CIRTKIT_IMAP_URL must start with imap:// or imaps://');
  const port = parsed.port ? Number(parsed.port) : secure ? 993 : 143;
  const user = decodeURIComponent(parsed.username);
  const path = decodeURIComponent(parsed.pathname.replace(/^\/+/, '')) || 'INBOX';
  return {
    host: parsed.hostname,
    port,
    secure,
    user,
    password: decodeURIComponent(parsed.password),
    path,
    key: `${user}@${parsed.hostname}:${port}/${path}`,
  };
}

export interface PollReport {
  at: string;
  /** Messages newly stored in this poll. */
  stored: number;
  /** Messages handed to the intake (new ones and ones left half-done before). */
  handled: number;
  error: string | null;
}

export interface ImapPoller {
  readonly target: ImapTarget;
  readonly pollSeconds: number;
  /** Polls now, and then every pollSeconds. */
  start(): void;
  /** Stops the timer and waits for a poll under way. */
  stop(): Promise<void>;
  /** Polls now; when a poll is under way, the next one after it (shared by all who ask). */
  poll(): Promise<PollReport>;
  readonly polling: boolean;
}

export interface PollerOptions {
  url: string;
  pollSeconds: number;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Handles one stored, claimed message; must leave it in a final status. */
  handle: (id: string) => Promise<void>;
}

/** A claim older than this is taken over: its poller stopped half-way. */
const staleClaimMs = 10 * 60 * 1000;
const audit: AuditContext = { actorId: null, actorLabel: 'mail' };

export function createImapPoller(options: PollerOptions): ImapPoller {
  const { db, clock, logger } = options;
  const target = imapTarget(options.url);
  let inFlight: Promise<PollReport> | undefined;
  let queued: Promise<PollReport> | undefined;
  let closing = false;
  // Each timed poll is planned when the last one ended; poll() may also be called between.
  const loop = repeating({ seconds: options.pollSeconds, run: () => poller.poll() });

  const staleBefore = () => new Date(clock.now().getTime() - staleClaimMs).toISOString();

  async function handleOne(id: string): Promise<boolean> {
    if (!(await claimInbound(db.kysely, id, isoNow(clock), staleBefore()))) return false;
    try {
      await options.handle(id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        { err: error, mailId: id },
        'mail intake failed; the message is kept for an analyst',
      );
      await setOutcome(db.kysely, id, {
        status: 'unparsed',
        error: `the intake failed: ${message}`,
        at: isoNow(clock),
      });
    }
    return true;
  }

  async function fetchNew(report: PollReport): Promise<void> {
    const client = new ImapFlow({
      host: target.host,
      port: target.port,
      secure: target.secure,
      auth: { user: target.user, pass: target.password },
      logger: false,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 120_000,
    });
    client.on('error', (error: unknown) => logger.warn({ err: error }, 'IMAP connection error'));
    await client.connect();
    try {
      const lock = await client.getMailboxLock(target.path);
      try {
        const box = client.mailbox;
        if (!box) throw new Error(`mailbox ${target.path} could not be opened`);
        const uidValidity = String(box.uidValidity);
        const position = await getMailbox(db.kysely, target.key);
        let lastUid = position?.lastUid ?? 0;
        if (position?.uidValidity && position.uidValidity !== uidValidity) {
          logger.warn(
            { mailbox: target.key, was: position.uidValidity, now: uidValidity },
            'the mailbox UIDVALIDITY changed: reading it again from the start',
          );
          await resetMailbox(db.kysely, target.key, uidValidity, isoNow(clock));
          lastUid = 0;
        }
        if (box.exists === 0) return;
        const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
        const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
        for (const uid of uids) {
          // Closing: stop between messages; the rest waits for the next start.
          if (closing) break;
          const message = await client.fetchOne(
            String(uid),
            { uid: true, source: true },
            { uid: true },
          );
          if (!message || !message.source) continue;
          const raw = message.source;
          const at = isoNow(clock);
          const id = await db.kysely.transaction().execute(async (trx) => {
            const inserted = await insertInbound(trx, {
              mailbox: target.key,
              uidValidity,
              uid,
              raw,
              summary: rawSummary(raw),
              at,
            });
            await advanceMailbox(trx, target.key, uidValidity, uid, at);
            if (inserted)
              await appendAudit(
                trx,
                db.dialect,
                audit,
                {
                  action: 'mail.receive',
                  entityType: 'mail_message',
                  entityId: inserted,
                  after: { mailbox: target.key, uid, size: raw.length },
                },
                clock,
              );
            return inserted;
          });
          // Stored (or already stored by another process): only now is it marked read.
          await client
            .messageFlagsAdd(String(uid), ['\\Seen'], { uid: true })
            .catch((error: unknown) => {
              logger.warn({ err: error, uid }, 'could not mark the message \\Seen');
            });
          if (id) {
            report.stored += 1;
            if (await handleOne(id)) report.handled += 1;
          }
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  async function pollOnce(): Promise<PollReport> {
    const report: PollReport = { at: isoNow(clock), stored: 0, handled: 0, error: null };
    try {
      // Messages stored before a crash or a failed hand-over are finished first.
      for (const id of await pendingInbound(db.kysely, staleBefore()))
        if (await handleOne(id)) report.handled += 1;
      await fetchNew(report);
    } catch (error) {
      report.error = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error, mailbox: target.key }, 'polling the intake mailbox failed');
    }
    await recordPoll(db.kysely, target.key, report.at, report.error).catch((error: unknown) =>
      logger.error({ err: error }, 'could not record the mail poll'),
    );
    return report;
  }

  const poller: ImapPoller = {
    target,
    pollSeconds: options.pollSeconds,
    get polling() {
      return inFlight !== undefined;
    },
    start() {
      if (loop.running) return;
      closing = false;
      loop.start();
    },
    async stop() {
      closing = true;
      await loop.stop();
      await (queued ?? inFlight)?.catch(() => undefined);
    },
    poll() {
      const run = () =>
        (inFlight = pollOnce().finally(() => {
          inFlight = undefined;
        }));
      if (!inFlight) return run();
      // A poll under way may have started before the caller's message arrived: one more
      // follows it, shared by everyone who asks meanwhile.
      queued ??= inFlight
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return run();
        });
      return queued;
    },
  };
  return poller;
}
