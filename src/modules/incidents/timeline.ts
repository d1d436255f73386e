import { randomBytes } from 'node:crypto';
import type { Executor } from '../../storage/index.js';
import type { EventKind, TimelineEvent } from './incident.schema.js';

/** The incident's timeline: comments and everything that happened, oldest first. */
export interface NewEvent {
  kind: EventKind;
  actorId: string | null;
  actorLabel: string;
  body: Record<string, unknown>;
  at: string;
}

let lastMs = 0;
let sequence = 0;
/**
 * A UUID version 7 (time first, then a per-process sequence): sorting by id keeps events made
 * in the same millisecond in the order they were appended.
 */
export function eventId(now: number = Date.now()): string {
  if (now <= lastMs) sequence += 1;
  else {
    lastMs = now;
    sequence = 0;
  }
  const ms = Math.max(now, lastMs);
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | ((sequence >> 8) & 0x0f);
  b[7] = sequence & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Appends one event; call it inside the transaction of the change it records. */
export async function appendEvent(
  trx: Executor,
  incidentId: string,
  event: NewEvent,
): Promise<TimelineEvent> {
  const id = eventId();
  await trx
    .insertInto('incident_events')
    .values({
      id,
      incident_id: incidentId,
      at: event.at,
      actor_id: event.actorId,
      actor_label: event.actorLabel,
      kind: event.kind,
      body: JSON.stringify(event.body),
    })
    .execute();
  return {
    id,
    incidentId,
    at: event.at,
    actorId: event.actorId,
    actor: event.actorLabel,
    kind: event.kind,
    body: event.body,
  };
}

export async function listEvents(
  db: Executor,
  incidentId: string,
  options: { kinds?: readonly EventKind[]; limit?: number } = {},
): Promise<TimelineEvent[]> {
  let query = db
    .selectFrom('incident_events')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('id');
  if (options.kinds?.length) query = query.where('kind', 'in', [...options.kinds]);
  if (options.limit) query = query.limit(options.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    at: r.at,
    actorId: r.actor_id,
    actor: r.actor_label,
    kind: r.kind as EventKind,
    body: JSON.parse(r.body) as Record<string, unknown>,
  }));
}
