/**
 * Establishment toolkit: projects that take a country or an organisation from "we need a
 * CIRT" to an operating, measured one — readiness and SIM3 assessments, services, roadmap,
 * BCM and crisis-management integration, the RFC 2350 profile — and report to the registry.
 */
export { toolkitRoutes } from './toolkit.routes.js';
export { toolkitDeps, type ToolkitDeps } from './deps.js';
export {
  loadToolkitContent,
  defaultContentDir,
  ContentError,
  type ToolkitContent,
} from './content.js';
export * from './content.schema.js';
/** For the incidents module: what a case's severity change calls for under the project's plan. */
export { onIncidentSeverityChange } from './bcm.service.js';
export {
  escalationsFor,
  type SeverityChange,
  type Escalation,
  type EscalationResult,
} from './bcm-escalation.js';
/** For the incidents module: the severity ladder comes from a project's saved plan, else the default. */
export { defaultBcmPlan } from './bcm-defaults.js';
export { bcmPlanSchema, type BcmPlan } from './bcm.schema.js';
export { readDocument } from './documents.js';
export { findProject } from './store.js';
/** For contacts' keys elsewhere (constituents): read and describe an armoured public key. */
export {
  readPublicKey,
  signCleartext,
  verifyCleartext,
  type KeyInfo,
  type Verification,
} from './openpgp.js';
