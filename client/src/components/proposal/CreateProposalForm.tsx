import { useId, useMemo } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Classification, ProposalKind } from '@quorum/shared';
import type { ProposalViewerFacts } from '../../hooks/useProposalViewer';
import { ProposalForm } from './ProposalForm';
import { CreateProposalDocument } from '../../generated/graphql';
import type { UnitFieldsFragment } from '../../generated/graphql';

/**
 * A new proposal, in drafting, owned by the viewer. Shown to whoever may create one (the server's rule: a
 * member of the lead unit, or the office for any unit), offering only the lead units the viewer may choose.
 */
export function CreateProposalForm({
  viewer,
  units,
}: {
  viewer: ProposalViewerFacts;
  units: readonly UnitFieldsFragment[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [createProposal] = useMutation(CreateProposalDocument);
  const leadUnits = useMemo(() => (viewer.isOffice ? units : viewer.units), [viewer, units]);
  const ownFirst = viewer.units.find((unit) => leadUnits.some((choice) => choice.id === unit.id));

  return (
    <section className="panel create-meeting" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('proposals.create.heading')}
      </h2>
      <ProposalForm
        testId="create-proposal-form"
        initial={{
          title: '',
          kind: ProposalKind.PROPOSAL,
          leadUnitId: ownFirst?.id ?? leadUnits[0]?.id ?? '',
          referenceNumber: '',
          classification: Classification.INTERNAL,
          summary: '',
        }}
        leadUnits={leadUnits}
        submitLabel={t('proposals.create.submit')}
        busyLabel={t('proposals.create.submitting')}
        onSubmit={async (values) => {
          const result = await createProposal({
            variables: {
              input: {
                title: values.title,
                kind: values.kind,
                leadUnitId: values.leadUnitId,
                classification: values.classification,
                ...(values.referenceNumber.trim() ? { referenceNumber: values.referenceNumber.trim() } : {}),
                ...(values.summary.trim() ? { summary: values.summary.trim() } : {}),
              },
            },
          });
          const created = result.data?.createProposal.proposal;
          if (created) await navigate(`/proposals/${created.id}`);
        }}
      />
    </section>
  );
}
