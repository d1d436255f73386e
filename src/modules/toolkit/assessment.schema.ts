import { z } from 'zod';
import { sim3Level } from './content.schema.js';

/** Assessments: one schema per entity, used by the store, the API and the web UI. */

export const assessmentKinds = ['readiness', 'sim3'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const assessmentStatuses = ['draft', 'final'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const evidenceSchema = z.string().trim().max(4000, 'must be at most 4000 characters');

/** The answer to one readiness question: the option chosen (null = not answered yet). */
export const readinessAnswerSchema = z.strictObject({
  option: z.string().min(1).max(80).nullable(),
  evidence: evidenceSchema.default(''),
});
export type ReadinessAnswer = z.infer<typeof readinessAnswerSchema>;

/** The level given to one SIM3 parameter (null = not assessed yet). */
export const sim3AnswerSchema = z.strictObject({
  level: sim3Level.nullable(),
  evidence: evidenceSchema.default(''),
});
export type Sim3Answer = z.infer<typeof sim3AnswerSchema>;

export const readinessAnswersSchema = z.record(z.string().min(1).max(80), readinessAnswerSchema);
export const sim3AnswersSchema = z.record(z.string().min(1).max(80), sim3AnswerSchema);
export type ReadinessAnswers = z.infer<typeof readinessAnswersSchema>;
export type Sim3Answers = z.infer<typeof sim3AnswersSchema>;

export interface Assessment {
  id: string;
  projectId: string;
  kind: AssessmentKind;
  /** The content file (questionnaire or SIM3 model) and version the answers refer to. */
  contentId: string;
  contentVersion: string;
  title: string;
  status: AssessmentStatus;
  answers: ReadinessAnswers | Sim3Answers;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  finalisedAt: string | null;
  finalisedBy: string | null;
}
