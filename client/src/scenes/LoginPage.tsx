import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@quorum/shared';
import { retryAfterSeconds } from '../apollo/error-details';
import { apiErrorInfo } from '../apollo/errors';
import { setToken } from '../apollo/session';
import { clearSessionEnded, sessionEnded } from '../apollo/session-ended';
import { Alert } from '../components/Alert';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { LoginDocument } from '../generated/graphql';

/** Codes the login form explains in its own words; anything else gets the general message. */
const LOGIN_CODES: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.BAD_USER_INPUT,
]);

export function LoginPage() {
  const { t } = useTranslation();
  const id = useId();
  const [login, { loading }] = useMutation(LoginDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Sent here because the session ended by itself (deactivated, revoked, expired): say so.
  const [ended, setEnded] = useState(sessionEnded);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setEnded(false);
    try {
      const result = await login({ variables: { input: { email: email.trim(), password } } });
      const token = result.data?.login.token;
      if (token) {
        clearSessionEnded();
        setToken(token);
      }
    } catch (err) {
      const code = apiErrorInfo(err)?.code ?? 'NETWORK';
      // Locked out for a while: say for how long (`extensions.retryAfterSeconds`), in whole minutes.
      const wait = code === ErrorCode.RATE_LIMITED ? retryAfterSeconds(err) : null;
      if (wait) setError(t('auth.rateLimitedMinutes', { count: Math.ceil(wait / 60) }));
      else setError(LOGIN_CODES.has(code) ? t(`login.errors.${code}`) : t(`errors.${code}`));
    }
  }

  return (
    <div className="login">
      <div className="login__language">
        <LanguageSwitcher />
      </div>
      <main className="login__card" id="main">
        <div className="login__brand">
          <span className="app-header__logo" aria-hidden="true">
            Q
          </span>
          <div>
            <div className="app-header__name">{t('app.name')}</div>
            <div className="app-header__org">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="login__title">{t('login.title')}</h1>
        <p className="login__intro">{t('login.intro')}</p>
        {ended && (
          <Alert tone="info" testId="session-ended">
            {t('auth.sessionEnded')}
          </Alert>
        )}
        <form onSubmit={(event) => void onSubmit(event)} data-testid="login-form">
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('login.email')}</label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              required
              autoFocus
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('login.password')}</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
          </div>
          {error && (
            <Alert tone="error" testId="login-error">
              {error}
            </Alert>
          )}
          <button type="submit" className="button button--primary button--block" disabled={loading}>
            {loading ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
