import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { MispEvent } from './schema.js';

/**
 * A MISP feed as MISP's own feed generator lays it out: `manifest.json` (each event's uuid with
 * its info, organisation, tags, date, analysis, threat level and timestamp), `hashes.csv` (the
 * MD5 of each attribute value, and of each part of a composite value, with the event uuid) and
 * one `<uuid>.json` per event.
 */
export interface MispFeed {
  manifest: Record<string, ManifestEntry>;
  hashesCsv: string;
  files: Map<string, string>;
}

export const manifestEntrySchema = z.looseObject({
  info: z.string(),
  timestamp: z.union([z.string().regex(/^\d+$/), z.int()]).transform(Number),
  date: z.string().optional(),
  Orgc: z.looseObject({ name: z.string() }).optional(),
  Tag: z.array(z.looseObject({ name: z.string() })).optional(),
});
export type ManifestEntry = z.input<typeof manifestEntrySchema>;
export const manifestSchema = z.record(
  z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'must be an event UUID',
    ),
  manifestEntrySchema,
);

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export function buildMispFeed(events: readonly MispEvent[]): MispFeed {
  const manifest: Record<string, ManifestEntry> = {};
  const lines: string[] = [];
  const files = new Map<string, string>();
  for (const { Event: e } of events) {
    manifest[e.uuid] = {
      info: e.info,
      Orgc: e.Orgc,
      Tag: e.Tag,
      date: e.date,
      analysis: String(e.analysis ?? 0),
      threat_level_id: String(e.threat_level_id ?? 4),
      timestamp: String(e.timestamp ?? 0),
    };
    for (const a of [...e.Attribute, ...e.Object.flatMap((o) => o.Attribute)]) {
      const parts = a.type.includes('|') ? a.value.split('|') : [a.value];
      for (const part of parts) lines.push(`${md5(part)},${e.uuid}`);
    }
    files.set(`${e.uuid}.json`, `${JSON.stringify({ Event: e }, null, 2)}\n`);
  }
  return { manifest, hashesCsv: lines.length ? `${lines.join('\n')}\n` : '', files };
}
