import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from '../features/accounts/LoginPage';
import { ErrorBoundary } from './ErrorBoundary';
import { RequireAuth, RequirePermission, passwordPath } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

// Everything after login is split out so the login page loads fast on a slow link.
const HomePage = lazy(() => import('../features/home/HomePage'));
const ChangePasswordPage = lazy(() => import('../features/accounts/ChangePasswordPage'));
const ProfilePage = lazy(() => import('../features/accounts/ProfilePage'));
const UsersPage = lazy(() => import('../features/accounts/users/UsersPage'));
const TokensPage = lazy(() => import('../features/accounts/tokens/TokensPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const WorldPage = lazy(() => import('../features/registry/WorldPage'));
const CountryPage = lazy(() => import('../features/registry/CountryPage'));
const NeedsPage = lazy(() => import('../features/registry/NeedsPage'));
const ReportPage = lazy(() => import('../features/registry/ReportPage'));
const ExchangePage = lazy(() => import('../features/registry/ExchangePage'));

export function AppRouter() {
  return (
    <BrowserRouter>
      <ErrorBoundary>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <Shell />
              </RequireAuth>
            }
          >
            <Route index element={<HomePage />} />
            <Route path={passwordPath} element={<ChangePasswordPage />} />
            <Route path="/account" element={<ProfilePage />} />
            <Route path="/tokens" element={<TokensPage />} />
            <Route
              path="/admin/users"
              element={
                <RequirePermission permission="users.manage">
                  <UsersPage />
                </RequirePermission>
              }
            />
            <Route
              path="/admin/audit"
              element={
                <RequirePermission permission="audit.read">
                  <AuditPage />
                </RequirePermission>
              }
            />
            {/* Every role may read the registry; edit controls check registry.edit. */}
            <Route path="/registry" element={<WorldPage />} />
            <Route path="/registry/countries/:iso3" element={<CountryPage />} />
            <Route path="/registry/needs" element={<NeedsPage />} />
            <Route path="/registry/report" element={<ReportPage />} />
            <Route path="/registry/exchange" element={<ExchangePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </ErrorBoundary>
    </BrowserRouter>
  );
}
