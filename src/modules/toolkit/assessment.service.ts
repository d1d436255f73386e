import { createHash } from 'node:crypto';
import { AppError, isoNow, newId } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { recordFact, recordReadinessAssessment } from '../registry/index.js';
import {
  readinessAnswersSchema,
  sim3AnswersSchema,
  type Assessment,
  type AssessmentKind,
  type ReadinessAnswers,
  type Sim3Answers,
} from './assessment.schema.js';
import type { Questionnaire, Sim3Model, Tiers } from './content.schema.js';
import { findVersion, latest, type ToolkitContent } from './content.js';
import type { ToolkitDeps } from './deps.js';
import type { Project } from './project.schema.js';
import { readinessAnswerProblems, scoreReadiness, type ReadinessResult } from './readiness.js';
import { scoreSim3, sim3AnswerProblems, type Sim3Result } from './sim3.js';
import { assessmentRow, findAssessment, toAssessment, type Executor } from './store.js';

export type AssessmentResult =
  | { kind: 'readiness'; readiness: ReadinessResult }
  | { kind: 'sim3'; sim3: Sim3Result; tiersId: string; tiersVersion: string };

/** The questionnaire an assessment was made with: always its own version, never the newest. */
export function questionnaireOf(content: ToolkitContent, a: Assessment): Questionnaire {
  const q = findVersion(content.questionnaires, a.contentId, a.contentVersion);
  if (!q)
    throw new AppError(
      'internal',
      `Questionnaire ${a.contentId}@${a.contentVersion} is not installed`,
    );
  return q;
}

export function sim3ModelOf(content: ToolkitContent, a: Assessment): Sim3Model {
  const m = findVersion(content.sim3Models, a.contentId, a.contentVersion);
  if (!m)
    throw new AppError(
      'internal',
      `SIM3 model ${a.contentId}@${a.contentVersion} is not installed`,
    );
  return m;
}

/** The newest tier table written for a model version. */
export function tiersFor(content: ToolkitContent, model: Sim3Model): Tiers {
  const tables = content.tiers.filter(
    (t) => t.model.id === model.id && t.model.version === model.version,
  );
  if (!tables.length)
    throw new AppError('internal', `No tier table for SIM3 ${model.id}@${model.version}`);
  return latest(tables);
}

export function resultOf(content: ToolkitContent, a: Assessment): AssessmentResult {
  if (a.kind === 'readiness')
    return {
      kind: 'readiness',
      readiness: scoreReadiness(questionnaireOf(content, a), a.answers as ReadinessAnswers),
    };
  const model = sim3ModelOf(content, a);
  const tiers = tiersFor(content, model);
  return {
    kind: 'sim3',
    sim3: scoreSim3(model, tiers, a.answers as Sim3Answers),
    tiersId: tiers.id,
    tiersVersion: tiers.version,
  };
}

/** Item ids (questions or parameters) of the assessment's content version. */
export function itemIds(
  content: ToolkitContent,
  a: Pick<Assessment, 'kind' | 'contentId' | 'contentVersion'>,
): Set<string> {
  if (a.kind === 'readiness') {
    const q = findVersion(content.questionnaires, a.contentId, a.contentVersion);
    return new Set(q?.areas.flatMap((x) => x.questions.map((y) => y.id)) ?? []);
  }
  const m = findVersion(content.sim3Models, a.contentId, a.contentVersion);
  return new Set(m?.quadrants.flatMap((x) => x.parameters.map((y) => y.id)) ?? []);
}

function answerProblems(content: ToolkitContent, a: Assessment, answers: Assessment['answers']) {
  return a.kind === 'readiness'
    ? readinessAnswerProblems(questionnaireOf(content, a), answers as ReadinessAnswers)
    : sim3AnswerProblems(sim3ModelOf(content, a), answers as Sim3Answers);
}

function refuse(problems: Array<{ field: string; message: string }>): never {
  throw new AppError(
    'validation_failed',
    `${problems.length} answer(s) do not fit the questionnaire version of this assessment; nothing was saved`,
    { issues: problems },
  );
}

export async function loadAssessment(db: Executor, id: string): Promise<Assessment> {
  const a = await findAssessment(db, id);
  if (!a) throw new AppError('not_found', `No assessment with id ${id}`);
  return a;
}

export interface NewAssessment {
  kind: AssessmentKind;
  title?: string | undefined;
  /** Start from the answers of an earlier assessment of the same kind (a re-assessment). */
  copyFrom?: string | undefined;
}

export async function createAssessment(
  deps: ToolkitDeps,
  context: AuditContext,
  project: Project,
  input: NewAssessment,
): Promise<Assessment> {
  const content =
    input.kind === 'readiness'
      ? latest(deps.content.questionnaires)
      : latest(deps.content.sim3Models);
  const now = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    let answers: Assessment['answers'] = {};
    if (input.copyFrom) {
      const source = await findAssessment(trx, input.copyFrom);
      if (!source || source.projectId !== project.id || source.kind !== input.kind)
        throw new AppError(
          'validation_failed',
          `No ${input.kind} assessment ${input.copyFrom} in this project`,
          {
            issues: [
              { field: 'copyFrom', message: `is not a ${input.kind} assessment of this project` },
            ],
          },
        );
      // Carry over only what the current version still asks.
      const ids = itemIds(deps.content, {
        kind: input.kind,
        contentId: content.id,
        contentVersion: content.version,
      });
      answers = Object.fromEntries(Object.entries(source.answers).filter(([id]) => ids.has(id)));
      if (input.kind === 'readiness') {
        const q = content as Questionnaire;
        const options = new Map(
          q.areas
            .flatMap((x) => x.questions)
            .map((x) => [x.id, new Set(x.options.map((o) => o.id))]),
        );
        answers = Object.fromEntries(
          Object.entries(answers as ReadinessAnswers).filter(
            ([id, v]) => v.option === null || options.get(id)!.has(v.option),
          ),
        );
      }
    }
    const count = await trx
      .selectFrom('toolkit_assessments')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('project_id', '=', project.id)
      .where('kind', '=', input.kind)
      .executeTakeFirstOrThrow();
    const assessment: Assessment = {
      id: newId(),
      projectId: project.id,
      kind: input.kind,
      contentId: content.id,
      contentVersion: content.version,
      title:
        input.title?.trim() ||
        `${input.kind === 'readiness' ? 'Readiness' : 'SIM3'} ${Number(count.n) + 1} (${now.slice(0, 10)})`,
      status: 'draft',
      answers,
      revision: 1,
      createdAt: now,
      createdBy: context.actorLabel,
      updatedAt: now,
      updatedBy: context.actorLabel,
      finalisedAt: null,
      finalisedBy: null,
    };
    await trx.insertInto('toolkit_assessments').values(assessmentRow(assessment)).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.assessment_create',
        entityType: 'toolkit_assessment',
        entityId: assessment.id,
        after: { ...assessment, projectName: project.name },
      },
      deps.clock,
    );
    return assessment;
  });
}

export interface AnswersPatch {
  revision: number;
  title?: string | undefined;
  /** Answers to set; an item given as null is cleared. Items not named stay as they are. */
  answers: Record<string, unknown>;
}

/** Saves a draft: merges the changed answers, refuses anything the content version lacks. */
export async function saveAnswers(
  deps: ToolkitDeps,
  context: AuditContext,
  assessmentId: string,
  patch: AnswersPatch,
): Promise<Assessment> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await loadAssessment(trx, assessmentId);
    if (before.status === 'final')
      throw new AppError('conflict', 'This assessment is final; start a new one to record changes');
    if (before.revision !== patch.revision)
      throw new AppError(
        'conflict',
        `This assessment was saved by ${before.updatedBy} at ${before.updatedAt} (revision ${before.revision}, yours ${patch.revision}); reload it to see their answers`,
      );
    const cleared = Object.keys(patch.answers).filter((k) => patch.answers[k] === null);
    const given = Object.fromEntries(Object.entries(patch.answers).filter(([, v]) => v !== null));
    const schema = before.kind === 'readiness' ? readinessAnswersSchema : sim3AnswersSchema;
    const parsed = schema.safeParse(given);
    if (!parsed.success)
      refuse(
        parsed.error.issues.map((i) => ({
          field: ['answers', ...i.path].join('.'),
          message: i.message,
        })),
      );
    const problems = answerProblems(deps.content, before, {
      ...parsed.data,
      ...Object.fromEntries(
        cleared.map((k) => [
          k,
          before.kind === 'readiness'
            ? { option: null, evidence: '' }
            : { level: null, evidence: '' },
        ]),
      ),
    } as Assessment['answers']);
    if (problems.length) refuse(problems);
    const answers: Record<string, unknown> = { ...before.answers, ...parsed.data };
    for (const k of cleared) delete answers[k];
    const now = isoNow(deps.clock);
    const after: Assessment = {
      ...before,
      title: patch.title?.trim() || before.title,
      answers: answers as Assessment['answers'],
      revision: before.revision + 1,
      updatedAt: now,
      updatedBy: context.actorLabel,
    };
    const row = await trx
      .updateTable('toolkit_assessments')
      .set({
        title: after.title,
        answers_json: JSON.stringify(after.answers),
        revision: after.revision,
        updated_at: now,
        updated_by: after.updatedBy,
      })
      .where('id', '=', assessmentId)
      .where('revision', '=', before.revision)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', 'This assessment was saved meanwhile; reload it');
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.assessment_update',
        entityType: 'toolkit_assessment',
        entityId: assessmentId,
        before: {
          revision: before.revision,
          answers: Object.fromEntries(
            Object.keys(patch.answers).map((k) => [
              k,
              (before.answers as Record<string, unknown>)[k] ?? null,
            ]),
          ),
        },
        after: { revision: after.revision, answers: patch.answers },
      },
      deps.clock,
    );
    return toAssessment(row);
  });
}

export interface RegistryOutcome {
  recorded: boolean;
  what: 'maturity' | 'readiness' | null;
  detail: string;
}

/**
 * Marks an assessment final (it can no longer change) and reports it to the registry: a SIM3
 * assessment of a project linked to a registry team records the tier reached as a maturity
 * fact; a national readiness assessment records the country's readiness assessment. The
 * registry may refuse (e.g. the team is closed): the assessment is final anyway and the answer
 * says why nothing was recorded.
 */
export async function finaliseAssessment(
  deps: ToolkitDeps,
  context: AuditContext,
  project: Project,
  assessmentId: string,
  revision: number,
): Promise<{ assessment: Assessment; registry: RegistryOutcome }> {
  const assessment = await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await loadAssessment(trx, assessmentId);
    if (before.status === 'final')
      throw new AppError('conflict', 'This assessment is already final');
    if (before.revision !== revision)
      throw new AppError(
        'conflict',
        `This assessment was saved meanwhile (revision ${before.revision}, yours ${revision}); reload it`,
      );
    const now = isoNow(deps.clock);
    const after: Assessment = {
      ...before,
      status: 'final',
      revision: before.revision + 1,
      finalisedAt: now,
      finalisedBy: context.actorLabel,
      updatedAt: now,
      updatedBy: context.actorLabel,
    };
    await trx
      .updateTable('toolkit_assessments')
      .set({
        status: 'final',
        revision: after.revision,
        finalised_at: now,
        finalised_by: context.actorLabel,
        updated_at: now,
        updated_by: context.actorLabel,
      })
      .where('id', '=', assessmentId)
      .execute();
    const result = resultOf(deps.content, after);
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.assessment_finalise',
        entityType: 'toolkit_assessment',
        entityId: assessmentId,
        before: { status: before.status },
        after: {
          status: 'final',
          score:
            result.kind === 'readiness'
              ? { percent: result.readiness.percent, level: result.readiness.levelId }
              : { mean: result.sim3.mean, tier: result.sim3.tiers.achieved },
        },
      },
      deps.clock,
    );
    return after;
  });
  return { assessment, registry: await reportToRegistry(deps, context, project, assessment) };
}

async function reportToRegistry(
  deps: ToolkitDeps,
  context: AuditContext,
  project: Project,
  assessment: Assessment,
): Promise<RegistryOutcome> {
  const day = (assessment.finalisedAt ?? isoNow(deps.clock)).slice(0, 10);
  try {
    if (assessment.kind === 'sim3') {
      if (!project.registryTeamId)
        return {
          recorded: false,
          what: null,
          detail: 'The project is not linked to a registry team',
        };
      const result = resultOf(deps.content, assessment);
      const tier = result.kind === 'sim3' ? result.sim3.tiers.achieved : null;
      if (!tier) return { recorded: false, what: null, detail: 'No tier reached yet' };
      await recordFact(deps.registry, context, project.registryTeamId, {
        date: day,
        value: { kind: 'maturity', tier },
        citation: { title: `cirtkit SIM3 self-assessment: ${assessment.title}` },
        confidence: 'medium',
        note: `Self-assessment ${assessment.id} of toolkit project "${project.name}"`,
      });
      return { recorded: true, what: 'maturity', detail: tier };
    }
    if (project.kind !== 'national' || !project.iso3)
      return {
        recorded: false,
        what: null,
        detail: 'Only national projects report readiness assessments',
      };
    const { recorded } = await recordReadinessAssessment(deps.registry, context, {
      iso3: project.iso3,
      year: Number(day.slice(0, 4)),
      source: 'cirtkit-toolkit',
      confidence: 'medium',
    });
    return {
      recorded,
      what: 'readiness',
      detail: recorded ? `${project.iso3} ${day.slice(0, 4)}` : 'Already recorded for this year',
    };
  } catch (error) {
    return {
      recorded: false,
      what: null,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

export async function deleteAssessment(
  deps: ToolkitDeps,
  context: AuditContext,
  assessmentId: string,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = await loadAssessment(trx, assessmentId);
    if (before.status === 'final')
      throw new AppError('conflict', 'A final assessment is kept: it is part of the history');
    await trx.deleteFrom('toolkit_attachments').where('assessment_id', '=', assessmentId).execute();
    await trx.deleteFrom('toolkit_assessments').where('id', '=', assessmentId).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.assessment_delete',
        entityType: 'toolkit_assessment',
        entityId: assessmentId,
        before: { ...before, answers: undefined },
      },
      deps.clock,
    );
  });
}

export const attachmentLimitBytes = 10 * 1024 * 1024;

export interface AttachmentMeta {
  id: string;
  assessmentId: string;
  itemId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
}

export async function addAttachment(
  deps: ToolkitDeps,
  context: AuditContext,
  assessment: Assessment,
  input: { itemId: string; filename: string; mediaType: string; bytes: Buffer },
): Promise<AttachmentMeta> {
  if (assessment.status === 'final')
    throw new AppError('conflict', 'This assessment is final; evidence can no longer be added');
  if (!itemIds(deps.content, assessment).has(input.itemId))
    throw new AppError('validation_failed', `${input.itemId} is not an item of this assessment`, {
      issues: [
        {
          field: 'item',
          message: `is not a question or parameter of ${assessment.contentId} ${assessment.contentVersion}`,
        },
      ],
    });
  if (input.bytes.length === 0)
    throw new AppError('validation_failed', 'The file is empty', {
      issues: [{ field: 'body', message: 'must not be empty' }],
    });
  const meta: AttachmentMeta = {
    id: newId(),
    assessmentId: assessment.id,
    itemId: input.itemId,
    filename: input.filename,
    mediaType: input.mediaType,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    createdAt: isoNow(deps.clock),
    createdBy: context.actorLabel,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('toolkit_attachments')
      .values({
        id: meta.id,
        assessment_id: meta.assessmentId,
        item_id: meta.itemId,
        filename: meta.filename,
        media_type: meta.mediaType,
        size: meta.size,
        sha256: meta.sha256,
        content: input.bytes,
        created_at: meta.createdAt,
        created_by: meta.createdBy,
      })
      .execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.attachment_add',
        entityType: 'toolkit_assessment',
        entityId: assessment.id,
        after: meta,
      },
      deps.clock,
    );
  });
  return meta;
}

const metaColumns = [
  'id',
  'assessment_id',
  'item_id',
  'filename',
  'media_type',
  'size',
  'sha256',
  'created_at',
  'created_by',
] as const;

const toMeta = (r: {
  id: string;
  assessment_id: string;
  item_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string;
}): AttachmentMeta => ({
  id: r.id,
  assessmentId: r.assessment_id,
  itemId: r.item_id,
  filename: r.filename,
  mediaType: r.media_type,
  size: Number(r.size),
  sha256: r.sha256,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export async function listAttachments(
  db: Executor,
  assessmentId: string,
): Promise<AttachmentMeta[]> {
  const rows = await db
    .selectFrom('toolkit_attachments')
    .select(metaColumns)
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .execute();
  return rows.map(toMeta);
}

export async function findAttachment(db: Executor, id: string) {
  const row = await db
    .selectFrom('toolkit_attachments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { meta: toMeta(row), content: Buffer.from(row.content) } : undefined;
}

export async function deleteAttachment(
  deps: ToolkitDeps,
  context: AuditContext,
  assessment: Assessment,
  attachmentId: string,
): Promise<void> {
  if (assessment.status === 'final')
    throw new AppError('conflict', 'This assessment is final; its evidence is kept');
  await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('toolkit_attachments')
      .select(metaColumns)
      .where('id', '=', attachmentId)
      .where('assessment_id', '=', assessment.id)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No attachment ${attachmentId} on this assessment`);
    await trx.deleteFrom('toolkit_attachments').where('id', '=', attachmentId).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'toolkit.attachment_delete',
        entityType: 'toolkit_assessment',
        entityId: assessment.id,
        before: toMeta(row),
      },
      deps.clock,
    );
  });
}
