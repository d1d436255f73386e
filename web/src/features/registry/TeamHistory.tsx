import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { Badge, Button } from '../../ui';
import type { BadgeTone } from '../../ui/Badge';
import { citationLinks, describeEvent } from './events';
import { formatPartialDate } from './format';
import type { Confidence, Source, TeamEvent } from './types';

const confidenceTone: Record<Confidence, BadgeTone> = {
  high: 'success',
  medium: 'neutral',
  low: 'warning',
};

export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  return <Badge tone={confidenceTone[confidence]}>{t(`registry.confidence.${confidence}`)}</Badge>;
}

interface TeamHistoryProps {
  teamName: string;
  events: TeamEvent[];
  sources: Source[];
  /** Present when the user may retract facts. */
  onRetract?(event: TeamEvent): void;
}

/**
 * A team's dated facts, oldest first, as an ordered list: each says what happened, when, on
 * whose authority and how sure we are. Retracted facts stay, struck through, with the reason,
 * so the history shows how the registry came to say what it says.
 */
export function TeamHistory({ teamName, events, sources, onRetract }: TeamHistoryProps) {
  const { t } = useTranslation();
  const ordered = [...events].sort(
    (a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt),
  );
  if (ordered.length === 0) return <p className="muted">{t('registry.history.empty')}</p>;
  return (
    <ol className="timeline" aria-label={t('registry.history.label', { name: teamName })}>
      {ordered.map((event) => {
        const what = describeEvent(t, event.value);
        const links = citationLinks(event.citation, sources);
        const retracted = event.retracted;
        return (
          <li
            key={event.id}
            className={retracted ? 'timeline__item timeline__item--retracted' : 'timeline__item'}
          >
            <span className="timeline__marker" aria-hidden="true" />
            <div className="timeline__head">
              <time className="timeline__date" dateTime={event.date}>
                {formatPartialDate(event.date)}
              </time>
              {retracted ? (
                <del className="timeline__what">{what}</del>
              ) : (
                <span className="timeline__what">{what}</span>
              )}
              <ConfidenceBadge confidence={event.confidence} />
              {retracted ? <Badge tone="danger">{t('registry.history.retracted')}</Badge> : null}
            </div>
            {event.note ? <p className="timeline__note">{event.note}</p> : null}
            {links.length > 0 ? (
              <p className="timeline__source">
                {t('registry.history.source')}{' '}
                {links.map((link, index) => (
                  <span key={`${link.title}-${index}`}>
                    {index > 0 ? '; ' : null}
                    {link.url ? (
                      <a href={link.url} rel="noopener noreferrer" target="_blank">
                        {link.title}
                      </a>
                    ) : (
                      link.title
                    )}
                  </span>
                ))}
              </p>
            ) : (
              <p className="timeline__source muted">{t('registry.history.noSource')}</p>
            )}
            <p className="timeline__meta">
              {t('registry.history.recorded', {
                who: event.recordedBy,
                when: formatDateTime(event.recordedAt),
              })}
            </p>
            {retracted ? (
              <p className="timeline__retraction">
                {t('registry.history.retraction', {
                  who: retracted.by,
                  when: formatDateTime(retracted.at),
                  reason: retracted.reason,
                })}
              </p>
            ) : onRetract ? (
              <Button
                variant="quiet"
                className="timeline__action"
                aria-label={t('registry.history.retractLabel', {
                  what,
                  date: formatPartialDate(event.date),
                })}
                onClick={() => onRetract(event)}
              >
                {t('registry.history.retract')}
              </Button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
