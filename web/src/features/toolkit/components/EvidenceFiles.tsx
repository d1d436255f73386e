import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Button, ConfirmDialog } from '../../../ui';
import {
  attachmentLimitBytes,
  attachmentUrl,
  deleteAttachment,
  formatSize,
  uploadAttachment,
  type Attachment,
} from '../attachments';

/** The part whose strings (`<part>.files.*`) and classes the list uses. */
const classPrefix = { readiness: 'rq', sim3: 'sim3' } as const;

interface EvidenceFilesProps {
  assessmentId: string;
  /** The question or parameter the files are evidence for. */
  itemId: string;
  part: keyof typeof classPrefix;
  files: Attachment[];
  readOnly: boolean;
  onAdded(file: Attachment): void;
  onRemoved(id: string): void;
}

/**
 * Evidence files of one question or parameter (a signed mandate, a procedure, a screenshot of
 * the ticket system): each downloads as a file, never opens in the page; a draft takes files up
 * to 10 MB, checked before sending so nobody waits for an upload the server would refuse.
 */
export function EvidenceFiles(props: EvidenceFilesProps) {
  const { assessmentId, itemId, files, readOnly, part } = props;
  const c = classPrefix[part];
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
        text: t(`${part}.files.tooLarge`, {
          name: file.name,
          size: formatSize(file.size),
          limit: formatSize(attachmentLimitBytes),
        }),
      });
      return;
    }
    if (file.size === 0) {
      setMessage({ tone: 'error', text: t(`${part}.files.empty`, { name: file.name }) });
      return;
    }
    setBusy(file.name);
    setMessage(null);
    try {
      props.onAdded(await uploadAttachment(assessmentId, itemId, file));
      setMessage({ tone: 'success', text: t(`${part}.files.added`, { name: file.name }) });
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
      setMessage({ tone: 'success', text: t(`${part}.files.removed`, { name: file.filename }) });
    } catch (error) {
      setRemoveError(describeError(t, error).message);
    } finally {
      setBusy(null);
    }
  };

  if (readOnly && files.length === 0) return null;
  return (
    <div className={`${c}-files`}>
      <p className={`${c}-files__title`} id={`${inputId}-title`}>
        {t(`${part}.files.title`)}
      </p>
      {files.length > 0 ? (
        <ul className={`${c}-files__list`} aria-labelledby={`${inputId}-title`}>
          {files.map((file) => (
            <li key={file.id} className={`${c}-files__item`}>
              <a href={attachmentUrl(assessmentId, file.id)} download={file.filename} dir="auto">
                {file.filename}
              </a>
              <span className={`${c}-files__size`}>{formatSize(file.size)}</span>
              {readOnly ? null : (
                <Button
                  variant="quiet"
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(file);
                  }}
                >
                  {t(`${part}.files.remove`)}
                  <span className="visually-hidden"> {file.filename}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <div className={`${c}-files__add`}>
          <label className={`btn btn--secondary ${c}-files__pick`} htmlFor={inputId}>
            {t(`${part}.files.add`)}
            <span className="visually-hidden"> {itemId}</span>
            <input
              id={inputId}
              type="file"
              className="visually-hidden"
              disabled={busy !== null}
              onChange={(event) => void onPick(event)}
              aria-describedby={`${inputId}-hint`}
              data-testid={`files-${itemId}`}
            />
          </label>
          <span className={`${c}-files__hint`} id={`${inputId}-hint`}>
            {t(`${part}.files.hint`, { limit: formatSize(attachmentLimitBytes) })}
          </span>
        </div>
      )}
      <div aria-live="polite" className={`${c}-files__status`}>
        {busy && !removing ? (
          <p className="muted">{t(`${part}.files.uploading`, { name: busy })}</p>
        ) : message ? (
          <p
            className={message.tone === 'error' ? `${c}-files__error` : `${c}-files__ok`}
            role={message.tone === 'error' ? 'alert' : undefined}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={t(`${part}.files.removeTitle`)}
        confirmLabel={t(`${part}.files.removeConfirm`)}
        destructive
        busy={busy !== null}
        error={removeError}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>{t(`${part}.files.removeText`, { name: removing?.filename ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
