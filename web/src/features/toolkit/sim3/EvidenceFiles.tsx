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
  parameterId: string;
  files: Attachment[];
  readOnly: boolean;
  onAdded(file: Attachment): void;
  onRemoved(id: string): void;
}

/**
 * Evidence files of one parameter (a signed mandate, a procedure, a screenshot of the ticket
 * system): each downloads as a file, never opens in the page; a draft takes files up to 10 MB,
 * checked before sending so nobody waits for an upload the server would refuse.
 */
export function EvidenceFiles(props: EvidenceFilesProps) {
  const { assessmentId, parameterId, files, readOnly } = props;
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
        text: t('sim3.files.tooLarge', {
          name: file.name,
          size: formatSize(file.size),
          limit: formatSize(attachmentLimitBytes),
        }),
      });
      return;
    }
    if (file.size === 0) {
      setMessage({ tone: 'error', text: t('sim3.files.empty', { name: file.name }) });
      return;
    }
    setBusy(file.name);
    setMessage(null);
    try {
      props.onAdded(await uploadAttachment(assessmentId, parameterId, file));
      setMessage({ tone: 'success', text: t('sim3.files.added', { name: file.name }) });
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
      setMessage({ tone: 'success', text: t('sim3.files.removed', { name: file.filename }) });
    } catch (error) {
      setRemoveError(describeError(t, error).message);
    } finally {
      setBusy(null);
    }
  };

  if (readOnly && files.length === 0) return null;
  return (
    <div className="sim3-files">
      <p className="sim3-files__title" id={`${inputId}-title`}>
        {t('sim3.files.title')}
      </p>
      {files.length > 0 ? (
        <ul className="sim3-files__list" aria-labelledby={`${inputId}-title`}>
          {files.map((file) => (
            <li key={file.id} className="sim3-files__item">
              <a href={attachmentUrl(assessmentId, file.id)} download={file.filename} dir="auto">
                {file.filename}
              </a>
              <span className="sim3-files__size">{formatSize(file.size)}</span>
              {readOnly ? null : (
                <Button
                  variant="quiet"
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(file);
                  }}
                >
                  {t('sim3.files.remove')}
                  <span className="visually-hidden"> {file.filename}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <div className="sim3-files__add">
          <label className="btn btn--secondary sim3-files__pick" htmlFor={inputId}>
            {t('sim3.files.add')}
            <span className="visually-hidden"> {parameterId}</span>
            <input
              id={inputId}
              type="file"
              className="visually-hidden"
              disabled={busy !== null}
              onChange={(event) => void onPick(event)}
              aria-describedby={`${inputId}-hint`}
              data-testid={`files-${parameterId}`}
            />
          </label>
          <span className="sim3-files__hint" id={`${inputId}-hint`}>
            {t('sim3.files.hint', { limit: formatSize(attachmentLimitBytes) })}
          </span>
        </div>
      )}
      <div aria-live="polite" className="sim3-files__status">
        {busy && !removing ? (
          <p className="muted">{t('sim3.files.uploading', { name: busy })}</p>
        ) : message ? (
          <p
            className={message.tone === 'error' ? 'sim3-files__error' : 'sim3-files__ok'}
            role={message.tone === 'error' ? 'alert' : undefined}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={t('sim3.files.removeTitle')}
        confirmLabel={t('sim3.files.removeConfirm')}
        destructive
        busy={busy !== null}
        error={removeError}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('sim3.files.removeText', { name: removing?.filename ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
