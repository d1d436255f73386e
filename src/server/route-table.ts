import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Access } from '../modules/accounts/index.js';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** A file of the built web UI, public by nature. */
  webAsset: boolean;
}

const tables = new WeakMap<FastifyInstance, RouteOptions[]>();

/**
 * Records every route as it is added, with its declared access, so tests (and the authorisation
 * matrix) can walk the whole table. Call before any route is registered.
 */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  tables.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
}

/** Read when asked, not when recorded: later onRoute hooks may still adjust a route's config. */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return (tables.get(app) ?? []).flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method])
      .filter((method) => method !== 'HEAD')
      .map((method) => ({
        method,
        url: route.url,
        access: route.config?.access ?? 'authenticated',
        webAsset: route.config?.webAsset === true,
      })),
  );
}
