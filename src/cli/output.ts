import { AppError, isAppError } from '../kernel/index.js';

/** Exit codes, documented in docs/admin-guide.md. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, auditBroken: 3 } as const;

export interface OutputOptions {
  json?: boolean;
}

/** Prints a result for people (text) or scripts (`--json`, one JSON document on stdout). */
export function print(options: OutputOptions, value: unknown, text: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

export function table(
  rows: Record<string, string | number | boolean | null | undefined>[],
  columns: string[],
): string {
  const widths = columns.map((c) =>
    Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => String(r[c] ?? '')))),
  ].join('\n');
}

/** Reports a failure on stderr (as JSON with --json) and gives the exit code it deserves. */
export function reportError(error: unknown, json: boolean): number {
  const appError = isAppError(error)
    ? error
    : new AppError('internal', error instanceof Error ? error.message : String(error));
  // Bad arguments and bad settings are the caller's to fix: both are usage errors.
  const usage =
    appError.code === 'config_invalid' || (appError.status >= 400 && appError.status < 500);
  if (json) {
    process.stderr.write(
      `${JSON.stringify({ error: appError.code, message: appError.message, errors: appError.issues ?? [] })}\n`,
    );
  } else {
    process.stderr.write(`cirtkit: ${appError.message}\n`);
    for (const issue of appError.issues ?? [])
      process.stderr.write(`  - ${issue.field}: ${issue.message}\n`);
  }
  return usage ? exitCodes.usage : exitCodes.failure;
}
