import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../../storage/schema.js';

/** The chain starts from this value so the first row is hashed like every other. */
export const genesisHash = '0'.repeat(64);

/** One audit row as stored; `before_json`/`after_json` hold the entity's public view. */
export type AuditRow = AuditLogTable;

export type UnhashedAuditRow = Omit<AuditRow, 'hash'>;

/**
 * The hash covers every column in a fixed order, encoded as a JSON array so no two different
 * rows can give the same text (a separator-joined string could be ambiguous).
 */
export function auditRowHash(row: UnhashedAuditRow): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.actor_label,
    row.action,
    row.entity_type,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.request_id,
    row.ip,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first row where the chain breaks (or where a deleted row was expected). */
  firstBadSeq: number | null;
  problem: string | null;
}

/**
 * Checks rows in ascending `seq` order, fed in pages so a long log needs little memory.
 * Call `push` for each page, then `finish` with the head recorded beside the log.
 */
export class ChainVerifier {
  private previous: ChainHead = { seq: 0, hash: genesisHash };
  private checked = 0;
  private verdict: ChainVerdict | undefined;

  push(rows: readonly AuditRow[]): boolean {
    for (const row of rows) {
      if (this.verdict) return false;
      const seq = Number(row.seq);
      if (seq !== this.previous.seq + 1) {
        this.fail(
          this.previous.seq + 1,
          `row ${this.previous.seq + 1} is missing: it was deleted (next row found is ${seq})`,
        );
      } else if (row.prev_hash !== this.previous.hash) {
        this.fail(
          seq,
          `row ${seq} does not link to row ${this.previous.seq}: the previous row was edited or replaced`,
        );
      } else if (auditRowHash(row) !== row.hash) {
        this.fail(seq, `row ${seq} was edited: its content does not match its hash`);
      } else {
        this.previous = { seq, hash: row.hash };
        this.checked++;
      }
    }
    return this.verdict === undefined;
  }

  finish(head: ChainHead | undefined): ChainVerdict {
    if (this.verdict) return this.verdict;
    if (head && (head.seq !== this.previous.seq || head.hash !== this.previous.hash)) {
      if (head.seq > this.previous.seq) {
        this.fail(
          this.previous.seq + 1,
          `rows ${this.previous.seq + 1} to ${head.seq} are missing: the end of the log was deleted`,
        );
      } else {
        this.fail(
          head.seq,
          `the recorded head (row ${head.seq}) does not match the log's last row ${this.previous.seq}`,
        );
      }
      return this.verdict!;
    }
    return { ok: true, checked: this.checked, firstBadSeq: null, problem: null };
  }

  private fail(seq: number, problem: string): void {
    this.verdict = { ok: false, checked: this.checked, firstBadSeq: seq, problem };
  }
}

/** Parses the stored head, `seq:hash`. */
export function parseHead(value: string | undefined): ChainHead | undefined {
  if (!value) return undefined;
  const [seq, hash] = value.split(':');
  return seq && hash ? { seq: Number(seq), hash } : undefined;
}
