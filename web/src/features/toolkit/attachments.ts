import { api, RawBody, withQuery } from '../../app/api';
import { currentLocale } from '../../i18n';

/** Evidence files of an assessment item (a readiness question or a SIM3 parameter). */
export interface Attachment {
  id: string;
  itemId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
}

/** The largest evidence file the server takes. */
export const attachmentLimitBytes = 10 * 1024 * 1024;

const assessmentPath = (id: string) => `/api/toolkit/assessments/${encodeURIComponent(id)}`;

export const uploadAttachment = (assessmentId: string, itemId: string, file: File) =>
  api.post<Attachment>(
    withQuery(`${assessmentPath(assessmentId)}/attachments`, {
      item: itemId,
      name: file.name,
      type: file.type || 'application/octet-stream',
    }),
    new RawBody(file, 'application/octet-stream'),
  );

export const attachmentUrl = (assessmentId: string, attachmentId: string) =>
  `${assessmentPath(assessmentId)}/attachments/${encodeURIComponent(attachmentId)}`;

export const deleteAttachment = (assessmentId: string, attachmentId: string) =>
  api.delete(attachmentUrl(assessmentId, attachmentId));

/** A file size in the reader's language and units (e.g. "2.4 MB"). */
export function formatSize(bytes: number): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
