import type { GraphQLResolveInfo } from 'graphql';
import { ProposalStatus } from '@quorum/shared';
import { IsOptional, IsUUID } from 'class-validator';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
  Info,
} from 'type-graphql';
import type { Context } from '../context.js';
import { readOne } from '../read/prefetch.js';
import { Appraisal, DocumentVersion, Proposal, Unit, User } from '../entities/index.js';
import { documentVersionPolicy } from '../policies/document-version.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { changeProposalStatus, createProposal, updateProposal } from '../commands/proposal.commands.js';
import {
  ChangeProposalStatusInput,
  CreateProposalInput,
  ProposalPayload,
  ProposalViewerCan,
  UpdateProposalInput,
} from './types/proposal.input.js';
import { connectionType, findPage, PageArgs, pageOf, type ConnectionShape } from './types/connection.js';
import { ProposalConnection } from './meeting.resolver.js';
import type { Row } from '../read/rows.js';

export const AppraisalConnection = connectionType(Appraisal, 'Appraisal');
export const DocumentVersionConnection = connectionType(DocumentVersion, 'DocumentVersion');

@InputType({ description: 'Narrows a list of proposals; the conditions given all apply.' })
export class ProposalFilter {
  @Field(() => [ProposalStatus], { nullable: true, description: 'Proposals in one of these statuses.' })
  status?: ProposalStatus[];

  @Field(() => ID, { nullable: true, description: 'Proposals drafted by this unit.' })
  @IsOptional()
  @IsUUID()
  leadUnitId?: string;
}

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => Proposal, {
    nullable: true,
    description: 'One proposal; null when it does not exist or the viewer may not read it.',
  })
  proposal(
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Row<Proposal> | null> {
    return readOne(rows, Proposal, { $and: [{ id }, proposalPolicy.readable(requireViewer(viewer))] }, info);
  }

  @Query(() => ProposalConnection, {
    description: 'Proposals the viewer may see, most recently changed first.',
  })
  proposals(
    @Arg('filter', () => ProposalFilter, {
      nullable: true,
      description: 'Narrows the list; omitted, every proposal the viewer may read.',
    })
    filter: ProposalFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<Proposal>>> {
    const where = {
      $and: [
        proposalPolicy.readable(requireViewer(viewer)),
        {
          ...(filter?.status?.length ? { status: { $in: filter.status } } : {}),
          ...(filter?.leadUnitId ? { leadUnit: filter.leadUnitId } : {}),
        },
      ],
    };
    return findPage(rows, Proposal, where, { updatedAt: 'desc', id: 'desc' }, page, info);
  }

  @Mutation(() => ProposalPayload, { description: 'A new proposal in DRAFTING, owned by the viewer.' })
  async createProposal(
    @Arg('input', () => CreateProposalInput, {
      description: 'The lead unit, title, kind and classification.',
    })
    input: CreateProposalInput,
    @Ctx() ctx: Context,
  ): Promise<ProposalPayload> {
    return { proposal: await createProposal(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => ProposalPayload, {
    description:
      "Changes a proposal's details (not its body, co-edited over `/collab`). Its drafters or the office, while it is still in the workflow; takes `expectedVersion`.",
  })
  async updateProposal(
    @Arg('input', () => UpdateProposalInput, {
      description: 'The proposal, its `expectedVersion` and the fields to change.',
    })
    input: UpdateProposalInput,
    @Ctx() ctx: Context,
  ): Promise<ProposalPayload> {
    return { proposal: await updateProposal(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Moves the proposal along its workflow; a move the viewer may not make is BAD_USER_INPUT with the allowed ones in `extensions.allowed`.',
  })
  async changeProposalStatus(
    @Arg('input', () => ChangeProposalStatusInput, {
      description:
        'The proposal, its `expectedVersion`, the status it moves to, and the reason when it is returned.',
    })
    input: ChangeProposalStatusInput,
    @Ctx() ctx: Context,
  ): Promise<ProposalPayload> {
    return { proposal: await changeProposalStatus(ctx, requireWriter(ctx.viewer), input) };
  }

  @FieldResolver(() => ProposalViewerCan, {
    description: 'What the viewer may do with this proposal now (the same policies as the mutations).',
  })
  viewerCan(@Root() proposal: Row<Proposal>, @Ctx() { viewer }: Context): ProposalViewerCan {
    const v = requireViewer(viewer);
    return {
      update: proposalPolicy.canUpdate(v, proposal),
      transitions: proposalPolicy.transitions(v, proposal),
      createVersion: documentVersionPolicy.canKeep(v, proposal),
      restoreVersion: documentVersionPolicy.canRestore(v, proposal),
      changeAttachments: documentVersionPolicy.canKeep(v, proposal),
    };
  }

  @FieldResolver(() => Unit, {
    description: 'The unit that drafts it ("đơn vị chủ trì"); its members are the drafters.',
  })
  leadUnit(@Root() proposal: Row<Proposal>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, proposal.leadUnit);
  }

  @FieldResolver(() => User, {
    description: 'Who created it and answers for it; the owner reads it even when CONFIDENTIAL.',
  })
  owner(@Root() proposal: Row<Proposal>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, proposal.owner);
  }

  @FieldResolver(() => [User], {
    description: 'Who may read it when CONFIDENTIAL besides its owner (`updateProposal` sets it).',
  })
  accessList(@Root() proposal: Row<Proposal>, @Ctx() { rows }: Context): Row<User>[] | Promise<Row<User>[]> {
    return rows.collection(Proposal, 'accessList', proposal.id);
  }

  @FieldResolver(() => AppraisalConnection, { description: 'Its appraisal rounds, oldest first.' })
  appraisals(
    @Root() proposal: Row<Proposal>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows }: Context,
  ): ConnectionShape<Row<Appraisal>> | Promise<ConnectionShape<Row<Appraisal>>> {
    return pageOf(rows.collection(Proposal, 'appraisals', proposal.id), page);
  }

  @FieldResolver(() => DocumentVersionConnection, {
    description: 'The named versions of its body, newest first.',
  })
  versions(
    @Root() proposal: Row<Proposal>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows }: Context,
  ): ConnectionShape<Row<DocumentVersion>> | Promise<ConnectionShape<Row<DocumentVersion>>> {
    return pageOf(rows.collection(Proposal, 'versions', proposal.id), page);
  }
}

@Resolver(() => DocumentVersion)
export class DocumentVersionResolver {
  @FieldResolver(() => User, { description: 'Who took the version, by hand or by the action that made it.' })
  author(@Root() version: Row<DocumentVersion>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, version.author);
  }
}
