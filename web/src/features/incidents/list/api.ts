import { api, withQuery } from '../../../app/api';
import type { IncidentStatus, Tlp } from '../types';

/**
 * Calls of the list and statistics pages (routes in src/modules/incidents/list.routes.ts).
 * The filter lives in the page's URL with the API's own parameter names, so a filtered list
 * can be bookmarked, shared and saved as it is.
 */
export const filterParams = [
  'q',
  'status',
  'rsitClass',
  'tlp',
  'severity',
  'sector',
  'assignee',
  'createdFrom',
  'createdTo',
  'slaBreached',
] as const;
export type FilterParam = (typeof filterParams)[number];
export type ListFilter = Partial<Record<FilterParam, string>>;

export function filterFrom(params: URLSearchParams): ListFilter {
  const filter: ListFilter = {};
  for (const key of filterParams) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

export interface IncidentSummary {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  rsitClass: string | null;
  rsitType: string | null;
  tlp: Tlp;
  severity: string | null;
  sector: string | null;
  assignee: { id: string; name: string | null } | null;
  createdAt: string;
  updatedAt: string;
  sla: { ackBreached: boolean; resolveBreached: boolean };
}

export interface IncidentPage {
  items: IncidentSummary[];
  nextCursor: string | null;
}

export const listIncidents = (filter: ListFilter, cursor: string | null) =>
  api.get<IncidentPage>(withQuery('/api/incidents', { ...filter, cursor, limit: 50 }));

export const exportUrl = (filter: ListFilter, maxTlp: string) =>
  withQuery('/api/incidents/export.csv', { ...filter, maxTlp });

export interface SavedFilter {
  id: string;
  name: string;
  filter: Record<string, unknown>;
  shared: boolean;
  owner: { id: string; name: string | null };
  mine: boolean;
}

export const listSavedFilters = () => api.get<{ items: SavedFilter[] }>('/api/incidents/filters');

/** The URL form of a list filter as the API's JSON (lists, a boolean). */
export function filterBody(filter: ListFilter): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'status' || key === 'tlp' || key === 'severity') body[key] = value.split(',');
    else if (key === 'slaBreached') body[key] = value === 'true';
    else body[key] = value;
  }
  return body;
}

/** A saved filter's JSON back into URL parameters. */
export function filterParamsOf(saved: Record<string, unknown>): ListFilter {
  const filter: ListFilter = {};
  for (const key of filterParams) {
    const value = saved[key];
    if (Array.isArray(value)) filter[key] = value.join(',');
    else if (typeof value === 'string' || typeof value === 'boolean') filter[key] = String(value);
  }
  return filter;
}

export const saveFilter = (name: string, filter: ListFilter, shared: boolean) =>
  api.post<SavedFilter>('/api/incidents/filters', { name, filter: filterBody(filter), shared });

export const deleteFilter = (id: string) =>
  api.delete(`/api/incidents/filters/${encodeURIComponent(id)}`);

export interface IncidentStats {
  total: number;
  byRsitClass: { key: string | null; count: number }[];
  bySector: { key: string | null; count: number }[];
  byStatus: { key: IncidentStatus; count: number }[];
  bySeverity: { key: string | null; count: number }[];
  byMonth: { month: string; count: number }[];
}

export const getStats = (filter: ListFilter) =>
  api.get<IncidentStats>(withQuery('/api/incidents/stats', { ...filter }));
