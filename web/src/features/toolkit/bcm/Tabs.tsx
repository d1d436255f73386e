import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: string;
  /** Issues in this part of the plan; shown as a count and read out with the label. */
  count?: number;
  countLabel?: string;
}

interface TabsProps {
  label: string;
  items: ReadonlyArray<TabItem>;
  selected: string;
  onSelect(id: string): void;
  idPrefix: string;
  children: ReactNode;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * Tabs in the WAI-ARIA pattern: one tab stop, arrow keys (mirrored in right-to-left pages),
 * Home and End move between tabs and show them; the panel follows in the tab order.
 */
export function Tabs({ label, items, selected, onSelect, idPrefix, children }: TabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const go = (index: number) => {
    const item = items[(index + items.length) % items.length]!;
    onSelect(item.id);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(idPrefix, item.id)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = items.findIndex((i) => i.id === selected);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (step !== undefined) go(current + step);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else return;
    event.preventDefault();
  };
  return (
    <div className="bcm-tabs">
      <div
        ref={list}
        className="bcm-tabs__list"
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const active = item.id === selected;
          return (
            <button
              key={item.id}
              type="button"
              role="tab"
              id={tabId(idPrefix, item.id)}
              className="bcm-tabs__tab"
              aria-selected={active}
              aria-controls={panelId(idPrefix, item.id)}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(item.id)}
            >
              {item.label}
              {item.count ? (
                <span className="bcm-tabs__count">
                  <span aria-hidden="true">{item.count}</span>
                  <span className="visually-hidden">{item.countLabel}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div
        className="bcm-tabs__panel"
        role="tabpanel"
        id={panelId(idPrefix, selected)}
        aria-labelledby={tabId(idPrefix, selected)}
        tabIndex={0}
      >
        {children}
      </div>
    </div>
  );
}
