/**
 * Shapes of the RFC 2350 API's JSON. They mirror src/modules/toolkit/rfc2350.ts (the profile
 * schema) and rfc2350.service.ts (what the routes answer); keep them in step.
 */
export interface Rfc2350Profile {
  document: { distributionList: string; locations: string[] };
  contact: {
    teamName: string;
    shortName: string;
    address: string;
    timeZone: string;
    phone: string;
    fax: string;
    otherTelecom: string;
    email: string;
    publicKey: string;
    encryptionInfo: string;
    members: string;
    otherInfo: string;
    contactMethods: string;
    hours: string;
    emergency: string;
  };
  charter: { mission: string; constituency: string; sponsorship: string; authority: string };
  policies: { incidentTypes: string; cooperation: string; communication: string };
  services: {
    offered: string[];
    overview: string;
    incidentResponse: string;
    triage: string;
    coordination: string;
    resolution: string;
    proactive: string;
  };
  reportingForms: string;
  disclaimers: string;
  securityTxt: {
    contacts: string[];
    expires: string;
    encryption: string[];
    acknowledgments: string[];
    preferredLanguages: string[];
    canonical: string[];
    policy: string[];
    hiring: string[];
  };
}

export interface KeyInfo {
  fingerprint: string;
  keyId: string;
  userIds: string[];
  algorithm: string;
  created: string;
  expires: string | null;
}

export interface Issue {
  field: string;
  message: string;
}

export interface SecurityTxtProblem extends Issue {
  severity: 'error' | 'warning';
}

export interface TemplateSection {
  number: string;
  level: 1 | 2 | 3;
  title: string;
  fields: string[];
  sim3: string[];
}

export interface Rfc2350State {
  profile: Rfc2350Profile;
  saved: boolean;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  key: KeyInfo | null;
  plannedServices: Array<{ id: string; horizon: string }>;
  securityTxt: { problems: SecurityTxtProblem[] };
  canEdit: boolean;
  template: TemplateSection[];
}

export interface Preview {
  text: string;
  securityTxt: { text: string; problems: SecurityTxtProblem[] };
  issues: Issue[];
  key: KeyInfo | null;
}

export type SignedDocument = 'rfc2350' | 'security.txt';

export interface Signed {
  document: SignedDocument;
  signedText: string;
  fingerprint: string;
  warnings: Array<{ code: string; message: string }>;
}

export interface Verification {
  valid: boolean;
  fingerprint: string | null;
  keyId: string | null;
  signedAt: string | null;
  reason: string | null;
  reasonCode: 'no_signature' | 'other_key' | 'changed' | 'invalid' | null;
  matches: SignedDocument | null;
}

/** The services catalogue, as much of it as the picker needs. */
export interface ServicesCatalogue {
  id: string;
  version: string;
  title: string;
  areas: Array<{
    id: string;
    name: string;
    services: Array<{ id: string; name: string; description: string }>;
  }>;
}

export const exportFormats = ['txt', 'html', 'md', 'pdf', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];
