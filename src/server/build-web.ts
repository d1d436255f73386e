import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../kernel/index.js';
import { webBuilt, webDistDir } from './web.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `npm install` builds the web UI (prepare). If it is missing anyway (an install with
 * --ignore-scripts, a fresh checkout started with tsx), build it now rather than serve nothing.
 */
export async function ensureWebBuilt(logger: Logger): Promise<void> {
  if (webBuilt()) return;
  const configFile = path.join(root, 'web', 'vite.config.ts');
  logger.info('the web UI is not built yet: building it now (once)');
  try {
    const vite = await import('vite');
    await vite.build({ configFile, logLevel: 'warn' });
  } catch (error) {
    logger.error(
      { err: error },
      `could not build the web UI; run "npm run build" (output: ${webDistDir})`,
    );
  }
}
