import { useId, useMemo, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { limits, SystemRole } from '@quorum/shared';
import { Alert } from '../../components/Alert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { useSessionContext } from '../../hooks/useOrganization';
import { InviteUserDialog } from './InviteUserDialog';
import { MembershipsDialog } from './MembershipsDialog';
import { AdminShell, ConfirmDialog, errorText, searchable } from './ui';
import {
  DirectoryUsersDocument,
  SetSystemRoleDocument,
  SetUserActiveDocument,
} from '../../generated/graphql';
import type { DirectoryUserFieldsFragment } from '../../generated/graphql';

export const DIRECTORY_USERS_VARIABLES = { first: limits.pageSizeMax };

/** /admin/users: the people of the organization; invite, deactivate, system role, units. */
export function UsersPage() {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  return (
    <AdminShell
      heading={t('admin.users.heading')}
      intro={t('admin.users.intro')}
      actions={
        <button
          type="button"
          className="button button--primary"
          onClick={() => setInviting(true)}
          data-testid="invite-user"
        >
          <span aria-hidden="true">+</span> {t('admin.users.invite')}
        </button>
      }
    >
      <UserDirectory />
      {inviting && <InviteUserDialog onClose={() => setInviting(false)} />}
    </AdminShell>
  );
}

type UserDialog = { kind: 'memberships' | 'active' | 'role'; userId: string };

function userText(user: DirectoryUserFieldsFragment): string {
  const units = user.memberships.map((m) => `${m.unit.name} ${m.unit.shortName ?? ''}`).join(' ');
  return searchable(`${user.fullName} ${user.email} ${user.jobTitle ?? ''} ${units}`);
}

function UserDirectory() {
  const { t } = useTranslation();
  const id = useId();
  const { viewer } = useSessionContext();
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(DirectoryUsersDocument, {
    variables: DIRECTORY_USERS_VARIABLES,
    notifyOnNetworkStatusChange: true,
  });
  const [setUserActive] = useMutation(SetUserActiveDocument);
  const [setSystemRole] = useMutation(SetSystemRoleDocument);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  const connection = data?.users;
  const users = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const needle = searchable(query.trim());
  const shown = useMemo(
    () => (needle ? users.filter((user) => userText(user).includes(needle)) : users),
    [users, needle],
  );
  const dialogUser = dialog ? users.find((user) => user.id === dialog.userId) : undefined;

  async function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadMoreError(null);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          users: {
            ...fetchMoreResult.users,
            edges: [...(previous.users?.edges ?? []), ...fetchMoreResult.users.edges],
          },
        }),
      });
    } catch (err) {
      setLoadMoreError(errorText(t, err));
    }
  }

  if (networkStatus === NetworkStatus.loading && !connection) {
    return <LoadingState label={t('admin.users.loading')} />;
  }
  if (error && !connection) {
    return (
      <ErrorState
        message={t('admin.users.loadError')}
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }

  return (
    <>
      <div className="filters admin-filters" role="search">
        <div className="field field--inline">
          <label htmlFor={`${id}-search`}>{t('admin.users.searchLabel')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            placeholder={t('admin.users.searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={`${id}-summary`}
            data-testid="user-search"
          />
        </div>
      </div>

      {notice && (
        <Alert tone="success" testId="admin-notice">
          {notice}
        </Alert>
      )}

      <p id={`${id}-summary`} className="meetings__summary admin__summary" role="status">
        {t('admin.users.summary', { shown: shown.length, total: connection?.totalCount ?? users.length })}
        {needle && connection?.pageInfo.hasNextPage ? ` ${t('admin.users.searchPartial')}` : ''}
      </p>

      {users.length === 0 ? (
        <div className="placeholder placeholder--empty">
          <p>{t('admin.users.empty')}</p>
        </div>
      ) : shown.length === 0 ? (
        <div className="placeholder placeholder--empty" data-testid="users-empty-search">
          <p>{t('admin.users.emptySearch', { query: query.trim() })}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="admin-table" data-testid="users-table">
            <caption className="visually-hidden">{t('admin.users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t('admin.users.columns.name')}, {t('admin.users.columns.jobTitle').toLowerCase()}
                </th>
                <th scope="col">{t('admin.users.columns.email')}</th>
                <th scope="col">{t('admin.users.columns.units')}</th>
                <th scope="col">{t('admin.users.columns.systemRole')}</th>
                <th scope="col">{t('admin.users.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === viewer.id}
                  onOpen={(kind) => {
                    setNotice(null);
                    setDialog({ kind, userId: user.id });
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {connection?.pageInfo.hasNextPage && (
        <div className="load-more">
          {loadMoreError && <Alert tone="error">{loadMoreError}</Alert>}
          <button
            type="button"
            className="button"
            onClick={() => void loadMore()}
            disabled={networkStatus === NetworkStatus.fetchMore}
          >
            {networkStatus === NetworkStatus.fetchMore
              ? t('admin.users.loadingMore')
              : t('admin.users.loadMore')}
          </button>
        </div>
      )}

      {dialog?.kind === 'memberships' && dialogUser && (
        <MembershipsDialog user={dialogUser} onClose={() => setDialog(null)} />
      )}

      {dialog?.kind === 'active' && dialogUser && (
        <ConfirmDialog
          testId="user-active-dialog"
          title={t(dialogUser.active ? 'admin.users.deactivateTitle' : 'admin.users.reactivateTitle', {
            name: dialogUser.fullName,
          })}
          body={t(dialogUser.active ? 'admin.users.deactivateBody' : 'admin.users.reactivateBody')}
          confirmLabel={t(
            dialogUser.active ? 'admin.users.deactivateConfirm' : 'admin.users.reactivateConfirm',
          )}
          tone={dialogUser.active ? 'danger' : 'primary'}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const active = !dialogUser.active;
            await setUserActive({ variables: { input: { id: dialogUser.id, active } } });
            setNotice(
              t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', {
                name: dialogUser.fullName,
              }),
            );
          }}
        />
      )}

      {dialog?.kind === 'role' && dialogUser && (
        <ConfirmDialog
          testId="user-role-dialog"
          title={t(
            dialogUser.systemRole === SystemRole.ADMIN
              ? 'admin.users.removeAdminTitle'
              : 'admin.users.makeAdminTitle',
            { name: dialogUser.fullName },
          )}
          body={t(
            dialogUser.systemRole === SystemRole.ADMIN
              ? 'admin.users.removeAdminBody'
              : 'admin.users.makeAdminBody',
          )}
          confirmLabel={t(
            dialogUser.systemRole === SystemRole.ADMIN ? 'admin.users.removeAdmin' : 'admin.users.makeAdmin',
          )}
          tone={dialogUser.systemRole === SystemRole.ADMIN ? 'danger' : 'primary'}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const systemRole =
              dialogUser.systemRole === SystemRole.ADMIN ? SystemRole.MEMBER : SystemRole.ADMIN;
            await setSystemRole({ variables: { input: { id: dialogUser.id, systemRole } } });
            setNotice(t('admin.users.roleChanged', { name: dialogUser.fullName }));
          }}
        />
      )}
    </>
  );
}

interface UserRowProps {
  user: DirectoryUserFieldsFragment;
  isSelf: boolean;
  onOpen: (kind: UserDialog['kind']) => void;
}

function UserRow({ user, isSelf, onOpen }: UserRowProps) {
  const { t } = useTranslation();
  const isAdmin = user.systemRole === SystemRole.ADMIN;
  // Each action sits next to what it changes: units, system role, status.
  return (
    <tr
      data-testid="user-row"
      data-email={user.email}
      data-active={user.active ? 'true' : 'false'}
      className={user.active ? undefined : 'admin-table__row--ended'}
    >
      <th scope="row" className="admin-table__name">
        {user.fullName}
        {isSelf && <span className="badge admin-table__you">{t('admin.users.you')}</span>}
        {user.jobTitle && <span className="admin-table__sub">{user.jobTitle}</span>}
      </th>
      <td className="admin-table__email">{user.email}</td>
      <td>
        <div className="cell-stack">
          {user.memberships.length === 0 ? (
            <span className="admin-table__muted">{t('admin.users.noUnits')}</span>
          ) : (
            <ul className="chip-list">
              {user.memberships.map((membership) => (
                <li key={membership.id} className="chip" title={membership.unit.name}>
                  <span className="chip__role">{t(`adminEnums.membershipRole.${membership.role}`)}</span>{' '}
                  {membership.unit.shortName ?? membership.unit.name}
                </li>
              ))}
            </ul>
          )}
          {user.viewerCan.manageMemberships && (
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={t('admin.users.membershipsLabel', { name: user.fullName })}
              onClick={() => onOpen('memberships')}
            >
              {t('admin.users.memberships')}
            </button>
          )}
        </div>
      </td>
      <td>
        <div className="cell-stack">
          <span className={isAdmin ? 'badge badge--admin' : 'badge'}>
            {t(`adminEnums.systemRole.${user.systemRole}`)}
          </span>
          {user.viewerCan.update && !isSelf && (
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={t(isAdmin ? 'admin.users.removeAdminLabel' : 'admin.users.makeAdminLabel', {
                name: user.fullName,
              })}
              onClick={() => onOpen('role')}
            >
              {t(isAdmin ? 'admin.users.removeAdmin' : 'admin.users.makeAdmin')}
            </button>
          )}
        </div>
      </td>
      <td>
        <div className="cell-stack">
          <span className={user.active ? 'badge badge--token-active' : 'badge badge--token-revoked'}>
            {user.active ? t('admin.users.active') : t('admin.users.inactive')}
          </span>
          {user.viewerCan.deactivate && !isSelf && (
            <button
              type="button"
              className={
                user.active
                  ? 'button button--small button--quiet button--danger'
                  : 'button button--small button--quiet'
              }
              aria-label={t(user.active ? 'admin.users.deactivateLabel' : 'admin.users.reactivateLabel', {
                name: user.fullName,
              })}
              onClick={() => onOpen('active')}
              data-testid="user-toggle-active"
            >
              {t(user.active ? 'admin.users.deactivate' : 'admin.users.reactivate')}
            </button>
          )}
          {isSelf && (
            <span className="admin-table__muted admin-table__hint">{t('admin.users.selfHint')}</span>
          )}
        </div>
      </td>
    </tr>
  );
}
