import type { Locale } from '../accounts/index.js';
import type { Assessment, ReadinessAnswers, Sim3Answers } from './assessment.schema.js';
import { questionnaireOf, resultOf, sim3ModelOf, tiersFor } from './assessment.service.js';
import type { ToolkitDeps } from './deps.js';
import { docHtml, docMarkdown, radarSvg, type Block, type Doc } from './document.js';
import { docStrings } from './doc-strings.js';
import type { Project } from './project.schema.js';

export interface AssessmentDocument extends Doc {
  /** The re-importable JSON export: the assessment, its content reference and its score. */
  json: Record<string, unknown>;
}

const pct = (x: number) => `${x.toFixed(1)} %`;

export function assessmentDocument(
  deps: ToolkitDeps,
  project: Pick<Project, 'id' | 'name'>,
  assessment: Assessment,
  lang: Locale,
  generatedAt: string,
): AssessmentDocument {
  const content = deps.localised(lang);
  const s = docStrings(lang);
  const result = resultOf(content, assessment);
  const blocks: Block[] = [];
  const status = assessment.status === 'final' ? s.final : s.draft;
  let title: string;
  if (result.kind === 'readiness') {
    const q = questionnaireOf(content, assessment);
    const answers = assessment.answers as ReadinessAnswers;
    const levelLabel = (id: string) => q.levels.find((l) => l.id === id)?.label ?? id;
    const r = result.readiness;
    title = s.readinessTitle;
    blocks.push({
      type: 'facts',
      items: [
        [s.project, project.name],
        [s.status, status],
        [s.questionnaire, `${q.title} (${q.id} ${q.version})`],
        [s.score, pct(r.percent)],
        [s.level, levelLabel(r.levelId)],
        [s.answered, `${r.answered} / ${r.questions}`],
      ],
    });
    blocks.push({
      type: 'table',
      head: [s.area, s.score, s.level, s.answered],
      rows: r.areas.map((a) => [
        q.areas.find((x) => x.id === a.areaId)!.title,
        pct(a.percent),
        levelLabel(a.levelId),
        `${a.answered} / ${a.questions}`,
      ]),
      numeric: [1, 3],
    });
    for (const area of q.areas) {
      blocks.push({ type: 'h2', text: area.title });
      blocks.push({
        type: 'table',
        head: [s.question, s.answer, s.evidence],
        rows: area.questions.map((question) => {
          const answer = answers[question.id];
          const option = question.options.find((o) => o.id === answer?.option);
          return [question.text, option?.label ?? s.notAnswered, answer?.evidence ?? ''];
        }),
      });
    }
    blocks.push({ type: 'h2', text: s.gaps });
    if (r.gaps.length === 0) blocks.push({ type: 'p', text: s.noGaps });
    else
      blocks.push({
        type: 'table',
        head: [s.task, s.phase, s.answer],
        rows: r.gaps.map((g) => [g.title, g.phase, g.current ?? s.notAnswered]),
      });
  } else {
    const model = sim3ModelOf(content, assessment);
    const tiers = tiersFor(content, model);
    const answers = assessment.answers as Sim3Answers;
    const r = result.sim3;
    const tierLabel = (id: string | null) =>
      id === null ? s.none : (tiers.tiers.find((t) => t.id === id)?.label ?? id);
    const names = new Map(model.quadrants.flatMap((q) => q.parameters.map((p) => [p.id, p.name])));
    title = s.sim3Title;
    blocks.push({
      type: 'facts',
      items: [
        [s.project, project.name],
        [s.status, status],
        [
          s.model,
          `${model.title} (${model.id} ${model.version}); ${tiers.title} (${tiers.version})`,
        ],
        [s.mean, r.mean === null ? s.notAnswered : r.mean.toFixed(2)],
        [s.tierReached, tierLabel(r.tiers.achieved)],
        [s.nextTier, tierLabel(r.tiers.next)],
        [s.answered, `${r.assessed} / ${r.parameters}`],
      ],
    });
    for (const q of r.quadrants) {
      const quadrant = model.quadrants.find((x) => x.id === q.quadrantId)!;
      blocks.push({
        type: 'figure',
        caption: `${quadrant.title}: ${q.mean === null ? '–' : q.mean.toFixed(2)}`,
        svg: radarSvg(
          q.parameters.map((p) => ({ label: p.id, value: p.level })),
          { title: quadrant.title, size: 220 },
        ),
      });
    }
    for (const quadrant of model.quadrants) {
      blocks.push({ type: 'h2', text: quadrant.title });
      blocks.push({
        type: 'table',
        head: [s.parameter, s.level, s.evidence],
        rows: quadrant.parameters.map((p) => {
          const a = answers[p.id];
          const level = a?.level ?? null;
          return [
            `${p.id} ${p.name}`,
            level === null ? s.notAnswered : `${level} – ${model.scale[level]!.label}`,
            a?.evidence ?? '',
          ];
        }),
      });
    }
    blocks.push({ type: 'h2', text: `${s.blockers} (${tierLabel(r.tiers.next)})` });
    if (r.tiers.blockers.length === 0) blocks.push({ type: 'p', text: s.noGaps });
    else
      blocks.push({
        type: 'table',
        head: [s.parameter, s.level, s.required, s.task],
        rows: r.tiers.blockers.map((b) => [
          `${b.parameter} ${names.get(b.parameter) ?? ''}`,
          b.level === null ? s.notAnswered : String(b.level),
          String(b.required),
          r.gaps.find((g) => g.ref === b.parameter)?.title ?? '',
        ]),
        numeric: [1, 2],
      });
  }
  return {
    lang,
    title,
    subtitle: `${project.name} · ${assessment.title}`,
    footer: `${s.generated} ${generatedAt}`,
    blocks,
    json: {
      format: 'cirtkit-toolkit-assessment',
      formatVersion: 1,
      exportedAt: generatedAt,
      assessment,
      result,
    },
  };
}

export const assessmentHtml = (doc: AssessmentDocument) => docHtml(doc);
export const assessmentMarkdown = (doc: AssessmentDocument) => docMarkdown(doc);
