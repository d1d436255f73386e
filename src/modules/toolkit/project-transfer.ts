import { createHash } from 'node:crypto';
import { AppError, isoNow, newId } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { z } from 'zod';
import {
  assessmentKinds,
  assessmentStatuses,
  readinessAnswersSchema,
  sim3AnswersSchema,
  type Assessment,
} from './assessment.schema.js';
import { listAttachments } from './assessment.service.js';
import { bcmPlanSchema } from './bcm.schema.js';
import { validateBcmPlan } from './bcm.js';
import { phases } from './content.schema.js';
import { findVersion } from './content.js';
import type { ToolkitDeps } from './deps.js';
import { documentKinds, readDocument } from './documents.js';
import { projectKinds, type Project } from './project.schema.js';
import { readinessAnswerProblems } from './readiness.js';
import { readPublicKey } from './openpgp.js';
import { rfc2350ProfileSchema } from './rfc2350.js';
import { taskStatuses } from './roadmap.js';
import { selectionProblems, serviceSelectionSchema } from './services.js';
import { sim3AnswerProblems } from './sim3.js';
import { assessmentRow, listAssessments, listTasks, taskRow, type Executor } from './store.js';
import { latest } from './content.js';

/**
 * A whole project as one JSON file, to continue the work on another cirtkit instance (or to
 * keep a copy). Import creates a new project owned by the importer; the file is checked in
 * full before anything is written, and written in one transaction, so a bad file changes
 * nothing.
 */
export const projectExportFormat = 'cirtkit-toolkit-project';

const stamp = z.iso.datetime({ offset: true });
const day = z.iso.date();

export const projectExportSchema = z.strictObject({
  format: z.literal(projectExportFormat),
  formatVersion: z.literal(1),
  exportedAt: stamp,
  project: z.strictObject({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(projectKinds),
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    organisation: z.string().max(200),
    sector: z.string().max(100),
    phase: z.enum(phases),
  }),
  assessments: z
    .array(
      z.strictObject({
        ref: z.string().min(1).max(100),
        kind: z.enum(assessmentKinds),
        contentId: z.string().min(1).max(80),
        contentVersion: z.string().min(1).max(20),
        title: z.string().trim().min(1).max(200),
        status: z.enum(assessmentStatuses),
        answers: z.record(z.string(), z.unknown()),
        createdAt: stamp,
        createdBy: z.string().max(320),
        finalisedAt: stamp.nullable(),
        finalisedBy: z.string().max(320).nullable(),
      }),
    )
    .max(500),
  attachments: z
    .array(
      z.strictObject({
        assessment: z.string().min(1).max(100),
        itemId: z.string().min(1).max(80),
        filename: z.string().trim().min(1).max(200),
        mediaType: z.string().max(100),
        contentBase64: z.base64(),
      }),
    )
    .max(2000),
  documents: z.strictObject({
    services: serviceSelectionSchema.nullable(),
    bcm: bcmPlanSchema.nullable(),
    rfc2350: rfc2350ProfileSchema.nullable(),
  }),
  tasks: z
    .array(
      z.strictObject({
        gapId: z.string().max(200).nullable(),
        source: z.enum(['readiness', 'sim3', 'services', 'manual']),
        title: z.string().trim().min(1).max(300),
        detail: z.string().max(4000),
        phase: z.enum(phases),
        owner: z.string().max(200).nullable(),
        due: day.nullable(),
        status: z.enum(taskStatuses),
        progress: z.number().int().min(0).max(100),
        gapClosed: z.boolean(),
      }),
    )
    .max(2000),
});
export type ProjectExport = z.infer<typeof projectExportSchema>;

export async function exportProject(deps: ToolkitDeps, project: Project): Promise<ProjectExport> {
  const db = deps.db.kysely;
  const [assessments, tasks] = await Promise.all([
    listAssessments(db, project.id),
    listTasks(db, project.id),
  ]);
  const attachments: ProjectExport['attachments'] = [];
  for (const a of assessments)
    for (const meta of await listAttachments(db, a.id)) {
      const row = await db
        .selectFrom('toolkit_attachments')
        .select('content')
        .where('id', '=', meta.id)
        .executeTakeFirstOrThrow();
      attachments.push({
        assessment: a.id,
        itemId: meta.itemId,
        filename: meta.filename,
        mediaType: meta.mediaType,
        contentBase64: Buffer.from(row.content).toString('base64'),
      });
    }
  const [services, bcm, rfc2350] = await Promise.all([
    readDocument(db, project.id, 'services', serviceSelectionSchema),
    readDocument(db, project.id, 'bcm', bcmPlanSchema),
    readDocument(db, project.id, 'rfc2350', rfc2350ProfileSchema),
  ]);
  return {
    format: projectExportFormat,
    formatVersion: 1,
    exportedAt: isoNow(deps.clock),
    project: {
      name: project.name,
      kind: project.kind,
      iso3: project.iso3,
      organisation: project.organisation,
      sector: project.sector,
      phase: project.phase,
    },
    assessments: assessments.map((a) => ({
      ref: a.id,
      kind: a.kind,
      contentId: a.contentId,
      contentVersion: a.contentVersion,
      title: a.title,
      status: a.status,
      answers: a.answers,
      createdAt: a.createdAt,
      createdBy: a.createdBy,
      finalisedAt: a.finalisedAt,
      finalisedBy: a.finalisedBy,
    })),
    attachments,
    documents: { services: services.value, bcm: bcm.value, rfc2350: rfc2350.value },
    tasks: tasks.map((t) => ({
      gapId: t.gapId,
      source: t.source,
      title: t.title,
      detail: t.detail,
      phase: t.phase,
      owner: t.owner,
      due: t.due,
      status: t.status,
      progress: t.progress,
      gapClosed: t.gapClosed,
    })),
  };
}

type Issue = { field: string; message: string };

/** Everything wrong with a parsed export, against the content installed here. */
function importProblems(deps: ToolkitDeps, file: ProjectExport): Issue[] {
  const issues: Issue[] = [];
  if (file.project.iso3 && !deps.registry.data.countries.some((c) => c.iso3 === file.project.iso3))
    issues.push({ field: 'project.iso3', message: `${file.project.iso3} is not a country here` });
  const refs = new Set<string>();
  file.assessments.forEach((a, i) => {
    const at = `assessments.${i}`;
    if (refs.has(a.ref)) issues.push({ field: `${at}.ref`, message: 'is given twice' });
    refs.add(a.ref);
    if (a.kind === 'readiness') {
      const q = findVersion(deps.content.questionnaires, a.contentId, a.contentVersion);
      if (!q)
        return issues.push({
          field: `${at}.contentVersion`,
          message: `questionnaire ${a.contentId} ${a.contentVersion} is not installed here`,
        });
      const parsed = readinessAnswersSchema.safeParse(a.answers);
      if (!parsed.success)
        return issues.push(
          ...parsed.error.issues.map((x) => ({
            field: `${at}.answers.${x.path.join('.')}`,
            message: x.message,
          })),
        );
      issues.push(
        ...readinessAnswerProblems(q, parsed.data).map((p) => ({
          ...p,
          field: `${at}.${p.field}`,
        })),
      );
    } else {
      const m = findVersion(deps.content.sim3Models, a.contentId, a.contentVersion);
      if (!m)
        return issues.push({
          field: `${at}.contentVersion`,
          message: `SIM3 model ${a.contentId} ${a.contentVersion} is not installed here`,
        });
      const parsed = sim3AnswersSchema.safeParse(a.answers);
      if (!parsed.success)
        return issues.push(
          ...parsed.error.issues.map((x) => ({
            field: `${at}.answers.${x.path.join('.')}`,
            message: x.message,
          })),
        );
      issues.push(
        ...sim3AnswerProblems(m, parsed.data).map((p) => ({ ...p, field: `${at}.${p.field}` })),
      );
    }
    if (a.status === 'final' && a.finalisedAt === null)
      issues.push({ field: `${at}.finalisedAt`, message: 'a final assessment needs its date' });
  });
  file.attachments.forEach((x, i) => {
    if (!refs.has(x.assessment))
      issues.push({
        field: `attachments.${i}.assessment`,
        message: 'names no assessment of the file',
      });
    if (Buffer.from(x.contentBase64, 'base64').length > 10 * 1024 * 1024)
      issues.push({ field: `attachments.${i}.contentBase64`, message: 'is larger than 10 MB' });
  });
  const gapIds = new Set<string>();
  file.tasks.forEach((t, i) => {
    if (t.gapId === null) return;
    if (gapIds.has(t.gapId))
      issues.push({ field: `tasks.${i}.gapId`, message: `gap ${t.gapId} has a task already` });
    gapIds.add(t.gapId);
  });
  if (file.documents.services)
    issues.push(
      ...selectionProblems(latest(deps.content.services), file.documents.services).map((p) => ({
        ...p,
        field: `documents.services.${p.field}`,
      })),
    );
  if (file.documents.bcm)
    issues.push(
      ...validateBcmPlan(file.documents.bcm).map((p) => ({
        field: `documents.bcm.${p.field}`,
        message: p.message,
      })),
    );
  return issues;
}

export async function importProject(
  deps: ToolkitDeps,
  context: AuditContext,
  body: unknown,
): Promise<{ project: Project; assessments: number; tasks: number; attachments: number }> {
  const parsed = projectExportSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError('validation_failed', 'This is not a cirtkit toolkit project export', {
      issues: parsed.error.issues.slice(0, 50).map((i) => ({
        field: i.path.join('.') || '(file)',
        message: i.message,
      })),
    });
  const file = parsed.data;
  const problems = importProblems(deps, file);
  const key = file.documents.rfc2350?.contact.publicKey;
  if (key)
    // The same check as saving the profile: a file cannot bring in what the form would refuse.
    await readPublicKey(key, { field: 'documents.rfc2350.contact.publicKey' }).catch(
      (error: unknown) => {
        const issues = error instanceof AppError ? (error.issues ?? []) : [];
        problems.push(
          ...(issues.length
            ? issues.map((i) => ({ field: i.field, message: i.message }))
            : [{ field: 'documents.rfc2350.contact.publicKey', message: 'is not a public key' }]),
        );
      },
    );
  if (problems.length)
    throw new AppError(
      'validation_failed',
      `${problems.length} problem(s) in the file; nothing was imported`,
      { issues: problems.slice(0, 100) },
    );
  if (context.actorId === null)
    throw new AppError('forbidden', 'An import needs a person to own it');
  const now = isoNow(deps.clock);
  const project: Project = {
    id: newId(),
    ...file.project,
    // A registry team id means nothing on another instance: link it again after import.
    registryTeamId: null,
    revision: 1,
    createdAt: now,
    createdBy: context.actorLabel,
    updatedAt: now,
  };
  return deps.db.kysely.transaction().execute(async (trx: Executor) => {
    await trx
      .insertInto('toolkit_projects')
      .values({
        id: project.id,
        name: project.name,
        kind: project.kind,
        iso3: project.iso3,
        organisation: project.organisation,
        sector: project.sector,
        registry_team_id: null,
        phase: project.phase,
        revision: 1,
        created_at: now,
        created_by: project.createdBy,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('toolkit_members')
      .values({
        project_id: project.id,
        user_id: context.actorId!,
        role: 'owner',
        added_at: now,
        added_by: context.actorLabel,
      })
      .execute();
    const ids = new Map<string, string>();
    for (const a of file.assessments) {
      const assessment: Assessment = {
        id: newId(),
        projectId: project.id,
        kind: a.kind,
        contentId: a.contentId,
        contentVersion: a.contentVersion,
        title: a.title,
        status: a.status,
        answers:
          a.kind === 'readiness'
            ? readinessAnswersSchema.parse(a.answers)
            : sim3AnswersSchema.parse(a.answers),
        revision: 1,
        createdAt: a.createdAt,
        createdBy: a.createdBy,
        updatedAt: now,
        updatedBy: context.actorLabel,
        finalisedAt: a.finalisedAt,
        finalisedBy: a.finalisedBy,
      };
      ids.set(a.ref, assessment.id);
      await trx.insertInto('toolkit_assessments').values(assessmentRow(assessment)).execute();
    }
    for (const x of file.attachments) {
      const bytes = Buffer.from(x.contentBase64, 'base64');
      await trx
        .insertInto('toolkit_attachments')
        .values({
          id: newId(),
          assessment_id: ids.get(x.assessment)!,
          item_id: x.itemId,
          filename: x.filename,
          media_type: x.mediaType,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          content: bytes,
          created_at: now,
          created_by: context.actorLabel,
        })
        .execute();
    }
    for (const kind of documentKinds) {
      const value = file.documents[kind];
      if (value === null) continue;
      await trx
        .insertInto('toolkit_documents')
        .values({
          project_id: project.id,
          kind,
          json: JSON.stringify(value),
          revision: 1,
          updated_at: now,
          updated_by: context.actorLabel,
        })
        .execute();
    }
    let position = 0;
    for (const t of file.tasks)
      await trx
        .insertInto('toolkit_tasks')
        .values(
          taskRow({
            id: newId(),
            projectId: project.id,
            ...t,
            position: ++position,
            revision: 1,
            createdAt: now,
            updatedAt: now,
          }),
        )
        .execute();
    const summary = {
      assessments: file.assessments.length,
      tasks: file.tasks.length,
      attachments: file.attachments.length,
    };
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.project_import',
        entityType: 'toolkit_project',
        entityId: project.id,
        after: { project, ...summary, exportedAt: file.exportedAt },
      },
      deps.clock,
    );
    return { project, ...summary };
  });
}
