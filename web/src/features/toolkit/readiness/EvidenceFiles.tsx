import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Button, ConfirmDialog } from '../../../ui';
import {
  attachmentLimitBytes,
  attachmentUrl,
  deleteAttachment,
  uploadAttachment,
  type Attachment,
} from './api';
import { formatSize } from './format';

interface EvidenceFilesProps {
  assessmentId: string;
  questionId: string;
  files: Attachment[];
  readOnly: boolean;
  onAdded(file: Attachment): void;
  onRemoved(id: string): void;
}

/**
 * Evidence files of one question: each downloads as a file (never opened in the page); while
 * the assessment is a draft, files up to 10 MB can be added and removed.
 */
export function EvidenceFiles(props: EvidenceFilesProps) {
  const { assessmentId, questionId, files, readOnly } = props;
  const { t } = useTranslation('toolkit');
  const inputId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > attachmentLimitBytes) {
      setMessage({
        tone: 'error',
        text: t('readiness.files.tooLarge', {
          name: file.name,
          size: formatSize(file.size),
          limit: formatSize(attachmentLimitBytes),
        }),
      });
      return;
    }
    if (file.size === 0) {
      setMessage({ tone: 'error', text: t('readiness.files.empty', { name: file.name }) });
      return;
    }
    setBusy(file.name);
    setMessage(null);
    try {
      props.onAdded(await uploadAttachment(assessmentId, questionId, file));
      setMessage({ tone: 'success', text: t('readiness.files.added', { name: file.name }) });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(t, error).message });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (file: Attachment) => {
    setBusy(file.filename);
    try {
      await deleteAttachment(assessmentId, file.id);
      props.onRemoved(file.id);
      setRemoving(null);
      setMessage({ tone: 'success', text: t('readiness.files.removed', { name: file.filename }) });
    } catch (error) {
      setRemoveError(describeError(t, error).message);
    } finally {
      setBusy(null);
    }
  };

  if (readOnly && files.length === 0) return null;
  return (
    <div className="rq-files">
      <p className="rq-files__title" id={`${inputId}-title`}>
        {t('readiness.files.title')}
      </p>
      {files.length > 0 ? (
        <ul className="rq-files__list" aria-labelledby={`${inputId}-title`}>
          {files.map((file) => (
            <li key={file.id} className="rq-files__item">
              <a href={attachmentUrl(assessmentId, file.id)} download={file.filename} dir="auto">
                {file.filename}
              </a>
              <span className="rq-files__size">{formatSize(file.size)}</span>
              {readOnly ? null : (
                <Button
                  variant="quiet"
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(file);
                  }}
                >
                  {t('readiness.files.remove')}
                  <span className="visually-hidden"> {file.filename}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <div className="rq-files__add">
          <label className="btn btn--secondary rq-files__pick" htmlFor={inputId}>
            {t('readiness.files.add')}
            <input
              id={inputId}
              type="file"
              className="visually-hidden"
              disabled={busy !== null}
              onChange={(event) => void onPick(event)}
              aria-describedby={`${inputId}-hint`}
            />
          </label>
          <span className="rq-files__hint" id={`${inputId}-hint`}>
            {t('readiness.files.hint', { limit: formatSize(attachmentLimitBytes) })}
          </span>
        </div>
      )}
      <div aria-live="polite" className="rq-files__status">
        {busy && !removing ? (
          <p className="muted">{t('readiness.files.uploading', { name: busy })}</p>
        ) : message ? (
          <p
            className={message.tone === 'error' ? 'rq-files__error' : 'rq-files__ok'}
            role={message.tone === 'error' ? 'alert' : undefined}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={t('readiness.files.removeTitle')}
        confirmLabel={t('readiness.files.removeConfirm')}
        destructive
        busy={busy !== null}
        error={removeError}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('readiness.files.removeText', { name: removing?.filename ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
