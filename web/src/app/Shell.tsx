import { Suspense, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Loading, SkipLink, focusTitleOnNextPage, mainContentId } from '../ui';
import { useAuth, useMe } from './auth';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSelect } from './LanguageSelect';
import { UserMenu } from './UserMenu';

/** Header, navigation and footer around every page after login. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const location = useLocation();
  const previousPath = useRef(location.pathname);

  // Compare with the last path rather than skipping the first run, which StrictMode repeats.
  // A layout effect runs before the new page's own effects in the same commit, so the flag is
  // set by the time its PageHeader mounts.
  useLayoutEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    focusTitleOnNextPage();
  }, [location.pathname]);

  // Until the one-time password is replaced, the only page is the password form.
  const showNavigation = !me.mustChangePassword;

  return (
    <div className="app">
      <SkipLink />
      <header className="masthead">
        <div className="masthead__bar container">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            cirtkit
          </Link>
          <div className="masthead__tools">
            <LanguageSelect />
            <UserMenu />
          </div>
        </div>
        {showNavigation ? (
          <nav className="main-nav" aria-label={t('shell.nav.label')}>
            <ul className="main-nav__list container">
              <li>
                <NavLink className="main-nav__link" to="/" end>
                  {t('shell.nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink className="main-nav__link" to="/registry" end>
                  {t('shell.nav.registry')}
                </NavLink>
              </li>
              <li>
                <NavLink className="main-nav__link" to="/registry/needs">
                  {t('shell.nav.needs')}
                </NavLink>
              </li>
              <li>
                <NavLink className="main-nav__link" to="/registry/report">
                  {t('shell.nav.report')}
                </NavLink>
              </li>
              {can('toolkit.read') ? (
                <li>
                  <NavLink className="main-nav__link" to="/toolkit">
                    {t('shell.nav.toolkit')}
                  </NavLink>
                </li>
              ) : null}
              {can('incidents.read') ? (
                <li>
                  <NavLink className="main-nav__link" to="/incidents">
                    {t('shell.nav.incidents')}
                  </NavLink>
                </li>
              ) : null}
              {can('constituents.read') ? (
                <li>
                  <NavLink className="main-nav__link" to="/constituents">
                    {t('shell.nav.constituents')}
                  </NavLink>
                </li>
              ) : null}
              {can('law.read') ? (
                <li>
                  <NavLink className="main-nav__link" to="/law">
                    {t('shell.nav.law')}
                  </NavLink>
                </li>
              ) : null}
              {can('exchange.read') ? (
                <li>
                  <NavLink className="main-nav__link" to="/exchange">
                    {t('shell.nav.exchange')}
                  </NavLink>
                </li>
              ) : null}
              {can('users.manage') ? (
                <li>
                  <NavLink className="main-nav__link" to="/admin/users">
                    {t('shell.nav.users')}
                  </NavLink>
                </li>
              ) : null}
              <li>
                <NavLink className="main-nav__link" to="/tokens">
                  {t('shell.nav.tokens')}
                </NavLink>
              </li>
              {can('audit.read') ? (
                <li>
                  <NavLink className="main-nav__link" to="/admin/audit">
                    {t('shell.nav.audit')}
                  </NavLink>
                </li>
              ) : null}
              <li>
                {/* Served by the API server itself (OpenAPI UI), outside this app. */}
                <a className="main-nav__link" href="/api/docs">
                  {t('shell.nav.apiReference')}
                </a>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id={mainContentId} className="main container" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="footer">
        <div className="container footer__inner">
          <p>{t('shell.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
