/**
 * The worker thread of an import: parses and checks batches of object texts (`checkValues`)
 * while the importing thread stores the previous batch. Checking is a third of an import's
 * time, and a small server has two cores.
 */
import { parentPort } from 'node:worker_threads';
import { checkValues } from './check-values.js';

export interface CheckRequest {
  id: number;
  texts: string[];
}

parentPort?.on('message', ({ id, texts }: CheckRequest) => {
  try {
    parentPort!.postMessage({
      id,
      checked: checkValues(texts.map((t) => JSON.parse(t) as unknown)),
    });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
