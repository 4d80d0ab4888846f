import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createMeeting, updateMeeting } from '../commands/meeting.commands.js';
import type { Context } from '../context.js';
import { AgendaItem, Meeting, Participant, Proposal, Unit, User } from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { agendaOf } from './agenda.js';
import { connectionType, findPage, PageArgs, slicePage, type ConnectionShape } from './types/connection.js';
import {
  CreateMeetingInput,
  CreateMeetingPayload,
  MeetingFilter,
  UpdateMeetingInput,
  UpdateMeetingPayload,
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
  async meeting(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: Context): Promise<Meeting | null> {
    const v = requireViewer(viewer);
    return em.findOne(Meeting, { $and: [{ id }, meetingPolicy.readable(v)] });
  }

  @Query(() => MeetingConnection, { description: 'Meetings the viewer may see, latest first.' })
  async meetings(
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, viewer }: Context,
  ): Promise<ConnectionShape<Meeting>> {
    const v = requireViewer(viewer);
    const where = {
      $and: [
        meetingPolicy.readable(v),
        {
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
    return findPage(em, Meeting, where, { startsAt: 'desc', id: 'desc' }, page);
  }

  @Mutation(() => CreateMeetingPayload)
  async createMeeting(
    @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<CreateMeetingPayload> {
    return { meeting: await createMeeting(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => UpdateMeetingPayload)
  async updateMeeting(
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateMeetingPayload> {
    return { meeting: await updateMeeting(ctx, requireWriter(ctx.viewer), input) };
  }

  @FieldResolver(() => Unit)
  committee(@Root() meeting: Meeting): Promise<Unit> {
    return meeting.committee.loadOrFail();
  }

  @FieldResolver(() => User, { nullable: true })
  async chair(@Root() meeting: Meeting): Promise<User | null> {
    return (await meeting.chair?.load()) ?? null;
  }

  @FieldResolver(() => User, { nullable: true })
  async secretary(@Root() meeting: Meeting): Promise<User | null> {
    return (await meeting.secretary?.load()) ?? null;
  }

  @FieldResolver(() => ParticipantConnection)
  async participants(
    @Root() meeting: Meeting,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<Participant>> {
    return slicePage((await meeting.participants.load()).getItems(), page);
  }

  @FieldResolver(() => AgendaItemConnection, {
    description: 'The top level of the agenda, in order; items nest through `children`.',
  })
  async agendaItems(
    @Root() meeting: Meeting,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<AgendaItem>> {
    return slicePage((await agendaOf(meeting)).roots, page);
  }

  @FieldResolver(() => ProposalConnection, {
    description: 'The proposals on the agenda that the viewer may see.',
  })
  async proposals(
    @Root() meeting: Meeting,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { viewer }: Context,
  ): Promise<ConnectionShape<Proposal>> {
    const v = requireViewer(viewer);
    const { items } = await agendaOf(meeting);
    const proposals = await Promise.all(
      items.flatMap((item) => (item.proposal ? [item.proposal.load()] : [])),
    );
    const unique = [...new Set(proposals.filter((p): p is Proposal => !!p && proposalPolicy.canRead(v, p)))];
    return slicePage(unique, page);
  }
}
