import type { Clock } from '../../kernel/index.js';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../storage/index.js';
import { checkValues, type Checked, type IngestDetail } from './check-values.js';
import { defaultTlp } from './settings.js';
import { papByMarkingId, tlpByMarkingId, type Tlp } from './stix/marking-ids.js';
import type { StixObject } from './stix/schemas.js';
import { addObjects, type Provenance } from './store.js';
import { versionOf } from './taxii/version.js';

export type { Checked, IngestDetail } from './check-values.js';

export interface IngestResult {
  successes: IngestDetail[];
  failures: IngestDetail[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The references an object must resolve: its markings (in the envelope, already stored, or
 * one of the TLP and PAP definitions every instance knows) and the two ends of a relationship
 * or the sighted object of a sighting. Other references (a report's object_refs) may point to
 * objects the sender did not share: STIX allows it, and TLP often requires it.
 */
function requiredRefs(object: StixObject): { path: string; id: string }[] {
  const refs: { path: string; id: string }[] = [];
  const o = object as Record<string, unknown>;
  if (Array.isArray(o.object_marking_refs))
    o.object_marking_refs.forEach((id, i) => {
      if (typeof id === 'string') refs.push({ path: `object_marking_refs[${i}]`, id });
    });
  if (Array.isArray(o.granular_markings))
    o.granular_markings.forEach((m, i) => {
      if (isRecord(m) && typeof m.marking_ref === 'string')
        refs.push({ path: `granular_markings[${i}].marking_ref`, id: m.marking_ref });
    });
  for (const key of ['source_ref', 'target_ref', 'sighting_of_ref'])
    if (typeof o[key] === 'string') refs.push({ path: key, id: o[key] });
  return refs;
}

const wellKnown = (id: string) => tlpByMarkingId.has(id) || papByMarkingId.has(id);

export interface IngestOptions {
  /** Store inside this transaction (an import groups batches); every query goes through it. */
  transaction?: Transaction<Database>;
  /** The TLP of unmarked objects, when the caller has read it already (inside a transaction). */
  defaultTlp?: Tlp;
}

/**
 * Checks and stores received objects in a collection: every valid object whose references
 * resolve is stored (or recognised as already held); every other one is listed with the reason.
 * Storing is one transaction: a failure there leaves nothing written.
 */
export async function ingest(
  db: Db,
  clock: Clock,
  collectionId: string,
  values: readonly unknown[],
  provenance: Provenance,
  options: IngestOptions = {},
): Promise<IngestResult> {
  return storeChecked(db, clock, collectionId, checkValues(values), provenance, options);
}

/** The second half of `ingest`: resolves references, drops repeats and stores. */
export async function storeChecked(
  db: Db,
  clock: Clock,
  collectionId: string,
  checked: Checked,
  provenance: Provenance,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const executor = options.transaction ?? db.kysely;
  const failures: IngestDetail[] = [...checked.failures];
  const { valid, texts } = checked;
  const inEnvelope = new Set<string>(valid.map((o) => o.id));
  const wanted = [
    ...new Set(
      valid.flatMap((o) => requiredRefs(o).map((r) => r.id)).filter((id) => !inEnvelope.has(id)),
    ),
  ].filter((id) => !wellKnown(id));
  const stored = new Set<string>();
  for (let i = 0; i < wanted.length; i += 400) {
    const part = wanted.slice(i, i + 400);
    for (const row of await executor
      .selectFrom('stix_objects')
      .select('id')
      .distinct()
      .where('id', 'in', part)
      .execute())
      stored.add(row.id);
  }
  const accepted: StixObject[] = [];
  const acceptedTexts: string[] = [];
  // One version once: a repeat with the same content is the same success; with other content it
  // is refused here, so the store's conflicts name stored versions only.
  const firstOf = new Map<string, string>();
  const repeats: IngestDetail[] = [];
  for (const [index, object] of valid.entries()) {
    const key = `${object.id} ${versionOf(object)}`;
    const json = texts[index]!;
    const first = firstOf.get(key);
    if (first !== undefined) {
      if (first === json) repeats.push({ id: object.id, version: versionOf(object) });
      else
        failures.push({
          id: object.id,
          version: versionOf(object),
          message: 'the same id and version appear twice in the request with different content',
        });
      continue;
    }
    firstOf.set(key, json);
    const missing = requiredRefs(object).filter(
      (r) => !inEnvelope.has(r.id) && !stored.has(r.id) && !wellKnown(r.id),
    );
    if (missing.length === 0) {
      accepted.push(object);
      acceptedTexts.push(json);
    } else
      failures.push({
        id: object.id,
        version: versionOf(object),
        message: missing
          .map((r) =>
            r.path.includes('marking')
              ? `${r.path}: unknown marking definition ${r.id} (send it in the same envelope)`
              : `${r.path}: no object ${r.id} here (send it in the same envelope)`,
          )
          .join('; '),
      });
  }
  const result = await addObjects(db, collectionId, accepted, clock, {
    defaultTlp: options.defaultTlp ?? (await defaultTlp(db)),
    provenance,
    texts: acceptedTexts,
    transaction: options.transaction,
  });
  const conflicting = new Map(result.conflicts.map((c) => [`${c.id} ${c.modified}`, c.reason]));
  const successes: IngestDetail[] = [];
  for (const object of accepted) {
    const version = versionOf(object);
    const reason = conflicting.get(`${object.id} ${version}`);
    if (reason === undefined) successes.push({ id: object.id, version });
    else failures.push({ id: object.id, version, message: reason });
  }
  const storedKeys = new Set(successes.map((d) => `${d.id} ${d.version}`));
  for (const repeat of repeats)
    if (storedKeys.has(`${repeat.id} ${repeat.version}`)) successes.push(repeat);
    else
      failures.push({
        ...repeat,
        message: 'repeats an earlier object of the request, which was refused',
      });
  return { successes, failures };
}
