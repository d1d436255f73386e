import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm install` (prepare) puts the built web UI. */
export const webDistDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/web',
);

export function webBuilt(dir = webDistDir): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

/**
 * Serves the single-page app. Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next page load.
 */
export async function registerWeb(app: FastifyInstance, dir = webDistDir): Promise<void> {
  if (!webBuilt(dir)) return;
  // The app's files are what an anonymous visitor needs to see the login page: public. The
  // flag limits this to the routes the static plugin adds while it registers; a plugin queued
  // before it may add its routes meanwhile, so an /api route is never marked.
  let registeringStatic = true;
  app.addHook('onRoute', (route) => {
    if (registeringStatic && !route.url.startsWith('/api'))
      route.config = { ...route.config, access: 'public', webAsset: true };
  });
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset: no compression work per request.
    preCompressed: true,
    setHeaders: (res, filePath) => {
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  registeringStatic = false;
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
}

/** Client-side routes (/admin/users, /login ...) answer with the app's index.html. */
export function isSpaRequest(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (
    url.startsWith('/api/') ||
    url === '/api' ||
    url.startsWith('/healthz') ||
    url.startsWith('/readyz')
  )
    return false;
  if (/\.[a-z0-9]+(\?|$)/i.test(url)) return false;
  return (accept ?? '').includes('text/html');
}
