import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui';
import type { Roadmap, Task } from './api';

/** Where the page of a gap's source is: the assessment it came from, or the service. */
function sourceHref(task: Task, sources: Roadmap['sources'], base: string): string | null {
  if (task.source === 'readiness')
    return sources.readiness
      ? `${base}/readiness/${encodeURIComponent(sources.readiness.id)}`
      : `${base}/readiness`;
  if (task.source === 'sim3')
    return sources.sim3 ? `${base}/sim3/${encodeURIComponent(sources.sim3.id)}` : `${base}/sim3`;
  if (task.source === 'services') {
    const service = task.gap?.ref ?? task.gapId?.split('.')[1];
    return `${base}/services${service ? `#service-${service}` : ''}`;
  }
  return null;
}

/** Wraps a value in first-strong isolates, so English content reads right inside Arabic text. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Which gap a task closes: its source, what there is now against what is needed, and a link. */
export function GapLine({
  task,
  sources,
  base,
}: {
  task: Task;
  sources: Roadmap['sources'];
  base: string;
}) {
  const { t } = useTranslation('toolkit');
  if (task.source === 'manual')
    return (
      <p className="task-gap">
        <Badge tone="neutral">{t('roadmap.source.manual')}</Badge>
      </p>
    );
  const gap = task.gap;
  const href = sourceHref(task, sources, base);
  let change: string | null = null;
  if (gap?.source === 'readiness')
    change = t('roadmap.gap.answer', {
      current: isolate(gap.current ?? t('roadmap.gap.unanswered')),
      target: isolate(gap.target),
    });
  else if (gap?.source === 'sim3')
    change = t('roadmap.gap.level', {
      current: gap.current ?? t('roadmap.gap.notAssessed'),
      target: gap.target,
    });
  else if (gap && gap.id === `service.${gap.ref}`)
    change = t('roadmap.gap.horizon', { horizon: t(`roadmap.horizon.${gap.target}`) });
  else if (gap)
    change = t('roadmap.gap.serviceLevel', {
      parameter: gap.id.split('.').at(-1) ?? '',
      current: gap.current ?? t('roadmap.gap.notAssessed'),
      target: gap.target,
    });
  return (
    <p className="task-gap">
      <span className="task-gap__label">{t('roadmap.gap.closes')}</span>{' '}
      <Badge tone="neutral">{t(`roadmap.source.${task.source}`)}</Badge>{' '}
      {change ? <span className="task-gap__change">{change}</span> : null}
      {task.gapClosed ? (
        <>
          {' '}
          <Badge tone="success">{t('roadmap.gap.closed')}</Badge>
        </>
      ) : null}
      {href ? (
        <>
          {' '}
          <Link className="task-gap__link" to={href}>
            {t(`roadmap.gap.open.${task.source}`)}
          </Link>
        </>
      ) : null}
    </p>
  );
}
