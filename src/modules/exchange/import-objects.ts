import type { Clock } from '../../kernel/index.js';
import { withDeferredCheckpoints, type Db } from '../../storage/index.js';
import { ingest, type IngestDetail } from './ingest.js';
import type { Provenance } from './store.js';

export interface ImportOutcome {
  /** Objects read. */
  total: number;
  stored: number;
  failures: IngestDetail[];
}

/** Objects per transaction: large enough to spread a commit's cost, small enough for memory. */
export const importBatch = 1_000;

/**
 * Imports objects read one at a time (a bundle file through `bundleObjects`), a batch of 1,000
 * per transaction, as `cirtkit exchange import` does: each batch is checked and stored by
 * `ingest` (valid objects stored, the others listed with the reason). Memory is bounded by the
 * batch, whatever the file's size. `onProgress` hears the number of objects done.
 */
export async function importObjects(
  db: Db,
  clock: Clock,
  collectionId: string,
  texts: AsyncIterable<string>,
  provenance: Provenance,
  onProgress?: (done: number) => void,
): Promise<ImportOutcome> {
  return withDeferredCheckpoints(db, async () => {
    const outcome: ImportOutcome = { total: 0, stored: 0, failures: [] };
    let batch: unknown[] = [];
    const flush = async () => {
      const result = await ingest(db, clock, collectionId, batch, provenance);
      outcome.stored += result.successes.length;
      outcome.failures.push(...result.failures);
      outcome.total += batch.length;
      batch = [];
      onProgress?.(outcome.total);
    };
    for await (const text of texts) {
      batch.push(JSON.parse(text));
      if (batch.length >= importBatch) await flush();
    }
    if (batch.length > 0) await flush();
    return outcome;
  });
}
