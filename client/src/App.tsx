import { lazy, Suspense, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { setToken } from './apollo/session';
import { AppHeader } from './components/AppHeader';
import { ErrorState, LoadingState } from './components/LoadState';
import { MyTasksPanel } from './components/task/MyTasksPanel';
import { SessionContext } from './hooks/useOrganization';
import { useProposalHome } from './hooks/useProposalHome';
import { useDashboardHome } from './hooks/useDashboardHome';
import { useSessionToken } from './hooks/useSession';
import { AccountPage } from './scenes/AccountPage';
import { TokensPage } from './scenes/admin/TokensPage';
import { UnitsPage } from './scenes/admin/UnitsPage';
import { UsersPage } from './scenes/admin/UsersPage';
import { CalendarPage } from './scenes/CalendarPage';
import { LoginPage } from './scenes/LoginPage';
import { MeetingsPage } from './scenes/MeetingsPage';
import { NotFoundPage } from './scenes/NotFoundPage';
import { ViewerDocument } from './generated/graphql';

// The proposal screens (and the co-editor with Yjs under them) are loaded when first opened: the first page
// of a session does not pay for them.
const ProposalsPage = lazy(() =>
  import('./scenes/proposals/ProposalsPage').then((module) => ({ default: module.ProposalsPage })),
);
const ProposalLanding = lazy(() =>
  import('./scenes/proposals/ProposalsPage').then((module) => ({ default: module.ProposalLanding })),
);
const ProposalPage = lazy(() =>
  import('./scenes/proposals/ProposalPage').then((module) => ({ default: module.ProposalPage })),
);

// The meeting room (with drag and drop under its agenda) is loaded when first opened too.
const MeetingRoomPage = lazy(() =>
  import('./scenes/MeetingRoomPage').then((module) => ({ default: module.MeetingRoomPage })),
);

// The task board and a task's page, loaded when first opened.
const TasksPage = lazy(() =>
  import('./scenes/tasks/TasksPage').then((module) => ({ default: module.TasksPage })),
);
const TaskPage = lazy(() =>
  import('./scenes/tasks/TaskPage').then((module) => ({ default: module.TaskPage })),
);

// The work programmes (the programme page carries the chart library) and the follow-up report.
const ProgrammesPage = lazy(() =>
  import('./scenes/programme/ProgrammesPage').then((module) => ({ default: module.ProgrammesPage })),
);
const ProgrammePage = lazy(() =>
  import('./scenes/programme/ProgrammePage').then((module) => ({ default: module.ProgrammePage })),
);
const FollowUpPage = lazy(() =>
  import('./scenes/followup/FollowUpPage').then((module) => ({ default: module.FollowUpPage })),
);
// The leaders' dashboard (with the chart library), loaded when first opened.
const DashboardPage = lazy(() =>
  import('./scenes/dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })),
);
// Search results, loaded when first opened (the header's box leads there).
const SearchPage = lazy(() =>
  import('./scenes/search/SearchPage').then((module) => ({ default: module.SearchPage })),
);

export function App() {
  const token = useSessionToken();
  // Keyed by the token: signing in as someone else starts every screen afresh.
  return token ? <SignedIn key={token} /> : <LoginPage />;
}

function SignedIn() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(ViewerDocument);

  // A token the server no longer knows: back to the login page.
  const signedOut = !loading && !error && data && !data.viewer;
  useEffect(() => {
    if (signedOut) setToken(null);
  }, [signedOut]);

  if (data?.viewer) {
    return (
      <SessionContext value={{ viewer: data.viewer, organization: data.organization }}>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <AppHeader />
        <MainContent />
      </SessionContext>
    );
  }

  if (error) {
    return (
      <main className="app-main app-main--centered">
        <ErrorState error={error} onRetry={() => refetch()} />
      </main>
    );
  }

  return (
    <main className="app-main app-main--centered">
      <LoadingState />
    </main>
  );
}

/**
 * The routes. Moving to another page puts focus on the new page's main region, so a
 * keyboard or screen reader user starts reading it from the top (not on the first load).
 */
function MainContent() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    main.current?.focus();
  }, [location.pathname]);

  return (
    <main id="main" ref={main} className="app-main" tabIndex={-1}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/calendar" element={<CalendarPage />} />
        <Route path="/meetings/:id" element={<Lazy page={<MeetingRoomPage />} />} />
        <Route path="/proposals" element={<ProposalsHome page={<Lazy page={<ProposalsPage />} />} />} />
        <Route path="/proposals/:id" element={<Lazy page={<ProposalPage />} />} />
        <Route path="/tasks" element={<Lazy page={<TasksPage />} />} />
        <Route path="/tasks/:id" element={<Lazy page={<TaskPage />} />} />
        <Route path="/programme" element={<Lazy page={<ProgrammesPage />} />} />
        <Route path="/programme/:id" element={<Lazy page={<ProgrammePage />} />} />
        <Route path="/follow-up" element={<Lazy page={<FollowUpPage />} />} />
        <Route path="/dashboard" element={<Lazy page={<DashboardPage />} />} />
        <Route path="/search" element={<Lazy page={<SearchPage />} />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/admin/units" element={<UnitsPage />} />
        <Route path="/admin/tokens" element={<TokensPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </main>
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{page}</Suspense>;
}

/**
 * The first page after signing in is the viewer's home: the dashboard for committee members and leaders, the
 * meetings (and from there the follow-up) for the office, the proposals waiting for their unit's appraisal (or
 * else their own) for a department's drafters and reviewers. Only on arrival: the meetings link still leads
 * to the meetings.
 */
function HomePage() {
  const location = useLocation();
  const arriving = location.key === 'default';
  const dashboardHome = useDashboardHome(arriving);
  const proposalsHome = useProposalHome(arriving);
  const meetings = (
    <>
      <MyTasksPanel />
      <MeetingsPage />
    </>
  );
  if (!arriving) return meetings;
  if (dashboardHome === undefined || proposalsHome === undefined) return <LoadingState />;
  if (dashboardHome) return <Navigate to="/dashboard" replace />;
  if (proposalsHome === false) return meetings;
  return <Lazy page={<ProposalLanding />} />;
}

/** A drafter's or reviewer's home is their proposals (`ProposalLanding`): "my tasks" go on top of those views. */
function ProposalsHome({ page }: { page: ReactNode }) {
  const [params] = useSearchParams();
  const view = params.get('view');
  if (view !== 'mine' && view !== 'waiting') return page;
  return (
    <>
      <MyTasksPanel />
      {page}
    </>
  );
}
