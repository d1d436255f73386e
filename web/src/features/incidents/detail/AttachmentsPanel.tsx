import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { Alert, Button } from '../../../ui';
import { attachmentUrl, listAttachments, uploadAttachment } from '../api';
import { splitError } from '../components/errors';
import { formatSize } from '../../toolkit/attachments';
import { useIncident } from './context';

/**
 * Files of the incident: upload (the size is shown before sending), then name, size, type,
 * SHA-256 and a download link. Downloads go through the same TLP check as the incident.
 */
export function AttachmentsPanel() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, version, refresh, canHandle } = useIncident();
  const attachments = useResource(() => listAttachments(incident.id), [incident.id, version]);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload() {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      await uploadAttachment(incident.id, file);
      setFile(null);
      if (input.current) input.current.value = '';
      refresh();
    } catch (e) {
      setFailure(splitError(t, tApp, e).form);
    } finally {
      setBusy(false);
    }
  }

  const items = attachments.data?.attachments ?? [];
  return (
    <section
      className="incident-card"
      aria-labelledby="incident-attachments-title"
      data-testid="attachments-panel"
    >
      <h2 id="incident-attachments-title" className="incident-card__title">
        {t('detail.attachments.title')} <span className="incident-card__count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="incident-card__empty">{t('detail.attachments.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {items.map((a) => (
            <li key={a.id} className="attachment" data-attachment={a.filename}>
              <a
                href={attachmentUrl(incident.id, a.id)}
                download={a.filename}
                className="attachment__name"
              >
                {a.filename}
              </a>
              <span className="attachment__meta">
                {formatSize(a.size)} · {a.mediaType} · {formatDateTime(a.createdAt)}
              </span>
              <span className="attachment__hash">
                <span className="attachment__hash-label">SHA-256</span>{' '}
                <code dir="ltr">{a.sha256}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canHandle ? (
        <form
          className="attachment-upload"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void upload();
          }}
        >
          {failure ? <Alert tone="error" title={failure} testId="attachment-error" /> : null}
          <label className="field__label" htmlFor="attachment-file">
            {t('detail.attachments.choose')}
          </label>
          <input
            ref={input}
            id="attachment-file"
            type="file"
            className="attachment-upload__input"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {file ? (
            <p className="attachment-upload__chosen" role="status">
              {t('detail.attachments.chosen', { name: file.name, size: formatSize(file.size) })}
            </p>
          ) : null}
          <Button type="submit" busy={busy} disabled={!file} data-testid="attachment-upload">
            {t('detail.attachments.upload')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
