import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Classification, ProposalStatus } from '@quorum/shared';
import { useFormatDateTime } from '../../hooks/useFormat';
import { ProposalForm } from './ProposalForm';
import { ProposalTransitions } from './ProposalTransitions';
import { UpdateProposalDocument } from '../../generated/graphql';
import type { ProposalFieldsFragment } from '../../generated/graphql';

interface ProposalHeaderProps {
  proposal: ProposalFieldsFragment;
  /** The lead units the viewer may move it to (the office: any; a drafter: their own); none keeps it where it is. */
  leadUnits: ReadonlyArray<{ id: string; name: string }>;
  onRequestAppraisal: () => void;
  onChanged: () => void;
}

export function ProposalHeader({ proposal, leadUnits, onRequestAppraisal, onChanged }: ProposalHeaderProps) {
  const { t } = useTranslation();
  const id = useId();
  const formatDateTime = useFormatDateTime();
  const [editing, setEditing] = useState(false);
  const [updateProposal] = useMutation(UpdateProposalDocument);

  return (
    <header className="panel meeting-header proposal-header" aria-labelledby={`${id}-title`}>
      <nav className="breadcrumb" aria-label={t('proposals.breadcrumb')}>
        <Link to="/proposals">{t('nav.proposals')}</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">
          {proposal.referenceNumber ?? t(`enums.proposalKind.${proposal.kind}`)}
        </span>
      </nav>
      <h1 id={`${id}-title`} className="meeting-header__title" data-testid="proposal-heading">
        {proposal.title}
      </h1>
      <p className="meeting-header__badges">
        <span
          className={`badge badge--proposal-${proposal.status.toLowerCase()}`}
          data-testid="proposal-status"
          data-status={proposal.status}
        >
          {t(`enums.proposalStatus.${proposal.status}`)}
        </span>
        <span className="badge">{t(`enums.proposalKind.${proposal.kind}`)}</span>
        {proposal.classification !== Classification.INTERNAL && (
          <span className={`badge badge--classification badge--${proposal.classification.toLowerCase()}`}>
            {t(`enums.classification.${proposal.classification}`)}
          </span>
        )}
      </p>
      <dl className="facts proposal-facts">
        <div>
          <dt>{t('proposals.fields.referenceNumber')}</dt>
          <dd data-testid="proposal-reference">{proposal.referenceNumber ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('proposals.fields.leadUnit')}</dt>
          <dd data-testid="proposal-lead-unit">{proposal.leadUnit.name}</dd>
        </div>
        <div>
          <dt>{t('proposals.fields.owner')}</dt>
          <dd data-testid="proposal-owner">
            {proposal.owner.fullName}
            {proposal.owner.jobTitle && (
              <span className="admin-table__muted"> · {proposal.owner.jobTitle}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('proposals.fields.updatedAt')}</dt>
          <dd>{formatDateTime(proposal.updatedAt)}</dd>
        </div>
        {proposal.submittedAt && (
          <div>
            <dt>{t('proposals.fields.submittedAt')}</dt>
            <dd>{formatDateTime(proposal.submittedAt)}</dd>
          </div>
        )}
        {proposal.summary && (
          <div className="facts__wide">
            <dt>{t('proposals.fields.summary')}</dt>
            <dd className="proposal-summary">{proposal.summary}</dd>
          </div>
        )}
      </dl>
      {proposal.returnReason && proposal.status === ProposalStatus.RETURNED && (
        <p className="alert alert--warning" role="status" data-testid="return-reason">
          <strong>{t('proposals.fields.returnReason')}</strong> {proposal.returnReason}
        </p>
      )}
      <ProposalTransitions
        proposal={proposal}
        onRequestAppraisal={onRequestAppraisal}
        onChanged={onChanged}
      />
      {proposal.viewerCan.update &&
        (editing ? (
          <section className="proposal-edit" aria-label={t('proposals.edit.heading')}>
            <ProposalForm
              testId="edit-proposal-form"
              initial={{
                title: proposal.title,
                kind: proposal.kind,
                leadUnitId: proposal.leadUnit.id,
                referenceNumber: proposal.referenceNumber ?? '',
                classification: proposal.classification,
                summary: proposal.summary ?? '',
              }}
              leadUnits={leadUnits.some((unit) => unit.id === proposal.leadUnit.id) ? leadUnits : []}
              submitLabel={t('common.save')}
              busyLabel={t('common.saving')}
              onCancel={() => setEditing(false)}
              onSubmit={async (values) => {
                await updateProposal({
                  variables: {
                    input: {
                      id: proposal.id,
                      expectedVersion: proposal.version,
                      title: values.title,
                      kind: values.kind,
                      classification: values.classification,
                      referenceNumber: values.referenceNumber.trim() || null,
                      summary: values.summary.trim() || null,
                      ...(values.leadUnitId !== proposal.leadUnit.id
                        ? { leadUnitId: values.leadUnitId }
                        : {}),
                    },
                  },
                });
                setEditing(false);
                onChanged();
              }}
            />
          </section>
        ) : (
          <p>
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              {t('proposals.edit.open')}
            </button>
          </p>
        ))}
    </header>
  );
}
