import type { FastifyInstance } from 'fastify';
import type { ToolkitDeps } from './deps.js';

/** Routes of this part of the toolkit (to be written). */
export function rfc2350Routes(_app: FastifyInstance, _deps: ToolkitDeps): void {}
