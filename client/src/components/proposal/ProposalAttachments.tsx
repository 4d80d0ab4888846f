import { useCallback, useId } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from '../../apollo/errors';
import { uploadAttachment } from '../../apollo/uploads';
import { Alert } from '../Alert';
import { LoadingState } from '../LoadState';
import { Attachments } from '../meeting/Attachments';
import { ProposalAttachmentsDocument, RemoveProposalAttachmentDocument } from '../../generated/graphql';
import type { AttachmentFieldsFragment } from '../../generated/graphql';

/**
 * A proposal's files (name, size, who added it and when), each opened on demand as in the meeting room; where
 * viewerCan.changeAttachments, add one (`POST /uploads` with `proposalId`, with its progress) or remove one
 * after confirming. Others' changes arrive as proposal events, on which the page reads this list again.
 */
export function ProposalAttachments({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, error, loading, refetch } = useQuery(ProposalAttachmentsDocument, {
    variables: { id: proposalId },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const [removeAttachment] = useMutation(RemoveProposalAttachmentDocument);
  // The viewer's own change comes back as an event too (the history follows it); the list is read at once.
  const changed = useCallback(async () => {
    await refetch().catch(() => undefined);
  }, [refetch]);

  const proposal = data?.proposal;
  if (!proposal) {
    if (loading && !error) return <LoadingState label={t('proposals.attachments.loading')} />;
    return (
      <Alert tone="error">
        {t('proposals.attachments.loadError')} {t(`errors.${apiErrorInfo(error)?.code ?? 'NOT_FOUND'}`)}
      </Alert>
    );
  }
  const canChange = proposal.viewerCan.changeAttachments;
  const files = proposal.attachments.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby={headingId} data-testid="proposal-attachments">
      <h2 id={headingId} className="panel__title">
        {t('proposals.attachments.heading')}
      </h2>
      {files.length === 0 && (
        <p className="placeholder" data-testid="proposal-attachments-empty">
          {t('proposals.attachments.empty')}
        </p>
      )}
      <Attachments
        files={files}
        target={t('proposals.attachments.target')}
        upload={
          canChange
            ? async (file, onProgress) => {
                await uploadAttachment({ owner: { proposalId }, file, onProgress });
                await changed();
              }
            : undefined
        }
        remove={
          canChange
            ? async (file: AttachmentFieldsFragment) => {
                await removeAttachment({ variables: { input: { id: file.id } } });
                await changed();
              }
            : undefined
        }
      />
    </section>
  );
}
