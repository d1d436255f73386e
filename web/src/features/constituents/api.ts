import { api, RawBody, request, withQuery } from '../../app/api';
import type {
  Contact,
  ImportReport,
  Organisation,
  OrganisationDetail,
  OrgFilter,
  OrgSummary,
  Ownership,
  OwnershipAnswer,
  OwnershipKind,
  RirReport,
} from './types';

/** Calls of the constituents API. */
const base = '/api/constituents';
const org = (id: string) => `${base}/orgs/${encodeURIComponent(id)}`;

export type OrgInput = Omit<
  Organisation,
  | 'id'
  | 'revision'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
  | 'updatedBy'
  | 'verifiedAt'
  | 'verifiedBy'
>;
export type ContactInput = Omit<
  Contact,
  'id' | 'orgId' | 'pgpFingerprint' | 'pgpExpiresAt' | 'createdAt' | 'updatedAt'
>;

export const listOrgs = (filter: OrgFilter, offset: number, limit: number) =>
  api.get<{ items: OrgSummary[]; total: number }>(
    withQuery(`${base}/orgs`, { ...filter, offset, limit }),
  );
export const getOrg = (id: string) => api.get<OrganisationDetail>(org(id));
export const createOrg = (input: OrgInput) => api.post<OrganisationDetail>(`${base}/orgs`, input);
export const updateOrg = (id: string, patch: Partial<OrgInput> & { revision: number }) =>
  api.patch<OrganisationDetail>(org(id), patch);
export const deleteOrg = (id: string) => api.delete(org(id));
export const addContact = (orgId: string, input: ContactInput) =>
  api.post<Contact>(`${org(orgId)}/contacts`, input);
export const updateContact = (orgId: string, id: string, input: Partial<ContactInput>) =>
  api.patch<Contact>(`${org(orgId)}/contacts/${encodeURIComponent(id)}`, input);
export const deleteContact = (orgId: string, id: string) =>
  api.delete(`${org(orgId)}/contacts/${encodeURIComponent(id)}`);
export const addOwnership = (orgId: string, kind: OwnershipKind, value: string, note: string) =>
  api.post<Ownership>(`${org(orgId)}/ownership`, { kind, value, note });
export const deleteOwnership = (orgId: string, id: string) =>
  api.delete(`${org(orgId)}/ownership/${encodeURIComponent(id)}`);
export const lookup = (q: string) => api.get<OwnershipAnswer>(withQuery(`${base}/lookup`, { q }));

export interface ImportOptions {
  mode: 'all' | 'valid';
  dryRun: boolean;
}

/** Sends a CSV file as it is, or a JSON file's document. */
export async function importFile(file: File, options: ImportOptions): Promise<ImportReport> {
  const path = withQuery(`${base}/import`, { mode: options.mode, dryRun: options.dryRun });
  if (file.name.toLowerCase().endsWith('.json')) {
    const document: unknown = JSON.parse(await file.text());
    return request<ImportReport>('POST', path, document);
  }
  return request<ImportReport>('POST', path, new RawBody(file, 'text/csv'));
}

export interface RirInput {
  source: string;
  country: string;
  orgId?: string;
  orgName?: string;
  sector?: string;
  dryRun: boolean;
}

export const importRir = (input: RirInput) => api.post<RirReport>(`${base}/import/rir`, input);
