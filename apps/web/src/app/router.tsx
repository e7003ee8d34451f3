import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '../ui/states';
import type { TPlannedModule } from '../modules/roadmap/modules';
import { GuestOnly, RequireAuth, RootRedirect } from './guards';
import { AppLayout } from './layout/AppLayout';

// Every page is its own chunk; the shell (layout, menu, header) loads once.
const SignInPage = lazy(() => import('../pages/SignInPage'));
const SignUpPage = lazy(() => import('../pages/SignUpPage'));
const InvitePage = lazy(() => import('../pages/InvitePage'));
const WelcomePage = lazy(() => import('../pages/WelcomePage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const TodayPage = lazy(() => import('../pages/TodayPage'));
const AccountsPage = lazy(() => import('../pages/accounts/AccountsPage'));
const AccountNewPage = lazy(() => import('../pages/accounts/AccountNewPage'));
const AccountDetailPage = lazy(() => import('../pages/accounts/AccountDetailPage'));
const AccountEditPage = lazy(() => import('../pages/accounts/AccountEditPage'));
const PlannedModulePage = lazy(() => import('../pages/PlannedModulePage'));
const ContentLibraryPage = lazy(() => import('../pages/content/ContentLibraryPage'));
const ContentEditorPage = lazy(() => import('../pages/content/ContentEditorPage'));
const ContentCalendarPage = lazy(() => import('../pages/content/ContentCalendarPage'));
const WorkspaceSettingsPage = lazy(() => import('../pages/settings/WorkspaceSettingsPage'));
const MembersPage = lazy(() => import('../pages/settings/MembersPage'));
const InvitationsPage = lazy(() => import('../pages/settings/InvitationsPage'));
const ApiTokensPage = lazy(() => import('../pages/settings/ApiTokensPage'));
const AuditPage = lazy(() => import('../pages/settings/AuditPage'));
const ContentSettingsPage = lazy(() => import('../pages/settings/ContentSettingsPage'));
const NotificationSettingsPage = lazy(() => import('../pages/settings/NotificationSettingsPage'));
const DashboardPage = lazy(() => import('../pages/analytics/DashboardPage'));
const ImportPage = lazy(() => import('../pages/analytics/ImportPage'));
const ReportsPage = lazy(() => import('../pages/analytics/ReportsPage'));
const GoalsPage = lazy(() => import('../pages/goals/GoalsPage'));
const GoalDetailPage = lazy(() => import('../pages/goals/GoalDetailPage'));

function page(Component: ComponentType): ReactNode {
  return (
    <Suspense fallback={<LoadingState />}>
      <Component />
    </Suspense>
  );
}

function planned(module: TPlannedModule): ReactNode {
  return (
    <Suspense fallback={<LoadingState />}>
      <PlannedModulePage module={module} />
    </Suspense>
  );
}

/** Every URL of the web app. Workspace pages live under /w/:workspaceId. */
export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <GuestOnly>{page(SignInPage)}</GuestOnly> },
    { path: '/sign-up', element: <GuestOnly>{page(SignUpPage)}</GuestOnly> },
    { path: '/invite/:token', element: page(InvitePage) },
    {
      path: '/',
      element: (
        <RequireAuth>
          <RootRedirect />
        </RequireAuth>
      ),
    },
    { path: '/welcome', element: <RequireAuth>{page(WelcomePage)}</RequireAuth> },
    {
      path: '/w/:workspaceId',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Navigate to="today" replace /> },
        { path: 'today', element: page(TodayPage) },
        { path: 'accounts', element: page(AccountsPage) },
        { path: 'accounts/new', element: page(AccountNewPage) },
        { path: 'accounts/:accountId', element: page(AccountDetailPage) },
        { path: 'accounts/:accountId/edit', element: page(AccountEditPage) },
        { path: 'goals', element: page(GoalsPage) },
        { path: 'goals/:goalId', element: page(GoalDetailPage) },
        { path: 'content', element: <Navigate to="library" replace /> },
        { path: 'content/library', element: page(ContentLibraryPage) },
        { path: 'content/calendar', element: page(ContentCalendarPage) },
        { path: 'content/new', element: page(ContentEditorPage) },
        { path: 'content/:itemId', element: page(ContentEditorPage) },
        { path: 'inbox', element: planned('inbox') },
        { path: 'contacts', element: planned('contacts') },
        { path: 'communities', element: planned('communities') },
        { path: 'campaigns', element: planned('campaigns') },
        { path: 'analytics', element: <Navigate to="dashboard" replace /> },
        { path: 'analytics/dashboard', element: page(DashboardPage) },
        { path: 'analytics/import', element: page(ImportPage) },
        { path: 'analytics/reports', element: page(ReportsPage) },
        { path: 'competitors', element: planned('competitors') },
        { path: 'monitoring', element: planned('monitoring') },
        { path: 'academy', element: planned('academy') },
        { path: 'settings', element: <Navigate to="workspace" replace /> },
        { path: 'settings/workspace', element: page(WorkspaceSettingsPage) },
        { path: 'settings/members', element: page(MembersPage) },
        { path: 'settings/invitations', element: page(InvitationsPage) },
        { path: 'settings/api-tokens', element: page(ApiTokensPage) },
        { path: 'settings/audit', element: page(AuditPage) },
        { path: 'settings/content', element: page(ContentSettingsPage) },
        { path: 'settings/notifications', element: page(NotificationSettingsPage) },
        { path: '*', element: page(NotFoundPage) },
      ],
    },
    { path: '*', element: page(NotFoundPage) },
  ]);
}
