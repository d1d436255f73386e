/**
 * The machine-readable part of a notification, for organisations whose notification format is
 * `csv` or `json`: the observables the recipient is told about, one per row, with the incident's
 * reference, classification and TLP. Pure: no I/O.
 *
 * @example
 * notificationAttachment('csv', incident, [{ kind: 'ipv4', value: '192.0.2.7', firstSeen }]);
 * // { filename: 'CIRT-2026-000042.csv', contentType: 'text/csv; charset=utf-8',
 * //   content: 'incident_reference,tlp,rsit_class,rsit_type,observable_type,...\r\n...' }
 */
import { toCsv } from '../../kernel/index.js';
import type { NotifyFormat } from '../constituents/index.js';
import type { Incident } from './incident.schema.js';
import { tlpLabel } from './notify.js';

export interface NotifiedObservable {
  kind: string;
  value: string;
  /** When the observable was added to the incident. */
  firstSeen: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** The columns of the CSV, in order; the JSON uses the same data (docs/incidents.md). */
export const notificationCsvColumns = [
  'incident_reference',
  'tlp',
  'rsit_class',
  'rsit_type',
  'observable_type',
  'observable_value',
  'first_seen',
] as const;

/** The `.csv` (RFC 4180, header row, CRLF) or `.json` file of a notification, or null. */
export function notificationAttachment(
  format: NotifyFormat,
  incident: Pick<Incident, 'reference' | 'tlp' | 'rsitClass' | 'rsitType'>,
  observables: readonly NotifiedObservable[],
): MailAttachment | null {
  const tlp = tlpLabel(incident.tlp);
  if (format === 'csv')
    return {
      filename: `${incident.reference}.csv`,
      contentType: 'text/csv; charset=utf-8; header=present',
      content: toCsv([
        notificationCsvColumns,
        ...observables.map((o) => [
          incident.reference,
          tlp,
          incident.rsitClass,
          incident.rsitType,
          o.kind,
          o.value,
          o.firstSeen,
        ]),
      ]),
    };
  if (format === 'json')
    return {
      filename: `${incident.reference}.json`,
      contentType: 'application/json; charset=utf-8',
      content: `${JSON.stringify(
        {
          format: 'cirtkit-notification/1',
          incident: {
            reference: incident.reference,
            tlp,
            rsitClass: incident.rsitClass,
            rsitType: incident.rsitType,
          },
          observables: observables.map((o) => ({
            type: o.kind,
            value: o.value,
            firstSeen: o.firstSeen,
          })),
        },
        null,
        2,
      )}\n`,
    };
  return null;
}
