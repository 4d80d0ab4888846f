import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AppraisalStatus, UnitKind } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { Alert } from '../../components/Alert';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { AppraisalPanel } from '../../components/proposal/AppraisalPanel';
import { ProposalAttachments } from '../../components/proposal/ProposalAttachments';
import { ProposalBody } from '../../components/proposal/ProposalBody';
import { ProposalHeader } from '../../components/proposal/ProposalHeader';
import { ProposalHistory } from '../../components/proposal/ProposalHistory';
import { ProposalVersions } from '../../components/proposal/ProposalVersions';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSessionContext } from '../../hooks/useOrganization';
import { useProposalEvents } from '../../hooks/useProposalEvents';
import { useProposalViewer } from '../../hooks/useProposalViewer';
import {
  ProposalAttachmentsDocument,
  ProposalDocument,
  ProposalHistoryDocument,
  UnitsDocument,
} from '../../generated/graphql';
import './setup';
import './proposals.css';

const TABS = ['body', 'appraisal', 'attachments', 'versions', 'history'] as const;
type Tab = (typeof TABS)[number];

export function ProposalPage() {
  const { id = '' } = useParams();
  // Another proposal is another document: nothing carries over.
  return <ProposalScreen key={id} proposalId={id} />;
}

function ProposalScreen({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useApolloClient();
  const { viewer } = useSessionContext();
  const facts = useProposalViewer();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'body';
  const [seen, setSeen] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  const [requesting, setRequesting] = useState(false);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  const { data, error, loading, refetch } = useQuery(ProposalDocument, {
    variables: { id: proposalId },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const units = useQuery(UnitsDocument, { variables: { first: 100 } });
  const allUnits = useMemo(
    () =>
      (units.data?.units.edges.map((edge) => edge.node) ?? []).filter(
        (unit) => unit.kind !== UnitKind.COMMITTEE,
      ),
    [units.data],
  );
  const proposal = data?.proposal;
  useDocumentTitle(proposal?.title ?? t('proposals.page.heading'));

  const reload = useCallback(() => {
    void client
      .refetchQueries({ include: [ProposalDocument, ProposalHistoryDocument, ProposalAttachmentsDocument] })
      .catch(() => undefined);
  }, [client]);
  const live = useProposalEvents(proposalId, reload);

  const choose = (next: Tab) => {
    setSeen((current) => new Set([...current, next]));
    const search = new URLSearchParams(params);
    if (next === 'body') search.delete('tab');
    else search.set('tab', next);
    setParams(search, { replace: true });
  };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length]!;
    choose(next);
    tabs.current[TABS.indexOf(next)]?.focus();
  };

  if (!proposal) {
    if (loading && !error)
      return <LoadingState label={t('proposals.page.loading')} testId="proposal-loading" />;
    if (error)
      return (
        <ErrorState
          testId="proposal-error"
          message={t('proposals.page.loadError')}
          error={error}
          onRetry={() => refetch()}
        />
      );
    return (
      <section className="panel not-found" data-testid="proposal-not-found">
        <h1 className="panel__title panel__title--page">{t('proposals.page.notFound')}</h1>
        <p>{t('proposals.page.notFoundHint')}</p>
        <Link className="button" to="/proposals">
          {t('proposals.page.back')}
        </Link>
      </section>
    );
  }

  const leadUnits = facts.isOffice ? allUnits : facts.units;
  const openRounds = proposal.appraisals.edges.filter(
    ({ node }) => node.status === AppraisalStatus.OPEN,
  ).length;

  return (
    <div className="proposal-page" data-testid="proposal-page" data-proposal-id={proposal.id}>
      <ProposalHeader
        proposal={proposal}
        leadUnits={leadUnits}
        onRequestAppraisal={() => {
          setRequesting(true);
          choose('appraisal');
        }}
        onChanged={reload}
      />
      <LiveErrorAlert live={live} message={t('proposals.liveError')} />
      {error && (
        <Alert tone="warning">
          {t('proposals.page.refreshError')} {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
        </Alert>
      )}
      <div
        className="proposal-tabs"
        role="tablist"
        aria-label={t('proposals.page.sections')}
        onKeyDown={onTabKey}
      >
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            id={`${id}-tab-${name}`}
            type="button"
            role="tab"
            className={tab === name ? 'proposal-tabs__tab proposal-tabs__tab--active' : 'proposal-tabs__tab'}
            aria-selected={tab === name}
            aria-controls={`${id}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => choose(name)}
            data-testid={`proposal-tab-${name}`}
          >
            {t(`proposals.page.tabs.${name}`)}
            {name === 'appraisal' && openRounds > 0 && <span className="panel__count"> {openRounds}</span>}
          </button>
        ))}
      </div>
      {/* The body stays mounted behind the other tabs: its live connection and carets go on. */}
      <div
        id={`${id}-panel-body`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-body`}
        hidden={tab !== 'body'}
        className="panel proposal-panel"
      >
        <ProposalBody proposal={proposal} viewer={viewer} onChanged={reload} />
      </div>
      <div
        id={`${id}-panel-appraisal`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-appraisal`}
        hidden={tab !== 'appraisal'}
        className="proposal-panel"
      >
        {seen.has('appraisal') || tab === 'appraisal' ? (
          <AppraisalPanel
            proposal={proposal}
            units={allUnits}
            requesting={requesting}
            onRequesting={setRequesting}
            onChanged={reload}
          />
        ) : null}
      </div>
      <div
        id={`${id}-panel-attachments`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-attachments`}
        hidden={tab !== 'attachments'}
        className="panel proposal-panel"
      >
        {(seen.has('attachments') || tab === 'attachments') && (
          <ProposalAttachments proposalId={proposal.id} />
        )}
      </div>
      <div
        id={`${id}-panel-versions`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-versions`}
        hidden={tab !== 'versions'}
        className="panel proposal-panel"
      >
        {(seen.has('versions') || tab === 'versions') && (
          <ProposalVersions proposalId={proposal.id} onChanged={reload} />
        )}
      </div>
      <div
        id={`${id}-panel-history`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-history`}
        hidden={tab !== 'history'}
        className="panel proposal-panel"
      >
        {(seen.has('history') || tab === 'history') && (
          <ProposalHistory proposalId={proposal.id} units={allUnits} />
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}
