import { ProposalStatus } from '@quorum/shared';
import { IsOptional, IsUUID } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import {
  Appraisal,
  AppraisalAssignment,
  AppraisalComment,
  DocumentVersion,
  Proposal,
  Unit,
  User,
} from '../entities/index.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { connectionType, findPage, PageArgs, slicePage, type ConnectionShape } from './types/connection.js';
import { ProposalConnection } from './meeting.resolver.js';

export const AppraisalConnection = connectionType(Appraisal, 'Appraisal');
export const AppraisalCommentConnection = connectionType(AppraisalComment, 'AppraisalComment');
export const DocumentVersionConnection = connectionType(DocumentVersion, 'DocumentVersion');

@InputType()
export class ProposalFilter {
  @Field(() => [ProposalStatus], { nullable: true })
  status?: ProposalStatus[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leadUnitId?: string;
}

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => Proposal, { nullable: true })
  proposal(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: Context): Promise<Proposal | null> {
    return em.findOne(Proposal, { $and: [{ id }, proposalPolicy.readable(requireViewer(viewer))] });
  }

  @Query(() => ProposalConnection, {
    description: 'Proposals the viewer may see, most recently changed first.',
  })
  proposals(
    @Arg('filter', () => ProposalFilter, { nullable: true }) filter: ProposalFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, viewer }: Context,
  ): Promise<ConnectionShape<Proposal>> {
    const where = {
      $and: [
        proposalPolicy.readable(requireViewer(viewer)),
        {
          ...(filter?.status?.length ? { status: { $in: filter.status } } : {}),
          ...(filter?.leadUnitId ? { leadUnit: filter.leadUnitId } : {}),
        },
      ],
    };
    return findPage(em, Proposal, where, { updatedAt: 'desc', id: 'desc' }, page);
  }

  @FieldResolver(() => Unit)
  leadUnit(@Root() proposal: Proposal): Promise<Unit> {
    return proposal.leadUnit.loadOrFail();
  }

  @FieldResolver(() => User)
  owner(@Root() proposal: Proposal): Promise<User> {
    return proposal.owner.loadOrFail();
  }

  @FieldResolver(() => AppraisalConnection)
  async appraisals(
    @Root() proposal: Proposal,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<Appraisal>> {
    return slicePage((await proposal.appraisals.load()).getItems(), page);
  }

  @FieldResolver(() => DocumentVersionConnection)
  async versions(
    @Root() proposal: Proposal,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<DocumentVersion>> {
    return slicePage((await proposal.versions.load()).getItems(), page);
  }
}

@Resolver(() => Appraisal)
export class AppraisalResolver {
  @FieldResolver(() => User)
  requestedBy(@Root() appraisal: Appraisal): Promise<User> {
    return appraisal.requestedBy.loadOrFail();
  }

  @FieldResolver(() => [AppraisalAssignment])
  async assignments(@Root() appraisal: Appraisal): Promise<AppraisalAssignment[]> {
    return (await appraisal.assignments.load()).getItems();
  }

  @FieldResolver(() => AppraisalCommentConnection)
  async comments(
    @Root() appraisal: Appraisal,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<AppraisalComment>> {
    return slicePage((await appraisal.comments.load()).getItems(), page);
  }
}

@Resolver(() => AppraisalAssignment)
export class AppraisalAssignmentResolver {
  @FieldResolver(() => Unit)
  unit(@Root() assignment: AppraisalAssignment): Promise<Unit> {
    return assignment.unit.loadOrFail();
  }

  @FieldResolver(() => User, { nullable: true })
  async reviewer(@Root() assignment: AppraisalAssignment): Promise<User | null> {
    return (await assignment.reviewer?.load()) ?? null;
  }
}

@Resolver(() => AppraisalComment)
export class AppraisalCommentResolver {
  @FieldResolver(() => User)
  author(@Root() comment: AppraisalComment): Promise<User> {
    return comment.author.loadOrFail();
  }

  @FieldResolver(() => Unit)
  unit(@Root() comment: AppraisalComment): Promise<Unit> {
    return comment.unit.loadOrFail();
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The comment this one answers.' })
  parentId(@Root() comment: AppraisalComment): string | null {
    return comment.parent?.id ?? null;
  }

  @FieldResolver(() => User, { nullable: true })
  async resolvedBy(@Root() comment: AppraisalComment): Promise<User | null> {
    return (await comment.resolvedBy?.load()) ?? null;
  }
}

@Resolver(() => DocumentVersion)
export class DocumentVersionResolver {
  @FieldResolver(() => User)
  author(@Root() version: DocumentVersion): Promise<User> {
    return version.author.loadOrFail();
  }
}
