import { checkPattern } from './pattern/index.js';
import { canonicalJson } from './stix/jcs.js';
import { parseStixObject } from './stix/parse.js';
import type { StixObject } from './stix/schemas.js';

/** One object's outcome, as a TAXII status resource lists it. */
export interface IngestDetail {
  id: string;
  version: string;
  message?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Received values checked, before anything is stored. */
export interface Checked {
  /** Valid objects, as the schemas give them back. */
  valid: StixObject[];
  /** Their canonical JSON texts (RFC 8785), in the same order. */
  texts: string[];
  /** The values refused, with the reason. */
  failures: IngestDetail[];
}

/**
 * Checks received values against the STIX schemas and the pattern grammar. Pure: an import
 * runs it in a worker thread while the previous batch is being stored.
 */
export function checkValues(values: readonly unknown[]): Checked {
  const checked: Checked = { valid: [], texts: [], failures: [] };
  const labelOf = (value: unknown) => ({
    id: isRecord(value) && typeof value.id === 'string' ? value.id : '(no id)',
    version:
      isRecord(value) && typeof value.modified === 'string'
        ? value.modified
        : isRecord(value) && typeof value.created === 'string'
          ? value.created
          : '',
  });
  for (const value of values) {
    const parsed = parseStixObject(value, { ids: 'received', checkPattern });
    if (parsed.ok) {
      checked.valid.push(parsed.object);
      checked.texts.push(canonicalJson(parsed.object));
    } else
      checked.failures.push({
        ...labelOf(value),
        message: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      });
  }
  return checked;
}
