import { LockMode, raw, type EntityManager } from '@mikro-orm/core';
import {
  DiffPartKind,
  DocumentVersionKind,
  EventType,
  isProposalFinal,
  type DiffGranularity,
} from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { DocumentVersion, Proposal } from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { textDiff, type DiffPart } from '../domain/text-diff.js';
import { documentVersionPolicy } from '../policies/document-version.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import type {
  CreateDocumentVersionInput,
  RestoreDocumentVersionInput,
} from '../resolvers/types/document-version.input.js';
import { versionLabelMax } from '../resolvers/types/document-version.input.js';
import { currentBody, docOf, renderBodyHtml, restoredBody, takeVersion } from './body-snapshot.js';
import { bodyText, seedFromText } from '../collab/body-text.js';
import { checkVersion } from './meeting-support.js';
import { appendProposalEvent, loadProposal } from './proposal.commands.js';
import { runCommand } from './run-command.js';

/**
 * The proposal a version belongs to, if the viewer may read it; else NOT_FOUND naming the version, as for one
 * that does not exist (the refusal does not tell that a hidden proposal is there).
 */
async function loadVersion(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  populate: ('content' | 'html' | 'state')[],
  lock = false,
): Promise<{ version: DocumentVersion; proposal: Proposal }> {
  const version = await em.findOne(DocumentVersion, id, { populate, refresh: true });
  const proposal =
    version &&
    (await em.findOne(
      Proposal,
      { id: version.proposal.id, organization: viewer.organizationId },
      { refresh: true, ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) },
    ));
  if (!version || !proposal || !proposalPolicy.canRead(viewer, proposal))
    throw new NotFoundError('DocumentVersion', id);
  return { version, proposal };
}

/**
 * A named snapshot of the body as it is now (the live document's if it is open on this instance), by the
 * proposal's drafters or the office while it is in the workflow; with its event, in the proposal's scope.
 */
export async function createDocumentVersion(
  ctx: Context,
  viewer: Viewer,
  input: CreateDocumentVersionInput,
): Promise<{ version: DocumentVersion; proposal: Proposal }> {
  return runCommand(ctx, async (em) => {
    const proposal = await loadProposal(em, viewer, input.proposalId);
    if (!documentVersionPolicy.takesPart(viewer, proposal))
      throw new ForbiddenError('Only its drafters or the office keep versions of a proposal');
    if (isProposalFinal(proposal.status))
      throw new BadInputError(
        'proposalId',
        `A ${proposal.status} proposal no longer changes: the version taken when it became so is kept`,
      );
    const label = input.label.trim();
    const version = await takeVersion(ctx, em, viewer, proposal, DocumentVersionKind.MANUAL, label);
    await appendProposalEvent(ctx, em, viewer, proposal, EventType.PROPOSAL_VERSION_CREATED, {
      versionId: { before: null, after: version.id },
      label: { before: null, after: label },
    });
    return { version, proposal };
  });
}

export interface RestoreResult {
  proposal: Proposal;
  restored: DocumentVersion;
  restorePoint: DocumentVersion | null;
}

/**
 * Makes the body read as a version again, as a new change of the co-edited document (its history kept): by
 * the drafters, while the text may change. In one transaction, with the proposal's row locked: the body as it
 * is now is kept first as a RESTORE_POINT version unless the newest version already reads so; the restored
 * state, its text and HTML are stored; the event is appended. Once committed, the change is applied to the
 * live document through Hocuspocus, so connected editors see it at once. Comments anchored in the text that
 * goes become detached (still listed, never lost).
 */
export async function restoreDocumentVersion(
  ctx: Context,
  viewer: Viewer,
  input: RestoreDocumentVersionInput,
): Promise<RestoreResult> {
  const done = await runCommand(ctx, async (em) => {
    // The proposal's row locked: restores of one proposal run one at a time, each on the body the one before
    // left, and the status checked is the status until this commits.
    const { version, proposal } = await loadVersion(em, viewer, input.versionId, ['content', 'state'], true);
    if (!documentVersionPolicy.canRestore(viewer, proposal)) {
      if (!proposalPolicy.actors(viewer, proposal).has('drafter'))
        throw new ForbiddenError("Only its drafters change a proposal's text");
      throw new BadInputError('versionId', `The text of a ${proposal.status} proposal no longer changes`);
    }
    if (input.expectedVersion != null) checkVersion('Proposal', proposal, input.expectedVersion);

    const current = await currentBody(ctx, em, proposal.id);
    const newest = await em.findOne(
      DocumentVersion,
      { proposal },
      { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['content', 'html'] },
    );
    const unkept =
      !newest || newest.content !== current.text || (newest.html != null && newest.html !== current.html);
    const restorePoint = unkept
      ? await takeVersion(
          ctx,
          em,
          viewer,
          proposal,
          DocumentVersionKind.RESTORE_POINT,
          `Before restoring "${version.label}"`.slice(0, versionLabelMax),
          current,
        )
      : null;

    const { update, state } = restoredBody(
      current.state,
      version.state ? new Uint8Array(version.state) : seedFromText(version.content),
    );
    const doc = docOf(state);
    const text = bodyText(doc);
    const html = await renderBodyHtml(doc, text);
    doc.destroy();
    // As the body store writes it: the details' optimistic lock (`version`) is left alone.
    await em.nativeUpdate(
      Proposal,
      { id: proposal.id },
      { body: Buffer.from(state), bodyText: text, bodyHtml: html, version: raw('"version"') },
    );
    await appendProposalEvent(ctx, em, viewer, proposal, EventType.PROPOSAL_BODY_RESTORED, {
      versionId: { before: null, after: version.id },
      label: { before: null, after: version.label },
      ...(restorePoint ? { restorePointId: { before: null, after: restorePoint.id } } : {}),
    });
    return { proposal, restored: version, restorePoint, update, text, live: current.live };
  });
  // Written past the unit of work (above): the answer reads the text restored.
  done.proposal.bodyText = done.text;
  try {
    await ctx.collab?.applyUpdate({ kind: 'proposal', id: done.proposal.id }, done.update, done.live);
  } catch (error) {
    // Stored and recorded: an editor still open here gets it when it next loads the body.
    console.error(
      `versions: the restore of proposal ${done.proposal.id} did not reach its live document`,
      error,
    );
  }
  return { proposal: done.proposal, restored: done.restored, restorePoint: done.restorePoint };
}

export interface VersionDiff {
  from: DocumentVersion;
  to: DocumentVersion | null;
  parts: DiffPart[];
  added: number;
  removed: number;
}

/**
 * The diff of two versions of one proposal's body, by words or lines, or of a version and the body as it is
 * now (`toId` null); for whoever may read the proposal. Null when a version is missing or hidden.
 */
export async function documentVersionDiff(
  ctx: Context,
  viewer: Viewer,
  fromId: string,
  toId: string | null,
  granularity: DiffGranularity,
): Promise<VersionDiff | null> {
  const em = ctx.em.fork();
  // Only "missing or hidden" is null; any other failure (the database away) is answered as such.
  const load = (id: string) =>
    loadVersion(em, viewer, id, ['content']).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  const from = await load(fromId);
  const to = toId ? await load(toId) : null;
  if (!from || (toId && !to)) return null;
  if (to && to.proposal.id !== from.proposal.id)
    throw new BadInputError('toId', 'Both versions must be of the same proposal');
  const later = to ? to.version.content : (await currentBody(ctx, em, from.proposal.id, false)).text;
  const parts = textDiff(from.version.content, later, granularity);
  const count = (kind: DiffPartKind) =>
    parts.filter((part) => part.kind === kind).reduce((n, part) => n + part.text.length, 0);
  return {
    from: from.version,
    to: to?.version ?? null,
    parts,
    added: count(DiffPartKind.ADDED),
    removed: count(DiffPartKind.REMOVED),
  };
}
