import { toCsv, type CsvCell } from '../../kernel/index.js';
import type { Tlp } from './incident.schema.js';
import { tlpRank } from './list-query.js';
import type { ExportRow } from './list.service.js';

/**
 * The incident list as CSV (formula-injection safe through the kernel's writer). The file name
 * carries the highest TLP it holds, so whoever passes it on sees the marking first.
 */
export const exportColumns = [
  'reference',
  'tlp',
  'pap',
  'status',
  'title',
  'description',
  'rsit_class',
  'rsit_type',
  'severity',
  'impact',
  'sector',
  'assignee',
  'queue',
  'source',
  'created_at',
  'updated_at',
  'ack_due_at',
  'acknowledged_at',
  'resolve_due_at',
  'resolved_at',
  'closed_at',
  'sla_ack_breached',
  'sla_resolve_breached',
  'merged_into',
] as const;

export function incidentsCsv(rows: readonly ExportRow[]): string {
  const references = new Map(rows.map((r) => [r.id, r.reference]));
  const body: CsvCell[][] = rows.map((r) => [
    r.reference,
    `TLP:${r.tlp.toUpperCase()}`,
    `PAP:${r.pap.toUpperCase()}`,
    r.status,
    r.title,
    r.description,
    r.rsitClass,
    r.rsitType,
    r.severity,
    r.impact,
    r.sector,
    r.assignee?.name ?? r.assignee?.id ?? null,
    r.queue,
    r.source,
    r.createdAt,
    r.updatedAt,
    r.ackDueAt,
    r.acknowledgedAt,
    r.resolveDueAt,
    r.resolvedAt,
    r.closedAt,
    r.sla.ackBreached,
    r.sla.resolveBreached,
    r.mergedIntoId ? (references.get(r.mergedIntoId) ?? r.mergedIntoId) : null,
  ]);
  return toCsv([[...exportColumns], ...body]);
}

/** The most restricted TLP among the rows (CLEAR for none). */
export function highestTlp(rows: readonly { tlp: Tlp }[]): Tlp {
  return rows.reduce<Tlp>((top, r) => (tlpRank(r.tlp) > tlpRank(top) ? r.tlp : top), 'clear');
}

export function exportFileName(rows: readonly { tlp: Tlp }[], day: string): string {
  const tlp = highestTlp(rows).toUpperCase().replace('+', '-');
  return `cirtkit-incidents-${day}-TLP-${tlp}.csv`;
}
