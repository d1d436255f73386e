import type { FastifyInstance } from 'fastify';
import { assessmentRoutes } from './assessment.routes.js';
import { bcmRoutes } from './bcm.routes.js';
import type { ToolkitDeps } from './deps.js';
import { projectRoutes } from './project.routes.js';
import { rfc2350Routes } from './rfc2350.routes.js';
import { roadmapRoutes } from './roadmap.routes.js';

/** Mounts every toolkit route. */
export function toolkitRoutes(app: FastifyInstance, deps: ToolkitDeps): void {
  projectRoutes(app, deps);
  assessmentRoutes(app, deps);
  roadmapRoutes(app, deps);
  bcmRoutes(app, deps);
  rfc2350Routes(app, deps);
}
