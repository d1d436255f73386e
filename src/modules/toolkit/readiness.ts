import type { Phase, Questionnaire } from './content.schema.js';
import type { ReadinessAnswers } from './assessment.schema.js';
import type { Gap } from './gaps.js';

export interface AreaResult {
  areaId: string;
  /** Weighted share of the area that is in place, 0–100 (unanswered questions count as 0). */
  percent: number;
  levelId: string;
  answered: number;
  questions: number;
}

export interface ReadinessResult {
  percent: number;
  levelId: string;
  answered: number;
  questions: number;
  areas: AreaResult[];
  gaps: Gap[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function levelFor(questionnaire: Questionnaire, percent: number): string {
  let level = questionnaire.levels[0]!.id;
  for (const l of questionnaire.levels) if (percent >= l.min) level = l.id;
  return level;
}

/**
 * Scores answers against the questionnaire version they were given for. Each question counts
 * with its weight; an option's score says how far it is met. Every question not fully met is a
 * gap, and its weight times what is missing says how much closing it would add.
 */
export function scoreReadiness(
  questionnaire: Questionnaire,
  answers: ReadinessAnswers,
): ReadinessResult {
  const gaps: Gap[] = [];
  let totalWeight = 0;
  let totalScore = 0;
  let answered = 0;
  let questions = 0;
  const areas = questionnaire.areas.map((area): AreaResult => {
    let weight = 0;
    let score = 0;
    let areaAnswered = 0;
    for (const question of area.questions) {
      const chosen = answers[question.id]?.option ?? null;
      const option = question.options.find((o) => o.id === chosen);
      const value = option?.score ?? 0;
      if (option) areaAnswered++;
      weight += question.weight;
      score += question.weight * value;
      if (value < 1)
        gaps.push({
          id: `readiness.${question.id}`,
          source: 'readiness',
          ref: question.id,
          area: area.id,
          title: question.gap.title,
          detail: question.text,
          phase: question.gap.phase,
          priority: round1(question.weight * (1 - value)),
          current: option ? option.label : null,
          target: question.options.find((o) => o.score === 1)!.label,
        });
    }
    totalWeight += weight;
    totalScore += score;
    answered += areaAnswered;
    questions += area.questions.length;
    const percent = weight ? round1((100 * score) / weight) : 0;
    return {
      areaId: area.id,
      percent,
      levelId: levelFor(questionnaire, percent),
      answered: areaAnswered,
      questions: area.questions.length,
    };
  });
  const percent = totalWeight ? round1((100 * totalScore) / totalWeight) : 0;
  return {
    percent,
    levelId: levelFor(questionnaire, percent),
    answered,
    questions,
    areas,
    gaps: sortGaps(gaps),
  };
}

const phaseOrder: Record<Phase, number> = {
  assessment: 0,
  design: 1,
  establishment: 2,
  enhancement: 3,
};

/** Gaps in the order a roadmap takes them: by phase, then the biggest first, then by id. */
export function sortGaps(gaps: Gap[]): Gap[] {
  return [...gaps].sort(
    (a, b) =>
      phaseOrder[a.phase] - phaseOrder[b.phase] ||
      b.priority - a.priority ||
      a.id.localeCompare(b.id),
  );
}

/** Problems with answers given to a questionnaire version: unknown questions or options. */
export function readinessAnswerProblems(
  questionnaire: Questionnaire,
  answers: ReadinessAnswers,
): Array<{ field: string; message: string }> {
  const questions = new Map(
    questionnaire.areas.flatMap((a) => a.questions).map((q) => [q.id, q] as const),
  );
  const problems: Array<{ field: string; message: string }> = [];
  for (const [id, answer] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) {
      problems.push({
        field: `answers.${id}`,
        message: `is not a question of ${questionnaire.id} version ${questionnaire.version}`,
      });
      continue;
    }
    if (answer.option !== null && !question.options.some((o) => o.id === answer.option))
      problems.push({
        field: `answers.${id}.option`,
        message: `must be one of ${question.options.map((o) => o.id).join(', ')}`,
      });
  }
  return problems;
}
