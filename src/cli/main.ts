import { Command, CommanderError } from 'commander';
import { appVersion } from '../server/app.js';
import { constituentsCommands } from './commands/constituents.js';
import { exchangeCommands } from './commands/exchange.js';
import { maintenanceCommands } from './commands/maintenance.js';
import { registryCommands } from './commands/registry.js';
import { serveCommand } from './commands/serve.js';
import { tokenCommands } from './commands/tokens.js';
import { userCommands } from './commands/users.js';
import { exitCodes, reportError } from './output.js';

export function buildProgram(): Command {
  const program = new Command('cirtkit')
    .description('cirtkit: establish, operate and connect national CIRTs')
    .version(appVersion)
    .showHelpAfterError()
    .exitOverride();
  serveCommand(program);
  maintenanceCommands(program);
  userCommands(program);
  tokenCommands(program);
  registryCommands(program);
  constituentsCommands(program);
  exchangeCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    return reportError(error, argv.includes('--json'));
  }
}

const code = await main(process.argv);
if (code !== exitCodes.ok) process.exitCode = code;
