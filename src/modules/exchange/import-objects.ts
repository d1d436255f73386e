import type { Clock } from '../../kernel/index.js';
import type { ControlledTransaction } from 'kysely';
import { withDeferredCheckpoints, type Database, type Db } from '../../storage/index.js';
import { defaultTlp } from './settings.js';
import type { Checked, IngestDetail } from './check-values.js';
import { Checker } from './checker.js';
import { storeChecked } from './ingest.js';
import type { Provenance } from './store.js';

export interface ImportOutcome {
  /** Objects read. */
  total: number;
  stored: number;
  failures: IngestDetail[];
}

/** Objects checked and stored at a time: the memory an import holds. */
export const importBatch = 1_000;
/**
 * Batches per transaction. Versions are keyed by random ids, so each batch touches index pages
 * all over three B-trees; a transaction writes each touched page once, and grouping ten batches
 * writes a page once where it was written up to ten times (a third of an import's time).
 */
export const importGroup = 10;

/**
 * Imports objects read one at a time (a bundle file through `bundleObjects`), as
 * `cirtkit exchange import` does: batches of 1,000 are checked and stored by `ingest` (valid
 * objects stored, the others listed with the reason), ten batches per transaction. Memory is
 * bounded by the batch, whatever the file's size. A failure while storing (not an invalid
 * object: the database refusing) undoes the transaction's batches and ends the import; what
 * earlier transactions stored stays, and importing the file again completes it (versions
 * already held count as unchanged). `onProgress` hears the number of objects done.
 */
export async function importObjects(
  db: Db,
  clock: Clock,
  collectionId: string,
  texts: AsyncIterable<string>,
  provenance: Provenance,
  onProgress?: (done: number) => void,
): Promise<ImportOutcome> {
  // Read before any transaction: inside one, only the transaction may query (on SQLite another
  // query would wait for it).
  const tlp = await defaultTlp(db);
  return withDeferredCheckpoints(db, async () => {
    const outcome: ImportOutcome = { total: 0, stored: 0, failures: [] };
    let transaction: ControlledTransaction<Database> | undefined;
    let batches = 0;
    const commit = async () => {
      await transaction?.commit().execute();
      transaction = undefined;
      batches = 0;
    };
    const store = async (checked: Checked, size: number) => {
      transaction ??= await db.kysely.startTransaction().execute();
      const result = await storeChecked(db, clock, collectionId, checked, provenance, {
        transaction,
        defaultTlp: tlp,
      });
      outcome.stored += result.successes.length;
      outcome.failures.push(...result.failures);
      outcome.total += size;
      batches += 1;
      if (batches >= importGroup) await commit();
      onProgress?.(outcome.total);
    };
    // One batch is checked in the worker while the one before it is stored here.
    const checker = new Checker();
    let checking: { checked: Promise<Checked>; size: number } | undefined;
    const handOver = async (batch: string[]) => {
      const previous = checking;
      const checked = checker.check(batch);
      // Its failure is awaited after the previous batch is stored; until then a handler keeps
      // it from counting as unhandled (which would end the process).
      checked.catch(() => undefined);
      checking = { checked, size: batch.length };
      if (previous) await store(await previous.checked, previous.size);
    };
    try {
      let batch: string[] = [];
      for await (const text of texts) {
        batch.push(text);
        if (batch.length >= importBatch) {
          await handOver(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await handOver(batch);
      if (checking) await store(await checking.checked, checking.size);
      await commit();
    } catch (error) {
      await transaction?.rollback().execute();
      throw error;
    } finally {
      await checker.close();
    }
    return outcome;
  });
}
