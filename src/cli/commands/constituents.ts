import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../kernel/index.js';
import {
  checkConstituentItems,
  constituentsDeps,
  importConstituents,
  parseConstituentsCsv,
  parseConstituentsJson,
} from '../../modules/constituents/index.js';
import { withContext } from '../context.js';
import { print } from '../output.js';
import { progressBar } from '../progress.js';

interface ImportOptions {
  validOnly?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const verdict = (written: boolean, dryRun: boolean | undefined, fix: string) =>
  written
    ? 'Imported.'
    : dryRun
      ? 'Dry run: nothing written.'
      : `Nothing imported: fix the rows below or ${fix}.`;

export function constituentsCommands(program: Command): void {
  const constituents = program
    .command('constituents')
    .description('the organisations the CIRT serves, their contacts and what they own');

  constituents
    .command('import')
    .description(
      'import organisations, contacts and ownership from a CSV or JSON file (see docs/constituents.md); nothing is written if a row is bad, unless --valid-only',
    )
    .argument('<file>', 'a .csv or .json file')
    .option('--valid-only', 'write the valid rows and report the others')
    .option('--dry-run', 'check the file and say what would change, without writing')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: ImportOptions) => {
      if (!existsSync(file)) throw new AppError('not_found', `No file ${file}`);
      const bytes = readFileSync(file);
      await withContext(async (ctx) => {
        const deps = constituentsDeps(ctx.db, ctx.deps.clock, { dataDir: ctx.config.dataDir });
        const parsed = file.endsWith('.json')
          ? parseConstituentsJson(bytes)
          : parseConstituentsCsv(bytes);
        const checking = progressBar('checking ');
        const checked = await checkConstituentItems(parsed.items, new Date(), (done, total) =>
          checking.update(done, total),
        );
        checking.finish();
        const bar = progressBar('importing');
        const result = await importConstituents(
          deps,
          ctx.audit,
          checked.items,
          [...parsed.errors, ...checked.errors],
          { mode: options.validOnly ? 'valid' : 'all', dryRun: options.dryRun ?? false },
          (done, total) => bar.update(done, total),
        );
        bar.finish();
        print(options, result, () =>
          [
            verdict(result.written, options.dryRun, 'use --valid-only'),
            `rows: ${result.rows}, new organisations: ${result.orgsCreated}, new contacts: ${result.contactsAdded}, new owned values: ${result.ownershipAdded}, already present: ${result.duplicates}, rejected rows: ${new Set(result.errors.map((e) => e.line)).size}`,
            ...result.errors.map((e) => `  line ${e.line}, ${e.field}: ${e.message}`),
          ].join('\n'),
        );
        if (!result.written && !options.dryRun) process.exitCode = 2;
      });
    });
}
