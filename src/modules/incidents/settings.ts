import { z } from 'zod';
import { AppError, isoNow } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import { bcmPlanSchema, defaultBcmPlan, findProject, readDocument } from '../toolkit/index.js';
import type { IncidentsDeps } from './deps.js';
import { ladderOf, type Ladder } from './severity.js';
import { defaultSla } from './sla.js';
import type { Locale } from '../accounts/index.js';

/**
 * The module's settings: the team's display name, the toolkit project whose BCM plan gives the
 * severity ladder and the escalation matrix, the SLA minutes per severity level, and the team
 * queues.
 */
const minutes = z
  .number()
  .int()
  .min(1)
  .max(365 * 1440);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case id such as malware');

/**
 * The team's display name, e.g. `CIRT of Examplestan`: the display name in the From header of
 * outgoing mail and `{{team}}` in the templates. One line (it goes into a mail header), trimmed,
 * at most 120 characters; empty or absent is none (the sender address alone, as before).
 */
export const teamNameSchema = z
  .string()
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'must be one line without control characters')
  .trim()
  .max(120, 'must be at most 120 characters')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

export const incidentSettingsSchema = z.strictObject({
  teamName: teamNameSchema,
  toolkitProjectId: z.string().min(1).max(100).nullable(),
  sla: z.record(
    z.string().min(1).max(64),
    z.strictObject({ ackMinutes: minutes, resolveMinutes: minutes }),
  ),
  queues: z.array(z.strictObject({ id: slug, name: z.string().trim().min(1).max(80) })).max(50),
});
export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;

export const settingsPutSchema = incidentSettingsSchema.extend({
  revision: z.number().int().min(0),
});

export const defaultSettings: IncidentSettings = {
  teamName: null,
  toolkitProjectId: null,
  sla: defaultSla,
  queues: [{ id: 'general', name: 'General' }],
};

const key = 'settings';

export interface StoredSettings {
  settings: IncidentSettings;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function readSettings(db: Executor): Promise<StoredSettings> {
  const row = await db
    .selectFrom('incident_settings')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return { settings: defaultSettings, revision: 0, updatedAt: null, updatedBy: null };
  const stored = JSON.parse(row.value) as { revision: number; settings: unknown };
  return {
    settings: incidentSettingsSchema.parse(stored.settings),
    revision: stored.revision,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The team's display name from the settings; null when none is set. */
export async function readTeamName(db: Executor): Promise<string | null> {
  return (await readSettings(db)).settings.teamName;
}

/** The severity ladder under these settings, level names in `lang` for the default ladder. */
export async function loadLadder(
  db: Executor,
  settings: IncidentSettings,
  lang: Locale = 'en',
): Promise<Ladder> {
  if (settings.toolkitProjectId !== null) {
    const document = await readDocument(db, settings.toolkitProjectId, 'bcm', bcmPlanSchema);
    if (document.value !== null)
      return ladderOf(document.value.levels, 'project', settings.toolkitProjectId);
  }
  return ladderOf(defaultBcmPlan(lang).levels, 'default', settings.toolkitProjectId);
}

export async function saveSettings(
  deps: IncidentsDeps,
  audit: AuditContext,
  input: z.infer<typeof settingsPutSchema>,
): Promise<StoredSettings> {
  const { revision, ...settings } = input;
  const issues: { field: string; message: string }[] = [];
  if (
    settings.toolkitProjectId !== null &&
    !(await findProject(deps.db.kysely, settings.toolkitProjectId))
  )
    issues.push({ field: 'toolkitProjectId', message: 'is not a toolkit project' });
  const ladder = issues.length ? null : await loadLadder(deps.db.kysely, settings);
  for (const [level, target] of Object.entries(settings.sla)) {
    if (ladder && !ladder.levels.some((l) => l.id === level))
      issues.push({ field: `sla.${level}`, message: 'is not a level of the severity ladder' });
    if (target.ackMinutes > target.resolveMinutes)
      issues.push({
        field: `sla.${level}.ackMinutes`,
        message: 'must not be longer than the time to resolve',
      });
  }
  const queueIds = settings.queues.map((q) => q.id);
  queueIds.forEach((id, i) => {
    if (queueIds.indexOf(id) !== i)
      issues.push({ field: `queues.${i}.id`, message: 'is used twice' });
  });
  if (issues.length)
    throw new AppError('validation_failed', 'The settings are not valid', { issues });

  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await readSettings(trx);
    if (before.revision !== revision)
      throw new AppError(
        'conflict',
        `The settings changed meanwhile (revision ${before.revision}, yours ${revision}); reload them`,
        { details: { revision: before.revision } },
      );
    const now = isoNow(deps.clock);
    const value = JSON.stringify({ revision: revision + 1, settings });
    await trx
      .insertInto('incident_settings')
      .values({ key, value, updated_at: now, updated_by: audit.actorLabel })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: audit.actorLabel }),
      )
      .execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.settings_update',
        entityType: 'incident_settings',
        entityId: key,
        before: before.settings,
        after: settings,
      },
      deps.clock,
    );
    return { settings, revision: revision + 1, updatedAt: now, updatedBy: audit.actorLabel };
  });
}
