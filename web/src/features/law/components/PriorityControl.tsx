import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { Button } from '../../../ui';
import { move, sameOrder } from '../priority';
import type { Category } from '../types';

/**
 * The order of categories in the gap list: each moves one place at a time with buttons, so a
 * keyboard and a screen reader can do it; focus stays on the moved category's button.
 */
export function PriorityControl({
  order,
  defaults,
  categories,
  onMove,
  onReset,
}: {
  order: readonly string[];
  defaults: readonly string[];
  categories: readonly Category[];
  /** Moves a category one place; the page applies it to the order as it is now. */
  onMove(id: string, step: -1 | 1): void;
  onReset(): void;
}) {
  const { t } = useTranslation('law');
  const title = new Map(categories.map((c) => [c.id, c.title]));
  const list = useRef<HTMLOListElement>(null);
  const focusNext = useRef<{ id: string; step: -1 | 1 } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted || !list.current) return;
    focusNext.current = null;
    const item = list.current.querySelector<HTMLElement>(`[data-category="${wanted.id}"]`);
    const same = item?.querySelector<HTMLButtonElement>(`[data-step="${wanted.step}"]`);
    const other = item?.querySelector<HTMLButtonElement>(`[data-step="${-wanted.step}"]`);
    (same && !same.disabled ? same : other)?.focus();
  }, [order]);

  const shift = (id: string, step: -1 | 1) => {
    focusNext.current = { id, step };
    const next = move(order, id, step);
    setAnnouncement(
      t('report.priority.moved', {
        category: title.get(id) ?? id,
        position: formatNumber(next.indexOf(id) + 1),
      }),
    );
    onMove(id, step);
  };

  return (
    <section aria-labelledby="priority-heading" className="law-panel law-priority">
      <h2 id="priority-heading" className="section-title">
        {t('report.priority.title')}
      </h2>
      <p className="muted law-measure">{t('report.priority.intro')}</p>
      <ol className="law-priority__list" ref={list} data-testid="priority-list">
        {order.map((id, index) => {
          const name = title.get(id) ?? id;
          return (
            <li key={id} className="law-priority__item" data-category={id}>
              <span className="law-priority__rank" aria-hidden="true">
                {formatNumber(index + 1)}
              </span>
              <span className="law-priority__name">{name}</span>
              <span className="law-priority__buttons">
                <Button
                  variant="quiet"
                  data-step={-1}
                  disabled={index === 0}
                  onClick={() => shift(id, -1)}
                  aria-label={t('report.priority.up', { category: name })}
                >
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button
                  variant="quiet"
                  data-step={1}
                  disabled={index === order.length - 1}
                  onClick={() => shift(id, 1)}
                  aria-label={t('report.priority.down', { category: name })}
                >
                  <span aria-hidden="true">↓</span>
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {!sameOrder(order, defaults) ? (
        <Button
          onClick={() => {
            setAnnouncement(t('report.priority.restored'));
            onReset();
          }}
          data-testid="priority-reset"
        >
          {t('report.priority.reset')}
        </Button>
      ) : null}
    </section>
  );
}
