/**
 * Toolkit figures (issue: establishment toolkit). Baseline: the goals named in the issue —
 * scoring and tier evaluation of a full SIM3 assessment < 5 ms, roadmap generation < 50 ms,
 * PDF export < 3 s. Measured on the shipped content (59 questions, 45 SIM3 parameters,
 * 21 services), the median of many runs after a warm-up.
 */
import { closePdfBrowser, htmlToPdf, systemClock } from '../src/kernel/index.js';
import type { Sim3Answers, ReadinessAnswers } from '../src/modules/toolkit/assessment.schema.js';
import { assessmentDocument, assessmentHtml } from '../src/modules/toolkit/assessment-render.js';
import { latest, loadToolkitContent } from '../src/modules/toolkit/content.js';
import { toolkitDeps } from '../src/modules/toolkit/deps.js';
import { scoreReadiness, sortGaps } from '../src/modules/toolkit/readiness.js';
import { planRoadmap, type Task } from '../src/modules/toolkit/roadmap.js';
import { analyseServices, type ServiceSelection } from '../src/modules/toolkit/services.js';
import { scoreSim3 } from '../src/modules/toolkit/sim3.js';
import { loadReferenceData } from '../src/modules/registry/index.js';
import type { Db } from '../src/storage/index.js';
import { report } from './support.js';

const content = loadToolkitContent();
const model = latest(content.sim3Models);
const tiers = latest(content.tiers);
const questionnaire = latest(content.questionnaires);
const catalogue = latest(content.services);

// A realistic mid-way team: levels spread over the scale, most questions partly answered.
const parameters = model.quadrants.flatMap((q) => q.parameters.map((p) => p.id));
const sim3: Sim3Answers = Object.fromEntries(
  parameters.map((id, i) => [id, { level: i % 5, evidence: 'Documented in the team handbook' }]),
);
const questions = questionnaire.areas.flatMap((a) => a.questions);
const readiness: ReadinessAnswers = Object.fromEntries(
  questions.map((q, i) => [q.id, { option: q.options[i % q.options.length]!.id, evidence: '' }]),
);
const selection: ServiceSelection = Object.fromEntries(
  catalogue.areas
    .flatMap((a) => a.services)
    .map((s, i) => [s.id, { horizon: (['now', 'next', 'later'] as const)[i % 3]!, note: '' }]),
);

function median(run: () => unknown, times: number): number {
  for (let i = 0; i < 50; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const scoring = median(() => scoreSim3(model, tiers, sim3), 2000);

// The roadmap from scratch: score every source, gather the gaps, plan against the tasks a
// project already has (half of them, so both the "new" and the "existing" paths run).
let existing: Task[] = [];
const gapsNow = () =>
  sortGaps([
    ...scoreReadiness(questionnaire, readiness).gaps,
    ...scoreSim3(model, tiers, sim3).gaps,
    ...analyseServices(catalogue, selection, sim3).gaps,
  ]);
existing = gapsNow()
  .filter((_, i) => i % 2 === 0)
  .map((g, i) => ({
    id: `t${i}`,
    projectId: 'p',
    gapId: g.id,
    source: g.source,
    title: g.title,
    detail: '',
    phase: g.phase,
    owner: null,
    due: null,
    status: 'todo',
    progress: 0,
    gapClosed: false,
    position: i,
    revision: 1,
    createdAt: '',
    updatedAt: '',
  }));
const gapCount = gapsNow().length;
const roadmap = median(() => planRoadmap(gapsNow(), existing), 500);

// PDF: the printable SIM3 assessment (four radar charts, 45 rows), through Chromium.
const deps = toolkitDeps({} as Db, systemClock, content, {
  db: {} as Db,
  clock: systemClock,
  data: loadReferenceData(),
});
const assessment = {
  id: 'bench',
  projectId: 'p',
  kind: 'sim3' as const,
  contentId: model.id,
  contentVersion: model.version,
  title: 'Benchmark assessment',
  status: 'draft' as const,
  answers: sim3,
  revision: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'bench',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'bench',
  finalisedAt: null,
  finalisedBy: null,
};
const html = assessmentHtml(
  assessmentDocument(
    deps,
    { id: 'p', name: 'Benchmark CIRT' },
    assessment,
    'en',
    new Date().toISOString(),
  ),
);
const pdfTimes: number[] = [];
for (let i = 0; i < 4; i++) {
  const start = Date.now();
  await htmlToPdf(html);
  pdfTimes.push(Date.now() - start);
}
await closePdfBrowser();
const firstPdf = pdfTimes[0]!;
pdfTimes.sort((a, b) => a - b);

report([
  {
    name: `SIM3 scoring + tier evaluation (${parameters.length} parameters)`,
    value: scoring,
    unit: 'ms',
    goal: { op: '<', value: 5 },
    note: 'median of 2000',
  },
  {
    name: `roadmap generation (${gapCount} gaps, ${existing.length} tasks)`,
    value: roadmap,
    unit: 'ms',
    goal: { op: '<', value: 50 },
    note: 'scoring all sources + plan; median of 500',
  },
  {
    name: 'PDF export of a SIM3 assessment',
    value: pdfTimes[1]!,
    unit: 'ms',
    goal: { op: '<', value: 3000 },
    note: `median of 4 (${pdfTimes.join(', ')} ms); the first, with Chromium's start: ${firstPdf} ms`,
  },
]);
