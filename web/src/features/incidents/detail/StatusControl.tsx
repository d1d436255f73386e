import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Alert } from '../../../ui';
import { changeStatus } from '../api';
import { isConflict, splitError } from '../components/errors';
import { TextArea } from '../components/TextArea';
import type { IncidentStatus } from '../types';
import { needsComment } from './needsComment';
import { useIncident } from './context';

/**
 * The next statuses the workflow allows from here, one button each; nothing else is offered.
 * Reopening (and closing without resolving) asks for a comment first.
 */
export function StatusControl() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, setIncident, refresh, canHandle } = useIncident();
  const [asking, setAsking] = useState<IncidentStatus | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<IncidentStatus | null>(null);
  const [failure, setFailure] = useState<{ text: string; conflict: boolean } | null>(null);
  const next = incident.nextStatuses;
  if (!canHandle || next.length === 0 || incident.mergedIntoId) return null;

  async function move(to: IncidentStatus, why: string) {
    setBusy(to);
    setFailure(null);
    try {
      setIncident(
        await changeStatus(incident.id, { revision: incident.revision, status: to, comment: why }),
      );
      setAsking(null);
      setComment('');
      refresh();
    } catch (error) {
      const split = splitError(t, tApp, error);
      setFailure({
        text: isConflict(error)
          ? t('detail.stale')
          : [split.form, ...Object.values(split.fields)].join(' '),
        conflict: isConflict(error),
      });
    } finally {
      setBusy(null);
    }
  }

  const reopen = (to: IncidentStatus) =>
    incident.status === 'resolved' || incident.status === 'closed' ? to !== 'closed' : false;

  return (
    <div className="status-control" role="group" aria-label={t('detail.status.label')}>
      {next.map((to) => (
        <Button
          key={to}
          variant={to === 'closed' ? 'secondary' : 'primary'}
          busy={busy === to}
          data-testid={`status-to-${to}`}
          onClick={() => (needsComment(incident.status, to) ? setAsking(to) : void move(to, ''))}
        >
          {reopen(to) ? t('detail.status.reopen') : t(`detail.status.to.${to}`)}
        </Button>
      ))}
      {failure && !asking ? (
        <div className="status-control__error">
          <Alert tone="error" title={failure.text} testId="status-error">
            {failure.conflict ? (
              <Button
                onClick={() => {
                  setFailure(null);
                  refresh();
                }}
              >
                {t('detail.reload')}
              </Button>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <Dialog
        open={asking !== null}
        title={
          asking && reopen(asking)
            ? t('detail.status.reopenTitle')
            : t('detail.status.commentTitle')
        }
        onClose={() => setAsking(null)}
        onSubmit={() => {
          if (!asking) return;
          if (comment.trim() === '') {
            setFailure({ text: t('detail.status.commentMissing'), conflict: false });
            return;
          }
          void move(asking, comment.trim());
        }}
        testId="status-dialog"
        footer={
          <>
            <Button type="submit" variant="primary" busy={busy !== null}>
              {asking ? t(`detail.status.confirm.${asking}`) : ''}
            </Button>
            <Button onClick={() => setAsking(null)}>{tApp('common.cancel')}</Button>
          </>
        }
      >
        {failure ? <Alert tone="error" title={failure.text} /> : null}
        <TextArea
          id="status-comment"
          label={t('detail.status.comment')}
          hint={t('detail.status.commentHint')}
          value={comment}
          rows={4}
          required
          onChange={setComment}
        />
      </Dialog>
    </div>
  );
}
