import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  addAppraisalComment,
  assignAppraisalReviewer,
  closeAppraisal,
  requestAppraisal,
  resolveAppraisalComment,
  submitAppraisalVerdict,
} from '../commands/appraisal.commands.js';
import type { Context } from '../context.js';
import { Appraisal, AppraisalAssignment, AppraisalComment, Proposal, Unit, User } from '../entities/index.js';
import { appraisalPolicy } from '../policies/appraisal.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { appraisalReport, assignmentOverdue, bodyAnchors, visibleComments } from '../read/appraisal.js';
import { prefetchFor } from '../read/prefetch.js';
import { thenOrNow, type Row } from '../read/rows.js';
import {
  AddAppraisalCommentInput,
  AppraisalAssignmentPayload,
  AppraisalAssignmentViewerCan,
  AppraisalCommentPayload,
  AppraisalCommentViewerCan,
  AppraisalPayload,
  AppraisalReport,
  AppraisalViewerCan,
  AssignAppraisalReviewerInput,
  CloseAppraisalInput,
  RequestAppraisalInput,
  ResolveAppraisalCommentInput,
  SubmitAppraisalVerdictInput,
} from './types/appraisal.input.js';
import { connectionType, PageArgs, pageOf, type ConnectionShape } from './types/connection.js';

export const AppraisalCommentConnection = connectionType(AppraisalComment, 'AppraisalComment');

@Resolver(() => Appraisal)
export class AppraisalResolver {
  @Query(() => Appraisal, {
    nullable: true,
    description: 'An appraisal round, for whoever may read its proposal.',
  })
  async appraisal(
    @Arg('id', () => ID, { description: 'The appraisal round.' }) id: string,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Row<Appraisal> | null> {
    const v = requireViewer(viewer);
    const [appraisal] = await rows.find(Appraisal, { id });
    if (!appraisal) return null;
    const proposal = await rows.one(Proposal, appraisal.proposal);
    if (!proposalPolicy.canRead(v, proposal)) return null;
    await prefetchFor(rows, Appraisal, [appraisal], info);
    return appraisal;
  }

  @Mutation(() => AppraisalPayload, {
    description:
      'The office sends a proposal to appraisal: a round asking each unit for its verdict by `dueAt`, and the proposal IN_APPRAISAL. A proposal the workflow does not let go to appraisal is BAD_USER_INPUT with the allowed moves in `extensions.allowed`.',
  })
  async requestAppraisal(
    @Arg('input', () => RequestAppraisalInput, {
      description: 'The proposal, the units asked, the deadline and the note.',
    })
    input: RequestAppraisalInput,
    @Ctx() ctx: Context,
  ): Promise<AppraisalPayload> {
    return requestAppraisal(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => AppraisalAssignmentPayload, {
    description: "The unit's head or deputy, or the office, names the member who reviews for the unit.",
  })
  async assignAppraisalReviewer(
    @Arg('input', () => AssignAppraisalReviewerInput, { description: 'The assignment and the reviewer.' })
    input: AssignAppraisalReviewerInput,
    @Ctx() ctx: Context,
  ): Promise<AppraisalAssignmentPayload> {
    return assignAppraisalReviewer(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => AppraisalAssignmentPayload, {
    description:
      "A member of the unit asked gives the unit's verdict, once, while the round is open. The last verdict closes the round and the proposal is APPRAISED.",
  })
  async submitAppraisalVerdict(
    @Arg('input', () => SubmitAppraisalVerdictInput, {
      description: 'The assignment, its verdict and summary.',
    })
    input: SubmitAppraisalVerdictInput,
    @Ctx() ctx: Context,
  ): Promise<AppraisalAssignmentPayload> {
    return submitAppraisalVerdict(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => AppraisalPayload, {
    description: 'The office closes a round before every verdict is in; the proposal is APPRAISED.',
  })
  async closeAppraisal(
    @Arg('input', () => CloseAppraisalInput, { description: 'The round to close.' })
    input: CloseAppraisalInput,
    @Ctx() ctx: Context,
  ): Promise<AppraisalPayload> {
    return closeAppraisal(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => AppraisalCommentPayload, {
    description:
      'A reviewer of a unit asked comments on a passage of the body (anchored by a Yjs relative position) or answers a thread, while the round is open.',
  })
  async addAppraisalComment(
    @Arg('input', () => AddAppraisalCommentInput, {
      description: 'The round, the text, and its anchor or the comment it replies to.',
    })
    input: AddAppraisalCommentInput,
    @Ctx() ctx: Context,
  ): Promise<AppraisalCommentPayload> {
    return { comment: await addAppraisalComment(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => AppraisalCommentPayload, {
    description: "The proposal's drafters resolve a thread with their answer.",
  })
  async resolveAppraisalComment(
    @Arg('input', () => ResolveAppraisalCommentInput, {
      description: "The comment and the drafters' answer.",
    })
    input: ResolveAppraisalCommentInput,
    @Ctx() ctx: Context,
  ): Promise<AppraisalCommentPayload> {
    return { comment: await resolveAppraisalComment(ctx, requireWriter(ctx.viewer), input) };
  }

  @FieldResolver(() => Proposal, { description: 'The proposal under appraisal.' })
  proposal(
    @Root() appraisal: Row<Appraisal>,
    @Ctx() { rows }: Context,
  ): Row<Proposal> | Promise<Row<Proposal>> {
    return rows.one(Proposal, appraisal.proposal);
  }

  @FieldResolver(() => User, { description: 'Who asked for the round (the office).' })
  requestedBy(@Root() appraisal: Row<Appraisal>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, appraisal.requestedBy);
  }

  @FieldResolver(() => [AppraisalAssignment], { description: 'The units asked, in the order asked.' })
  assignments(
    @Root() appraisal: Row<Appraisal>,
    @Ctx() { rows }: Context,
  ): Row<AppraisalAssignment>[] | Promise<Row<AppraisalAssignment>[]> {
    return rows.collection(Appraisal, 'assignments', appraisal.id);
  }

  @FieldResolver(() => AppraisalCommentConnection, {
    description:
      'Comments and replies, oldest first: all of them when the round shares comments, else those of the viewer’s units (the drafters and the office read all).',
  })
  comments(
    @Root() appraisal: Row<Appraisal>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
  ): ConnectionShape<Row<AppraisalComment>> | Promise<ConnectionShape<Row<AppraisalComment>>> {
    return pageOf(visibleComments(rows, requireViewer(viewer), appraisal), page);
  }

  @FieldResolver(() => Boolean, { description: 'Some unit asked is late with its verdict.' })
  overdue(@Root() appraisal: Row<Appraisal>, @Ctx() { rows }: Context): boolean | Promise<boolean> {
    const now = new Date();
    return thenOrNow(rows.collection(Appraisal, 'assignments', appraisal.id), (assignments) =>
      assignments.some((assignment) => assignmentOverdue(appraisal, assignment, now)),
    );
  }

  @FieldResolver(() => AppraisalReport, {
    description: 'The consolidated report; also as a PDF at `/appraisals/<id>/report.pdf`.',
  })
  async report(
    @Root() appraisal: Row<Appraisal>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<AppraisalReport> {
    return appraisalReport(rows, requireViewer(viewer), appraisal);
  }

  @FieldResolver(() => AppraisalViewerCan, { description: 'What the viewer may do with this round now.' })
  viewerCan(
    @Root() appraisal: Row<Appraisal>,
    @Ctx() { rows, viewer }: Context,
  ): AppraisalViewerCan | Promise<AppraisalViewerCan> {
    const v = requireViewer(viewer);
    return thenOrNow(rows.one(Proposal, appraisal.proposal), (proposal) =>
      thenOrNow(rows.collection(Appraisal, 'assignments', appraisal.id), (assignments) => ({
        close: appraisalPolicy.canClose(v, proposal, appraisal),
        comment: appraisalPolicy.canComment(v, appraisal, assignments),
      })),
    );
  }
}

@Resolver(() => AppraisalAssignment)
export class AppraisalAssignmentResolver {
  @FieldResolver(() => Unit, { description: 'The unit asked to appraise.' })
  unit(
    @Root() assignment: Row<AppraisalAssignment>,
    @Ctx() { rows }: Context,
  ): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, assignment.unit);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The person of the unit who appraises; null until the unit names one.',
  })
  reviewer(
    @Root() assignment: Row<AppraisalAssignment>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, assignment.reviewer);
  }

  @FieldResolver(() => Boolean, {
    description: 'No verdict and the deadline passed (while the round is open; at its closing once closed).',
  })
  overdue(
    @Root() assignment: Row<AppraisalAssignment>,
    @Ctx() { rows }: Context,
  ): boolean | Promise<boolean> {
    return thenOrNow(rows.one(Appraisal, assignment.appraisal), (appraisal) =>
      assignmentOverdue(appraisal, assignment),
    );
  }

  @FieldResolver(() => AppraisalAssignmentViewerCan, {
    description: 'What the viewer may do with this assignment now.',
  })
  viewerCan(
    @Root() assignment: Row<AppraisalAssignment>,
    @Ctx() { rows, viewer }: Context,
  ): AppraisalAssignmentViewerCan | Promise<AppraisalAssignmentViewerCan> {
    const v = requireViewer(viewer);
    return thenOrNow(rows.one(Appraisal, assignment.appraisal), (appraisal) => ({
      submitVerdict: appraisalPolicy.canSubmitVerdict(v, appraisal, assignment),
      assignReviewer: appraisalPolicy.canAssignReviewer(v, appraisal, assignment),
    }));
  }
}

@Resolver(() => AppraisalComment)
export class AppraisalCommentResolver {
  @FieldResolver(() => User, { description: 'Who wrote the comment.' })
  author(@Root() comment: Row<AppraisalComment>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, comment.author);
  }

  @FieldResolver(() => Unit, { description: 'The appraising unit the comment speaks for.' })
  unit(@Root() comment: Row<AppraisalComment>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, comment.unit);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The thread this reply belongs to.' })
  parentId(@Root() comment: Row<AppraisalComment>): string | null {
    return comment.parent?.id ?? null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who resolved it; null while OPEN.' })
  resolvedBy(
    @Root() comment: Row<AppraisalComment>,
    @Ctx() { rows }: Context,
  ): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, comment.resolvedBy);
  }

  @FieldResolver(() => Boolean, {
    description:
      'The passage the comment is anchored to is no longer in the body (deleted or rewritten): the comment is kept, shown apart from the text. Never for a comment without an anchor.',
  })
  detached(@Root() comment: Row<AppraisalComment>, @Ctx() { rows, em }: Context): boolean | Promise<boolean> {
    if (!comment.anchorQuote && !comment.anchorPosition) return false;
    return thenOrNow(rows.one(Appraisal, comment.appraisal), (appraisal) =>
      thenOrNow(bodyAnchors(rows, em, appraisal.proposal.id), (anchors) =>
        anchors.isDetached(comment.anchorQuote, comment.anchorPosition),
      ),
    );
  }

  @FieldResolver(() => AppraisalCommentViewerCan, {
    description: 'What the viewer may do with this comment now.',
  })
  viewerCan(
    @Root() comment: Row<AppraisalComment>,
    @Ctx() { rows, viewer }: Context,
  ): AppraisalCommentViewerCan | Promise<AppraisalCommentViewerCan> {
    const v = requireViewer(viewer);
    return thenOrNow(rows.one(Appraisal, comment.appraisal), (appraisal) =>
      thenOrNow(rows.one(Proposal, appraisal.proposal), (proposal) => ({
        resolve: appraisalPolicy.canResolve(v, proposal, comment),
      })),
    );
  }
}
