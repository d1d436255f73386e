import type { Locale } from '../accounts/index.js';
import { questionnaireOf, resultOf } from './assessment.service.js';
import type { ToolkitDeps } from './deps.js';
import type { Project } from './project.schema.js';
import { currentState } from './roadmap.service.js';
import { nextTasks, roadmapProgress } from './roadmap.js';
import { listTasks } from './store.js';

/** One view of where a project stands: phase, readiness, maturity, services, roadmap. */
export async function projectDashboard(deps: ToolkitDeps, project: Project, lang: Locale) {
  const [state, tasks] = await Promise.all([
    currentState(deps, project.id),
    listTasks(deps.db.kysely, project.id),
  ]);
  const readiness = state.readiness ? resultOf(deps.content, state.readiness) : null;
  const sim3 = state.sim3 ? resultOf(deps.content, state.sim3) : null;
  const horizons = Object.values(state.selection).map((s) => s.horizon);
  const taskIds = new Set(tasks.map((t) => t.gapId));
  return {
    project,
    readiness:
      state.readiness && readiness?.kind === 'readiness'
        ? {
            assessmentId: state.readiness.id,
            title: state.readiness.title,
            status: state.readiness.status,
            percent: readiness.readiness.percent,
            levelId: readiness.readiness.levelId,
            levelLabel:
              questionnaireOf(deps.localised(lang), state.readiness).levels.find(
                (l) => l.id === readiness.readiness.levelId,
              )?.label ?? readiness.readiness.levelId,
            answered: readiness.readiness.answered,
            questions: readiness.readiness.questions,
            gaps: readiness.readiness.gaps.length,
          }
        : null,
    maturity:
      state.sim3 && sim3?.kind === 'sim3'
        ? {
            assessmentId: state.sim3.id,
            title: state.sim3.title,
            status: state.sim3.status,
            mean: sim3.sim3.mean,
            tier: sim3.sim3.tiers.achieved,
            nextTier: sim3.sim3.tiers.next,
            blockers: sim3.sim3.tiers.blockers.length,
            quadrants: sim3.sim3.quadrants.map((q) => ({ quadrantId: q.quadrantId, mean: q.mean })),
          }
        : null,
    services: {
      now: horizons.filter((h) => h === 'now').length,
      next: horizons.filter((h) => h === 'next').length,
      later: horizons.filter((h) => h === 'later').length,
    },
    roadmap: {
      progress: roadmapProgress(tasks),
      next: nextTasks(tasks),
      untrackedGaps: state.gaps.filter((g) => !taskIds.has(g.id)).length,
    },
  };
}
