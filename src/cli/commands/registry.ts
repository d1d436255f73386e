import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError, closePdfBrowser, htmlToPdf, toCsv } from '../../kernel/index.js';
import { localeSchema } from '../../modules/accounts/index.js';
import {
  defaultComparison,
  exportRows,
  importFacts,
  loadTeams,
  parseFactsCsv,
  parseFactsJson,
  reportRows,
  reportHtml,
  reportView,
  defaultWeights,
  loadReferenceData,
  needFactors,
  needsAsOf,
  reportAsOf,
  seedRegistry,
  type RegistryDeps,
  type Weights,
} from '../../modules/registry/index.js';
import { progressBar } from '../progress.js';
import { parseArg } from '../args.js';
import { withContext, type CliContext } from '../context.js';
import { print, table } from '../output.js';

const day = z.iso.date('must be a date as YYYY-MM-DD');
const format = z.enum(['text', 'json', 'csv'], { message: 'must be text, json or csv' });

async function registryDeps(ctx: CliContext): Promise<RegistryDeps> {
  const data = loadReferenceData(ctx.config.registryDataDir);
  await seedRegistry(ctx.db, data, ctx.deps.clock);
  return { db: ctx.db, clock: ctx.deps.clock, data };
}

function weightsFrom(option: string | undefined): Weights {
  if (!option) return defaultWeights;
  const weights = { ...defaultWeights };
  for (const pair of option.split(',')) {
    const [factor, value] = pair.split('=');
    const name = parseArg(z.enum(needFactors), factor, '--weights factor');
    weights[name] = parseArg(z.coerce.number().min(0).max(100), value, `--weights ${name}`);
  }
  return weights;
}

export function registryCommands(program: Command): void {
  const registry = program
    .command('registry')
    .description('national CIRTs worldwide and where they are needed');

  registry
    .command('needs')
    .description('rank ITU Member States by need for a national CIRT')
    .option('--as-of <date>', 'the day to rank on (default today)')
    .option(
      '--weights <list>',
      `factor=weight pairs, e.g. no_national_cirt=50,low_maturity=20 (factors: ${needFactors.join(', ')})`,
    )
    .option('--limit <n>', 'show the first n countries', '20')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (options: { asOf?: string; weights?: string; limit: string; format: string }) => {
      const asOf = options.asOf === undefined ? undefined : parseArg(day, options.asOf, '--as-of');
      const weights = weightsFrom(options.weights);
      const limit = parseArg(z.coerce.number().int().min(1), options.limit, '--limit');
      const output = parseArg(format, options.format, '--format');
      await withContext(async (ctx) => {
        const deps = await registryDeps(ctx);
        const ranked = (
          await needsAsOf(deps, asOf ?? new Date().toISOString().slice(0, 10), weights)
        ).slice(0, limit);
        if (output === 'csv') {
          process.stdout.write(
            toCsv([['rank', 'iso3', 'score'], ...ranked.map((n) => [n.rank, n.iso3, n.score])]),
          );
          return;
        }
        print({ json: output === 'json' }, ranked, () =>
          table(
            ranked.map((n) => ({
              rank: n.rank,
              country: n.iso3,
              score: n.score,
              ...Object.fromEntries(n.contributions.map((c) => [c.factor, c.points])),
            })),
            ['rank', 'country', 'score', ...needFactors],
          ),
        );
      });
    });

  registry
    .command('export')
    .description('write every team fact (not retracted) as CSV or JSON, re-importable')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (options: { format: string }) => {
      const output = parseArg(
        z.enum(['csv', 'json'], { message: 'must be csv or json' }),
        options.format,
        '--format',
      );
      await withContext(async (ctx) => {
        const rows = exportRows(await loadTeams((await registryDeps(ctx)).db.kysely));
        if (output === 'csv') {
          process.stdout.write(toCsv(rows));
          return;
        }
        const [header, ...body] = rows;
        const facts = body.map((row) =>
          Object.fromEntries(header!.map((column, i) => [String(column), row[i] ?? ''])),
        );
        process.stdout.write(`${JSON.stringify({ facts }, null, 2)}\n`);
      });
    });

  registry
    .command('import')
    .description(
      'import team facts from a CSV or JSON file (see docs/registry.md); nothing is written if a row is bad, unless --valid-only',
    )
    .argument('<file>', 'a .csv or .json file in the export format')
    .option('--valid-only', 'write the valid rows and report the others')
    .option('--dry-run', 'check the file and say what would change, without writing')
    .option('--json', 'print the report as JSON')
    .action(
      async (file: string, options: { validOnly?: boolean; dryRun?: boolean; json?: boolean }) => {
        if (!existsSync(file)) throw new AppError('not_found', `No file ${file}`);
        const bytes = readFileSync(file);
        await withContext(async (ctx) => {
          const deps = await registryDeps(ctx);
          const known = new Set(deps.data.countries.map((c) => c.iso3));
          const day = new Date().toISOString().slice(0, 10);
          const parsed = file.endsWith('.json')
            ? parseFactsJson(bytes, known, day)
            : parseFactsCsv(bytes, known, day);
          const bar = progressBar('importing');
          const result = await importFacts(
            deps,
            ctx.audit,
            parsed.rows,
            parsed.errors,
            { mode: options.validOnly ? 'valid' : 'all', dryRun: options.dryRun ?? false },
            (done, total) => bar.update(done, total),
          );
          bar.finish();
          print(options, result, () =>
            [
              result.written
                ? 'Imported.'
                : options.dryRun
                  ? 'Dry run: nothing written.'
                  : 'Nothing imported: fix the rows below or use --valid-only.',
              `rows: ${result.rows}, new teams: ${result.teamsCreated}, new facts: ${result.factsAdded}, already present: ${result.duplicates}, rejected: ${result.errors.length}`,
              ...result.errors.map((e) => `  line ${e.line}, ${e.field}: ${e.message}`),
            ].join('\n'),
          );
          if (!result.written && !options.dryRun) process.exitCode = 2;
        });
      },
    );

  const report = program.command('report').description('reports');
  report
    .command('progress')
    .description(
      'Resolution 58 progress report: national CIRT coverage on a day against a baseline',
    )
    .option('--as-of <date>', 'the day of the report (default today)')
    .option(
      '--compare-to <date>',
      'the baseline day (default: the latest revision of the resolution before it)',
    )
    .option('--format <format>', 'json, csv, html or pdf', 'json')
    .option('--lang <lang>', 'language of the html and pdf report: en, fr, es, ar, ru or zh', 'en')
    .option('--output <file>', 'write to this file instead of standard output (required for pdf)')
    .action(
      async (options: {
        asOf?: string;
        compareTo?: string;
        format: string;
        lang: string;
        output?: string;
      }) => {
        const asOf =
          options.asOf === undefined
            ? new Date().toISOString().slice(0, 10)
            : parseArg(day, options.asOf, '--as-of');
        const compareTo =
          options.compareTo === undefined
            ? defaultComparison(asOf)
            : parseArg(day, options.compareTo, '--compare-to');
        const output = parseArg(
          z.enum(['json', 'csv', 'html', 'pdf'], { message: 'must be json, csv, html or pdf' }),
          options.format,
          '--format',
        );
        const lang = parseArg(localeSchema, options.lang, '--lang');
        if (output === 'pdf' && !options.output) {
          throw new AppError('validation_failed', '--format pdf needs --output <file>');
        }
        await withContext(async (ctx) => {
          const deps = await registryDeps(ctx);
          let content: string | Buffer;
          if (output === 'html' || output === 'pdf') {
            const view = await reportView(deps, asOf, compareTo, lang, new Date().toISOString());
            content =
              output === 'pdf'
                ? await htmlToPdf(reportHtml(view)).finally(closePdfBrowser)
                : reportHtml(view);
          } else {
            const result = await reportAsOf(deps, asOf, compareTo);
            content =
              output === 'csv' ? toCsv(reportRows(result)) : `${JSON.stringify(result, null, 2)}\n`;
          }
          if (options.output) {
            writeFileSync(options.output, content);
            process.stderr.write(`Report written to ${options.output}\n`);
          } else process.stdout.write(content);
        });
      },
    );
}
