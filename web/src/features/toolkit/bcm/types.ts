/**
 * Shapes of the BCM plan API's JSON. They mirror src/modules/toolkit/bcm.schema.ts and
 * bcm-escalation.ts; keep them in step when the API changes.
 */
export const channelTypes = [
  'phone',
  'email',
  'sms',
  'radio',
  'secure-messenger',
  'in-person',
] as const;
export type ChannelType = (typeof channelTypes)[number];
export const audienceTargets = ['contacts', 'affected-operators'] as const;
export type AudienceTarget = (typeof audienceTargets)[number];
export const ruleActions = ['notify', 'activate-checklist'] as const;
export type RuleAction = (typeof ruleActions)[number];

export interface Level {
  id: string;
  name: string;
  rank: number;
  colour: string;
  description: string;
}
export interface Channel {
  type: ChannelType;
  value: string;
}
export interface Contact {
  id: string;
  name: string;
  role: string;
  organisation: string;
  channels: Channel[];
  backup: string | null;
}
export interface Audience {
  id: string;
  name: string;
  target: AudienceTarget;
  contacts: string[];
}
export interface Cell {
  informed: boolean;
  minutes: number | null;
  channel: ChannelType | null;
  contacts: string[];
}
export interface MatrixRow {
  owner: string | null;
  audiences: Record<string, Cell>;
}
export interface OperatorLink {
  id: string;
  operator: string;
  sector: string;
  service: string;
  rtoHours: number;
  rpoHours: number;
  mtpdHours: number;
  dependsOn: string[];
  dependencies: string;
  bcmContact: string | null;
}
export interface ChecklistStep {
  id: string;
  action: string;
  who: string | null;
  atMinutes: number;
  done: string;
}
export interface TreeEdge {
  caller: string;
  callee: string;
}
export interface Rule {
  id: string;
  name: string;
  minLevel: string;
  sectors: string[];
  action: RuleAction;
  audience: string | null;
  minutes: number;
  channel: ChannelType | null;
}
export interface BcmPlan {
  levels: Level[];
  contacts: Contact[];
  audiences: Audience[];
  matrix: Record<string, MatrixRow>;
  operators: OperatorLink[];
  crisisLead: string | null;
  checklist: ChecklistStep[];
  contactTree: TreeEdge[];
  rules: Rule[];
}

/** A broken rule of the plan: where (`matrix.high.owner`), which rule, with what. */
export interface BcmIssue {
  field: string;
  message: string;
  rule: string;
  params: Record<string, string | number>;
}

export interface BcmAnswer {
  plan: BcmPlan;
  saved: boolean;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  issues: BcmIssue[];
  canEdit: boolean;
}

export interface Escalation {
  kind: 'owner' | 'notify' | 'checklist';
  levelId: string;
  audience: string | null;
  stepId: string | null;
  contactIds: string[];
  operatorIds: string[];
  channel: ChannelType | null;
  withinMinutes: number;
  dueAt: string;
  reason: string;
}

export interface EscalationResult {
  incidentId: string;
  direction: 'opened' | 'raised' | 'unchanged' | 'lowered' | 'unknown';
  escalations: Escalation[];
  note: { kind: 'de-escalation' | 'no-plan'; ownerId: string | null; message: string } | null;
  planRevision: number;
}
