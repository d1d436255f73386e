import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { Alert, Button } from '../../../ui';
import { addComment, getTimeline } from '../api';
import { splitError } from '../components/errors';
import { TextArea } from '../components/TextArea';
import type { TimelineEvent } from '../types';
import { useIncident } from './context';
import { TimelineBody } from './TimelineBody';

/** Everything that happened to the incident, newest first, and a comment box on top. */
export function Timeline() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, version, refresh, canHandle } = useIncident();
  const timeline = useResource(() => getTimeline(incident.id), [incident.id, version]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function post() {
    if (comment.trim() === '') {
      setError(t('detail.timeline.commentMissing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await addComment(incident.id, comment.trim());
      setComment('');
      refresh();
    } catch (failure) {
      setError(splitError(t, tApp, failure).form);
    } finally {
      setBusy(false);
    }
  }

  const items = [...(timeline.data?.events ?? [])].reverse();
  return (
    <section
      className="incident-card"
      aria-labelledby="incident-timeline-title"
      data-testid="timeline"
    >
      <h2 id="incident-timeline-title" className="incident-card__title">
        {t('detail.timeline.title')}
      </h2>
      {canHandle ? (
        <form
          className="timeline-comment"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void post();
          }}
        >
          <TextArea
            id="timeline-comment"
            label={t('detail.timeline.comment')}
            value={comment}
            error={error}
            rows={3}
            onChange={setComment}
          />
          <Button type="submit" busy={busy} data-testid="comment-post">
            {t('detail.timeline.post')}
          </Button>
        </form>
      ) : null}
      {timeline.status === 'failed' ? (
        <Alert tone="error" title={splitError(t, tApp, timeline.error).form} />
      ) : null}
      <ol className="timeline">
        {items.map((event) => (
          <TimelineItem key={event.id} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('incidents');
  return (
    <li className={`timeline__item timeline__item--${event.kind}`} data-kind={event.kind}>
      <div className="timeline__head">
        <span className="timeline__kind">{t(`detail.timeline.kinds.${event.kind}`)}</span>
        <span className="timeline__actor">{actorName(t, event.actor)}</span>
        <time className="timeline__at" dateTime={event.at}>
          {formatDateTime(event.at)}
        </time>
      </div>
      <TimelineBody event={event} />
    </li>
  );
}

function actorName(t: (key: string) => string, actor: string): string {
  return ['reporter', 'system', 'mail'].includes(actor)
    ? t(`detail.timeline.actors.${actor}`)
    : actor;
}
