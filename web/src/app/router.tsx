import { Suspense, lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from '../features/accounts/LoginPage';
import { Loading } from '../ui';
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
const ToolkitLayout = lazy(() => import('../features/toolkit/ToolkitLayout'));
const ProjectsPage = lazy(() => import('../features/toolkit/projects/ProjectsPage'));
const ProjectLayout = lazy(() => import('../features/toolkit/projects/ProjectLayout'));
const DashboardPage = lazy(() => import('../features/toolkit/projects/DashboardPage'));
const ReadinessListPage = lazy(() => import('../features/toolkit/readiness/ReadinessListPage'));
const ReadinessPage = lazy(() => import('../features/toolkit/readiness/ReadinessPage'));
const Sim3ListPage = lazy(() => import('../features/toolkit/sim3/Sim3ListPage'));
const Sim3Page = lazy(() => import('../features/toolkit/sim3/Sim3Page'));
const ServicesPage = lazy(() => import('../features/toolkit/services/ServicesPage'));
const RoadmapPage = lazy(() => import('../features/toolkit/roadmap/RoadmapPage'));
const BcmPage = lazy(() => import('../features/toolkit/bcm/BcmPage'));
const Rfc2350Page = lazy(() => import('../features/toolkit/rfc2350/Rfc2350Page'));
const IncidentsLayout = lazy(() => import('../features/incidents/IncidentsLayout'));
const IncidentListPage = lazy(() => import('../features/incidents/list/IncidentListPage'));
const IncidentStatsPage = lazy(() => import('../features/incidents/stats/IncidentStatsPage'));
const PublicReportPage = lazy(() => import('../features/incidents/public/PublicReportPage'));
const NewIncidentPage = lazy(() => import('../features/incidents/NewIncidentPage'));
const IncidentPage = lazy(() => import('../features/incidents/IncidentPage'));
const MailboxPage = lazy(() => import('../features/incidents/mailbox/MailboxPage'));
const IncidentSettingsPage = lazy(
  () => import('../features/incidents/settings/IncidentSettingsPage'),
);
const ConstituentsLayout = lazy(() => import('../features/constituents/ConstituentsLayout'));
const OrgsPage = lazy(() => import('../features/constituents/OrgsPage'));
const OrgPage = lazy(() => import('../features/constituents/OrgPage'));
const ConstituentsLookupPage = lazy(() => import('../features/constituents/LookupPage'));
const ConstituentsImportPage = lazy(() => import('../features/constituents/ImportPage'));
const LawLayout = lazy(() => import('../features/law/LawLayout'));
const LawCataloguePage = lazy(() => import('../features/law/CataloguePage'));
const LawProvisionPage = lazy(() => import('../features/law/ProvisionPage'));
const LawCountriesPage = lazy(() => import('../features/law/CountriesPage'));
const LawCountryPage = lazy(() => import('../features/law/CountryPage'));
const LawReportPage = lazy(() => import('../features/law/ReportPage'));
const LawMatrixPage = lazy(() => import('../features/law/MatrixPage'));
const ExchangeLayout = lazy(() => import('../features/exchange/ExchangeLayout'));
const ExchangeObjectsPage = lazy(() => import('../features/exchange/ObjectsPage'));
const ExchangeObjectPage = lazy(() => import('../features/exchange/ObjectPage'));
const ExchangeObjectEditorPage = lazy(() => import('../features/exchange/ObjectEditorPage'));
const ExchangePeersPage = lazy(() => import('../features/exchange/PeersPage'));
const ExchangePeerPage = lazy(() => import('../features/exchange/PeerPage'));
const ExchangeGroupPage = lazy(() => import('../features/exchange/GroupPage'));

export function AppRouter() {
  return (
    <BrowserRouter>
      <ErrorBoundary>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* The public report form: no account, outside the shell. */}
          <Route
            path="/report"
            element={
              <Suspense fallback={<Loading />}>
                <IncidentsLayout />
              </Suspense>
            }
          >
            <Route index element={<PublicReportPage />} />
          </Route>
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
            <Route
              path="/toolkit"
              element={
                <RequirePermission permission="toolkit.read">
                  <ToolkitLayout />
                </RequirePermission>
              }
            >
              <Route index element={<ProjectsPage />} />
              <Route path="projects/:projectId" element={<ProjectLayout />}>
                <Route index element={<DashboardPage />} />
                <Route path="readiness" element={<ReadinessListPage />} />
                <Route path="readiness/:assessmentId" element={<ReadinessPage />} />
                <Route path="sim3" element={<Sim3ListPage />} />
                <Route path="sim3/:assessmentId" element={<Sim3Page />} />
                <Route path="services" element={<ServicesPage />} />
                <Route path="roadmap" element={<RoadmapPage />} />
                <Route path="bcm" element={<BcmPage />} />
                <Route path="rfc2350" element={<Rfc2350Page />} />
              </Route>
            </Route>
            <Route
              path="/incidents"
              element={
                <RequirePermission permission="incidents.read">
                  <IncidentsLayout />
                </RequirePermission>
              }
            >
              {/* incidents pages */}
              <Route index element={<IncidentListPage />} />
              <Route path="stats" element={<IncidentStatsPage />} />
              <Route
                path="new"
                element={
                  <RequirePermission permission="incidents.handle">
                    <NewIncidentPage />
                  </RequirePermission>
                }
              />
              <Route
                path="settings"
                element={
                  <RequirePermission permission="incidents.manage">
                    <IncidentSettingsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="mailbox"
                element={
                  <RequirePermission permission="incidents.manage">
                    <MailboxPage />
                  </RequirePermission>
                }
              />
              <Route path=":id" element={<IncidentPage />} />
            </Route>
            <Route
              path="/constituents"
              element={
                <RequirePermission permission="constituents.read">
                  <ConstituentsLayout />
                </RequirePermission>
              }
            >
              {/* constituents pages */}
              <Route index element={<OrgsPage />} />
              <Route path="orgs/:orgId" element={<OrgPage />} />
              <Route path="lookup" element={<ConstituentsLookupPage />} />
              <Route path="import" element={<ConstituentsImportPage />} />
            </Route>
            <Route
              path="/law"
              element={
                <RequirePermission permission="law.read">
                  <LawLayout />
                </RequirePermission>
              }
            >
              {/* law pages; edit controls check law.edit */}
              <Route index element={<LawCataloguePage />} />
              <Route path="provisions/:id" element={<LawProvisionPage />} />
              <Route path="countries" element={<LawCountriesPage />} />
              <Route path="countries/:iso3" element={<LawCountryPage />} />
              <Route path="countries/:iso3/report" element={<LawReportPage />} />
              <Route path="matrix" element={<LawMatrixPage />} />
            </Route>
            <Route
              path="/exchange"
              element={
                <RequirePermission permission="exchange.read">
                  <ExchangeLayout />
                </RequirePermission>
              }
            >
              {/* exchange pages; share and manage controls check their permissions */}
              <Route index element={<ExchangeObjectsPage />} />
              <Route
                path="collections/:collectionId/objects/:objectId"
                element={<ExchangeObjectPage />}
              />
              <Route
                path="collections/:collectionId/new"
                element={
                  <RequirePermission permission="exchange.share">
                    <ExchangeObjectEditorPage />
                  </RequirePermission>
                }
              />
              <Route
                path="collections/:collectionId/objects/:objectId/edit"
                element={
                  <RequirePermission permission="exchange.share">
                    <ExchangeObjectEditorPage />
                  </RequirePermission>
                }
              />
              <Route path="peers" element={<ExchangePeersPage />} />
              <Route path="peers/:peerId" element={<ExchangePeerPage />} />
              <Route path="groups/:groupId" element={<ExchangeGroupPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </ErrorBoundary>
    </BrowserRouter>
  );
}
