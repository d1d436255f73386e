import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { latest, loadToolkitContent } from '../../src/modules/toolkit/content.js';
import { scoreSim3 } from '../../src/modules/toolkit/sim3.js';
import { tiersFor } from '../../src/modules/toolkit/assessment.service.js';
import { evaluateSim3, tierMinimums } from '../../web/src/features/toolkit/sim3/evaluate.js';

// The SIM3 page scores levels in the browser so the radar and the tier evaluation follow each
// change at once; the server's score is the one kept. Both must always agree.
const content = loadToolkitContent();
const model = latest(content.sim3Models);
const tiers = tiersFor(content, model);
const ids = model.quadrants.flatMap((q) => q.parameters.map((p) => p.id));

const answers = fc.dictionary(
  fc.constantFrom(...ids),
  fc.record({ level: fc.option(fc.integer({ min: 0, max: 4 })), evidence: fc.string() }),
);

describe('SIM3 evaluation in the browser', () => {
  it('agrees with the server on means, tiers and blockers for any levels', () => {
    fc.assert(
      fc.property(answers, (given) => {
        const server = scoreSim3(model, tiers, given);
        const browser = evaluateSim3(model, tiers, given);
        assert.equal(browser.mean, server.mean);
        assert.equal(browser.assessed, server.assessed);
        assert.equal(browser.parameters, server.parameters);
        assert.deepEqual(browser.quadrants, server.quadrants);
        assert.deepEqual(browser.tiers, server.tiers);
      }),
      { numRuns: 300 },
    );
  });

  it('names exactly the parameters below the next tier', () => {
    const basic = tiers.tiers.find((t) => t.id === 'basic')!;
    const given = Object.fromEntries(
      Object.entries(basic.minimums).map(([id, level]) => [id, { level, evidence: '' }]),
    );
    given['O-1'] = { level: 0, evidence: '' };
    const result = evaluateSim3(model, tiers, given);
    assert.equal(result.tiers.achieved, null);
    assert.equal(result.tiers.next, 'basic');
    assert.deepEqual(result.tiers.blockers, [
      { parameter: 'O-1', level: 0, required: basic.minimums['O-1'] },
    ]);
    given['O-1'] = { level: 4, evidence: '' };
    assert.equal(evaluateSim3(model, tiers, given).tiers.achieved, 'basic');
  });

  it('gives a tier’s minimums per parameter, 0 where it asks nothing', () => {
    const basic = tiers.tiers.find((t) => t.id === 'basic')!;
    assert.deepEqual(tierMinimums(tiers, 'basic', ['O-1', 'O-6']), [basic.minimums['O-1'], 0]);
    assert.equal(tierMinimums(tiers, null, ['O-1']), undefined);
  });
});
