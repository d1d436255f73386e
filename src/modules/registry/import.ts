import { AppError, isoNow, newId } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { FactRow, RowError } from './exchange.js';
import type { Team, TeamEvent } from './registry.schema.js';
import { checkConsistency, type RegistryDeps } from './service.js';
import { insertEvent, insertTeam, loadTeams } from './store.js';

export interface ImportOptions {
  /** `all`: any bad row and nothing is written. `valid`: write the good rows, report the rest. */
  mode: 'all' | 'valid';
  dryRun: boolean;
}

export interface ImportReport {
  mode: ImportOptions['mode'];
  dryRun: boolean;
  written: boolean;
  rows: number;
  teamsCreated: number;
  factsAdded: number;
  duplicates: number;
  errors: RowError[];
}

class Rollback extends Error {}

const sameFact = (e: TeamEvent, row: FactRow) =>
  e.retracted === null &&
  e.date === row.date &&
  JSON.stringify(e.value) === JSON.stringify(row.value);

/**
 * Imports facts in one transaction. Re-importing the same file adds nothing (a fact already
 * there is a duplicate, not an error). With mode `all`, a single bad row leaves the registry
 * exactly as it was; a dry run never writes.
 */
export async function importFacts(
  deps: RegistryDeps,
  context: AuditContext,
  rows: readonly FactRow[],
  parseErrors: readonly RowError[],
  options: ImportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = {
    ...options,
    written: false,
    rows: rows.length + new Set(parseErrors.map((e) => e.line)).size,
    teamsCreated: 0,
    factsAdded: 0,
    duplicates: 0,
    errors: [...parseErrors],
  };
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      const teams = await loadTeams(trx);
      const key = (iso3: string, name: string) => `${iso3}|${name.toLowerCase()}`;
      const byKey = new Map(teams.map((t) => [key(t.iso3, t.name), t]));
      const now = isoNow(deps.clock);
      let done = 0;
      for (const row of rows) {
        onProgress?.(++done, rows.length);
        let team = byKey.get(key(row.iso3, row.team));
        if (team?.events.some((e) => sameFact(e, row))) {
          report.duplicates++;
          continue;
        }
        const fact = {
          date: row.date,
          value: row.value,
          citation: {
            ...(row.sourceTitle ? { title: row.sourceTitle } : {}),
            ...(row.sourceUrl ? { url: row.sourceUrl } : {}),
          },
          confidence: row.confidence,
          note: row.note,
        };
        if (team) {
          try {
            checkConsistency(team, fact);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            report.errors.push({ line: row.line, field: 'date', message: error.message });
            continue;
          }
        } else {
          team = {
            id: newId(),
            iso3: row.iso3,
            name: row.team,
            type: row.type,
            events: [],
          } satisfies Team;
          await insertTeam(trx, team, now, context.actorLabel);
          byKey.set(key(row.iso3, row.team), team);
          report.teamsCreated++;
        }
        const event: TeamEvent = {
          id: newId(),
          teamId: team.id,
          ...fact,
          recordedAt: now,
          recordedBy: context.actorLabel,
          retracted: null,
        };
        await insertEvent(trx, event);
        team.events.push(event);
        report.factsAdded++;
      }
      report.errors.sort((a, b) => a.line - b.line);
      const refuse = options.dryRun || (options.mode === 'all' && report.errors.length > 0);
      if (refuse) throw new Rollback();
      await appendAudit(
        trx,
        deps.db.dialect,
        context,
        {
          action: 'registry.import',
          entityType: 'registry',
          after: {
            rows: report.rows,
            teamsCreated: report.teamsCreated,
            factsAdded: report.factsAdded,
            duplicates: report.duplicates,
            rejected: report.errors.length,
          },
        },
        deps.clock,
      );
      report.written = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  // When nothing was written, the counts say what would have been.
  return report;
}
