import { z } from 'zod';
import { provisionIdSchema, instrumentIdSchema } from './catalogue.schema.js';

/**
 * A country's legal assessment: one current record per provision (and per instrument for
 * ratification), each change kept in an append-only history.
 */

export const iso3Schema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as KEN');
const day = z.iso.date('must be a date as YYYY-MM-DD');
const shortText = (max: number) => z.string().trim().min(1).max(max);

/** `not-applicable` takes the provision out of the country's coverage (an optional offence). */
export const assessmentStatuses = [
  'enacted',
  'partially',
  'draft',
  'absent',
  'not-applicable',
] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
export const assessmentStatusSchema = z.enum(assessmentStatuses, {
  error: `must be one of ${assessmentStatuses.join(', ')}`,
});

/** What a user sends to record a provision's status. */
export const assessmentInputSchema = z
  .strictObject({
    status: assessmentStatusSchema,
    lawTitle: shortText(300).optional(),
    article: shortText(100).optional(),
    adoptedOn: day.optional(),
    link: z.url('must be a URL').max(2000).optional(),
    notes: z.string().trim().max(4000).optional(),
  })
  .superRefine((value, ctx) => {
    // A citation that names no law cannot be checked by anyone who reads the report.
    for (const field of ['article', 'adoptedOn', 'link'] as const)
      if (value[field] !== undefined && value.lawTitle === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} needs the law's title (lawTitle)`,
        });
  });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const assessmentSchema = z.object({
  iso3: iso3Schema,
  provision: provisionIdSchema,
  status: assessmentStatusSchema,
  lawTitle: z.string().nullable(),
  article: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  link: z.string().nullable(),
  notes: z.string().nullable(),
  /** The user's display name (or e-mail) at the time. */
  assessedBy: z.string(),
  assessedAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const ratificationStatuses = ['none', 'signed', 'ratified', 'acceded'] as const;
export type RatificationStatus = (typeof ratificationStatuses)[number];

export const ratificationInputSchema = z
  .strictObject({
    status: z.enum(ratificationStatuses, {
      error: `must be one of ${ratificationStatuses.join(', ')}`,
    }),
    date: day.optional(),
    /** Where the status was read: the depositary's page, a gazette. */
    source: shortText(300).optional(),
    sourceUrl: z.url('must be a URL').max(2000).optional(),
    notes: z.string().trim().max(4000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status !== 'none' && value.source === undefined && value.sourceUrl === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: `a ${value.status} status needs its source (source or sourceUrl)`,
      });
    if (value.status !== 'none' && value.date === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `a ${value.status} status needs its date`,
      });
  });
export type RatificationInput = z.infer<typeof ratificationInputSchema>;

export const ratificationSchema = z.object({
  iso3: iso3Schema,
  instrument: instrumentIdSchema,
  status: z.enum(ratificationStatuses),
  date: z.string().nullable(),
  source: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Ratification = z.infer<typeof ratificationSchema>;
