import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: { op: '<' | '>='; value: number };
  note?: string;
}

/** Prints figures as a table with each goal and whether this run met it. */
export function report(figures: Figure[]): void {
  const rows = figures.map((f) => {
    const met = f.goal
      ? f.goal.op === '<'
        ? f.value < f.goal.value
        : f.value >= f.goal.value
      : undefined;
    return [
      f.name,
      `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`,
      f.goal ? `${f.goal.op} ${f.goal.value} ${f.unit}` : '',
      met === undefined ? '' : met ? 'met' : 'MISSED',
      f.note ?? '',
    ];
  });
  const header = ['figure', 'this run', 'goal', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const answer = await fetch(url);
      if (answer.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
