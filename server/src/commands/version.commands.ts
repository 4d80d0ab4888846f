import { LockMode, type EntityManager } from '@mikro-orm/core';
import {
  DiffPartKind,
  DocumentVersionKind,
  EventType,
  isProposalFinal,
  limits,
  ParticipantRole,
  type DiffGranularity,
} from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import { minutesEditableStatuses } from '../collab/collab.policy.js';
import type { Context } from '../context.js';
import { DocumentVersion, Meeting, Participant, Proposal, type FieldChanges } from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { textDiff, type DiffPart } from '../domain/text-diff.js';
import { documentVersionPolicy } from '../policies/document-version.policy.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import type { CreateDocumentVersionInput, RestoreDocumentVersionInput } from './inputs.js';
import {
  currentBody,
  docOf,
  lockBody,
  renderBodyHtml,
  restoredBody,
  takeVersion,
  versionOwner,
  writeBody,
  type VersionedDocument,
} from './body-snapshot.js';
import { bodyText, seedFromText } from '../collab/body-text.js';
import { appendMeetingEvent, checkVersion } from './meeting-support.js';
import { appendProposalEvent } from './proposal.commands.js';
import { runCommand } from './run-command.js';

/**
 * What versions belong to: a proposal (versions of its body) or a meeting (versions of its minutes, with the
 * users taking part as its secretaries, who write them). The two kinds differ only in who may do what and in
 * the events; the snapshot, the diff and the restore are one path, by the co-edited document.
 */
export type VersionSubject =
  | { kind: 'proposal'; proposal: Proposal }
  | { kind: 'minutes'; meeting: Meeting; secretaryIds: ReadonlySet<string> };

const documentOf = (subject: VersionSubject): VersionedDocument =>
  subject.kind === 'proposal'
    ? { kind: 'proposal', id: subject.proposal.id }
    : { kind: 'minutes', id: subject.meeting.id };

const documentOfVersion = (version: DocumentVersion): VersionedDocument =>
  version.proposal
    ? { kind: 'proposal', id: version.proposal.id }
    : { kind: 'minutes', id: version.meeting!.id };

/**
 * The proposal or meeting of a document, if the viewer may read it (templates have no minutes); else NOT_FOUND
 * naming `via` (the version asked for, or the subject), so that a refusal does not tell a hidden one is there.
 * `lock`: its row locked until the transaction ends.
 */
async function loadSubject(
  em: EntityManager,
  viewer: Viewer,
  document: VersionedDocument,
  via: { what: string; id: string },
  lock = false,
): Promise<VersionSubject> {
  const options = { refresh: true, ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) } as const;
  const where = { id: document.id, organization: viewer.organizationId };
  if (document.kind === 'proposal') {
    const proposal = await em.findOne(Proposal, where, options);
    if (!proposal || !proposalPolicy.canRead(viewer, proposal)) throw new NotFoundError(via.what, via.id);
    return { kind: 'proposal', proposal };
  }
  const meeting = await em.findOne(Meeting, { ...where, isTemplate: false }, options);
  if (!meeting || !meetingPolicy.canRead(viewer, meeting)) throw new NotFoundError(via.what, via.id);
  const secretaries = await em.find(
    Participant,
    { meeting, role: ParticipantRole.SECRETARY },
    { fields: ['user'] },
  );
  return { kind: 'minutes', meeting, secretaryIds: new Set(secretaries.map((p) => p.user.id)) };
}

/** A version and its subject, if the viewer may read the subject; else NOT_FOUND naming the version. */
async function loadVersion(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  populate: ('content' | 'html' | 'state')[],
  lock = false,
): Promise<{ version: DocumentVersion; subject: VersionSubject }> {
  const version = await em.findOne(DocumentVersion, id, { populate, refresh: true });
  if (!version) throw new NotFoundError('DocumentVersion', id);
  const subject = await loadSubject(
    em,
    viewer,
    documentOfVersion(version),
    { what: 'DocumentVersion', id },
    lock,
  );
  return { version, subject };
}

/** One version, if it exists and the viewer may read what it is a version of; else null. */
export async function visibleVersion(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<DocumentVersion | null> {
  try {
    return (await loadVersion(em, viewer, id, [])).version;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Refuses a viewer who may not change the document (keep a version of it, restore one): a proposal by the rules
 * of its body (`documentVersionPolicy`), minutes by whoever writes them now. FORBIDDEN for whom it is not
 * theirs to change, BAD_USER_INPUT on `field` when it no longer (or not yet) changes.
 */
function authorizeChange(viewer: Viewer, subject: VersionSubject, action: 'keep' | 'restore', field: string) {
  if (subject.kind === 'minutes') {
    const { meeting } = subject;
    if (documentVersionPolicy.canKeepMinutes(viewer, meeting, subject.secretaryIds)) return;
    // An open meeting's minutes that this viewer may not write are not theirs; otherwise they are locked.
    if (minutesEditableStatuses.has(meeting.status))
      throw new ForbiddenError("Only its secretaries or the office write a meeting's minutes");
    throw new BadInputError(field, `The minutes of a ${meeting.status} meeting do not change`);
  }
  const { proposal } = subject;
  if (action === 'keep') {
    if (!documentVersionPolicy.takesPart(viewer, proposal))
      throw new ForbiddenError('Only its drafters or the office keep versions of a proposal');
    if (isProposalFinal(proposal.status))
      throw new BadInputError(
        field,
        `A ${proposal.status} proposal no longer changes: the version taken when it became so is kept`,
      );
    return;
  }
  if (documentVersionPolicy.canRestore(viewer, proposal)) return;
  if (!proposalPolicy.actors(viewer, proposal).has('drafter'))
    throw new ForbiddenError("Only its drafters change a proposal's text");
  throw new BadInputError(field, `The text of a ${proposal.status} proposal no longer changes`);
}

/** The event of a version kept or restored: in the proposal's scope, or the meeting's for its minutes. */
function appendVersionEvent(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  subject: VersionSubject,
  what: 'created' | 'restored',
  changes: FieldChanges,
) {
  if (subject.kind === 'proposal') {
    const type = what === 'created' ? EventType.PROPOSAL_VERSION_CREATED : EventType.PROPOSAL_BODY_RESTORED;
    return appendProposalEvent(ctx, em, viewer, subject.proposal, type, changes);
  }
  const type = what === 'created' ? EventType.MINUTES_VERSION_CREATED : EventType.MINUTES_RESTORED;
  return appendMeetingEvent(ctx, em, viewer, subject.meeting, { type, subject: subject.meeting, changes });
}

export interface CreateVersionResult {
  version: DocumentVersion;
  proposal: Proposal | null;
  meeting: Meeting | null;
}

const answerOf = (subject: VersionSubject) => ({
  proposal: subject.kind === 'proposal' ? subject.proposal : null,
  meeting: subject.kind === 'minutes' ? subject.meeting : null,
});

/**
 * A named snapshot of a proposal's body or a meeting's minutes as they are now (the live document's if it is
 * open on this instance): by whoever may change it (see `authorizeChange`); with its event, in the proposal's
 * or the meeting's scope.
 */
export async function createDocumentVersion(
  ctx: Context,
  viewer: Viewer,
  input: CreateDocumentVersionInput,
): Promise<CreateVersionResult> {
  const document: VersionedDocument | null =
    input.proposalId && !input.meetingId
      ? { kind: 'proposal', id: input.proposalId }
      : input.meetingId && !input.proposalId
        ? { kind: 'minutes', id: input.meetingId }
        : null;
  if (!document)
    throw new BadInputError('proposalId', 'Give either proposalId (its body) or meetingId (its minutes)');
  const field = document.kind === 'proposal' ? 'proposalId' : 'meetingId';
  return runCommand(ctx, async (em) => {
    const subject = await loadSubject(em, viewer, document, {
      what: document.kind === 'proposal' ? 'Proposal' : 'Meeting',
      id: document.id,
    });
    authorizeChange(viewer, subject, 'keep', field);
    const label = input.label.trim();
    const version = await takeVersion(ctx, em, viewer, document, DocumentVersionKind.MANUAL, label);
    await appendVersionEvent(ctx, em, viewer, subject, 'created', {
      versionId: { before: null, after: version.id },
      label: { before: null, after: label },
    });
    return { version, ...answerOf(subject) };
  });
}

export interface RestoreResult {
  proposal: Proposal | null;
  meeting: Meeting | null;
  restored: DocumentVersion;
  restorePoint: DocumentVersion | null;
}

/**
 * Makes a proposal's body or a meeting's minutes read as a version again, as a new change of the co-edited
 * document (its history kept): by whoever may change it now. In one transaction, with the subject's row and the
 * document's row locked: the document as it is now is kept first as a RESTORE_POINT version unless the newest
 * version already reads so; the restored state, its text and HTML are stored as a store writes them; the event
 * is appended. Once committed, the change is applied to the live document through Hocuspocus, so connected
 * editors see it at once. Comments anchored in the text that goes become detached (still listed, never lost).
 */
export async function restoreDocumentVersion(
  ctx: Context,
  viewer: Viewer,
  input: RestoreDocumentVersionInput,
): Promise<RestoreResult> {
  const done = await runCommand(ctx, async (em) => {
    // The subject's row locked: restores of one document run one at a time, each on the state the one before
    // left, and the status checked is the status until this commits.
    const { version, subject } = await loadVersion(em, viewer, input.versionId, ['content', 'state'], true);
    authorizeChange(viewer, subject, 'restore', 'versionId');
    if (input.expectedVersion != null) {
      if (subject.kind === 'proposal') checkVersion('Proposal', subject.proposal, input.expectedVersion);
      else checkVersion('Meeting', subject.meeting, input.expectedVersion);
    }

    const document = documentOf(subject);
    await lockBody(em, document);
    const current = await currentBody(ctx, em, document);
    const newest = await em.findOne(DocumentVersion, versionOwner(document), {
      orderBy: { createdAt: 'desc', id: 'desc' },
      populate: ['content', 'html'],
    });
    const unkept =
      !newest || newest.content !== current.text || (newest.html != null && newest.html !== current.html);
    const restorePoint = unkept
      ? await takeVersion(
          ctx,
          em,
          viewer,
          document,
          DocumentVersionKind.RESTORE_POINT,
          `Before restoring "${version.label}"`.slice(0, limits.versionLabelMax),
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
    await writeBody(em, viewer, document, { state, text, html });
    await appendVersionEvent(ctx, em, viewer, subject, 'restored', {
      versionId: { before: null, after: version.id },
      label: { before: null, after: version.label },
      ...(restorePoint ? { restorePointId: { before: null, after: restorePoint.id } } : {}),
    });
    return { subject, document, restored: version, restorePoint, update, text, live: current.live };
  });
  // Written past the unit of work (above): the answer reads the text restored.
  if (done.subject.kind === 'proposal') done.subject.proposal.bodyText = done.text;
  try {
    await ctx.collab?.applyUpdate(done.document, done.update, done.live);
  } catch (error) {
    // Stored and recorded: an editor still open here gets it when it next loads the document.
    console.error(
      `versions: the restore of ${done.document.kind} ${done.document.id} did not reach its live document`,
      error,
    );
  }
  return { ...answerOf(done.subject), restored: done.restored, restorePoint: done.restorePoint };
}

export interface VersionDiff {
  from: DocumentVersion;
  to: DocumentVersion | null;
  parts: DiffPart[];
  added: number;
  removed: number;
}

/**
 * The diff of two versions of one document (a proposal's body, a meeting's minutes), by words or lines, or of a
 * version and the document as it is now (`toId` null); for whoever may read its proposal or meeting. Null when
 * a version is missing or hidden.
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
  const document = documentOf(from.subject);
  if (to) {
    const other = documentOf(to.subject);
    if (other.kind !== document.kind || other.id !== document.id)
      throw new BadInputError('toId', 'Both versions must be of the same document');
  }
  const later = to ? to.version.content : (await currentBody(ctx, em, document, false)).text;
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
