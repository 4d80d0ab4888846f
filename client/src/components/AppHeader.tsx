import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { setToken } from '../apollo/session';
import { useSessionContext } from '../hooks/useOrganization';
import { useDashboardHome } from '../hooks/useDashboardHome';
import { useViewerRole } from '../hooks/useViewerRole';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SearchBox } from './SearchBox';
import { NotificationCentre } from './notifications/NotificationCentre';
import { LogoutDocument } from '../generated/graphql';

export function AppHeader() {
  const { t } = useTranslation();
  const { viewer, organization } = useSessionContext();
  const [logout] = useMutation(LogoutDocument);
  const [leaving, setLeaving] = useState(false);
  const { pathname } = useLocation();
  // A meeting's room belongs to the meetings section.
  const inMeetings = pathname === '/' || pathname.startsWith('/meetings/');
  // Administration: users, units and tokens, for system administrators only.
  const { isAdmin } = useViewerRole();
  // The leaders' dashboard, for those whose home it is.
  const hasDashboard = useDashboardHome() === true;
  const inAdmin = pathname.startsWith('/admin/');
  // A proposal's page belongs to the proposals section.
  const inProposals = pathname === '/proposals' || pathname.startsWith('/proposals/');
  const inTasks = pathname === '/tasks' || pathname.startsWith('/tasks/');
  const inProgramme = pathname === '/programme' || pathname.startsWith('/programme/');

  async function onLogout() {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // Revoking the session on the server is best effort; locally it ends regardless.
    } finally {
      setToken(null);
    }
  }

  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          Q
        </span>
        <div>
          <div className="app-header__name">{t('app.name')}</div>
          <div className="app-header__org">{organization.name}</div>
        </div>
      </div>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {hasDashboard && (
          <NavLink
            to="/dashboard"
            className={({ isActive }) => (isActive ? 'app-nav__link app-nav__link--active' : 'app-nav__link')}
            data-testid="nav-dashboard"
          >
            {t('dashboard.nav')}
          </NavLink>
        )}
        <Link
          to="/"
          className={inMeetings ? 'app-nav__link app-nav__link--active' : 'app-nav__link'}
          aria-current={inMeetings ? 'page' : undefined}
        >
          {t('nav.meetings')}
        </Link>
        <Link
          to="/proposals"
          className={inProposals ? 'app-nav__link app-nav__link--active' : 'app-nav__link'}
          aria-current={inProposals ? 'page' : undefined}
          data-testid="nav-proposals"
        >
          {t('nav.proposals')}
        </Link>
        <Link
          to="/tasks"
          className={inTasks ? 'app-nav__link app-nav__link--active' : 'app-nav__link'}
          aria-current={inTasks ? 'page' : undefined}
          data-testid="nav-tasks"
        >
          {t('tasks.nav')}
        </Link>
        <Link
          to="/programme"
          className={inProgramme ? 'app-nav__link app-nav__link--active' : 'app-nav__link'}
          aria-current={inProgramme ? 'page' : undefined}
          data-testid="nav-programme"
        >
          {t('programme.nav')}
        </Link>
        <NavLink
          to="/follow-up"
          className={({ isActive }) => (isActive ? 'app-nav__link app-nav__link--active' : 'app-nav__link')}
          data-testid="nav-follow-up"
        >
          {t('followUp.nav')}
        </NavLink>
        <NavLink
          to="/calendar"
          className={({ isActive }) => (isActive ? 'app-nav__link app-nav__link--active' : 'app-nav__link')}
        >
          {t('nav.calendar')}
        </NavLink>
        <NavLink
          to="/account"
          className={({ isActive }) => (isActive ? 'app-nav__link app-nav__link--active' : 'app-nav__link')}
        >
          {t('adminNav.account')}
        </NavLink>
        {isAdmin && (
          <Link
            to="/admin/users"
            className={inAdmin ? 'app-nav__link app-nav__link--active' : 'app-nav__link'}
            aria-current={inAdmin ? 'page' : undefined}
            data-testid="nav-admin"
          >
            {t('adminNav.admin')}
          </Link>
        )}
      </nav>
      <div className="app-header__tools">
        <SearchBox />
        <NotificationCentre />
        <ConnectionStatus />
        <LanguageSwitcher />
        <div className="app-header__user">
          <span className="app-header__viewer" data-testid="viewer-name" title={viewer.email}>
            {viewer.fullName}
          </span>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void onLogout()}
            disabled={leaving}
          >
            {leaving ? t('header.loggingOut') : t('header.logout')}
          </button>
        </div>
      </div>
    </header>
  );
}
