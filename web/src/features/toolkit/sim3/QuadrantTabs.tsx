import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuadrantId } from './api';
import type { QuadrantScore } from './evaluate';
import { formatCount, formatMean } from './format';

interface QuadrantTabsProps {
  quadrants: ReadonlyArray<{ id: QuadrantId; title: string }>;
  scores: readonly QuadrantScore[];
  /** Blocking parameters of the next tier per quadrant. */
  blocking: Readonly<Record<string, number>>;
  active: QuadrantId;
  onSelect(id: QuadrantId): void;
  children: ReactNode;
}

export const tabId = (id: string) => `sim3-tab-${id}`;
export const panelId = (id: string) => `sim3-panel-${id}`;

/**
 * The four quadrants as tabs (WAI-ARIA tabs pattern: one tab stop, arrow keys move in the
 * reading direction, Home and End jump to the ends, selection follows focus). Each tab shows
 * the quadrant's mean and how many of its parameters are assessed.
 */
export function QuadrantTabs(props: QuadrantTabsProps) {
  const { quadrants, active } = props;
  const { t, i18n } = useTranslation('toolkit');
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const rtl = i18n.dir() === 'rtl';

  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = quadrants.length - 1;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const target =
      event.key === forward
        ? index === last
          ? 0
          : index + 1
        : event.key === back
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const id = quadrants[target]!.id;
    props.onSelect(id);
    tabs.current.get(id)?.focus();
  };

  return (
    <div className="sim3-tabs">
      <div className="sim3-tabs__list" role="tablist" aria-label={t('sim3.quadrants.label')}>
        {quadrants.map((q, index) => {
          const score = props.scores.find((s) => s.quadrantId === q.id);
          const blocking = props.blocking[q.id] ?? 0;
          const selected = q.id === active;
          return (
            <button
              key={q.id}
              ref={(node) => {
                if (node) tabs.current.set(q.id, node);
                else tabs.current.delete(q.id);
              }}
              type="button"
              role="tab"
              id={tabId(q.id)}
              className="sim3-tabs__tab"
              aria-selected={selected}
              // Only the shown panel exists; the others are rendered when chosen.
              aria-controls={selected ? panelId(q.id) : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => props.onSelect(q.id)}
              onKeyDown={(event) => move(event, index)}
              data-testid={`tab-${q.id}`}
            >
              <span className="sim3-tabs__name">
                <span className="sim3-tabs__letter" aria-hidden="true">
                  {q.id}
                </span>
                {q.title}
              </span>
              <span className="sim3-tabs__meta">
                {t('sim3.quadrants.tabMeta', {
                  mean: score?.mean === null || !score ? '–' : formatMean(score.mean),
                  assessed: formatCount(score?.assessed ?? 0),
                  total: formatCount(score?.parameters.length ?? 0),
                })}
              </span>
              {blocking ? (
                <span className="sim3-tabs__blocking">
                  {t('sim3.quadrants.tabBlocking', { n: formatCount(blocking) })}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div
        className="sim3-tabs__panel"
        role="tabpanel"
        id={panelId(active)}
        aria-labelledby={tabId(active)}
      >
        {props.children}
      </div>
    </div>
  );
}
