import { api, RawBody, withQuery } from '../../app/api';
import type {
  AccessEntry,
  AffectedConstituent,
  Attachment,
  IncidentLink,
  IncidentReference,
  IncidentSettings,
  IncidentStatus,
  IncidentView,
  LinkKind,
  NewIncident,
  NotificationPreview,
  NotificationRequest,
  NotificationSent,
  Observable,
  ObservableKind,
  ReferenceAnswer,
  StoredSettings,
  Task,
  TaskStatus,
  TimelineEvent,
} from './types';

/**
 * Calls of the incident pages (new, detail, settings) against /api/incidents (routes in
 * src/modules/incidents/incidents.routes.ts and sub.routes.ts); the list page has its own.
 */

export const incidentPath = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export async function getReference(lang: string): Promise<IncidentReference> {
  const answer = await api.get<ReferenceAnswer>(withQuery('/api/incidents/reference', { lang }));
  return {
    rsit: answer.rsit.classes,
    ladder: answer.severity.levels,
    transitions: Object.fromEntries(answer.statuses.map((s) => [s.id, s.next])),
    queues: answer.queues,
    sectors: answer.sectors,
    users: answer.users,
  };
}

export type NewIncidentInput = Partial<NewIncident> & { title: string };

export const createIncident = (input: NewIncidentInput) =>
  api.post<IncidentView>('/api/incidents', input);

export const getIncident = (id: string) => api.get<IncidentView>(incidentPath(id));

export type TriagePatch = Partial<
  Pick<
    IncidentView,
    | 'title'
    | 'description'
    | 'rsitClass'
    | 'rsitType'
    | 'tlp'
    | 'pap'
    | 'severity'
    | 'impact'
    | 'sector'
    | 'assigneeId'
    | 'queue'
  >
> & { revision: number };

export const updateIncident = (id: string, patch: TriagePatch) =>
  api.patch<IncidentView>(incidentPath(id), patch);

export const changeStatus = (
  id: string,
  change: { revision: number; status: IncidentStatus; comment?: string },
) => api.post<IncidentView>(`${incidentPath(id)}/status`, change);

export const getTimeline = (id: string) =>
  api.get<{ events: TimelineEvent[] }>(`${incidentPath(id)}/timeline`);

export const addComment = (id: string, body: string) =>
  api.post<TimelineEvent>(`${incidentPath(id)}/comments`, { body });

export const listTasks = (id: string) => api.get<{ tasks: Task[] }>(`${incidentPath(id)}/tasks`);

export const addTask = (id: string, task: { title: string; assigneeId?: string | null }) =>
  api.post<Task>(`${incidentPath(id)}/tasks`, task);

export const updateTask = (
  id: string,
  taskId: string,
  patch: { status?: TaskStatus; assigneeId?: string | null; title?: string },
) => api.patch<Task>(`${incidentPath(id)}/tasks/${encodeURIComponent(taskId)}`, patch);

export const listObservables = (id: string) =>
  api.get<{ observables: Observable[] }>(`${incidentPath(id)}/observables`);

export const addObservables = (
  id: string,
  observables: { kind: ObservableKind; value: string; note?: string }[],
) => api.post<{ added: Observable[] }>(`${incidentPath(id)}/observables`, { observables });

export const deleteObservable = (id: string, obsId: string) =>
  api.delete(`${incidentPath(id)}/observables/${encodeURIComponent(obsId)}`);

export const listConstituents = (id: string) =>
  api.get<{ constituents: AffectedConstituent[] }>(`${incidentPath(id)}/constituents`);

export const setConstituent = (
  id: string,
  orgId: string,
  origin: 'confirmed' | 'dismissed' | 'manual',
) =>
  api.post<{ constituents: AffectedConstituent[] }>(
    `${incidentPath(id)}/constituents/${encodeURIComponent(orgId)}`,
    { origin },
  );

/** One organisation found by the manual search of the affected-constituents panel. */
export interface OrgHit {
  id: string;
  name: string;
  shortName: string | null;
  sector: string;
  critical: boolean;
  iso3: string | null;
}

/** Organisations whose name, short name or website contains `q` (constituents.read). */
export const searchOrgs = (q: string, limit = 8) =>
  api.get<{ items: OrgHit[]; total: number }>(withQuery('/api/constituents/orgs', { q, limit }));

export const deleteTask = (id: string, taskId: string) =>
  api.delete(`${incidentPath(id)}/tasks/${encodeURIComponent(taskId)}`);

export const listAttachments = (id: string) =>
  api.get<{ attachments: Attachment[] }>(`${incidentPath(id)}/attachments`);

export const uploadAttachment = (id: string, file: File) =>
  api.post<Attachment>(
    withQuery(`${incidentPath(id)}/attachments`, {
      name: file.name,
      type: file.type || 'application/octet-stream',
    }),
    new RawBody(file, 'application/octet-stream'),
  );

export const attachmentUrl = (id: string, attId: string) =>
  `${incidentPath(id)}/attachments/${encodeURIComponent(attId)}`;

export const listLinks = (id: string) =>
  api.get<{ links: IncidentLink[] }>(`${incidentPath(id)}/links`);

export const addLink = (id: string, link: { to: string; kind: LinkKind }) =>
  api.post<IncidentLink>(`${incidentPath(id)}/links`, link);

export const deleteLink = (id: string, linkId: string) =>
  api.delete(`${incidentPath(id)}/links/${encodeURIComponent(linkId)}`);

export const mergeInto = (id: string, into: string, comment = '') =>
  api.post<IncidentView>(`${incidentPath(id)}/merge`, { into, comment });

export const listAccess = (id: string) =>
  api.get<{ access: AccessEntry[] }>(`${incidentPath(id)}/access`);

export const grantAccess = (id: string, userId: string) =>
  api.post<AccessEntry>(`${incidentPath(id)}/access`, { userId });

export const revokeAccess = (id: string, userId: string) =>
  api.delete(`${incidentPath(id)}/access/${encodeURIComponent(userId)}`);

export const getSettings = () => api.get<StoredSettings>('/api/incidents/settings');

export const saveSettings = (settings: IncidentSettings, revision: number) =>
  api.put<StoredSettings>('/api/incidents/settings', { ...settings, revision });

export const previewNotification = (id: string, request: NotificationRequest) =>
  api.post<NotificationPreview>(`${incidentPath(id)}/notifications/preview`, request);

export const sendNotification = (id: string, request: NotificationRequest) =>
  api.post<NotificationSent>(`${incidentPath(id)}/notifications`, request);
