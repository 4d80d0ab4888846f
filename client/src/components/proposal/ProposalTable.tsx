import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppraisalStatus, Classification, Verdict } from '@quorum/shared';
import { useFormatDateTime } from '../../hooks/useFormat';
import type { ProposalRowFieldsFragment } from '../../generated/graphql';

/** The round that says most about the proposal now: the open one, else the latest. */
function currentRound(proposal: ProposalRowFieldsFragment) {
  const rounds = proposal.appraisals.edges.map((edge) => edge.node);
  return rounds.find((round) => round.status === AppraisalStatus.OPEN) ?? rounds.at(-1);
}

function AppraisalCell({
  proposal,
  waitingFor,
}: {
  proposal: ProposalRowFieldsFragment;
  waitingFor: boolean;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const round = currentRound(proposal);
  if (!round) return <span className="admin-table__muted">{t('common.none')}</span>;
  const answered = round.assignments.filter((a) => a.verdict !== Verdict.PENDING).length;
  return (
    <span className="cell-stack">
      <span>
        {t('proposals.list.verdicts', { answered, total: round.assignments.length })}
        {round.status === AppraisalStatus.CLOSED && ` · ${t('proposals.appraisal.closed')}`}
      </span>
      {round.status === AppraisalStatus.OPEN && (
        <span className="admin-table__muted">
          {t('proposals.list.due', { date: formatDateTime(round.dueAt) })}
        </span>
      )}
      {round.overdue && (
        <span className="badge badge--overdue" data-testid="proposal-overdue">
          {t('proposals.appraisal.overdue')}
        </span>
      )}
      {waitingFor && (
        <span className="badge badge--waiting" data-testid="proposal-waiting">
          {t('proposals.list.waitingForYou')}
        </span>
      )}
    </span>
  );
}

interface ProposalTableProps {
  proposals: readonly ProposalRowFieldsFragment[];
  describedBy?: string;
  isWaiting: (proposal: ProposalRowFieldsFragment) => boolean;
}

export function ProposalTable({ proposals, describedBy, isWaiting }: ProposalTableProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="table-wrap">
      <table
        className="meetings-table proposals-table"
        aria-describedby={describedBy}
        data-testid="proposals-table"
      >
        <caption className="visually-hidden">{t('proposals.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('proposals.columns.title')}</th>
            <th scope="col">{t('proposals.columns.status')}</th>
            <th scope="col">{t('proposals.columns.leadUnit')}</th>
            <th scope="col">{t('proposals.columns.owner')}</th>
            <th scope="col">{t('proposals.columns.appraisal')}</th>
            <th scope="col">{t('proposals.columns.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((proposal) => (
            <tr key={proposal.id} data-testid="proposal-row" data-proposal-id={proposal.id}>
              <td>
                <span className="cell-stack">
                  <Link to={`/proposals/${proposal.id}`} className="cell-title" data-testid="proposal-title">
                    {proposal.title}
                  </Link>
                  <span className="admin-table__muted">
                    {t(`enums.proposalKind.${proposal.kind}`)}
                    {proposal.referenceNumber && ` · ${proposal.referenceNumber}`}
                    {proposal.classification !== Classification.INTERNAL &&
                      ` · ${t(`enums.classification.${proposal.classification}`)}`}
                  </span>
                </span>
              </td>
              <td>
                <span className={`badge badge--proposal-${proposal.status.toLowerCase()}`}>
                  {t(`enums.proposalStatus.${proposal.status}`)}
                </span>
              </td>
              <td>{proposal.leadUnit.shortName ?? proposal.leadUnit.name}</td>
              <td>{proposal.owner.fullName}</td>
              <td>
                <AppraisalCell proposal={proposal} waitingFor={isWaiting(proposal)} />
              </td>
              <td className="cell-nowrap">{formatDateTime(proposal.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
