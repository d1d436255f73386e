import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

// Set by the shell when the user follows a link inside the app. The next page title to mount
// takes focus, so screen-reader and keyboard users start reading the new page at its top
// instead of staying on a link that may no longer exist. The first page load is left alone.
let focusNextTitle = false;

export function focusTitleOnNextPage(): void {
  focusNextTitle = true;
}

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's one h1. It takes focus after navigation (see Shell) so readers hear the new page. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusNextTitle) return;
    focusNextTitle = false;
    titleRef.current?.focus();
  }, []);
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 ref={titleRef} className="page-header__title" tabIndex={-1} data-page-title>
          {title}
        </h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}
