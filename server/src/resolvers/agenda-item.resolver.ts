import type { AgendaItemStatus } from '@quorum/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import {
  addAgendaItem,
  changeAgendaItemStatus,
  confirmPresenter,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from '../commands/agenda.commands.js';
import { nextAgendaItemStatuses } from '../commands/meeting-lifecycle.js';
import { removeAttachment } from '../commands/meeting-attachment.commands.js';
import { recordVote } from '../commands/vote.commands.js';
import type { Context } from '../context.js';
import {
  AgendaItem,
  Attachment,
  Meeting,
  Participant,
  Proposal,
  Unit,
  User,
  Vote,
} from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { thenOrNow, type Row } from '../read/rows.js';
import { fromAgenda, readinessOf } from './agenda.js';
import {
  AddAgendaItemInput,
  AddAgendaItemPayload,
  ChangeAgendaItemStatusInput,
  ChangeAgendaItemStatusPayload,
  ConfirmPresenterInput,
  ConfirmPresenterPayload,
  MoveAgendaItemInput,
  MoveAgendaItemPayload,
  RecordVoteInput,
  RecordVotePayload,
  RemoveAgendaItemInput,
  RemoveAgendaItemPayload,
  RemoveAttachmentInput,
  RemoveAttachmentPayload,
  UpdateAgendaItemInput,
  UpdateAgendaItemPayload,
} from './types/agenda.input.js';
import { AgendaItemReadiness, AgendaItemViewerCan } from './types/meeting-state.type.js';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @Mutation(() => AddAgendaItemPayload)
  async addAgendaItem(
    @Arg('input', () => AddAgendaItemInput) input: AddAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<AddAgendaItemPayload> {
    return { agendaItem: await addAgendaItem(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => UpdateAgendaItemPayload)
  async updateAgendaItem(
    @Arg('input', () => UpdateAgendaItemInput) input: UpdateAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateAgendaItemPayload> {
    return { agendaItem: await updateAgendaItem(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => MoveAgendaItemPayload)
  async moveAgendaItem(
    @Arg('input', () => MoveAgendaItemInput) input: MoveAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<MoveAgendaItemPayload> {
    const { item, meeting } = await moveAgendaItem(ctx, requireWriter(ctx.viewer), input);
    return { agendaItem: item, meeting };
  }

  @Mutation(() => RemoveAgendaItemPayload)
  async removeAgendaItem(
    @Arg('input', () => RemoveAgendaItemInput) input: RemoveAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveAgendaItemPayload> {
    return removeAgendaItem(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => ChangeAgendaItemStatusPayload)
  async changeAgendaItemStatus(
    @Arg('input', () => ChangeAgendaItemStatusInput) input: ChangeAgendaItemStatusInput,
    @Ctx() ctx: Context,
  ): Promise<ChangeAgendaItemStatusPayload> {
    return { agendaItem: await changeAgendaItemStatus(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => ConfirmPresenterPayload, {
    description: 'The presenter (the user named, someone of the unit named, or the office) confirms.',
  })
  async confirmPresenter(
    @Arg('input', () => ConfirmPresenterInput) input: ConfirmPresenterInput,
    @Ctx() ctx: Context,
  ): Promise<ConfirmPresenterPayload> {
    return { agendaItem: await confirmPresenter(ctx, requireWriter(ctx.viewer), input.agendaItemId) };
  }

  @Mutation(() => RecordVotePayload)
  async recordVote(
    @Arg('input', () => RecordVoteInput) input: RecordVoteInput,
    @Ctx() ctx: Context,
  ): Promise<RecordVotePayload> {
    return { agendaItem: await recordVote(ctx, requireWriter(ctx.viewer), input) };
  }

  // Files are added through `POST /uploads` (multipart, streamed: see uploads/upload.router.ts); GraphQL
  // carries what is known about them, and their removal.
  @Mutation(() => RemoveAttachmentPayload)
  async removeAttachment(
    @Arg('input', () => RemoveAttachmentInput) input: RemoveAttachmentInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveAttachmentPayload> {
    return removeAttachment(ctx, requireWriter(ctx.viewer), input.id);
  }

  @FieldResolver(() => String, { description: 'Derived from the position in the tree: "1", "2.1".' })
  number(@Root() item: Row<AgendaItem>, @Ctx() { rows }: Context): string | Promise<string> {
    return fromAgenda(rows, item.meeting.id, (agenda) => agenda.numbers.get(item.id) ?? '');
  }

  @FieldResolver(() => Int, { description: '0 for the top level.' })
  depth(@Root() item: Row<AgendaItem>, @Ctx() { rows }: Context): number | Promise<number> {
    return fromAgenda(rows, item.meeting.id, (agenda) => agenda.depths.get(item.id) ?? 0);
  }

  @FieldResolver(() => [AgendaItem])
  children(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<AgendaItem>[] | Promise<Row<AgendaItem>[]> {
    return fromAgenda(rows, item.meeting.id, (agenda) => agenda.children.get(item.id) ?? []);
  }

  @FieldResolver(() => AgendaItem, { nullable: true })
  parent(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<AgendaItem> | null | Promise<Row<AgendaItem> | null> {
    return rows.maybe(AgendaItem, item.parent);
  }

  @FieldResolver(() => ID, { nullable: true })
  parentId(@Root() item: Row<AgendaItem>): string | null {
    return item.parent?.id ?? null;
  }

  @FieldResolver(() => Int, {
    description: "The item's own minutes plus its sub-items' totals: what this branch of the agenda takes.",
  })
  totalDurationMinutes(@Root() item: Row<AgendaItem>, @Ctx() { rows }: Context): number | Promise<number> {
    return fromAgenda(rows, item.meeting.id, (agenda) => agenda.totals.get(item.id) ?? 0);
  }

  @FieldResolver(() => Int, { description: "The sum of the sub-items' totals (the level below this item)." })
  childrenDurationMinutes(@Root() item: Row<AgendaItem>, @Ctx() { rows }: Context): number | Promise<number> {
    return fromAgenda(rows, item.meeting.id, (agenda) =>
      (agenda.children.get(item.id) ?? []).reduce(
        (sum, child) => sum + (agenda.totals.get(child.id) ?? 0),
        0,
      ),
    );
  }

  @FieldResolver(() => Meeting)
  meeting(@Root() item: Row<AgendaItem>, @Ctx() { rows }: Context): Row<Meeting> | Promise<Row<Meeting>> {
    return rows.one(Meeting, item.meeting);
  }

  @FieldResolver(() => User, { nullable: true })
  presenterUser(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, item.presenterUser);
  }

  @FieldResolver(() => Unit, { nullable: true })
  presenterUnit(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<Unit> | null | Promise<Row<Unit> | null> {
    return rows.maybe(Unit, item.presenterUnit);
  }

  @FieldResolver(() => User, { nullable: true })
  presenterConfirmedBy(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, item.presenterConfirmedBy);
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'Null when the viewer may not see the proposal.',
  })
  proposal(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows, viewer }: Context,
  ): Row<Proposal> | null | Promise<Row<Proposal> | null> {
    const v = requireViewer(viewer);
    return thenOrNow(rows.maybe(Proposal, item.proposal), (proposal) =>
      proposal && proposalPolicy.canRead(v, proposal) ? proposal : null,
    );
  }

  @FieldResolver(() => Vote, { nullable: true })
  vote(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<Vote> | null | Promise<Row<Vote> | null> {
    return rows.owning(Vote, 'agendaItem', item.id);
  }

  @FieldResolver(() => [Attachment])
  attachments(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<Attachment>[] | Promise<Row<Attachment>[]> {
    return rows.collection(AgendaItem, 'attachments', item.id);
  }

  @FieldResolver(() => AgendaItemReadiness)
  async readiness(@Root() item: Row<AgendaItem>, @Ctx() { em, rows }: Context): Promise<AgendaItemReadiness> {
    const { byItem } = await readinessOf(rows, em, item.meeting.id);
    return (
      byItem.get(item.id) ?? {
        materialsAttached: false,
        appraisalFinished: false,
        presenterConfirmed: false,
        ready: false,
      }
    );
  }

  @FieldResolver(() => AgendaItemViewerCan)
  viewerCan(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows, viewer }: Context,
  ): AgendaItemViewerCan | Promise<AgendaItemViewerCan> {
    const v = requireViewer(viewer);
    return thenOrNow(rows.one(Meeting, item.meeting), (meeting) => {
      const manage = meetingPolicy.canManage(v, meeting);
      const nextStatuses: AgendaItemStatus[] = manage ? nextAgendaItemStatuses(item, meeting.status) : [];
      return {
        update: meetingPolicy.canManageAgenda(v, meeting),
        changeStatus: meetingPolicy.canChangeItemStatus(v, meeting, item),
        nextStatuses,
        conclude: meetingPolicy.canConclude(v, meeting),
        recordVote: meetingPolicy.canRecordVote(v, meeting, item),
        confirmPresenter: meetingPolicy.canConfirmPresenter(v, meeting, item),
      };
    });
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => User)
  user(@Root() participant: Row<Participant>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, participant.user);
  }
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @FieldResolver(() => User)
  uploadedBy(@Root() attachment: Row<Attachment>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, attachment.uploadedBy);
  }

  @FieldResolver(() => ID, { nullable: true })
  agendaItemId(@Root() attachment: Row<Attachment>): string | null {
    return attachment.agendaItem?.id ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      "A task's file that went with a progress report (false: uploaded for one, not yet sent; or not a task's).",
  })
  reported(@Root() attachment: Row<Attachment>): boolean {
    return !!attachment.taskUpdate;
  }

  @FieldResolver(() => String, {
    description: 'The bytes, base64; loaded on demand, so ask for it one file at a time (`attachment(id)`).',
  })
  async contentBase64(@Root() attachment: Row<Attachment>, @Ctx() { em }: Context): Promise<string> {
    // The bytes are never part of a row (a lazy column): read them for this one file.
    const { content } = await em.findOneOrFail(Attachment, attachment.id, { populate: ['content'] });
    return content.toString('base64');
  }
}
