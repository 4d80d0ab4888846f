import { useId, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { ApiTokenTable, tokenState } from './ApiTokenTable';
import { AdminShell, searchable } from './ui';
import { ApiTokensDocument } from '../../generated/graphql';

type StatusFilter = 'all' | 'active' | 'ended';

/** /admin/tokens: every API token of the organization, with its owner; revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  return (
    <AdminShell heading={t('admin.tokens.heading')} intro={t('admin.tokens.intro')}>
      <OrganizationTokens />
    </AdminShell>
  );
}

function OrganizationTokens() {
  const { t } = useTranslation();
  const id = useId();
  const { data, loading, error, refetch } = useQuery(ApiTokensDocument, { fetchPolicy: 'cache-and-network' });
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [notice, setNotice] = useState<string | null>(null);

  const all = useMemo(() => data?.apiTokens ?? [], [data]);
  const shown = useMemo(() => {
    const needle = searchable(query.trim());
    return all.filter((token) => {
      const state = tokenState(token);
      if (status === 'active' && state !== 'active') return false;
      if (status === 'ended' && state === 'active') return false;
      if (!needle) return true;
      return searchable(`${token.name} ${token.owner.fullName} ${token.owner.email}`).includes(needle);
    });
  }, [all, query, status]);

  return (
    <>
      <div className="filters admin-filters" role="search">
        <div className="field field--inline">
          <label htmlFor={`${id}-search`}>{t('admin.tokens.searchLabel')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            placeholder={t('admin.tokens.searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor={`${id}-status`}>{t('admin.tokens.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)}
          >
            <option value="all">{t('admin.tokens.statusAll')}</option>
            <option value="active">{t('admin.tokens.statusActive')}</option>
            <option value="ended">{t('admin.tokens.statusEnded')}</option>
          </select>
        </div>
      </div>

      {notice && (
        <Alert tone="success" testId="admin-notice">
          {notice}
        </Alert>
      )}

      {loading && !data ? (
        <LoadingState label={t('admin.tokens.loading')} />
      ) : error && !data ? (
        <ErrorState
          message={t('admin.tokens.loadError')}
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : all.length === 0 ? (
        <div className="placeholder placeholder--empty">
          <p>{t('admin.tokens.empty')}</p>
        </div>
      ) : (
        <>
          <p className="meetings__summary admin__summary" role="status">
            {t('admin.tokens.summary', { shown: shown.length, total: all.length })}
          </p>
          {shown.length === 0 ? (
            <div className="placeholder placeholder--empty">
              <p>{t('admin.tokens.emptyFiltered')}</p>
            </div>
          ) : (
            <ApiTokenTable
              tokens={shown}
              caption={t('admin.tokens.caption')}
              showOwner
              onRevoked={setNotice}
              onConfirmed={setNotice}
              testId="admin-tokens-table"
            />
          )}
        </>
      )}
    </>
  );
}
