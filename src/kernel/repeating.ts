/**
 * A job a server runs now and then every `seconds` (the mail poll, the SLA sweep): the next run
 * is planned only when the last one ended, so runs never overlap and a slow run delays the next
 * instead of piling up. A failed run is the job's to log; the timer goes on.
 */
export interface Repeating {
  /** Runs now, then every `seconds` after each run ends. */
  start(): void;
  /** Stops the timer and waits for a run it started. */
  stop(): Promise<void>;
  readonly running: boolean;
}

/** Anything with start and stop, run with a server's life (see `runWithServer`). */
export interface Startable {
  start(): void;
  stop(): Promise<void>;
}

/** The hooks of a server this needs (fastify's `addHook`), kept narrow so the kernel stays free of HTTP. */
export interface ServerHooks {
  addHook(name: 'onReady', hook: (done: (error?: Error) => void) => void): unknown;
  addHook(name: 'onClose', hook: () => Promise<void>): unknown;
}

const ignore = () => undefined;

export function repeating(options: { seconds: number; run: () => Promise<unknown> }): Repeating {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let stopped = true;

  function tick(): void {
    current = options
      .run()
      .then(ignore, ignore)
      .finally(() => {
        current = undefined;
        schedule();
      });
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      tick();
    }, options.seconds * 1000);
    // A waiting timer must not keep the process alive on its own.
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
    get running() {
      return !stopped;
    },
  };
}

/** Starts the job once the server is ready and stops it (a run under way finished) on close. */
export function runWithServer(app: ServerHooks, job: Startable): void {
  app.addHook('onReady', (done) => {
    job.start();
    done();
  });
  app.addHook('onClose', () => job.stop());
}
