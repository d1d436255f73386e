// Builds the server (tsc -> dist/) and the web UI (vite -> dist/web). Run by `npm install` (prepare).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(bin('tsc'))) {
  // Installed without dev dependencies: nothing to build with; bin/cirtkit.js explains.
  console.warn(
    'cirtkit: build tools are not installed (npm install without --omit=dev builds cirtkit)',
  );
  process.exit(0);
}
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
if (existsSync('web/vite.config.ts')) {
  run(bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  precompress('dist/web');
}

/** Writes .br and .gz beside each text asset, served as they are by @fastify/static (preCompressed). */
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      precompress(file);
      continue;
    }
    if (!/\.(js|css|html|svg|json|txt)$/.test(name)) continue;
    const content = readFileSync(file);
    const quality = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };
    writeFileSync(`${file}.br`, brotliCompressSync(content, quality));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}
