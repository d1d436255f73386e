import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadToolkitContent } from './content.js';
import { scoreReadiness, readinessAnswerProblems } from './readiness.js';
import { compareSim3, evaluateTiers, scoreSim3, sim3AnswerProblems } from './sim3.js';
import type { Sim3Answers } from './assessment.schema.js';

const fixture = loadToolkitContent(new URL('../../../fixtures/toolkit', import.meta.url).pathname);
const questionnaire = fixture.questionnaires[0]!;
const model = fixture.sim3Models[0]!;
const tiers = fixture.tiers[0]!;

describe('readiness scoring', () => {
  it('weights questions and scores each area to a level', () => {
    // mandate: law drafted (3 × 0.5) + authority yes (1 × 1) = 2.5 of 4 → 62.5 %
    const result = scoreReadiness(questionnaire, {
      'mandate-law': { option: 'draft', evidence: 'Bill before parliament' },
      'mandate-authority': { option: 'yes', evidence: '' },
    });
    const mandate = result.areas.find((a) => a.areaId === 'mandate')!;
    assert.equal(mandate.percent, 62.5);
    assert.equal(mandate.levelId, 'developing');
    const staffing = result.areas.find((a) => a.areaId === 'staffing')!;
    assert.equal(staffing.percent, 0);
    assert.equal(staffing.levelId, 'initial');
    // overall: 2.5 of 5 → 50 %
    assert.equal(result.percent, 50);
    assert.equal(result.answered, 2);
  });

  it('lists every question not fully met as a gap, in roadmap order', () => {
    const result = scoreReadiness(questionnaire, {
      'mandate-law': { option: 'draft', evidence: '' },
      'mandate-authority': { option: 'yes', evidence: '' },
    });
    assert.deepEqual(
      result.gaps.map((g) => [g.id, g.phase, g.priority, g.current]),
      [
        ['readiness.mandate-law', 'design', 1.5, 'Drafted'],
        ['readiness.staffing-plan', 'establishment', 1, null],
      ],
    );
    assert.equal(result.gaps[0]!.title, 'Adopt a legal instrument for the mandate');
  });

  it('reaches the top level only when everything is in place', () => {
    const all = scoreReadiness(questionnaire, {
      'mandate-law': { option: 'yes', evidence: '' },
      'mandate-authority': { option: 'yes', evidence: '' },
      'staffing-plan': { option: 'yes', evidence: '' },
    });
    assert.equal(all.percent, 100);
    assert.equal(all.levelId, 'ready');
    assert.deepEqual(all.gaps, []);
  });

  it('names answers to questions or options the version does not have', () => {
    assert.deepEqual(
      readinessAnswerProblems(questionnaire, {
        'no-such-question': { option: 'yes', evidence: '' },
        'mandate-law': { option: 'perhaps', evidence: '' },
      }),
      [
        {
          field: 'answers.no-such-question',
          message: 'is not a question of mini-readiness version 1.0',
        },
        { field: 'answers.mandate-law.option', message: 'must be one of no, draft, yes' },
      ],
    );
  });
});

const levels = (entries: Record<string, number | null>): Sim3Answers =>
  Object.fromEntries(Object.entries(entries).map(([k, level]) => [k, { level, evidence: '' }]));

describe('SIM3 scoring and tiers', () => {
  it('averages assessed parameters per quadrant and leaves unassessed out of the mean', () => {
    const result = scoreSim3(model, tiers, levels({ 'O-1': 3, 'O-2': 1, 'T-4': 2, 'P-6': null }));
    const byQuadrant = Object.fromEntries(result.quadrants.map((q) => [q.quadrantId, q.mean]));
    assert.deepEqual(byQuadrant, { O: 2, H: null, T: 2, P: null });
    assert.equal(result.assessed, 3);
    assert.equal(result.mean, 2);
  });

  it('reaches a tier only when it and every lower tier are met, and names the blockers', () => {
    const evaluation = evaluateTiers(model, tiers, levels({ 'O-1': 2, 'T-4': 2, 'P-6': 1 }));
    assert.equal(evaluation.achieved, 'basic');
    assert.equal(evaluation.next, 'intermediate');
    assert.deepEqual(evaluation.blockers, [{ parameter: 'P-6', level: 1, required: 2 }]);
  });

  it('counts a parameter not assessed as 0', () => {
    const evaluation = evaluateTiers(model, tiers, levels({ 'O-1': 4 }));
    assert.equal(evaluation.achieved, null);
    assert.deepEqual(evaluation.blockers, [{ parameter: 'T-4', level: null, required: 1 }]);
  });

  it('turns the blockers of the next tier into gaps with the parameter gap titles', () => {
    const result = scoreSim3(model, tiers, levels({ 'O-1': 1, 'T-4': 1 }));
    assert.deepEqual(
      result.gaps.map((g) => [g.id, g.title, g.current, g.target]),
      [
        ['sim3.O-1', 'Formalise the mandate', '1', '2'],
        ['sim3.T-4', 'Deploy incident tracking', '1', '2'],
        ['sim3.P-6', 'Document the resolution process', null, '2'],
      ],
    );
  });

  it('reports every tier reached at the top', () => {
    const top = Object.fromEntries(
      model.quadrants.flatMap((q) => q.parameters.map((p) => [p.id, 4])),
    );
    const evaluation = evaluateTiers(model, tiers, levels(top));
    assert.equal(evaluation.achieved, 'advanced');
    assert.equal(evaluation.next, null);
    assert.deepEqual(evaluation.blockers, []);
  });

  it('compares two assessments parameter by parameter', () => {
    const diff = compareSim3(model, levels({ 'O-1': 1, 'O-2': 2 }), levels({ 'O-1': 3, 'O-2': 1 }));
    assert.deepEqual(diff.changes.slice(0, 2), [
      { parameter: 'O-1', before: 1, after: 3, delta: 2 },
      { parameter: 'O-2', before: 2, after: 1, delta: -1 },
    ]);
    assert.equal(diff.improved, 1);
    assert.equal(diff.worsened, 1);
  });

  it('names parameters the model does not have', () => {
    assert.deepEqual(sim3AnswerProblems(model, levels({ 'O-99': 2 })), [
      { field: 'answers.O-99', message: 'is not a parameter of sim3 version 1.0' },
    ]);
  });
});
