import { gunzipSync } from 'node:zlib';
import { AppError, isoNow, newId } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { newOrgSchema, type Organisation, type Ownership } from './constituent.schema.js';
import type { RirReport } from './answers.js';
import type { ConstituentsDeps } from './deps.js';
import { formatAsRange } from './ownership-value.js';
import { parseDelegated } from './rir-delegated.js';
import type { Sector } from './sectors.js';
import { newOrganisation } from './service.js';
import {
  allOrgs,
  bumpOwnershipVersion,
  findOrg,
  insertOrg,
  insertOwnership,
  ownershipKeys,
} from './store.js';

/**
 * A country's address space from an RIR extended delegated file: every allocated or assigned
 * prefix and AS number of the country goes to one organisation (a covering owner: the more
 * specific entries of other organisations still win a lookup). All or nothing: a malformed line
 * and nothing is written; re-importing the same file adds nothing.
 */
export interface RirImportInput {
  /** ISO 3166 alpha-2, as the file writes it. */
  country: string;
  orgId?: string | undefined;
  /** Found by name (case ignored) or created with `sector`. */
  orgName?: string | undefined;
  sector?: Sector | undefined;
  dryRun: boolean;
  /** Where the file came from, kept on each entry. */
  sourceRef: string;
}

export type { RirReport } from './answers.js';

class Rollback extends Error {}

/** The text of a file's bytes (gunzipped when it is gzip), within the size limit. */
export function delegatedText(bytes: Buffer, maxBytes: number): string {
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  let data = bytes;
  if (gzip) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      throw new AppError('validation_failed', 'source is a broken or too large gzip file', {
        issues: [
          {
            field: 'source',
            message: `is a broken or too large gzip file (${(error as Error).message})`,
          },
        ],
      });
    }
  }
  return data.toString('utf8');
}

export async function importRir(
  deps: ConstituentsDeps,
  context: AuditContext,
  text: string,
  input: RirImportInput,
  onProgress?: (done: number, total: number) => void,
): Promise<RirReport> {
  const country = input.country.toUpperCase();
  const parsed = await parseDelegated(text, { country });
  const report: RirReport = {
    dryRun: input.dryRun,
    written: false,
    orgId: null,
    orgCreated: false,
    records: parsed.records.length,
    ipv4: 0,
    ipv6: 0,
    asn: 0,
    added: 0,
    duplicates: 0,
    errors: parsed.errors.map((e) => ({
      line: e.line,
      field: e.column === undefined ? '(line)' : `column ${e.column}`,
      message: e.message,
    })),
  };
  if (parsed.header === null && report.errors.length === 0)
    report.errors.push({
      line: 1,
      field: '(file)',
      message: 'has no version line: is it an RIR delegated statistics file?',
    });
  const values: { kind: Ownership['kind']; value: string; line: number }[] = [];
  for (const record of parsed.records) {
    if (record.type === 'asn' && record.asns) {
      // One entry per delegated block: the index matches a number inside it (rule asn-range).
      values.push({
        kind: 'asn',
        value: formatAsRange(record.asns[0], record.asns[1]),
        line: record.line,
      });
      report.asn += record.asns[1] - record.asns[0] + 1;
    } else
      for (const prefix of record.prefixes) {
        values.push({ kind: record.type, value: prefix, line: record.line });
        report[record.type === 'ipv6' ? 'ipv6' : 'ipv4']++;
      }
  }
  if (report.errors.length > 0) return report;
  const added: Ownership[] = [];
  let version = 0;
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      const now = isoNow(deps.clock);
      let org: Organisation | undefined;
      if (input.orgId) {
        org = await findOrg(trx, input.orgId);
        if (!org)
          throw new AppError('validation_failed', `No organisation with id ${input.orgId}`, {
            issues: [{ field: 'orgId', message: 'is not an organisation' }],
          });
      } else {
        const name = (input.orgName ?? '').trim();
        org = (await allOrgs(trx)).find((o) => o.name.toLowerCase() === name.toLowerCase());
        if (!org) {
          const fields = newOrgSchema.parse({
            name,
            sector: input.sector ?? 'digital-infrastructure',
            iso3: null,
          });
          org = newOrganisation(fields, newId(), now, context.actorLabel);
          await insertOrg(trx, org);
          report.orgCreated = true;
        }
      }
      report.orgId = org.id;
      const owned = await ownershipKeys(trx);
      let done = 0;
      for (const v of values) {
        onProgress?.(++done, values.length);
        if (owned.has(`${org.id}|${v.kind}|${v.value}`)) {
          report.duplicates++;
          continue;
        }
        const entry: Ownership = {
          id: newId(),
          orgId: org.id,
          kind: v.kind,
          value: v.value,
          source: 'rir',
          sourceRef: `${input.sourceRef} line ${v.line}`.slice(0, 500),
          note: '',
          createdAt: now,
          createdBy: context.actorLabel,
        };
        await insertOwnership(trx, entry);
        owned.add(`${org.id}|${v.kind}|${v.value}`);
        added.push(entry);
        report.added++;
      }
      if (input.dryRun) throw new Rollback();
      if (added.length > 0) version = await bumpOwnershipVersion(trx, now);
      await appendAudit(
        trx,
        deps.db.dialect,
        context,
        {
          action: 'constituent.import_rir',
          entityType: 'constituent_org',
          entityId: org.id,
          after: {
            source: input.sourceRef,
            country,
            orgCreated: report.orgCreated,
            records: report.records,
            added: report.added,
            duplicates: report.duplicates,
          },
        },
        deps.clock,
      );
      report.written = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (report.written && added.length > 0)
    deps.ownership.applied({
      version,
      added: added.map((e) => ({ id: e.id, orgId: e.orgId, kind: e.kind, value: e.value })),
      removed: [],
    });
  return report;
}
