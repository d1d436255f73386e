/**
 * Incidents: intake (UI, API, public form, e-mail), triage with RSIT/TLP/PAP and the national
 * severity ladder, the status workflow, tasks, observables with ownership lookup, attachments,
 * links and merge, SLA timers, escalation through the toolkit's BCM plan, and the TLP rule.
 */
export * from './incident.schema.js';
export { incidentsRoutes } from './incidents.routes.js';
export { incidentsDeps, type IncidentsDeps } from './deps.js';
export {
  canRead,
  isRestricted,
  readableIncidentsFilter,
  restrictedTlp,
  tlpRank,
  type Actor,
} from './access.js';
export { createIncident, getIncidentFor, findIncidentByReference, classify } from './service.js';
export { appendEvent, listEvents, type NewEvent } from './timeline.js';
export { listObservables } from './observables.service.js';
export { actorOf } from './http.js';
export {
  loadIncidentReference,
  defaultIncidentsDataDir,
  type IncidentReference,
  type RsitClass,
  type RsitType,
  type TaskTemplate,
} from './reference-data.js';
export { slaState, slaDeadlines, defaultSla, type SlaState, type SlaTable } from './sla.js';
export {
  slaSweep,
  sweepSlaBreaches,
  createSlaSweeper,
  type SlaBreachBody,
  type SlaSweeper,
  type SlaSweepReport,
} from './sla-sweep.js';
export { readSettings, readTeamName, loadLadder, type IncidentSettings } from './settings.js';
export type { Ladder, SeverityLevel } from './severity.js';
export { allowedNext, transitions } from './workflow.js';
export type { IncidentView } from './view.js';
export { addAttachment, type NewAttachment } from './attachments.service.js';
export { sniffMediaType, safeFilename } from './attachments.js';
export {
  mailingDeps,
  sendNotification,
  previewNotification,
  type MailingDeps,
} from './notify.service.js';
export { mailOutRoutes } from './notify.routes.js';
export { sendAcknowledgement } from './ack.js';
export { mailIntake } from './intake-mail.routes.js';
export { intakeMail, type MailIntakeDeps } from './intake-mail.js';
export { mayNotify } from './notify.js';
