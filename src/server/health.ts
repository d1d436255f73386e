import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../kernel/index.js';
import { typed } from '../modules/accounts/index.js';
import { ping, type Db } from '../storage/index.js';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  const r = typed(app);
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
      config: { access: 'public', rateLimit: false },
    },
    () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) },
      },
      config: { access: 'public', rateLimit: false },
    },
    async () => {
      try {
        await ping(db);
      } catch (error) {
        throw new AppError('not_ready', 'The database does not answer', { cause: error });
      }
      return { status: 'ready' as const, database: db.dialect };
    },
  );
}
