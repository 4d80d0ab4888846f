import type { GraphQLResolveInfo } from 'graphql';
import { MeetingStatus } from '@quorum/shared';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Info } from 'type-graphql';
import { nextMeetingStatuses } from '../domain/meeting-lifecycle.js';
import { quorumOf } from '../commands/meeting-support.js';
import {
  changeMeetingStatus,
  copyAgenda,
  createMeeting,
  createMeetingFrom,
  updateMeeting,
} from '../commands/meeting.commands.js';
import {
  addParticipants,
  markMaterialsRead,
  recordAttendance,
  removeParticipant,
  updateParticipant,
} from '../commands/participant.commands.js';
import type { Context } from '../context.js';
import { prefetchFor, readOne } from '../read/prefetch.js';
import {
  AgendaItem,
  Attachment,
  Meeting,
  Participant,
  Proposal,
  Task,
  Unit,
  User,
} from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { taskPolicy } from '../policies/task.policy.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { agendaOf, readinessOf } from '../read/agenda.js';
import type { Row } from '../read/rows.js';
import {
  connectionType,
  findPage,
  PageArgs,
  pageOf,
  slicePage,
  type ConnectionShape,
} from './types/connection.js';
import {
  AddParticipantsInput,
  AddParticipantsPayload,
  MarkMaterialsReadInput,
  MarkMaterialsReadPayload,
  RecordAttendanceInput,
  RecordAttendancePayload,
  RemoveParticipantInput,
  RemoveParticipantPayload,
  UpdateParticipantInput,
  UpdateParticipantPayload,
} from './types/meeting-participant.input.js';
import { MeetingReadiness, MeetingViewerCan, Quorum } from './types/meeting-state.type.js';
import {
  CancelMeetingInput,
  CancelMeetingPayload,
  CloseMeetingInput,
  CloseMeetingPayload,
  CopyAgendaInput,
  CopyAgendaPayload,
  CreateMeetingFromInput,
  CreateMeetingFromPayload,
  CreateMeetingInput,
  CreateMeetingPayload,
  MeetingFilter,
  ScheduleMeetingInput,
  ScheduleMeetingPayload,
  StartMeetingInput,
  StartMeetingPayload,
  UpdateMeetingInput,
  UpdateMeetingPayload,
  type MeetingTransitionShape,
} from './types/meeting.input.js';

export const MeetingConnection = connectionType(Meeting, 'Meeting');
export const ParticipantConnection = connectionType(Participant, 'Participant');
export const AgendaItemConnection = connectionType(AgendaItem, 'AgendaItem');
export const ProposalConnection = connectionType(Proposal, 'Proposal');

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, {
    nullable: true,
    description: 'A meeting, or null when it does not exist or is not visible.',
  })
  meeting(
    @Arg('id', () => ID, { description: 'The meeting.' }) id: string,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Row<Meeting> | null> {
    return readOne(rows, Meeting, { $and: [{ id }, meetingPolicy.readable(requireViewer(viewer))] }, info);
  }

  @Query(() => MeetingConnection, {
    description:
      'Meetings the viewer may see, latest first; templates only with `filter: { templates: true }`.',
  })
  async meetings(
    @Arg('filter', () => MeetingFilter, {
      nullable: true,
      description: 'Narrows the list; omitted, every meeting the viewer may read but templates.',
    })
    filter: MeetingFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<Meeting>>> {
    const v = requireViewer(viewer);
    const where = {
      $and: [
        meetingPolicy.readable(v),
        {
          isTemplate: filter?.templates === true,
          ...(filter?.status?.length ? { status: { $in: filter.status } } : {}),
          ...(filter?.kind?.length ? { kind: { $in: filter.kind } } : {}),
          ...(filter?.committeeId ? { committee: filter.committeeId } : {}),
          ...(filter?.from || filter?.to
            ? {
                startsAt: {
                  ...(filter.from ? { $gte: filter.from } : {}),
                  ...(filter.to ? { $lt: filter.to } : {}),
                },
              }
            : {}),
        },
      ],
    };
    return findPage(rows, Meeting, where, { startsAt: 'desc', id: 'desc' }, page, info);
  }

  @Query(() => Attachment, {
    nullable: true,
    description:
      'One file, with its content; null when it does not exist or its meeting (proposal, task) is not visible.',
  })
  async attachment(
    @Arg('id', () => ID, { description: 'The file.' }) id: string,
    @Ctx() { em, viewer }: Context,
  ): Promise<Attachment | null> {
    const v = requireViewer(viewer);
    const attachment = await em.findOne(Attachment, id, { populate: ['meeting'] });
    if (!attachment) return null;
    if (attachment.meeting)
      return meetingPolicy.canRead(v, attachment.meeting.getEntity()) ? attachment : null;
    // A file of a proposal or of a task: whoever may read the proposal or the task reads it.
    if (attachment.proposal) {
      const proposal = await em.findOne(Proposal, {
        id: attachment.proposal.id,
        organization: v.organizationId,
      });
      return proposal && proposalPolicy.canRead(v, proposal) ? attachment : null;
    }
    const task =
      attachment.task && (await em.findOne(Task, { id: attachment.task.id, organization: v.organizationId }));
    return task && taskPolicy.canRead(v, task) ? attachment : null;
  }

  @Mutation(() => CreateMeetingPayload, {
    description: 'Creates a meeting of a committee, in DRAFT (or a template). The office.',
  })
  async createMeeting(
    @Arg('input', () => CreateMeetingInput, {
      description: 'The committee, title, kind, times, place and classification.',
    })
    input: CreateMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<CreateMeetingPayload> {
    return { meeting: await createMeeting(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => UpdateMeetingPayload, {
    description:
      "Changes a meeting's details. The office, until the meeting is closed or cancelled; takes `expectedVersion`.",
  })
  async updateMeeting(
    @Arg('input', () => UpdateMeetingInput, {
      description: 'The meeting, its `expectedVersion` and the fields to change.',
    })
    input: UpdateMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateMeetingPayload> {
    return { meeting: await updateMeeting(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => ScheduleMeetingPayload, {
    description: 'DRAFT → SCHEDULED; the participants are notified.',
  })
  async scheduleMeeting(
    @Arg('input', () => ScheduleMeetingInput, { description: 'The meeting and its `expectedVersion`.' })
    input: MeetingTransitionShape,
    @Ctx() ctx: Context,
  ): Promise<{ meeting: Meeting }> {
    return {
      meeting: await changeMeetingStatus(ctx, requireWriter(ctx.viewer), input, MeetingStatus.SCHEDULED),
    };
  }

  @Mutation(() => StartMeetingPayload, { description: 'SCHEDULED → IN_PROGRESS: the session opens.' })
  async startMeeting(
    @Arg('input', () => StartMeetingInput, { description: 'The meeting and its `expectedVersion`.' })
    input: MeetingTransitionShape,
    @Ctx() ctx: Context,
  ): Promise<{ meeting: Meeting }> {
    return {
      meeting: await changeMeetingStatus(ctx, requireWriter(ctx.viewer), input, MeetingStatus.IN_PROGRESS),
    };
  }

  @Mutation(() => CloseMeetingPayload, { description: 'IN_PROGRESS → CLOSED: the record is final.' })
  async closeMeeting(
    @Arg('input', () => CloseMeetingInput, { description: 'The meeting and its `expectedVersion`.' })
    input: MeetingTransitionShape,
    @Ctx() ctx: Context,
  ): Promise<{ meeting: Meeting }> {
    return {
      meeting: await changeMeetingStatus(ctx, requireWriter(ctx.viewer), input, MeetingStatus.CLOSED),
    };
  }

  @Mutation(() => CancelMeetingPayload, {
    description: 'DRAFT or SCHEDULED → CANCELLED; the participants are notified.',
  })
  async cancelMeeting(
    @Arg('input', () => CancelMeetingInput, { description: 'The meeting and its `expectedVersion`.' })
    input: MeetingTransitionShape,
    @Ctx() ctx: Context,
  ): Promise<{ meeting: Meeting }> {
    return {
      meeting: await changeMeetingStatus(ctx, requireWriter(ctx.viewer), input, MeetingStatus.CANCELLED),
    };
  }

  @Mutation(() => CreateMeetingFromPayload, {
    description:
      'A new DRAFT meeting (or template) from an earlier meeting or a template: its details, participants (invited anew) and agenda structure.',
  })
  async createMeetingFrom(
    @Arg('input', () => CreateMeetingFromInput, {
      description:
        "The meeting or template to copy, and the new one's start (optionally its end, title, and whether it is a template).",
    })
    input: CreateMeetingFromInput,
    @Ctx() ctx: Context,
  ): Promise<CreateMeetingFromPayload> {
    return { meeting: await createMeetingFrom(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => CopyAgendaPayload, {
    description:
      "Appends a copy of one meeting's agenda (titles, durations, presenters, nesting, order) to another's.",
  })
  async copyAgenda(
    @Arg('input', () => CopyAgendaInput, { description: 'The meeting copied from and the one copied to.' })
    input: CopyAgendaInput,
    @Ctx() ctx: Context,
  ): Promise<CopyAgendaPayload> {
    return copyAgenda(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => AddParticipantsPayload, {
    description:
      'Invites people to a meeting, each notified: those named (each must not take part yet), and the active members of the units named (those already taking part skipped). The office, until the meeting is closed or cancelled.',
  })
  async addParticipants(
    @Arg('input', () => AddParticipantsInput, {
      description: 'The meeting, the people with their roles, and the units whose members are invited.',
    })
    input: AddParticipantsInput,
    @Ctx() ctx: Context,
  ): Promise<AddParticipantsPayload> {
    return addParticipants(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => UpdateParticipantPayload, {
    description:
      "Changes a participant's role in the meeting. The office, until the meeting is closed or cancelled; takes `expectedVersion`.",
  })
  async updateParticipant(
    @Arg('input', () => UpdateParticipantInput, {
      description: 'The participant, its `expectedVersion` and the new role.',
    })
    input: UpdateParticipantInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateParticipantPayload> {
    return updateParticipant(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => RemoveParticipantPayload, {
    description:
      "Takes a person off a meeting's participants. The office, until the meeting is closed or cancelled.",
  })
  async removeParticipant(
    @Arg('input', () => RemoveParticipantInput, { description: 'The participant to remove.' })
    input: RemoveParticipantInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveParticipantPayload> {
    return removeParticipant(ctx, requireWriter(ctx.viewer), input.id);
  }

  @Mutation(() => RecordAttendancePayload, {
    description:
      'Records whether a participant is present, absent or excused. The office, while the meeting is SCHEDULED (excused absences) or IN_PROGRESS.',
  })
  async recordAttendance(
    @Arg('input', () => RecordAttendanceInput, {
      description: 'The participant, its attendance and its `expectedVersion`.',
    })
    input: RecordAttendanceInput,
    @Ctx() ctx: Context,
  ): Promise<RecordAttendancePayload> {
    return recordAttendance(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => MarkMaterialsReadPayload, {
    description:
      "Records that the viewer, a participant, has read the meeting's materials (sets their `materialsReadAt`).",
  })
  async markMaterialsRead(
    @Arg('input', () => MarkMaterialsReadInput, { description: 'The meeting.' })
    input: MarkMaterialsReadInput,
    @Ctx() ctx: Context,
  ): Promise<MarkMaterialsReadPayload> {
    return { participant: await markMaterialsRead(ctx, requireWriter(ctx.viewer), input.meetingId) };
  }

  @FieldResolver(() => Unit, { description: 'The committee that meets (a unit of kind COMMITTEE).' })
  committee(@Root() meeting: Row<Meeting>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, meeting.committee);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who chairs it ("chủ trì"); null when not named.',
  })
  chair(
    @Root() meeting: Row<Meeting>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, meeting.chair);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who keeps the minutes ("thư ký"); null when not named.',
  })
  secretary(
    @Root() meeting: Row<Meeting>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, meeting.secretary);
  }

  @FieldResolver(() => ParticipantConnection, {
    description: 'Who is invited, in the order they were added.',
  })
  participants(
    @Root() meeting: Row<Meeting>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows }: Context,
  ): ConnectionShape<Row<Participant>> | Promise<ConnectionShape<Row<Participant>>> {
    return pageOf(rows.collection(Meeting, 'participants', meeting.id), page);
  }

  @FieldResolver(() => Participant, {
    nullable: true,
    description: "The viewer's own participation, if any.",
  })
  async viewerParticipant(
    @Root() meeting: Row<Meeting>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Participant> | null> {
    const v = requireViewer(viewer);
    return (
      (await rows.collection(Meeting, 'participants', meeting.id)).find((p) => p.user.id === v.userId) ?? null
    );
  }

  @FieldResolver(() => Quorum, { description: 'Derived live from the participants and their attendance.' })
  async quorum(@Root() meeting: Row<Meeting>, @Ctx() { rows }: Context): Promise<Quorum> {
    return quorumOf(await rows.collection(Meeting, 'participants', meeting.id));
  }

  @FieldResolver(() => AgendaItemConnection, {
    description: 'The top level of the agenda, in order; items nest through `children`.',
  })
  async agendaItems(
    @Root() meeting: Row<Meeting>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<AgendaItem>>> {
    const { items, roots } = await agendaOf(rows, meeting.id);
    // Sub-items (`children`) are of the same agenda: read ahead for all of it.
    await prefetchFor(rows, AgendaItem, items, info, true);
    return slicePage(roots, page);
  }

  @FieldResolver(() => [AgendaItem], {
    description:
      'The whole agenda, every level, depth first in order (render it with `number` and `depth`); loaded in one query.',
  })
  async agenda(
    @Root() meeting: Row<Meeting>,
    @Ctx() { rows }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Row<AgendaItem>[]> {
    const { items } = await agendaOf(rows, meeting.id);
    await prefetchFor(rows, AgendaItem, items, info);
    return items;
  }

  @FieldResolver(() => Int, {
    description: 'Minutes of the whole agenda (see AgendaItem.totalDurationMinutes).',
  })
  async agendaDurationMinutes(@Root() meeting: Row<Meeting>, @Ctx() { rows }: Context): Promise<number> {
    return (await agendaOf(rows, meeting.id)).duration;
  }

  @FieldResolver(() => MeetingReadiness, {
    description:
      'How ready the session is: agenda items ready, materials attached, appraisals finished, presenters confirmed, materials read.',
  })
  async readiness(@Root() meeting: Row<Meeting>, @Ctx() { em, rows }: Context): Promise<MeetingReadiness> {
    const [{ byItem, leaves }, participants] = await Promise.all([
      readinessOf(rows, em, meeting.id),
      rows.collection(Meeting, 'participants', meeting.id),
    ]);
    const count = (flag: 'ready' | 'materialsAttached' | 'appraisalFinished' | 'presenterConfirmed') =>
      leaves.filter((item) => byItem.get(item.id)?.[flag]).length;
    const ready = count('ready');
    return {
      total: leaves.length,
      ready,
      materialsAttached: count('materialsAttached'),
      appraisalFinished: count('appraisalFinished'),
      presenterConfirmed: count('presenterConfirmed'),
      complete: leaves.length > 0 && ready === leaves.length,
      participants: participants.length,
      materialsRead: participants.filter((p) => p.materialsReadAt).length,
      items: leaves,
    };
  }

  @FieldResolver(() => [Attachment], {
    description: 'Files of the meeting as a whole (items have their own), oldest first.',
  })
  async attachments(@Root() meeting: Row<Meeting>, @Ctx() { rows }: Context): Promise<Row<Attachment>[]> {
    return (await rows.collection(Meeting, 'attachments', meeting.id)).filter(
      (attachment) => !attachment.agendaItem,
    );
  }

  @FieldResolver(() => MeetingViewerCan, {
    description: 'What the viewer may do with this meeting now (the same policies as the mutations).',
  })
  viewerCan(@Root() meeting: Row<Meeting>, @Ctx() { viewer }: Context): MeetingViewerCan {
    const v = requireViewer(viewer);
    const can = (to: MeetingStatus) => meetingPolicy.canChangeStatus(v, meeting, to);
    return {
      update: meetingPolicy.canUpdate(v, meeting),
      schedule: can(MeetingStatus.SCHEDULED),
      start: can(MeetingStatus.IN_PROGRESS),
      close: can(MeetingStatus.CLOSED),
      cancel: can(MeetingStatus.CANCELLED),
      nextStatuses: nextMeetingStatuses(meeting).filter(can),
      manageAgenda: meetingPolicy.canManageAgenda(v, meeting),
      manageParticipants: meetingPolicy.canManageParticipants(v, meeting),
      recordAttendance: meetingPolicy.canRecordAttendance(v, meeting),
      recordVote: meetingPolicy.canRecordVote(v, meeting),
      markMaterialsRead: meetingPolicy.canMarkMaterialsRead(v, meeting),
      copy: meetingPolicy.canCopy(v, meeting),
    };
  }

  @FieldResolver(() => ProposalConnection, {
    description: 'The proposals on the agenda that the viewer may see, in agenda order, each once.',
  })
  async proposals(
    @Root() meeting: Row<Meeting>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
  ): Promise<ConnectionShape<Row<Proposal>>> {
    const v = requireViewer(viewer);
    const { items } = await agendaOf(rows, meeting.id);
    const proposals = await Promise.all(items.map((item) => rows.maybe(Proposal, item.proposal)));
    const unique = [
      ...new Set(proposals.filter((p): p is Row<Proposal> => !!p && proposalPolicy.canRead(v, p))),
    ];
    return slicePage(unique, page);
  }
}
