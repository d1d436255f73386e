import type { Command } from 'commander';
import { z } from 'zod';
import { toCsv } from '../../kernel/index.js';
import {
  defaultWeights,
  loadReferenceData,
  needFactors,
  needsAsOf,
  reportAsOf,
  seedRegistry,
  type RegistryDeps,
  type Weights,
} from '../../modules/registry/index.js';
import { defaultComparison } from '../../modules/registry/indicators.js';
import { reportRows } from '../../modules/registry/report-csv.js';
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
    .option('--format <format>', 'json or csv', 'json')
    .action(async (options: { asOf?: string; compareTo?: string; format: string }) => {
      const asOf =
        options.asOf === undefined
          ? new Date().toISOString().slice(0, 10)
          : parseArg(day, options.asOf, '--as-of');
      const compareTo =
        options.compareTo === undefined
          ? defaultComparison(asOf)
          : parseArg(day, options.compareTo, '--compare-to');
      const output = parseArg(
        z.enum(['json', 'csv'], { message: 'must be json or csv' }),
        options.format,
        '--format',
      );
      await withContext(async (ctx) => {
        const result = await reportAsOf(await registryDeps(ctx), asOf, compareTo);
        process.stdout.write(
          output === 'csv' ? toCsv(reportRows(result)) : `${JSON.stringify(result, null, 2)}\n`,
        );
      });
    });
}
