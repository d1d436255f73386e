import { api, withQuery } from '../../../app/api';
import type { Locale } from '../../../app/types';
import { projectPath } from '../api';
import type {
  ExportFormat,
  Preview,
  Rfc2350Profile,
  Rfc2350State,
  ServicesCatalogue,
  Signed,
  SignedDocument,
  Verification,
} from './types';

/** Calls of the RFC 2350 page. Private keys go to `sign` in the request body and nowhere else. */

const base = (projectId: string) => `${projectPath(projectId)}/rfc2350`;

export const getRfc2350 = (projectId: string, lang: Locale) =>
  api.get<Rfc2350State>(withQuery(base(projectId), { lang }));

export const saveRfc2350 = (
  projectId: string,
  lang: Locale,
  revision: number,
  profile: Rfc2350Profile,
) => api.put<Rfc2350State>(withQuery(base(projectId), { lang }), { revision, profile });

export const previewRfc2350 = (projectId: string, profile: Rfc2350Profile, lang: Locale) =>
  api.post<Preview>(`${base(projectId)}/preview`, { profile, lang });

export const signRfc2350 = (
  projectId: string,
  input: { document: SignedDocument; privateKey: string; passphrase: string; lang: Locale },
) => api.post<Signed>(`${base(projectId)}/sign`, input);

export const verifyRfc2350 = (
  projectId: string,
  input: { signedText: string; publicKey?: string; lang: Locale },
) => api.post<Verification>(`${base(projectId)}/verify`, input);

export const getServicesCatalogue = (lang: Locale) =>
  api.get<ServicesCatalogue>(withQuery('/api/toolkit/content/services', { lang }));

/** Where each export of the saved profile downloads from. */
export const exportUrl = (projectId: string, format: ExportFormat, lang: Locale) =>
  withQuery(`${base(projectId)}.${format}`, { lang: lang === 'en' ? undefined : lang });

export const securityTxtUrl = (projectId: string) => `${projectPath(projectId)}/security.txt`;
