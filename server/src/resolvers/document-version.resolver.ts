import { DiffGranularity } from '@quorum/shared';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  createDocumentVersion,
  documentVersionDiff,
  restoreDocumentVersion,
  visibleVersion,
  type VersionDiff,
} from '../commands/version.commands.js';
import { removeProposalAttachment } from '../commands/proposal-attachment.commands.js';
import type { Context } from '../context.js';
import { Attachment, DocumentVersion, Proposal } from '../entities/index.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import type { Row } from '../read/rows.js';
import { connectionType, PageArgs, pageOf, type ConnectionShape } from './types/connection.js';
import {
  CreateDocumentVersionInput,
  CreateDocumentVersionPayload,
  DocumentVersionDiff,
  RemoveProposalAttachmentInput,
  RemoveProposalAttachmentPayload,
  RestoreDocumentVersionInput,
  RestoreDocumentVersionPayload,
} from './types/document-version.input.js';

export const AttachmentConnection = connectionType(Attachment, 'Attachment');

/**
 * Versions of co-edited documents, proposals' bodies and meetings' minutes (snapshots, diffs, restores), and
 * proposals' files. Who may do what is in document-version.policy.ts; `POST /uploads` with `proposalId` adds a
 * file.
 */
@Resolver(() => DocumentVersion)
export class DocumentVersionContentResolver {
  @Query(() => DocumentVersion, {
    nullable: true,
    description:
      "One version of a proposal's body or of a meeting's minutes; null when it does not exist or its proposal or meeting is not visible.",
  })
  documentVersion(
    @Arg('id', () => ID, { description: 'The version.' }) id: string,
    @Ctx() { em, viewer }: Context,
  ): Promise<DocumentVersion | null> {
    return visibleVersion(em.fork(), requireViewer(viewer), id);
  }

  @Query(() => DocumentVersionDiff, {
    nullable: true,
    description:
      'The diff of two versions of one document (a proposal body, meeting minutes), or of a version and the document as it is now (no `toId`), by words or lines; null when a version is not visible.',
  })
  documentVersionDiff(
    @Arg('fromId', () => ID, { description: 'The older side of the comparison: a version of the document.' })
    fromId: string,
    @Arg('toId', () => ID, {
      nullable: true,
      description:
        'The newer side: another version of the same document; omitted, the document as it is now.',
    })
    toId: string | undefined,
    @Arg('granularity', () => DiffGranularity, {
      defaultValue: DiffGranularity.WORDS,
      description: 'Compare word by word (WORDS, the default) or line by line (LINES).',
    })
    granularity: DiffGranularity,
    @Ctx() ctx: Context,
  ): Promise<VersionDiff | null> {
    return documentVersionDiff(ctx, requireViewer(ctx.viewer), fromId, toId ?? null, granularity);
  }

  @Mutation(() => CreateDocumentVersionPayload, {
    description:
      "Keeps a proposal's body (`proposalId`) as it is now as a named version, by its drafters or the office while it is in the workflow; or a meeting's minutes (`meetingId`), by those who write them now (its secretaries and the office while it is open).",
  })
  async createDocumentVersion(
    @Arg('input', () => CreateDocumentVersionInput, {
      description: "The document (a proposal or a meeting's minutes) and the version's label.",
    })
    input: CreateDocumentVersionInput,
    @Ctx() ctx: Context,
  ): Promise<CreateDocumentVersionPayload> {
    return createDocumentVersion(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => RestoreDocumentVersionPayload, {
    description:
      "Makes the proposal's body or the meeting's minutes read as the version again, as a new change that connected editors receive at once: by those who may write it now (a body's drafters while its text may change; the minutes' secretaries and the office while the meeting is open). The document just before is kept as a RESTORE_POINT version; comments anchored in text that goes become detached.",
  })
  restoreDocumentVersion(
    @Arg('input', () => RestoreDocumentVersionInput, {
      description: 'The version whose content the document gets again.',
    })
    input: RestoreDocumentVersionInput,
    @Ctx() ctx: Context,
  ): Promise<RestoreDocumentVersionPayload> {
    return restoreDocumentVersion(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => RemoveProposalAttachmentPayload, {
    description: 'Removes a file of a proposal: by its drafters or the office while it is in the workflow.',
  })
  removeProposalAttachment(
    @Arg('input', () => RemoveProposalAttachmentInput, { description: 'The file to remove.' })
    input: RemoveProposalAttachmentInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveProposalAttachmentPayload> {
    return removeProposalAttachment(ctx, requireWriter(ctx.viewer), input.id);
  }

  @FieldResolver(() => String, {
    description: 'The plain text, one line per block; loaded on demand: ask for it one version at a time.',
  })
  async content(@Root() version: Row<DocumentVersion>, @Ctx() { em }: Context): Promise<string> {
    // A lazy column: rows of a list never carry it; a version just made or loaded for a diff does.
    if (typeof version.content === 'string') return version.content;
    const loaded = await em.findOneOrFail(DocumentVersion, version.id, { populate: ['content'] });
    return loaded.content;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The HTML (null for versions older than co-editing); loaded on demand, as `content`.',
  })
  async html(@Root() version: Row<DocumentVersion>, @Ctx() { em }: Context): Promise<string | null> {
    if (typeof version.html === 'string') return version.html;
    const loaded = await em.findOneOrFail(DocumentVersion, version.id, { populate: ['html'] });
    return loaded.html ?? null;
  }
}

@Resolver(() => Proposal)
export class ProposalAttachmentsResolver {
  @FieldResolver(() => AttachmentConnection, {
    description: 'Its files, oldest first (`POST /uploads` with `proposalId` adds one).',
  })
  attachments(
    @Root() proposal: Row<Proposal>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows }: Context,
  ): ConnectionShape<Row<Attachment>> | Promise<ConnectionShape<Row<Attachment>>> {
    return pageOf(rows.collection(Proposal, 'attachments', proposal.id), page);
  }
}

@Resolver(() => Attachment)
export class ProposalAttachmentResolver {
  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The proposal it belongs to; null for a file of a meeting.',
  })
  proposalId(@Root() attachment: Row<Attachment>): string | null {
    return attachment.proposal?.id ?? null;
  }
}
