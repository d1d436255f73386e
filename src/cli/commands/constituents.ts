import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../kernel/index.js';
import {
  checkConstituentItems,
  constituentsDeps,
  delegatedText,
  importConstituents,
  importRir,
  readRirSource,
  parseConstituentsCsv,
  parseConstituentsJson,
  sectors,
  type Sector,
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

  constituents
    .command('import-rir')
    .description(
      "give a country's prefixes and AS numbers from an RIR extended delegated file (path or URL, .gz too) to one organisation",
    )
    .argument(
      '<source>',
      'a file path or an http(s) URL, e.g. https://ftp.afrinic.net/stats/afrinic/delegated-afrinic-extended-latest',
    )
    .requiredOption(
      '--country <cc>',
      'the country as the file writes it (ISO 3166 alpha-2, e.g. KE)',
    )
    .requiredOption('--org <name>', 'the organisation (by name; created if missing)')
    .option(
      '--sector <sector>',
      'sector of the organisation when it is created',
      'digital-infrastructure',
    )
    .option('--dry-run', 'check the file and say what would change, without writing')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        source: string,
        options: { country: string; org: string; sector: string; dryRun?: boolean; json?: boolean },
      ) => {
        if (!/^[A-Za-z]{2}$/.test(options.country))
          throw new AppError('validation_failed', '--country must be two letters, e.g. KE');
        if (!(sectors as readonly string[]).includes(options.sector))
          throw new AppError('validation_failed', `--sector must be one of ${sectors.join(', ')}`);
        await withContext(async (ctx) => {
          const deps = constituentsDeps(ctx.db, ctx.deps.clock, { dataDir: ctx.config.dataDir });
          // The operator may read any file they can; the server's folder rule is for the API.
          const url = /^https?:\/\//i.test(source);
          const bytes = url
            ? await readRirSource(source, null, deps.fetchLimits)
            : await readRirSource(path.basename(source), path.dirname(path.resolve(source)), {
                ...deps.fetchLimits,
                maxBytes: Number.MAX_SAFE_INTEGER,
              });
          const bar = progressBar('importing');
          const result = await importRir(
            deps,
            ctx.audit,
            delegatedText(bytes, 1024 * 1024 * 1024),
            {
              country: options.country,
              orgName: options.org,
              sector: options.sector as Sector,
              dryRun: options.dryRun ?? false,
              sourceRef: source,
            },
            (done, total) => bar.update(done, total),
          );
          bar.finish();
          print(options, result, () =>
            [
              result.errors.length > 0
                ? 'Nothing imported: the file has malformed lines.'
                : verdict(result.written, options.dryRun, ''),
              `records for ${options.country.toUpperCase()}: ${result.records} (IPv4 prefixes: ${result.ipv4}, IPv6 prefixes: ${result.ipv6}, AS numbers: ${result.asn}), new owned values: ${result.added}, already present: ${result.duplicates}${result.orgCreated ? ', organisation created' : ''}`,
              ...result.errors.map((e) => `  line ${e.line}, ${e.field}: ${e.message}`),
            ].join('\n'),
          );
          if (result.errors.length > 0) process.exitCode = 2;
        });
      },
    );
}
