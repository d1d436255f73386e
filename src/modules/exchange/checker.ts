import { Worker } from 'node:worker_threads';
import type { Checked } from './check-values.js';
import type { CheckRequest } from './check-worker.js';

type Answer = { id: number; checked: Checked } | { id: number; error: string };

/**
 * Checks batches of object texts in a worker thread, so that an import checks one batch while
 * it stores the previous one. From the TypeScript sources (tests, benchmarks, a checkout not
 * built) the worker loads them through tsx, as the importing thread does.
 */
export class Checker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private next = 0;
  private failure: Error | undefined;

  constructor() {
    const fromSources = import.meta.url.endsWith('.ts');
    // A worker does not inherit the importing thread's loader hooks, and `--import tsx` comes
    // too late for its entry: from the sources, a small script registers tsx, then loads it.
    this.worker = fromSources
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
             tsx.register();
             return import(${JSON.stringify(new URL('./check-worker.ts', import.meta.url).href)});
           });`,
          { eval: true },
        )
      : new Worker(new URL('./check-worker.js', import.meta.url));
    this.worker.on('message', (answer: Answer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      for (const [id, answer] of this.waiting) answer({ id, error: error.message });
      this.waiting.clear();
    });
  }

  /** Parses and checks a batch of texts; a text that is not JSON fails the whole batch. */
  check(texts: string[]): Promise<Checked> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) =>
        'checked' in answer ? resolve(answer.checked) : reject(new SyntaxError(answer.error)),
      );
      this.worker.postMessage({ id, texts } satisfies CheckRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
