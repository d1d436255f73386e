import { api, withQuery } from '../../app/api';
import type { AuditPage, ChainVerification } from '../../app/types';

export interface AuditFilter {
  actor: string;
  action: string;
  entityType: string;
  /** Calendar days as typed in <input type=date> (YYYY-MM-DD), in the reader's time zone. */
  fromDay: string;
  toDay: string;
}

export const noAuditFilter: AuditFilter = {
  actor: '',
  action: '',
  entityType: '',
  fromDay: '',
  toDay: '',
};

/** Actions the audit log records today; the filter offers these, the table shows any. */
export const knownActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_change',
  'auth.lockout',
  'user.create',
  'user.update',
  'user.update_profile',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'token.create',
  'token.revoke',
  'registry.team_add',
  'registry.fact_add',
  'registry.fact_retract',
  'registry.import',
  'registry.seed',
  'registry.assessment_add',
  'toolkit.project_create',
  'toolkit.project_update',
  'toolkit.member_add',
  'toolkit.member_remove',
  'toolkit.assessment_create',
  'toolkit.assessment_update',
  'toolkit.assessment_finalise',
  'toolkit.assessment_delete',
  'toolkit.attachment_add',
  'toolkit.attachment_delete',
  'toolkit.services_update',
  'toolkit.bcm_update',
  'toolkit.rfc2350_update',
  'toolkit.roadmap_generate',
  'toolkit.task_create',
  'toolkit.task_update',
  'toolkit.task_delete',
  'toolkit.project_import',
  'constituent.org_create',
  'constituent.org_update',
  'constituent.org_delete',
  'constituent.contact_create',
  'constituent.contact_update',
  'constituent.contact_delete',
  'constituent.ownership_add',
  'constituent.ownership_remove',
  'constituent.import',
  'constituent.import_rir',
  'incident.filter_create',
  'incident.filter_delete',
  'incident.create',
  'incident.update',
  'incident.status',
  'incident.comment',
  'incident.task_create',
  'incident.task_update',
  'incident.task_delete',
  'incident.observable_add',
  'incident.observable_delete',
  'incident.constituent_set',
  'incident.attachment_add',
  'incident.link_add',
  'incident.link_delete',
  'incident.merge',
  'incident.access_grant',
  'incident.access_revoke',
  'incident.settings_update',
  'incident.notify',
  'incident.acknowledge',
  'mail.receive',
  'mail.poll',
  'mail.thread',
  'mail.create_incident',
  'mail.unparsed',
  'mail.ignore',
  'mail.dismiss',
] as const;

export const knownEntityTypes = [
  'user',
  'api_token',
  'registry_team',
  'registry',
  'registry_country',
  'toolkit_project',
  'toolkit_assessment',
  'toolkit_task',
  'constituent_org',
  'constituent_contact',
  'constituents',
  'incident',
  'incident_settings',
  'incident_saved_filter',
  'mail_message',
  'mailbox',
] as const;

/** A whole local day, from its first to its last millisecond, as the instants the API expects. */
function dayStart(day: string): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}
function dayEnd(day: string): string | undefined {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
}

export const pageSize = 50;

export const listAudit = (filter: AuditFilter, before: number | null) =>
  api.get<AuditPage>(
    withQuery('/api/audit', {
      actor: filter.actor,
      action: filter.action,
      entityType: filter.entityType,
      from: dayStart(filter.fromDay),
      to: dayEnd(filter.toDay),
      limit: pageSize,
      before,
    }),
  );

export const verifyChain = () => api.get<ChainVerification>('/api/audit/verify');
