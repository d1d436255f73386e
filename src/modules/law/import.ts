import { AppError, isoNow } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { LawDeps } from './deps.js';
import type { CheckedRow, RowError } from './exchange.js';
import { actorName } from './service.js';
import {
  currentAssessments,
  lockLawWrites,
  writeAssessments,
  type AssessmentRecord,
} from './store.js';
import type { ImportReport } from './answers.js';

export type { ImportReport };

/**
 * Imports assessments all or nothing: when any row is refused, nothing is saved and every
 * refused row is reported. Otherwise every changed row is saved in one transaction, each with
 * its history row; a row equal to the country's current record is counted unchanged and writes
 * nothing, so importing an export again changes nothing. A dry run checks and counts only.
 */

const same = (row: CheckedRow, current: CheckedRow | undefined) =>
  current !== undefined &&
  (['status', 'lawTitle', 'article', 'adoptedOn', 'link', 'notes'] as const).every(
    (k) => row[k] === current[k],
  );

/** The refusal of an import with bad rows: a 422 problem whose `errors` list each one. */
export function importRefusal(errors: readonly RowError[]): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  const fileLevel = errors.some((e) => e.row === 0);
  return new AppError(
    'validation_failed',
    fileLevel
      ? `The file cannot be read as assessments (${errors[0]!.field} ${errors[0]!.message}), so nothing was imported`
      : `${rows} row(s) are invalid, so nothing was imported; fix them and import the file again`,
    // Each issue keeps its row (and CSV line) beside the field: problem `errors` show them.
    { issues: errors.map((e) => ({ ...e })) },
  );
}

class Rollback extends Error {}

export async function importAssessments(
  deps: LawDeps,
  context: AuditContext,
  rows: readonly CheckedRow[],
  errors: readonly RowError[],
  options: { dryRun: boolean },
): Promise<ImportReport> {
  if (errors.length > 0) throw importRefusal(errors);
  const countries = [...new Set(rows.map((r) => r.iso3))].sort();
  const report: ImportReport = { dryRun: options.dryRun, imported: 0, unchanged: 0, countries };
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      await lockLawWrites(trx, deps.db.dialect);
      const current = new Map(
        (await currentAssessments(trx, countries)).map((a) => [
          `${a.iso3}|${a.provision}`,
          { ...a, row: 0 },
        ]),
      );
      const changed = rows.filter((r) => !same(r, current.get(`${r.iso3}|${r.provision}`)));
      report.imported = changed.length;
      report.unchanged = rows.length - changed.length;
      if (options.dryRun || changed.length === 0) throw new Rollback();
      const now = isoNow(deps.clock);
      const who = await actorName(trx, context);
      const records: AssessmentRecord[] = changed.map(({ row: _, ...r }) => ({
        ...r,
        assessedBy: who,
        assessedById: context.actorId,
        assessedAt: now,
      }));
      await writeAssessments(trx, records, now);
      await appendAudit(
        trx,
        deps.db.dialect,
        context,
        {
          action: 'law.assessment_import',
          entityType: 'law_assessment',
          after: {
            imported: report.imported,
            unchanged: report.unchanged,
            countries,
            changed: records.map((r) => `${r.iso3}:${r.provision}`),
          },
        },
        deps.clock,
      );
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report;
}
