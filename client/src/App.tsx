import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from './apollo/errors';
import { VIEWER_QUERY } from './apollo/operations';
import { setToken } from './apollo/session';
import { Alert } from './components/Alert';
import { AppHeader } from './components/AppHeader';
import { SessionContext } from './hooks/useOrganization';
import { useSessionToken } from './hooks/useSession';
import { LoginPage } from './scenes/LoginPage';
import { MeetingsPage } from './scenes/MeetingsPage';

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
        <main id="main" className="app-main" tabIndex={-1}>
          <MeetingsPage />
        </main>
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
