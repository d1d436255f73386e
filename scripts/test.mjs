// Runs every *.test.ts with node's test runner (Node 20's --test takes no globs, so we list them).
// DATABASE_URL=postgres://... runs the same suite against PostgreSQL.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src', 'test'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.ts')) files.push(full);
  }
};
for (const root of roots) {
  if (statSync(root, { throwIfNoEntry: false })?.isFile()) files.push(root);
  else if (statSync(root, { throwIfNoEntry: false })) walk(root);
}
files.sort();

// Browser tests load the built web UI: rebuild it when a web source is newer than the build.
const newest = (dir) =>
  readdirSync(dir).reduce((latest, name) => {
    const full = path.join(dir, name);
    const stat = statSync(full);
    return Math.max(latest, stat.isDirectory() ? newest(full) : stat.mtimeMs);
  }, 0);
const builtAt = statSync('dist/web/index.html', { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (
  files.some((f) => f.includes('browser')) &&
  statSync('web', { throwIfNoEntry: false }) &&
  newest('web') > builtAt
) {
  console.log('cirtkit tests: the web UI changed since it was built: building it first');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const db = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
console.log(`cirtkit tests: ${files.length} files against ${db}`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, CIRTKIT_LOG_LEVEL: process.env.CIRTKIT_LOG_LEVEL ?? 'silent' },
  },
);
process.exit(result.status ?? 1);
