// Appraisal rounds (issue 11, item 3) and an object's history (item 5): the office asks several units for
// their verdict by a deadline; each unit answers once; the round closes with the last verdict or by the
// office, and the proposal is APPRAISED; reviewers of the units asked comment, the drafters resolve; the
// consolidated report counts it all, also as a PDF. Every refusal writes nothing.
import {
  AppraisalStatus,
  Classification,
  CommentStatus,
  EventType,
  MembershipRole,
  ProposalKind,
  ProposalStatus,
  UnitKind,
  Verdict,
} from '@quorum/shared';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Appraisal,
  AppraisalAssignment,
  AppraisalComment,
  Event,
  Notification,
  Proposal,
  Unit,
} from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { collect, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

type Role =
  | 'office'
  | 'drafter'
  | 'headA'
  | 'reviewerA'
  | 'colleagueA'
  | 'reviewerB'
  | 'reviewerC'
  | 'reviewerD'
  | 'unrelated';

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const field = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.field;

const ROUND = `id status dueAt closedAt sharedComments overdue viewerCan { close comment }
  assignments { id verdict summary submittedAt overdue unit { id name } reviewer { id } viewerCan { submitVerdict assignReviewer } }`;
const REPORT = `report { agree agreeWithChanges disagree pending openComments resolvedComments
  overdueUnits { id } verdictsByUnit { unit { name } verdict } }`;

interface Assignment {
  id: string;
  verdict: Verdict;
  summary: string | null;
  submittedAt: string | null;
  overdue: boolean;
  unit: { id: string; name: string };
  reviewer: { id: string } | null;
  viewerCan: { submitVerdict: boolean; assignReviewer: boolean };
}
interface Round {
  id: string;
  status: AppraisalStatus;
  closedAt: string | null;
  sharedComments: boolean;
  overdue: boolean;
  viewerCan: { close: boolean; comment: boolean };
  assignments: Assignment[];
}
interface Report {
  agree: number;
  agreeWithChanges: number;
  disagree: number;
  pending: number;
  openComments: number;
  resolvedComments: number;
  overdueUnits: { id: string }[];
  verdictsByUnit: { unit: { name: string }; verdict: Verdict }[];
}

describe('appraisal rounds', () => {
  let t: TestServer;
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  const units = {} as Record<'lead' | 'A' | 'B' | 'C' | 'D', string>;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      units.lead = tenant.department.id;
      tokens.office = tenant.office.token;
      userIds.office = tenant.office.user.id;
      tokens.drafter = tenant.member.token;
      userIds.drafter = tenant.member.user.id;
      const unit = (name: string) =>
        em.create(Unit, { organization: tenant.organization, name, kind: UnitKind.DEPARTMENT });
      const [a, b, c, d, e] = [
        unit('Ủy ban Kiểm tra'),
        unit('Ban Dân vận'),
        unit('Ban Tuyên giáo'),
        unit('Ban Nội chính'),
        unit('Ban Kinh tế'),
      ];
      await em.flush();
      Object.assign(units, { A: a.id, B: b.id, C: c.id, D: d.id });
      const people: [Role, Unit | undefined, MembershipRole][] = [
        ['headA', a, MembershipRole.HEAD],
        ['reviewerA', a, MembershipRole.STAFF],
        ['colleagueA', a, MembershipRole.STAFF],
        ['reviewerB', b, MembershipRole.STAFF],
        ['reviewerC', c, MembershipRole.STAFF],
        ['reviewerD', d, MembershipRole.STAFF],
        ['unrelated', e, MembershipRole.STAFF],
      ];
      for (const [role, member, membershipRole] of people) {
        const built = await buildUser(em, tenant.organization, { unit: member, role: membershipRole });
        tokens[role] = built.token;
        userIds[role] = built.user.id;
      }
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const as = <T>(role: Role, query: string, variables?: Record<string, unknown>) =>
    t.gql<T>(query, variables, tokens[role]);

  async function newProposal(classification = Classification.INTERNAL): Promise<string> {
    const created = await as<{ createProposal: { proposal: { id: string } } }>(
      'drafter',
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }`,
      {
        input: {
          title: 'Đề án nâng cao chất lượng đội ngũ cán bộ',
          kind: ProposalKind.PROPOSAL,
          leadUnitId: units.lead,
          classification,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createProposal.proposal.id;
  }

  const request = (role: Role, input: Record<string, unknown>) =>
    as<{ requestAppraisal: { appraisal: Round; proposal: { status: ProposalStatus } } }>(
      role,
      `mutation($input: RequestAppraisalInput!) { requestAppraisal(input: $input) {
         appraisal { ${ROUND} } proposal { status } } }`,
      { input },
    );

  const verdict = (role: Role, assignmentId: string, value: Verdict, summary?: string) =>
    as<{
      submitAppraisalVerdict: {
        assignment: Assignment;
        appraisal: { status: AppraisalStatus; closedAt: string | null };
        proposal: { status: ProposalStatus };
      };
    }>(
      role,
      `mutation($input: SubmitAppraisalVerdictInput!) { submitAppraisalVerdict(input: $input) {
         assignment { id verdict summary submittedAt reviewer { id } } appraisal { status closedAt } proposal { status } } }`,
      { input: { assignmentId, verdict: value, ...(summary === undefined ? {} : { summary }) } },
    );

  const comment = (role: Role, input: Record<string, unknown>) =>
    as<{ addAppraisalComment: { comment: { id: string; parentId: string | null; unit: { id: string } } } }>(
      role,
      `mutation($input: AddAppraisalCommentInput!) { addAppraisalComment(input: $input) { comment { id parentId unit { id } } } }`,
      { input },
    );

  const resolve = (role: Role, commentId: string, answer: string) =>
    as<{
      resolveAppraisalComment: {
        comment: { status: CommentStatus; answer: string; resolvedBy: { id: string } };
      };
    }>(
      role,
      `mutation($input: ResolveAppraisalCommentInput!) { resolveAppraisalComment(input: $input) {
         comment { status answer resolvedBy { id } } } }`,
      { input: { commentId, answer } },
    );

  const round = async (role: Role, id: string) =>
    (
      await as<{
        appraisal:
          | (Round & {
              report: Report;
              comments: { totalCount: number; edges: { node: { id: string; body: string } }[] };
            })
          | null;
      }>(
        role,
        `query($id: ID!) { appraisal(id: $id) { ${ROUND} ${REPORT} comments { totalCount edges { node { id body } } } } }`,
        { id },
      )
    ).data?.appraisal ?? null;

  /** What every refusal must leave as it was. */
  async function state(proposalId?: string) {
    const em = t.db.orm.em.fork();
    const proposal = proposalId ? await em.findOne(Proposal, proposalId) : null;
    return {
      appraisals: await em.count(Appraisal, {}),
      assignments: await em
        .find(AppraisalAssignment, {}, { orderBy: { id: 'asc' } })
        .then((rows) => rows.map((a) => [a.id, a.verdict, a.reviewer?.id ?? null, a.version])),
      comments: await em
        .find(AppraisalComment, {}, { orderBy: { id: 'asc' } })
        .then((rows) => rows.map((c) => [c.id, c.status, c.version])),
      events: await em.count(Event, {}),
      notifications: await em.count(Notification, {}),
      proposal: proposal && [proposal.status, proposal.version],
    };
  }

  async function expectRefused(
    proposalId: string | undefined,
    attempt: () => Promise<GraphQLResponse<unknown>>,
    expected: string,
    expectedField?: string,
  ): Promise<GraphQLResponse<unknown>> {
    const before = await state(proposalId);
    const answer = await attempt();
    expect(code(answer), JSON.stringify(answer.errors)).toBe(expected);
    if (expectedField) expect(field(answer)).toBe(expectedField);
    expect(await state(proposalId)).toEqual(before);
    return answer;
  }

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  it('is requested by the office only, for known units each once, by a future date, from a status the workflow allows; every refusal writes nothing', async () => {
    const proposalId = await newProposal();
    const good = { proposalId, unitIds: [units.A, units.B], dueAt: inDays(10) };
    await expectRefused(proposalId, () => request('drafter', good), 'FORBIDDEN');
    await expectRefused(proposalId, () => request('reviewerA', good), 'FORBIDDEN');
    await expectRefused(
      proposalId,
      () => request('office', { ...good, unitIds: [units.A, units.A] }),
      'BAD_USER_INPUT',
      'unitIds',
    );
    const unknown = await expectRefused(
      proposalId,
      () => request('office', { ...good, unitIds: [units.A, '00000000-0000-4000-8000-000000000000'] }),
      'BAD_USER_INPUT',
      'unitIds',
    );
    expect(unknown.errors?.[0]?.extensions?.unknown).toEqual(['00000000-0000-4000-8000-000000000000']);
    await expectRefused(
      proposalId,
      () => request('office', { ...good, unitIds: [] }),
      'BAD_USER_INPUT',
      'unitIds',
    );
    await expectRefused(
      proposalId,
      () => request('office', { ...good, unitIds: [units.lead] }),
      'BAD_USER_INPUT',
      'unitIds',
    );
    await expectRefused(
      proposalId,
      () => request('office', { ...good, dueAt: new Date(Date.now() - 60_000).toISOString() }),
      'BAD_USER_INPUT',
      'dueAt',
    );
    await expectRefused(
      proposalId,
      () => request('office', { ...good, proposalId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
    );

    // A SUBMITTED proposal: the office's moves are named, as changeProposalStatus names them.
    await t.db.orm.em.fork().nativeUpdate(Proposal, { id: proposalId }, { status: ProposalStatus.SUBMITTED });
    const late = await expectRefused(
      proposalId,
      () => request('office', good),
      'BAD_USER_INPUT',
      'proposalId',
    );
    expect(late.errors?.[0]?.extensions?.allowed).toEqual([
      ProposalStatus.SCHEDULED,
      ProposalStatus.RETURNED,
      ProposalStatus.REJECTED,
    ]);
    await t.db.orm.em.fork().nativeUpdate(Proposal, { id: proposalId }, { status: ProposalStatus.DRAFTING });

    const requested = await request('office', { ...good, note: 'Đề nghị góp ý trước hạn.' });
    expect(requested.errors).toBeUndefined();
    const { appraisal, proposal } = requested.data!.requestAppraisal;
    expect(proposal.status).toBe(ProposalStatus.IN_APPRAISAL);
    expect(appraisal.status).toBe(AppraisalStatus.OPEN);
    expect(appraisal.sharedComments).toBe(true);
    expect(appraisal.assignments.map((a) => [a.unit.id, a.verdict])).toEqual([
      [units.A, Verdict.PENDING],
      [units.B, Verdict.PENDING],
    ]);
    // One event for the round, one for the move, both in the proposal's scope; the unit's head is notified.
    const events = await t.db.orm.em.fork().find(Event, { scopeId: proposalId }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.type, e.subjectType])).toEqual([
      [EventType.PROPOSAL_CREATED, 'PROPOSAL'],
      [EventType.APPRAISAL_REQUESTED, 'APPRAISAL'],
      [EventType.PROPOSAL_STATUS_CHANGED, 'PROPOSAL'],
    ]);
    expect(events[1]!.changes.unitIds).toEqual({ before: null, after: [units.A, units.B] });
    expect(await t.db.orm.em.fork().count(Notification, { user: userIds.headA, event: events[1]! })).toBe(1);
    // A second round of a proposal in appraisal is refused as a move from IN_APPRAISAL.
    const again = await expectRefused(
      proposalId,
      () => request('office', good),
      'BAD_USER_INPUT',
      'proposalId',
    );
    expect(again.errors?.[0]?.extensions?.allowed).toEqual([
      ProposalStatus.APPRAISED,
      ProposalStatus.RETURNED,
    ]);
  });

  it('with three units: verdicts once by a member of each unit, one unit overdue, the report counts, the office closes it and the proposal is APPRAISED', async () => {
    const proposalId = await newProposal();
    // Due in a second and a half: the two first units answer before, the third never does.
    const dueAt = new Date(Date.now() + 1_500);
    const requested = await request('office', {
      proposalId,
      unitIds: [units.A, units.B, units.C],
      dueAt: dueAt.toISOString(),
    });
    expect(requested.errors).toBeUndefined();
    const appraisalId = requested.data!.requestAppraisal.appraisal.id;
    const [a, b, c] = requested.data!.requestAppraisal.appraisal.assignments;

    // Naming a reviewer: the unit's head (or the office), a member of the unit.
    const assign = (role: Role, assignmentId: string, reviewerId: string) =>
      as<{ assignAppraisalReviewer: { assignment: Assignment } }>(
        role,
        `mutation($input: AssignAppraisalReviewerInput!) { assignAppraisalReviewer(input: $input) { assignment { reviewer { id } } } }`,
        { input: { assignmentId, reviewerId } },
      );
    await expectRefused(proposalId, () => assign('reviewerA', a!.id, userIds.reviewerA), 'FORBIDDEN');
    await expectRefused(proposalId, () => assign('headA', b!.id, userIds.reviewerB), 'FORBIDDEN');
    await expectRefused(
      proposalId,
      () => assign('headA', a!.id, userIds.reviewerB),
      'BAD_USER_INPUT',
      'reviewerId',
    );
    const named = await assign('headA', a!.id, userIds.reviewerA);
    expect(named.errors).toBeUndefined();
    expect(named.data!.assignAppraisalReviewer.assignment.reviewer?.id).toBe(userIds.reviewerA);
    expect(await t.db.orm.em.fork().count(Notification, { user: userIds.reviewerA })).toBe(1);

    // Verdicts: only a member of the unit asked, a given verdict, with a summary unless AGREE.
    await expectRefused(proposalId, () => verdict('reviewerD', a!.id, Verdict.AGREE), 'FORBIDDEN');
    await expectRefused(proposalId, () => verdict('office', a!.id, Verdict.AGREE), 'FORBIDDEN');
    await expectRefused(
      proposalId,
      () => verdict('reviewerA', a!.id, Verdict.PENDING),
      'BAD_USER_INPUT',
      'verdict',
    );
    await expectRefused(
      proposalId,
      () => verdict('reviewerB', b!.id, Verdict.DISAGREE, '  '),
      'BAD_USER_INPUT',
      'summary',
    );
    const agreed = await verdict('reviewerA', a!.id, Verdict.AGREE);
    expect(agreed.errors).toBeUndefined();
    expect(agreed.data!.submitAppraisalVerdict.assignment.verdict).toBe(Verdict.AGREE);
    expect(agreed.data!.submitAppraisalVerdict.assignment.submittedAt).not.toBeNull();
    expect(agreed.data!.submitAppraisalVerdict.appraisal.status).toBe(AppraisalStatus.OPEN);
    // Once per unit: a colleague cannot give it again.
    await expectRefused(
      proposalId,
      () => verdict('colleagueA', a!.id, Verdict.DISAGREE, 'Khác'),
      'BAD_USER_INPUT',
      'assignmentId',
    );
    const changes = await verdict(
      'reviewerB',
      b!.id,
      Verdict.AGREE_WITH_CHANGES,
      'Bổ sung lộ trình thực hiện.',
    );
    expect(changes.errors).toBeUndefined();
    // Whoever answers for a unit without a named reviewer is its reviewer.
    expect(changes.data!.submitAppraisalVerdict.assignment.reviewer?.id).toBe(userIds.reviewerB);

    // Comments: two threads of unit A, one of unit B; one resolved by the drafters.
    const first = await comment('reviewerA', { appraisalId, body: 'Đề nghị làm rõ nguồn kinh phí.' });
    const second = await comment('reviewerA', { appraisalId, body: 'Thống nhất cách gọi tên các đơn vị.' });
    const third = await comment('reviewerB', { appraisalId, body: 'Bổ sung số liệu năm 2025.' });
    for (const added of [first, second, third]) expect(added.errors).toBeUndefined();
    expect(
      (await resolve('drafter', first.data!.addAppraisalComment.comment.id, 'Đã bổ sung mục 3.')).errors,
    ).toBeUndefined();

    // Past the deadline, the unit that has not answered is late; the others are not.
    const wait = dueAt.getTime() - Date.now() + 50;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const open = (await round('drafter', appraisalId))!;
    expect(open.assignments.map((x) => [x.unit.id, x.verdict, x.overdue])).toEqual([
      [units.A, Verdict.AGREE, false],
      [units.B, Verdict.AGREE_WITH_CHANGES, false],
      [units.C, Verdict.PENDING, true],
    ]);
    expect(open.overdue).toBe(true);
    expect(open.report).toEqual({
      agree: 1,
      agreeWithChanges: 1,
      disagree: 0,
      pending: 1,
      openComments: 2,
      resolvedComments: 1,
      overdueUnits: [{ id: units.C }],
      // By the unit's name, in Vietnamese order.
      verdictsByUnit: [
        { unit: { name: 'Ban Dân vận' }, verdict: Verdict.AGREE_WITH_CHANGES },
        { unit: { name: 'Ban Tuyên giáo' }, verdict: Verdict.PENDING },
        { unit: { name: 'Ủy ban Kiểm tra' }, verdict: Verdict.AGREE },
      ],
    });
    expect(open.viewerCan).toEqual({ close: false, comment: false });
    expect((await round('office', appraisalId))!.viewerCan).toEqual({ close: true, comment: false });
    expect((await round('reviewerC', appraisalId))!.viewerCan).toEqual({ close: false, comment: true });
    expect((await round('reviewerC', appraisalId))!.assignments[2]!.viewerCan).toEqual({
      submitVerdict: true,
      assignReviewer: false,
    });

    // The office closes it early: the proposal is APPRAISED through the workflow; unit C stays late.
    const close = (role: Role) =>
      as<{ closeAppraisal: { appraisal: Round; proposal: { status: ProposalStatus } } }>(
        role,
        `mutation($input: CloseAppraisalInput!) { closeAppraisal(input: $input) { appraisal { ${ROUND} } proposal { status } } }`,
        { input: { appraisalId } },
      );
    await expectRefused(proposalId, () => close('drafter'), 'FORBIDDEN');
    await expectRefused(proposalId, () => close('reviewerA'), 'FORBIDDEN');
    const closed = await close('office');
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeAppraisal.proposal.status).toBe(ProposalStatus.APPRAISED);
    expect(closed.data!.closeAppraisal.appraisal.status).toBe(AppraisalStatus.CLOSED);
    expect(closed.data!.closeAppraisal.appraisal.assignments.map((x) => x.overdue)).toEqual([
      false,
      false,
      true,
    ]);
    await expectRefused(proposalId, () => close('office'), 'BAD_USER_INPUT', 'appraisalId');
    await expectRefused(
      proposalId,
      () => verdict('reviewerC', c!.id, Verdict.AGREE),
      'BAD_USER_INPUT',
      'assignmentId',
    );
    await expectRefused(
      proposalId,
      () => comment('reviewerC', { appraisalId, body: 'Muộn' }),
      'BAD_USER_INPUT',
      'appraisalId',
    );

    // The PDF for the session's file: the verdicts, the late unit, the comments and the answer.
    const response = await fetch(`${t.url}/appraisals/${appraisalId}/report.pdf`, {
      headers: { authorization: `Bearer ${tokens.drafter}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?bao-cao-tham-dinh-[a-z0-9-]+\.pdf"?$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('BÁO CÁO TỔNG HỢP Ý KIẾN THẨM ĐỊNH');
    expect(flat).toContain('Đề án nâng cao chất lượng đội ngũ cán bộ');
    expect(flat).toMatch(/Ủy ban Kiểm tra ?Ý kiến: Đồng ý/);
    expect(flat).toMatch(/Ban Dân vận ?Ý kiến: Đồng ý, đề nghị chỉnh sửa/);
    expect(flat).toContain('Bổ sung lộ trình thực hiện.');
    expect(flat).toMatch(/Ban Tuyên giáo ?Ý kiến: Chưa có ý kiến \(quá hạn\)/);
    expect(flat).toContain('Quá hạn: Ban Tuyên giáo');
    expect(flat).toContain('Góp ý: 2 chưa tiếp thu, 1 đã tiếp thu');
    expect(flat).toContain('Đề nghị làm rõ nguồn kinh phí.');
    expect(flat).toContain('Giải trình: Đã bổ sung mục 3.');
    expect(flat).toContain('Đã kết thúc thẩm định');
    // As the API answers a round the viewer may not see: 404; no credential: 401.
    expect((await fetch(`${t.url}/appraisals/${appraisalId}/report.pdf`)).status).toBe(401);
    expect(
      (
        await fetch(`${t.url}/appraisals/00000000-0000-4000-8000-000000000000/report.pdf`, {
          headers: { authorization: `Bearer ${tokens.drafter}` },
        })
      ).status,
    ).toBe(404);
  });

  it('closes by itself with the last verdict, in the same transaction, and the proposal is APPRAISED', async () => {
    const proposalId = await newProposal();
    const requested = await request('office', { proposalId, unitIds: [units.A, units.B], dueAt: inDays(5) });
    const [a, b] = requested.data!.requestAppraisal.appraisal.assignments;
    expect(
      (await verdict('reviewerB', b!.id, Verdict.DISAGREE, 'Chưa phù hợp với quy định.')).errors,
    ).toBeUndefined();
    const last = await verdict('colleagueA', a!.id, Verdict.AGREE);
    expect(last.errors).toBeUndefined();
    expect(last.data!.submitAppraisalVerdict.appraisal.status).toBe(AppraisalStatus.CLOSED);
    expect(last.data!.submitAppraisalVerdict.appraisal.closedAt).not.toBeNull();
    expect(last.data!.submitAppraisalVerdict.proposal.status).toBe(ProposalStatus.APPRAISED);
    const events = await t.db.orm.em.fork().find(Event, { scopeId: proposalId }, { orderBy: { seq: 'asc' } });
    expect(events.slice(-3).map((e) => e.type)).toEqual([
      EventType.APPRAISAL_VERDICT_SUBMITTED,
      EventType.APPRAISAL_CLOSED,
      EventType.PROPOSAL_STATUS_CHANGED,
    ]);
    expect(events.at(-1)!.changes.status).toEqual({
      before: ProposalStatus.IN_APPRAISAL,
      after: ProposalStatus.APPRAISED,
    });
    // Consecutive: appended in one transaction under the feed's lock, nothing between them.
    const seqs = events.slice(-3).map((e) => BigInt(e.seq));
    expect(seqs[2]! - seqs[0]!).toBe(2n);
  });

  it('a proposal leaving appraisal another way (returned) closes its open round', async () => {
    const proposalId = await newProposal();
    const requested = await request('office', { proposalId, unitIds: [units.A], dueAt: inDays(5) });
    const appraisalId = requested.data!.requestAppraisal.appraisal.id;
    const version = (await t.db.orm.em.fork().findOneOrFail(Proposal, proposalId)).version;
    const returned = await as<{ changeProposalStatus: { proposal: { status: ProposalStatus } } }>(
      'office',
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { status } } }`,
      {
        input: { proposalId, to: ProposalStatus.RETURNED, reason: 'Chưa đủ hồ sơ', expectedVersion: version },
      },
    );
    expect(returned.errors).toBeUndefined();
    expect((await round('office', appraisalId))!.status).toBe(AppraisalStatus.CLOSED);
  });

  it('comments: by reviewers of the units asked (not of another unit), replies join the thread, the drafters resolve; unshared comments stay with their unit', async () => {
    const proposalId = await newProposal();
    const requested = await request('office', {
      proposalId,
      unitIds: [units.A, units.B],
      dueAt: inDays(5),
      sharedComments: false,
    });
    const appraisalId = requested.data!.requestAppraisal.appraisal.id;

    await expectRefused(
      proposalId,
      () => comment('reviewerD', { appraisalId, body: 'Tôi không được hỏi.' }),
      'FORBIDDEN',
    );
    await expectRefused(
      proposalId,
      () => comment('drafter', { appraisalId, body: 'Ý kiến của người soạn.' }),
      'FORBIDDEN',
    );
    await expectRefused(
      proposalId,
      () =>
        comment('reviewerA', {
          appraisalId,
          body: 'X',
          anchor: { quote: 'nguồn kinh phí', position: 'not a position' },
        }),
      'BAD_USER_INPUT',
      'anchor.position',
    );

    const root = await comment('reviewerA', { appraisalId, body: 'Đề nghị làm rõ thẩm quyền.' });
    expect(root.errors).toBeUndefined();
    const rootId = root.data!.addAppraisalComment.comment.id;
    const reply = await comment('colleagueA', { appraisalId, body: 'Thống nhất.', parentId: rootId });
    const replyToReply = await comment('reviewerA', {
      appraisalId,
      body: 'Bổ sung căn cứ.',
      parentId: reply.data!.addAppraisalComment.comment.id,
    });
    expect(reply.data!.addAppraisalComment.comment.parentId).toBe(rootId);
    expect(replyToReply.data!.addAppraisalComment.comment.parentId).toBe(rootId);
    await expectRefused(
      proposalId,
      () =>
        comment('reviewerA', {
          appraisalId,
          body: 'X',
          parentId: rootId,
          anchor: { quote: 'a', position: 'AA==' },
        }),
      'BAD_USER_INPUT',
      'anchor',
    );
    const fromB = await comment('reviewerB', { appraisalId, body: 'Ý kiến riêng của Ban Dân vận.' });
    expect(fromB.errors).toBeUndefined();

    // Not shared: unit B sees its own, unit A its thread; the drafters and the office all; others none.
    const seen = async (role: Role) => (await round(role, appraisalId))!.comments.totalCount;
    expect(await seen('reviewerB')).toBe(1);
    expect(await seen('reviewerA')).toBe(3);
    expect(await seen('drafter')).toBe(4);
    expect(await seen('office')).toBe(4);
    expect(await seen('unrelated')).toBe(0);
    // Unit B may not answer a thread it cannot see; its text is not in the events every reader receives.
    await expectRefused(
      proposalId,
      () => comment('reviewerB', { appraisalId, body: 'X', parentId: rootId }),
      'NOT_FOUND',
    );
    const added = await t.db.orm.em
      .fork()
      .find(Event, { scopeId: proposalId, type: EventType.APPRAISAL_COMMENT_ADDED });
    expect(added).toHaveLength(4);
    expect(added.every((e) => !('body' in e.changes))).toBe(true);

    // Resolving: the drafters, a thread (not a reply), once.
    await expectRefused(proposalId, () => resolve('reviewerA', rootId, 'Tự giải quyết'), 'FORBIDDEN');
    await expectRefused(proposalId, () => resolve('office', rootId, 'Văn phòng'), 'FORBIDDEN');
    await expectRefused(
      proposalId,
      () => resolve('drafter', reply.data!.addAppraisalComment.comment.id, 'X'),
      'BAD_USER_INPUT',
      'commentId',
    );
    await expectRefused(proposalId, () => resolve('drafter', rootId, '   '), 'BAD_USER_INPUT', 'answer');
    const resolved = await resolve('drafter', rootId, 'Đã tiếp thu, bổ sung Điều 5.');
    expect(resolved.data!.resolveAppraisalComment.comment).toEqual({
      status: CommentStatus.RESOLVED,
      answer: 'Đã tiếp thu, bổ sung Điều 5.',
      resolvedBy: { id: userIds.drafter },
    });
    expect(
      await t.db.orm.em.fork().count(Notification, {
        user: userIds.reviewerA,
        event: { type: EventType.APPRAISAL_COMMENT_RESOLVED, scopeId: proposalId },
      }),
    ).toBe(1);
    await expectRefused(
      proposalId,
      () => resolve('drafter', rootId, 'Lần nữa'),
      'BAD_USER_INPUT',
      'commentId',
    );
    // Each viewer's report counts the threads it may read.
    expect((await round('drafter', appraisalId))!.report).toMatchObject({
      openComments: 1,
      resolvedComments: 1,
    });
    expect((await round('reviewerB', appraisalId))!.report).toMatchObject({
      openComments: 1,
      resolvedComments: 0,
    });
  });

  it("streams a round's changes live in the proposal's scope, the round as the subject", async () => {
    const proposalId = await newProposal();
    const stream = collect<{
      events: { type: string; subject: { __typename: string; status?: AppraisalStatus } | null };
    }>(
      t.ws(tokens.drafter),
      `subscription($id: ID!) { events(scope: { type: PROPOSAL, id: $id }) {
         type subject { __typename ... on Appraisal { status } ... on Proposal { proposalStatus: status } } } }`,
      { id: proposalId },
      5,
    );
    // The subscription is live once the server has it: a change made before would be missed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const requested = await request('office', { proposalId, unitIds: [units.A], dueAt: inDays(2) });
    const [a] = requested.data!.requestAppraisal.appraisal.assignments;
    expect((await verdict('reviewerA', a!.id, Verdict.AGREE)).errors).toBeUndefined();
    const received = await stream.done;
    stream.unsubscribe();
    expect(stream.errors).toEqual([]);
    expect(received.map((r) => [r.events.type, r.events.subject?.__typename])).toEqual([
      [EventType.APPRAISAL_REQUESTED, 'Appraisal'],
      [EventType.PROPOSAL_STATUS_CHANGED, 'Proposal'],
      [EventType.APPRAISAL_VERDICT_SUBMITTED, 'Appraisal'],
      [EventType.APPRAISAL_CLOSED, 'Appraisal'],
      [EventType.PROPOSAL_STATUS_CHANGED, 'Proposal'],
    ]);
    // Subjects are read as they are at delivery.
    expect(received[3]!.events.subject?.status).toBe(AppraisalStatus.CLOSED);
  });

  it('opens a RESTRICTED proposal to the reviewers of the units asked, at once; history tells who changed what, for whoever may read it', async () => {
    const proposalId = await newProposal(Classification.RESTRICTED);
    const read = (role: Role) =>
      as<{ proposal: { id: string } | null }>(role, `query($id: ID!) { proposal(id: $id) { id } }`, {
        id: proposalId,
      });
    expect((await read('reviewerA')).data!.proposal).toBeNull();
    const requested = await request('office', { proposalId, unitIds: [units.A], dueAt: inDays(3) });
    expect(requested.errors).toBeUndefined();
    // The viewer cache is refreshed by the request's event: no wait.
    expect((await read('reviewerA')).data!.proposal?.id).toBe(proposalId);
    expect((await read('reviewerD')).data!.proposal).toBeNull();
    const appraisalId = requested.data!.requestAppraisal.appraisal.id;
    const [a] = requested.data!.requestAppraisal.appraisal.assignments;
    expect(
      (await verdict('reviewerA', a!.id, Verdict.AGREE_WITH_CHANGES, 'Sửa tên đề án.')).errors,
    ).toBeUndefined();

    type History = {
      history: {
        events: {
          type: string;
          actor: { id: string } | null;
          changes: Record<string, { before: unknown; after: unknown }> | null;
          subject: { __typename: string; id: string } | null;
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const history = (role: Role, subjectId: string, first?: number, after?: string) =>
      as<History>(
        role,
        `query($id: ID!, $first: Int, $after: String) { history(subjectId: $id, first: $first, after: $after) {
           events { type actor { id } changes subject { __typename ... on Proposal { id } ... on Appraisal { id } } }
           pageInfo { hasNextPage endCursor } } }`,
        { id: subjectId, first, after },
      );
    const timeline = await history('drafter', proposalId);
    expect(timeline.errors).toBeUndefined();
    // Most recent first: the round closed by the last verdict, the proposal APPRAISED, back to its creation.
    expect(timeline.data!.history.events.map((e) => [e.type, e.subject?.__typename, e.actor?.id])).toEqual([
      [EventType.PROPOSAL_STATUS_CHANGED, 'Proposal', userIds.reviewerA],
      [EventType.APPRAISAL_CLOSED, 'Appraisal', userIds.reviewerA],
      [EventType.APPRAISAL_VERDICT_SUBMITTED, 'Appraisal', userIds.reviewerA],
      [EventType.PROPOSAL_STATUS_CHANGED, 'Proposal', userIds.office],
      [EventType.APPRAISAL_REQUESTED, 'Appraisal', userIds.office],
      [EventType.PROPOSAL_CREATED, 'Proposal', userIds.drafter],
    ]);
    expect(timeline.data!.history.events[2]!.changes).toMatchObject({
      verdict: { before: Verdict.PENDING, after: Verdict.AGREE_WITH_CHANGES },
      summary: { before: null, after: 'Sửa tên đề án.' },
    });
    // Paged: two at a time, then on from the cursor.
    const page = await history('drafter', proposalId, 2);
    expect(page.data!.history.events).toHaveLength(2);
    expect(page.data!.history.pageInfo.hasNextPage).toBe(true);
    const next = await history('drafter', proposalId, 2, page.data!.history.pageInfo.endCursor!);
    expect(next.data!.history.events.map((e) => e.type)).toEqual([
      EventType.APPRAISAL_VERDICT_SUBMITTED,
      EventType.PROPOSAL_STATUS_CHANGED,
    ]);
    // A round's own history; the reviewer reads it too (their unit was asked).
    const ofRound = await history('reviewerA', appraisalId);
    expect(ofRound.data!.history.events.map((e) => e.type)).toEqual([
      EventType.APPRAISAL_CLOSED,
      EventType.APPRAISAL_VERDICT_SUBMITTED,
      EventType.APPRAISAL_REQUESTED,
    ]);
    // Who may not read the proposal gets NOT_FOUND, as for what does not exist.
    expect(code(await history('reviewerD', proposalId))).toBe('NOT_FOUND');
    expect(code(await history('unrelated', appraisalId))).toBe('NOT_FOUND');
    expect(code(await history('drafter', '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(code(await history('drafter', proposalId, 2, 'x'))).toBe('BAD_USER_INPUT');
  });
});
