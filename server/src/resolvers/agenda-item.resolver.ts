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
import { nextAgendaItemStatuses } from '../domain/meeting-lifecycle.js';
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
import { fromAgenda, readinessOf } from '../read/agenda.js';
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
  @Mutation(() => AddAgendaItemPayload, {
    description:
      "Adds an item to a meeting's agenda, at the top level or under a parent, at the place given. The office, until the meeting is closed or cancelled.",
  })
  async addAgendaItem(
    @Arg('input', () => AddAgendaItemInput, { description: "The meeting, the item's place and its details." })
    input: AddAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<AddAgendaItemPayload> {
    return { agendaItem: await addAgendaItem(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => UpdateAgendaItemPayload, {
    description:
      "Changes an item's details (title, notes, duration, presenter, proposal, conclusion). The office, until the meeting is closed or cancelled; takes `expectedVersion`.",
  })
  async updateAgendaItem(
    @Arg('input', () => UpdateAgendaItemInput, {
      description: 'The item, its `expectedVersion` and the fields to change.',
    })
    input: UpdateAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateAgendaItemPayload> {
    return { agendaItem: await updateAgendaItem(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => MoveAgendaItemPayload, {
    description:
      'Moves an item (with its sub-items) to another place or parent in the same agenda; the numbers follow. The office, until the meeting is closed or cancelled.',
  })
  async moveAgendaItem(
    @Arg('input', () => MoveAgendaItemInput, { description: 'The item and where it goes.' })
    input: MoveAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<MoveAgendaItemPayload> {
    const { item, meeting } = await moveAgendaItem(ctx, requireWriter(ctx.viewer), input);
    return { agendaItem: item, meeting };
  }

  @Mutation(() => RemoveAgendaItemPayload, {
    description:
      'Removes an item, its sub-items and their files and vote from the agenda. The office, until the meeting is closed or cancelled.',
  })
  async removeAgendaItem(
    @Arg('input', () => RemoveAgendaItemInput, {
      description: 'The item to remove and its `expectedVersion`.',
    })
    input: RemoveAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveAgendaItemPayload> {
    return removeAgendaItem(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => ChangeAgendaItemStatusPayload, {
    description:
      "Moves an item's discussion on: take it up or conclude it (with its conclusion) while the meeting is IN_PROGRESS; defer or withdraw it any time until the meeting is closed or cancelled. The office.",
  })
  async changeAgendaItemStatus(
    @Arg('input', () => ChangeAgendaItemStatusInput, {
      description: 'The item, the status it moves to and its `expectedVersion`.',
    })
    input: ChangeAgendaItemStatusInput,
    @Ctx() ctx: Context,
  ): Promise<ChangeAgendaItemStatusPayload> {
    return { agendaItem: await changeAgendaItemStatus(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => ConfirmPresenterPayload, {
    description: 'The presenter (the user named, someone of the unit named, or the office) confirms.',
  })
  async confirmPresenter(
    @Arg('input', () => ConfirmPresenterInput, { description: 'The item whose presenter confirms.' })
    input: ConfirmPresenterInput,
    @Ctx() ctx: Context,
  ): Promise<ConfirmPresenterPayload> {
    return { agendaItem: await confirmPresenter(ctx, requireWriter(ctx.viewer), input.agendaItemId) };
  }

  @Mutation(() => RecordVotePayload, {
    description:
      'Records (or corrects) the count of the vote on an item and its outcome. The office, while the meeting is in progress and the item is under discussion or just concluded.',
  })
  async recordVote(
    @Arg('input', () => RecordVoteInput, { description: 'The item, the counts and the outcome.' })
    input: RecordVoteInput,
    @Ctx() ctx: Context,
  ): Promise<RecordVotePayload> {
    return { agendaItem: await recordVote(ctx, requireWriter(ctx.viewer), input) };
  }

  // Files are added through `POST /uploads` (multipart, streamed: see uploads/upload.router.ts); GraphQL
  // carries what is known about them, and their removal.
  @Mutation(() => RemoveAttachmentPayload, {
    description:
      "Removes a file from a meeting's materials (files are added with `POST /uploads`). The office, until the meeting is closed or cancelled.",
  })
  async removeAttachment(
    @Arg('input', () => RemoveAttachmentInput, { description: 'The file to remove.' })
    input: RemoveAttachmentInput,
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

  @FieldResolver(() => [AgendaItem], { description: 'Its sub-items, in agenda order.' })
  children(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<AgendaItem>[] | Promise<Row<AgendaItem>[]> {
    return fromAgenda(rows, item.meeting.id, (agenda) => agenda.children.get(item.id) ?? []);
  }

  @FieldResolver(() => AgendaItem, {
    nullable: true,
    description: 'The item it is a sub-item of; null at the top level.',
  })
  parent(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<AgendaItem> | null | Promise<Row<AgendaItem> | null> {
    return rows.maybe(AgendaItem, item.parent);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The id of `parent`, without loading it; null at the top level.',
  })
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

  @FieldResolver(() => Meeting, { description: 'The meeting whose agenda it is on.' })
  meeting(@Root() item: Row<AgendaItem>, @Ctx() { rows }: Context): Row<Meeting> | Promise<Row<Meeting>> {
    return rows.one(Meeting, item.meeting);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The person presenting it; null when a unit presents, or nobody is named.',
  })
  presenterUser(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, item.presenterUser);
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: 'The unit presenting it ("đơn vị trình"); null when a person presents, or nobody is named.',
  })
  presenterUnit(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<Unit> | null | Promise<Row<Unit> | null> {
    return rows.maybe(Unit, item.presenterUnit);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      'Who confirmed the presentation (the presenter, someone of the unit, or the office for them); null until confirmed.',
  })
  presenterConfirmedBy(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, item.presenterConfirmedBy);
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'The proposal presented under this item; null when none, or the viewer may not see it.',
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

  @FieldResolver(() => Vote, {
    nullable: true,
    description: 'The vote recorded on it; null when none was taken.',
  })
  vote(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<Vote> | null | Promise<Row<Vote> | null> {
    return rows.owning(Vote, 'agendaItem', item.id);
  }

  @FieldResolver(() => [Attachment], {
    description: "Its files (the item's part of the meeting's materials), oldest first.",
  })
  attachments(
    @Root() item: Row<AgendaItem>,
    @Ctx() { rows }: Context,
  ): Row<Attachment>[] | Promise<Row<Attachment>[]> {
    return rows.collection(AgendaItem, 'attachments', item.id);
  }

  @FieldResolver(() => AgendaItemReadiness, {
    description:
      'Whether it is ready for the session: materials attached, appraisal finished, presenter confirmed.',
  })
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

  @FieldResolver(() => AgendaItemViewerCan, { description: 'What the viewer may do with this item now.' })
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
  @FieldResolver(() => User, { description: 'The person taking part.' })
  user(@Root() participant: Row<Participant>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, participant.user);
  }
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @FieldResolver(() => User, { description: 'Who uploaded the file.' })
  uploadedBy(@Root() attachment: Row<Attachment>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, attachment.uploadedBy);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      'The agenda item the file belongs to; null for a file of the whole meeting, a proposal or a task.',
  })
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
