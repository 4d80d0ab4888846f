import { EventType, isProposalFinal } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { Attachment, Proposal } from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { documentVersionPolicy } from '../policies/document-version.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { checkedFile, type ArrivedFile } from './meeting-attachment.commands.js';
import { appendProposalEvent, loadProposal } from './proposal.commands.js';
import { runCommand } from './run-command.js';

/** A file for a proposal as it arrived (`POST /uploads` with `proposalId`). */
export interface NewProposalAttachment extends ArrivedFile {
  proposalId: string;
}

/** Its drafters and the office change its files while it is in the workflow; anyone else is refused. */
function checkMayChangeFiles(viewer: Viewer, proposal: Proposal, field: string): void {
  if (documentVersionPolicy.canKeep(viewer, proposal)) return;
  if (!documentVersionPolicy.takesPart(viewer, proposal))
    throw new ForbiddenError("Only its drafters or the office change a proposal's files");
  if (isProposalFinal(proposal.status))
    throw new BadInputError(field, `The files of a ${proposal.status} proposal no longer change`);
}

/**
 * Adds a file to a proposal: the rules of a meeting's files (name, size, kind by content) checked before the
 * transaction, the viewer's right inside it, with the row and its event in the proposal's scope.
 */
export async function attachProposalFile(
  ctx: Context,
  viewer: Viewer,
  file: NewProposalAttachment,
): Promise<Attachment> {
  const checked = await checkedFile(viewer, file);
  return runCommand(ctx, async (em) => {
    const proposal = await loadProposal(em, viewer, file.proposalId);
    checkMayChangeFiles(viewer, proposal, 'proposalId');
    const attachment = em.create(Attachment, { proposal, ...checked });
    await appendProposalEvent(ctx, em, viewer, proposal, EventType.PROPOSAL_ATTACHMENT_ADDED, {
      attachmentId: { before: null, after: attachment.id },
      name: { before: null, after: checked.name },
      size: { before: null, after: checked.size },
    });
    return attachment;
  });
}

/** The proposal of a file, if the viewer may read it; else NOT_FOUND naming the file, as for one that is not. */
async function loadAttachmentProposal(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<{ name: string; proposal: Proposal }> {
  const found = await em.findOne(
    Attachment,
    { id, proposal: { $ne: null } },
    { fields: ['proposal', 'name'], refresh: true },
  );
  const proposal =
    found?.proposal &&
    (await em.findOne(
      Proposal,
      { id: found.proposal.id, organization: viewer.organizationId },
      { refresh: true },
    ));
  if (!found || !proposal || !proposalPolicy.canRead(viewer, proposal))
    throw new NotFoundError('Attachment', id);
  return { name: found.name, proposal };
}

export async function removeProposalAttachment(
  ctx: Context,
  viewer: Viewer,
  id: string,
): Promise<{ proposal: Proposal; removedId: string }> {
  return runCommand(ctx, async (em) => {
    const { name, proposal } = await loadAttachmentProposal(em, viewer, id);
    checkMayChangeFiles(viewer, proposal, 'id');
    // Of two removals at once, the second deletes nothing: it is NOT_FOUND and records nothing.
    if ((await em.nativeDelete(Attachment, { id })) === 0) throw new NotFoundError('Attachment', id);
    await appendProposalEvent(ctx, em, viewer, proposal, EventType.PROPOSAL_ATTACHMENT_REMOVED, {
      attachmentId: { before: id, after: null },
      name: { before: name, after: null },
    });
    return { proposal, removedId: id };
  });
}
