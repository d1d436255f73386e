import { z } from 'zod';

/**
 * The BCM and crisis-management plan of a project (document kind `bcm`, one per project): the
 * national incident severity ladder, who is told what at each level (the escalation matrix), the
 * continuity links of critical-service operators, the crisis-activation checklist, the contact
 * tree and the rules that tie them together. The schema checks shapes only; the rules between
 * the parts (owners, deadlines, channels, references, the tree) are `validateBcmPlan`'s.
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

/** Ids are chosen by people and kept in exports: short, lower case, stable across renames. */
export const planId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1 to 64 lower-case letters, digits, "_" or "-"');

const text = (max: number) => z.string().trim().max(max).default('');
const minutes = z
  .number()
  .int('must be whole minutes')
  .min(0)
  .max(525_600, 'must be at most a year');
const hours = z.number().min(0).max(87_600, 'must be at most ten years');

export const levelSchema = z.strictObject({
  id: planId,
  name: z.string().trim().min(1, 'must not be empty').max(80),
  /** Higher is more severe; ranks rise along the ladder (NCISS numbers its levels 0 to 5). */
  rank: z.number().int().min(0).max(99),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #cc0033'),
  description: text(1000),
});
export type Level = z.infer<typeof levelSchema>;

export const channelSchema = z.strictObject({
  type: z.enum(channelTypes),
  /** A number, an address, a call sign, a place: whatever reaches the person this way. */
  value: text(200),
});
export type Channel = z.infer<typeof channelSchema>;

export const contactSchema = z.strictObject({
  id: planId,
  name: z.string().trim().min(1, 'must not be empty').max(120),
  /** The function held in the crisis, e.g. "Head of the national CIRT". */
  role: text(120),
  organisation: text(160),
  channels: z.array(channelSchema).max(10).default([]),
  /** Who stands in when this person cannot be reached. */
  backup: planId.nullable().default(null),
});
export type Contact = z.infer<typeof contactSchema>;

export const audienceTargets = ['contacts', 'affected-operators'] as const;
export const audienceSchema = z.strictObject({
  id: planId,
  name: z.string().trim().min(1, 'must not be empty').max(80),
  /**
   * `contacts`: the audience is the people listed (on the audience or on a matrix cell).
   * `affected-operators`: the BCM contacts of the operators an incident affects, plus any listed.
   */
  target: z.enum(audienceTargets).default('contacts'),
  /** The people informed when a matrix cell names nobody itself. */
  contacts: z.array(planId).max(50).default([]),
});
export type Audience = z.infer<typeof audienceSchema>;

export const cellSchema = z.strictObject({
  informed: z.boolean().default(false),
  /** Deadline after the incident reaches the level. */
  minutes: minutes.nullable().default(null),
  channel: z.enum(channelTypes).nullable().default(null),
  /** Empty: the audience's own contacts. */
  contacts: z.array(planId).max(50).default([]),
});
export type Cell = z.infer<typeof cellSchema>;

export const matrixRowSchema = z.strictObject({
  /** The contact who owns the escalation at this level; required for a valid plan. */
  owner: planId.nullable().default(null),
  /** Keyed by audience id; an audience without a cell is not informed at this level. */
  audiences: z.record(z.string(), cellSchema).default({}),
});
export type MatrixRow = z.infer<typeof matrixRowSchema>;

export const operatorLinkSchema = z.strictObject({
  id: planId,
  operator: z.string().trim().min(1, 'must not be empty').max(160),
  sector: text(80),
  service: z.string().trim().min(1, 'must not be empty').max(160),
  /** Recovery time objective, recovery point objective, maximum tolerable period of disruption. */
  rtoHours: hours,
  rpoHours: hours,
  mtpdHours: hours,
  /** Other operator links this service depends on (ids in `operators`). */
  dependsOn: z.array(planId).max(50).default([]),
  /** Dependencies outside the plan, in words (suppliers, utilities, cloud regions). */
  dependencies: text(1000),
  bcmContact: planId.nullable().default(null),
});
export type OperatorLink = z.infer<typeof operatorLinkSchema>;

export const checklistStepSchema = z.strictObject({
  id: planId,
  action: z.string().trim().min(1, 'must not be empty').max(300),
  /** Who does it; null means the crisis lead. */
  who: planId.nullable().default(null),
  /** Minutes after the activation. */
  atMinutes: minutes,
  /** How everyone knows the step is done. */
  done: text(300),
});
export type ChecklistStep = z.infer<typeof checklistStepSchema>;

/** One call in the contact tree: `caller` phones `callee`. */
export const treeEdgeSchema = z.strictObject({ caller: planId, callee: planId });
export type TreeEdge = z.infer<typeof treeEdgeSchema>;

export const ruleActions = ['notify', 'activate-checklist'] as const;
export const ruleSchema = z.strictObject({
  id: planId,
  name: text(160),
  /** The rule applies from this level up. */
  minLevel: planId,
  /** Only when the incident affects one of these sectors; empty: any sector. */
  sectors: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
  action: z.enum(ruleActions),
  /** For `notify`: the audience told. */
  audience: planId.nullable().default(null),
  /** For `notify`: deadline; for `activate-checklist`: when the checklist starts. */
  minutes,
  channel: z.enum(channelTypes).nullable().default(null),
});
export type Rule = z.infer<typeof ruleSchema>;

export const bcmPlanSchema = z.strictObject({
  /** Ordered from the least to the most severe. */
  levels: z.array(levelSchema).min(2, 'a ladder needs at least two levels').max(12),
  contacts: z.array(contactSchema).max(300).default([]),
  audiences: z.array(audienceSchema).max(20).default([]),
  /** Keyed by level id. */
  matrix: z.record(z.string(), matrixRowSchema).default({}),
  operators: z.array(operatorLinkSchema).max(500).default([]),
  /** Who leads the crisis: the root of the contact tree and the default doer of checklist steps. */
  crisisLead: planId.nullable().default(null),
  checklist: z.array(checklistStepSchema).max(100).default([]),
  contactTree: z.array(treeEdgeSchema).max(300).default([]),
  rules: z.array(ruleSchema).max(50).default([]),
});
export type BcmPlan = z.infer<typeof bcmPlanSchema>;
export type BcmPlanInput = z.input<typeof bcmPlanSchema>;

/** The JSON export, which PUT takes back as it is (with the target's current revision). */
export const bcmExportFormat = 'cirtkit.bcm-plan' as const;
export const bcmPutSchema = z.strictObject({
  format: z.literal(bcmExportFormat).optional(),
  revision: z.number().int().min(0),
  plan: bcmPlanSchema,
});

/**
 * A broken rule of the plan. `field` locates it (`matrix.high.owner`), `message` says it in
 * English, `rule` and `params` let an interface say it in another language.
 */
export interface BcmIssue {
  field: string;
  message: string;
  rule: string;
  params: Record<string, string | number>;
}
