import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { AgendaItem, Meeting, Participant, Proposal, Unit, User, Vote } from '../entities/index.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { agendaOf } from './agenda.js';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => String, { description: 'Derived from the position in the tree: "1", "2.1".' })
  async number(@Root() item: AgendaItem): Promise<string> {
    return (await this.agenda(item)).numbers.get(item.id) ?? '';
  }

  @FieldResolver(() => [AgendaItem])
  async children(@Root() item: AgendaItem): Promise<AgendaItem[]> {
    return (await this.agenda(item)).children.get(item.id) ?? [];
  }

  @FieldResolver(() => AgendaItem, { nullable: true })
  async parent(@Root() item: AgendaItem): Promise<AgendaItem | null> {
    return (await item.parent?.load()) ?? null;
  }

  @FieldResolver(() => Meeting)
  meeting(@Root() item: AgendaItem): Promise<Meeting> {
    return item.meeting.loadOrFail();
  }

  @FieldResolver(() => User, { nullable: true })
  async presenterUser(@Root() item: AgendaItem): Promise<User | null> {
    return (await item.presenterUser?.load()) ?? null;
  }

  @FieldResolver(() => Unit, { nullable: true })
  async presenterUnit(@Root() item: AgendaItem): Promise<Unit | null> {
    return (await item.presenterUnit?.load()) ?? null;
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'Null when the viewer may not see the proposal.',
  })
  async proposal(@Root() item: AgendaItem, @Ctx() { viewer }: Context): Promise<Proposal | null> {
    const proposal = await item.proposal?.load();
    return proposal && proposalPolicy.canRead(requireViewer(viewer), proposal) ? proposal : null;
  }

  @FieldResolver(() => Vote, { nullable: true })
  async vote(@Root() item: AgendaItem): Promise<Vote | null> {
    return (await item.vote?.load()) ?? null;
  }

  private async agenda(item: AgendaItem) {
    return agendaOf(await item.meeting.loadOrFail());
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => User)
  user(@Root() participant: Participant): Promise<User> {
    return participant.user.loadOrFail();
  }
}
