import { AppError } from '../../kernel/index.js';
import { bcmPlanSchema } from './bcm.schema.js';
import {
  escalationsFor,
  parseChange,
  type EscalationResult,
  type SeverityChange,
} from './bcm-escalation.js';
import type { ToolkitDeps } from './deps.js';
import { readDocument } from './documents.js';
import { findProject } from './store.js';

/**
 * For the incidents module: loads the project's saved plan and answers `escalationsFor`. A
 * project without a saved plan answers no escalation and a `no-plan` note; a project that does
 * not exist is `not_found`. It reads and never writes.
 */
export async function onIncidentSeverityChange(
  deps: Pick<ToolkitDeps, 'db'>,
  projectId: string,
  change: SeverityChange,
): Promise<EscalationResult & { planRevision: number }> {
  if (!(await findProject(deps.db.kysely, projectId)))
    throw new AppError('not_found', `No toolkit project with id ${projectId}`);
  const document = await readDocument(deps.db.kysely, projectId, 'bcm', bcmPlanSchema);
  if (document.value === null) {
    const parsed = parseChange(change);
    return {
      incidentId: parsed.incidentId,
      direction: parsed.previous === null ? 'opened' : 'unknown',
      from: parsed.previous,
      to: parsed.current,
      escalations: [],
      note: {
        kind: 'no-plan',
        ownerId: null,
        message: 'The project has no saved BCM plan: nobody is escalated to.',
      },
      planRevision: 0,
    };
  }
  return { ...escalationsFor(document.value, change), planRevision: document.revision };
}
