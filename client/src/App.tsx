import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { apiErrorInfo } from './apollo/errors';
import { VIEWER_QUERY } from './apollo/operations';
import { setToken } from './apollo/session';
import { Alert } from './components/Alert';
import { AppHeader } from './components/AppHeader';
import { SessionContext } from './hooks/useOrganization';
import { useSessionToken } from './hooks/useSession';
import { AccountPage } from './scenes/AccountPage';
import { TokensPage } from './scenes/admin/TokensPage';
import { UnitsPage } from './scenes/admin/UnitsPage';
import { UsersPage } from './scenes/admin/UsersPage';
import { CalendarPage } from './scenes/CalendarPage';
import { LoginPage } from './scenes/LoginPage';
import { MeetingRoomPage } from './scenes/MeetingRoomPage';
import { MeetingsPage } from './scenes/MeetingsPage';
import { NotFoundPage } from './scenes/NotFoundPage';

export function App() {
  const token = useSessionToken();
  // Keyed by the token: signing in as someone else starts every screen afresh.
  return token ? <SignedIn key={token} /> : <LoginPage />;
}

function SignedIn() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(VIEWER_QUERY);

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
        <Alert
          tone="error"
          action={
            <button
              type="button"
              className="button button--small"
              onClick={() => void refetch().catch(() => undefined)}
            >
              {t('common.retry')}
            </button>
          }
        >
          {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
        </Alert>
      </main>
    );
  }

  return (
    <main className="app-main app-main--centered">
      <p className="placeholder" role="status">
        <span className="spinner" aria-hidden="true" /> {t('common.loading')}
      </p>
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
        <Route path="/" element={<MeetingsPage />} />
        <Route path="/calendar" element={<CalendarPage />} />
        <Route path="/meetings/:id" element={<MeetingRoomPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/admin/units" element={<UnitsPage />} />
        <Route path="/admin/tokens" element={<TokensPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </main>
  );
}
