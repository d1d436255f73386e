import type { FastifyInstance } from 'fastify';
import type { ToolkitDeps } from './deps.js';

/** Routes of this part of the toolkit (to be written). */
export function bcmRoutes(_app: FastifyInstance, _deps: ToolkitDeps): void {}
