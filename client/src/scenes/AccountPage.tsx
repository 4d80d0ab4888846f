import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@quorum/shared';
import { apiErrorInfo } from '../apollo/errors';
import { Alert } from '../components/Alert';
import { ErrorState, LoadingState } from '../components/LoadState';
import { NotificationPreferencesSection } from '../components/notifications/NotificationPreferencesSection';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFormatDateTime } from '../hooks/useFormat';
import { ApiTokensSection } from './account/ApiTokensSection';
import { CalendarFeedSection } from './account/CalendarFeedSection';
import { WebhooksSection } from './account/WebhooksSection';
import { errorText } from './admin/ui';
import {
  AccountDocument,
  ApiTokensDocument,
  ChangePasswordDocument,
  RevokeSessionDocument,
  SessionsDocument,
} from '../generated/graphql';
import type { SessionsQuery } from '../generated/graphql';

/** The server's minimum (session.commands.ts); checked here first so the message comes at once. */
const PASSWORD_MIN = 10;

/** /account: the viewer's profile, password, sessions, API tokens, webhooks and calendar feed. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.heading'));
  const sections = [
    ['profile', t('account.profile.heading')],
    ['password', t('account.password.heading')],
    ['sessions', t('account.sessions.heading')],
    ['api-tokens', t('account.tokens.heading')],
    ['webhooks', t('account.webhooks.heading')],
    ['calendar-feed', t('account.feed.heading')],
    ['notifications', t('notifications.preferences.heading')],
  ] as const;

  return (
    <div className="account">
      <h1 className="account__title">{t('account.heading')}</h1>
      <nav className="account__toc" aria-label={t('account.sections')}>
        <ul>
          {sections.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ProfileSection />
      <PasswordSection />
      <SessionsSection />
      <ApiTokensSection />
      <WebhooksSection />
      <CalendarFeedSection />
      <NotificationPreferencesSection />
    </div>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(AccountDocument);
  const viewer = data?.viewer;

  return (
    <section id="profile" className="panel account__section" aria-labelledby="profile-heading">
      <h2 id="profile-heading" className="panel__title">
        {t('account.profile.heading')}
      </h2>
      {loading && !data ? (
        <LoadingState label={t('common.loading')} />
      ) : error && !viewer ? (
        <ErrorState
          message={t('account.loadError')}
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : viewer ? (
        <>
          <dl className="facts" data-testid="account-profile">
            <div>
              <dt>{t('account.profile.fullName')}</dt>
              <dd>{viewer.fullName}</dd>
            </div>
            <div>
              <dt>{t('account.profile.email')}</dt>
              <dd>{viewer.email}</dd>
            </div>
            <div>
              <dt>{t('account.profile.jobTitle')}</dt>
              <dd>{viewer.jobTitle || t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('account.profile.systemRole')}</dt>
              <dd>{t(`adminEnums.systemRole.${viewer.systemRole}`)}</dd>
            </div>
            <div className="facts__wide">
              <dt>{t('account.profile.units')}</dt>
              <dd>
                {viewer.memberships.length === 0 ? (
                  t('account.profile.noUnits')
                ) : (
                  <ul className="plain-list">
                    {viewer.memberships.map((membership) => (
                      <li key={membership.id}>
                        <strong>{t(`adminEnums.membershipRole.${membership.role}`)}</strong>
                        {' · '}
                        {membership.unit.name}
                        {membership.unit.shortName ? ` (${membership.unit.shortName})` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
          <p className="field__hint">{t('account.profile.hint')}</p>
        </>
      ) : null}
    </section>
  );
}

type PasswordField = 'currentPassword' | 'newPassword' | 'confirm';
type PasswordErrors = Partial<Record<PasswordField, string>>;

function PasswordSection() {
  const { t } = useTranslation();
  const id = useId();
  // The other sessions end and the API tokens are flagged for review: both lists change.
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument, {
    refetchQueries: [SessionsDocument, ApiTokensDocument],
  });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  function validate(): PasswordErrors {
    const found: PasswordErrors = {};
    if (!current) found.currentPassword = t('account.password.errors.currentRequired');
    if (next.length < PASSWORD_MIN)
      found.newPassword = t('account.password.errors.newTooShort', { min: PASSWORD_MIN });
    else if (next === current) found.newPassword = t('account.password.errors.newSame');
    if (confirm !== next) found.confirm = t('account.password.errors.confirmMismatch');
    return found;
  }

  function focusField(field: PasswordField) {
    document.getElementById(`${id}-${field}`)?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    setFormError(null);
    const found = validate();
    setErrors(found);
    const first = (['currentPassword', 'newPassword', 'confirm'] as const).find((field) => found[field]);
    if (first) {
      focusField(first);
      return;
    }
    try {
      await changePassword({ variables: { input: { currentPassword: current, newPassword: next } } });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } catch (err) {
      const info = apiErrorInfo(err);
      if (info?.code === ErrorCode.BAD_USER_INPUT && info.field === 'currentPassword') {
        setErrors({ currentPassword: t('account.password.errors.currentWrong') });
        focusField('currentPassword');
      } else if (info?.code === ErrorCode.BAD_USER_INPUT && info.field === 'newPassword') {
        setErrors({ newPassword: t('account.password.errors.newTooShort', { min: PASSWORD_MIN }) });
        focusField('newPassword');
      } else {
        setFormError(errorText(t, err));
      }
    }
  }

  const describedBy = (field: PasswordField, extra?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, extra].filter(Boolean).join(' ') || undefined;
  const error = (field: PasswordField) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors[field]}
      </p>
    );

  return (
    <section id="password" className="panel account__section" aria-labelledby="password-heading">
      <h2 id="password-heading" className="panel__title">
        {t('account.password.heading')}
      </h2>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className="account__form"
        data-testid="password-form"
      >
        <div className="field">
          <label htmlFor={`${id}-currentPassword`}>{t('account.password.current')}</label>
          <input
            id={`${id}-currentPassword`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            aria-invalid={errors.currentPassword ? true : undefined}
            aria-describedby={describedBy('currentPassword')}
            required
          />
          {error('currentPassword')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-newPassword`}>{t('account.password.new')}</label>
          <input
            id={`${id}-newPassword`}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            aria-invalid={errors.newPassword ? true : undefined}
            aria-describedby={describedBy('newPassword', `${id}-newPassword-hint`)}
            required
            minLength={PASSWORD_MIN}
          />
          <p id={`${id}-newPassword-hint`} className="field__hint">
            {t('account.password.newHint', { min: PASSWORD_MIN })}
          </p>
          {error('newPassword')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>{t('account.password.confirm')}</label>
          <input
            id={`${id}-confirm`}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={describedBy('confirm')}
            required
          />
          {error('confirm')}
        </div>
        {formError && <Alert tone="error">{formError}</Alert>}
        {done && (
          <Alert tone="success" testId="password-changed">
            {t('account.password.done')}
          </Alert>
        )}
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('account.password.submitting') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { data, loading, error, refetch } = useQuery(SessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [revokeSession] = useMutation(RevokeSessionDocument);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const sessions = data?.sessions ?? [];

  async function revoke(session: SessionsQuery['sessions'][number]) {
    setBusy(session.id);
    setMessage(null);
    try {
      await revokeSession({
        variables: { id: session.id },
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: 'Session', id: session.id }) });
          cache.gc();
        },
      });
      setMessage({ tone: 'success', text: t('account.sessions.revoked') });
      document.getElementById('sessions-heading')?.focus();
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(t, err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section id="sessions" className="panel account__section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="panel__title" tabIndex={-1}>
        {t('account.sessions.heading')}
      </h2>
      <p className="account__intro">{t('account.sessions.intro')}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {loading && !data ? (
        <LoadingState label={t('account.sessions.loading')} />
      ) : error && !data ? (
        <ErrorState
          message={t('account.sessions.loadError')}
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : sessions.length === 0 ? (
        <p className="admin-table__muted">{t('account.sessions.empty')}</p>
      ) : (
        <ul className="session-list" data-testid="sessions">
          {sessions.map((session) => (
            <li
              key={session.id}
              className={
                session.current ? 'session-list__item session-list__item--current' : 'session-list__item'
              }
              data-testid="session"
              data-current={session.current ? 'true' : 'false'}
            >
              <div className="session-list__text">
                <span className={session.current ? 'badge badge--token-active' : 'badge'}>
                  {session.current ? t('account.sessions.thisDevice') : t('account.sessions.other')}
                </span>
                <span>{t('account.sessions.createdAt', { date: formatDateTime(session.createdAt) })}</span>
                <span className="session-list__meta">
                  {t('account.sessions.lastSeenAt', { date: formatDateTime(session.lastSeenAt) })} ·{' '}
                  {t('account.sessions.expiresAt', { date: formatDateTime(session.expiresAt) })}
                </span>
              </div>
              {session.current ? (
                <span className="field__hint session-list__hint">{t('account.sessions.currentHint')}</span>
              ) : (
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={t('account.sessions.revokeLabel', { date: formatDateTime(session.createdAt) })}
                  onClick={() => void revoke(session)}
                  disabled={busy === session.id}
                >
                  {t('account.sessions.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
