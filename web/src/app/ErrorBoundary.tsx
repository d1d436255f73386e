import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './useDocumentTitle';

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Catches rendering failures (and failed lazy page loads after an upgrade) so one broken page
 * does not blank the whole app. The shell keys it by path: navigating away resets it.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The browser console is where a developer looks for a render failure's stack.
    // eslint-disable-next-line no-console
    console.error('cirtkit page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <ErrorPage /> : this.props.children;
  }
}

export function ErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errorPage.title'));
  return (
    <section className="message-page">
      <h1 className="page-header__title" tabIndex={-1} data-page-title>
        {t('errorPage.title')}
      </h1>
      <p>{t('errorPage.body')}</p>
      <p className="actions">
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          {t('errorPage.reload')}
        </button>
        <a className="btn btn--secondary" href="/">
          {t('errorPage.home')}
        </a>
      </p>
    </section>
  );
}
