// Proposals (issue 11, item 1): created by the lead unit or the office, their details changed while in the
// workflow, and moved along it only by whom `proposalTransitions` names; every move an event in the
// proposal's scope.
import {
  AgendaItemStatus,
  EventType,
  MeetingStatus,
  MembershipRole,
  ProposalKind,
  ProposalStatus,
  proposalTransitions,
  UnitKind,
  VoteOutcome,
  type ProposalActor,
} from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaItem, Event, Meeting, Organization, Proposal, Unit } from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

type Role = 'drafter' | 'office' | 'outsider';

const PROPOSAL = `id version status returnReason submittedAt viewerCan { update transitions }`;
interface ProposalShape {
  id: string;
  version: number;
  status: ProposalStatus;
  returnReason: string | null;
  submittedAt: string | null;
  viewerCan: { update: boolean; transitions: ProposalStatus[] };
}

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

describe('proposals: create, update and move along the workflow', () => {
  let t: TestServer;
  const tokens = {} as Record<Role, string>;
  let departmentId: string;
  let otherUnitId: string;
  let organizationId: string;
  let committeeId: string;
  let outsiderId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      tokens.office = tenant.office.token;
      tokens.drafter = tenant.member.token;
      departmentId = tenant.department.id;
      organizationId = tenant.organization.id;
      committeeId = tenant.committee.id;
      const other = em.create(Unit, {
        organization: tenant.organization,
        name: 'Ủy ban Kiểm tra',
        kind: UnitKind.DEPARTMENT,
      });
      await em.flush();
      otherUnitId = other.id;
      const outsider = await buildUser(em, tenant.organization, { unit: other, role: MembershipRole.MEMBER });
      tokens.outsider = outsider.token;
      outsiderId = outsider.user.id;
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const create = (role: Role, input: Record<string, unknown>) =>
    t.gql<{ createProposal: { proposal: ProposalShape } }>(
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { ${PROPOSAL} } } }`,
      { input },
      tokens[role],
    );

  const move = (role: Role, proposal: { id: string; version: number }, to: ProposalStatus, reason?: string) =>
    t.gql<{ changeProposalStatus: { proposal: ProposalShape } }>(
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { ${PROPOSAL} } } }`,
      {
        input: {
          proposalId: proposal.id,
          to,
          expectedVersion: proposal.version,
          ...(reason ? { reason } : {}),
        },
      },
      tokens[role],
    );

  const read = async (role: Role, id: string) =>
    (
      await t.gql<{ proposal: ProposalShape }>(
        `query($id: ID!) { proposal(id: $id) { ${PROPOSAL} } }`,
        { id },
        tokens[role],
      )
    ).data!.proposal;

  async function newProposal(): Promise<ProposalShape> {
    const created = await create('drafter', {
      title: 'Đề án phát triển nguồn nhân lực',
      kind: ProposalKind.PROPOSAL,
      leadUnitId: departmentId,
    });
    expect(created.errors).toBeUndefined();
    return created.data!.createProposal.proposal;
  }

  it('is created in DRAFTING by a member of its lead unit, with its event; others and blank titles are refused, writing nothing', async () => {
    const proposal = await newProposal();
    expect(proposal.status).toBe(ProposalStatus.DRAFTING);
    const events = await t.db.orm.em.fork().find(Event, { scopeId: proposal.id });
    expect(events.map((e) => [e.type, e.subjectType])).toEqual([[EventType.PROPOSAL_CREATED, 'PROPOSAL']]);

    const before = await t.db.orm.em.fork().count(Proposal);
    const foreign = await create('outsider', {
      title: 'X',
      kind: ProposalKind.REPORT,
      leadUnitId: departmentId,
    });
    expect(code(foreign)).toBe('FORBIDDEN');
    const blank = await create('drafter', {
      title: '   ',
      kind: ProposalKind.REPORT,
      leadUnitId: departmentId,
    });
    expect(code(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.extensions?.field).toBe('title');
    // The office sets one up for any unit.
    const byOffice = await create('office', {
      title: 'Báo cáo',
      kind: ProposalKind.REPORT,
      leadUnitId: otherUnitId,
    });
    expect(byOffice.errors).toBeUndefined();
    expect(await t.db.orm.em.fork().count(Proposal)).toBe(before + 1);
  });

  it('changes its details by version while in the workflow, with the changes in its event', async () => {
    const proposal = await newProposal();
    const update = (role: Role, input: Record<string, unknown>) =>
      t.gql<{ updateProposal: { proposal: { version: number; title: string; summary: string | null } } }>(
        `mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { version title summary } } }`,
        { input },
        tokens[role],
      );
    const updated = await update('drafter', {
      id: proposal.id,
      expectedVersion: proposal.version,
      title: 'Đề án (dự thảo 2)',
      summary: 'Tóm tắt',
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateProposal.proposal).toMatchObject({
      title: 'Đề án (dự thảo 2)',
      summary: 'Tóm tắt',
    });
    expect(
      code(await update('drafter', { id: proposal.id, expectedVersion: proposal.version, title: 'Cũ' })),
    ).toBe('CONFLICT');
    expect(
      code(await update('outsider', { id: proposal.id, expectedVersion: proposal.version + 1, title: 'X' })),
    ).toBe('FORBIDDEN');
    const [event] = await t.db.orm.em
      .fork()
      .find(Event, { scopeId: proposal.id, type: EventType.PROPOSAL_UPDATED });
    expect(event!.changes).toMatchObject({
      title: { before: 'Đề án phát triển nguồn nhân lực', after: 'Đề án (dự thảo 2)' },
      summary: { before: null, after: 'Tóm tắt' },
    });
  });

  it('allows exactly the moves the workflow gives each role, from every status, and says which ones are allowed', async () => {
    const proposal = await newProposal();
    const roleActors: Record<Role, ProposalActor[]> = {
      drafter: ['drafter'],
      office: ['office'],
      outsider: [],
    };
    let checked = 0;
    for (const from of Object.values(ProposalStatus)) {
      for (const role of ['drafter', 'office', 'outsider'] as const) {
        const expected = Object.values(ProposalStatus).filter((to) => {
          const actor = proposalTransitions[from][to];
          return actor !== undefined && roleActors[role].includes(actor);
        });
        for (const to of Object.values(ProposalStatus)) {
          await t.db.orm.em.fork().nativeUpdate(Proposal, { id: proposal.id }, { status: from });
          const current = await read(role, proposal.id);
          expect(current.viewerCan.transitions, `${role} from ${from}`).toEqual(expected);
          const events = await t.db.orm.em.fork().count(Event, { scopeId: proposal.id });
          const moved = await move(role, current, to, 'Cần bổ sung số liệu');
          const eventsAfter = await t.db.orm.em.fork().count(Event, { scopeId: proposal.id });
          if (expected.includes(to)) {
            expect(moved.errors, `${role}: ${from} → ${to}`).toBeUndefined();
            expect(moved.data!.changeProposalStatus.proposal.status).toBe(to);
            expect(eventsAfter).toBe(events + 1);
          } else {
            expect(code(moved), `${role}: ${from} → ${to}`).toBe(
              role === 'outsider' ? 'FORBIDDEN' : 'BAD_USER_INPUT',
            );
            if (role !== 'outsider') expect(moved.errors?.[0]?.extensions?.allowed).toEqual(expected);
            expect(eventsAfter).toBe(events);
            expect((await read(role, proposal.id)).status).toBe(from);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(9 * 3 * 9);
  });

  it('goes back to drafting only with a reason, which it keeps; submitting records the time', async () => {
    const proposal = await newProposal();
    const inAppraisal = await move('office', proposal, ProposalStatus.IN_APPRAISAL);
    expect(inAppraisal.errors).toBeUndefined();
    const current = inAppraisal.data!.changeProposalStatus.proposal;
    const noReason = await move('office', current, ProposalStatus.RETURNED, '  ');
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0]?.extensions?.field).toBe('reason');
    const returned = await move('office', current, ProposalStatus.RETURNED, 'Thiếu ý kiến của Ban Dân vận');
    expect(returned.data!.changeProposalStatus.proposal).toMatchObject({
      status: ProposalStatus.RETURNED,
      returnReason: 'Thiếu ý kiến của Ban Dân vận',
    });
    const drafting = await move(
      'drafter',
      returned.data!.changeProposalStatus.proposal,
      ProposalStatus.DRAFTING,
    );
    const submitted = await move(
      'drafter',
      drafting.data!.changeProposalStatus.proposal,
      ProposalStatus.SUBMITTED,
    );
    expect(submitted.data!.changeProposalStatus.proposal.submittedAt).not.toBeNull();
    const [event] = await t.db.orm.em
      .fork()
      .find(
        Event,
        { scopeId: proposal.id, type: EventType.PROPOSAL_STATUS_CHANGED },
        { orderBy: { seq: 'asc' }, limit: 1, offset: 1 },
      );
    expect(event!.changes?.status).toEqual({
      before: ProposalStatus.IN_APPRAISAL,
      after: ProposalStatus.RETURNED,
    });
  });

  it('is SCHEDULED when put on an agenda once submitted, ADOPTED by the vote on its item, SCHEDULED again when the vote is corrected', async () => {
    const em = t.db.orm.em.fork();
    const organization = em.getReference(Organization, organizationId);
    const committee = em.getReference(Unit, committeeId);
    const addItem = (meetingId: string, proposalId: string) =>
      t.gql(
        `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } } }`,
        { input: { meetingId, title: 'Đề án', proposalId } },
        tokens.office,
      );
    const statusChanges = (id: string) =>
      t.db.orm.em.fork().count(Event, { scopeId: id, type: EventType.PROPOSAL_STATUS_CHANGED });

    const submitted = await newProposal();
    await t.db.orm.em
      .fork()
      .nativeUpdate(Proposal, { id: submitted.id }, { status: ProposalStatus.SUBMITTED });
    const draft = await newProposal();
    const planned = await buildMeetingIn(em, organization, committee);
    expect((await addItem(planned.id, submitted.id)).errors).toBeUndefined();
    expect((await addItem(planned.id, draft.id)).errors).toBeUndefined();
    expect((await read('office', submitted.id)).status).toBe(ProposalStatus.SCHEDULED);
    expect(await statusChanges(submitted.id)).toBe(1);
    // A draft on a planned agenda stays a draft.
    expect((await read('office', draft.id)).status).toBe(ProposalStatus.DRAFTING);
    expect(await statusChanges(draft.id)).toBe(0);

    const session = await buildMeetingIn(em, organization, committee, { status: MeetingStatus.IN_PROGRESS });
    const [item] = await buildAgendaItems(em, session, [
      {
        title: 'Đề án',
        status: AgendaItemStatus.IN_DISCUSSION,
        proposal: await em.findOneOrFail(Proposal, submitted.id),
      },
    ]);
    const vote = async (outcome: VoteOutcome) => {
      const version = (await t.db.orm.em.fork().findOneOrFail(AgendaItem, item!.id)).version;
      const answer = await t.gql(
        `mutation($input: RecordVoteInput!) { recordVote(input: $input) { agendaItem { id } } }`,
        {
          input: {
            agendaItemId: item!.id,
            votesFor: 5,
            votesAgainst: 1,
            abstentions: 0,
            outcome,
            expectedVersion: version,
          },
        },
        tokens.office,
      );
      expect(answer.errors).toBeUndefined();
      return (await read('office', submitted.id)).status;
    };
    expect(await vote(VoteOutcome.ADOPTED)).toBe(ProposalStatus.ADOPTED);
    expect(await vote(VoteOutcome.REJECTED)).toBe(ProposalStatus.SCHEDULED);
    expect(await statusChanges(submitted.id)).toBe(3);
  });
  it('is SUBMITTED again when taken off every agenda of a meeting still to be held: item removed, item given another proposal, meeting cancelled', async () => {
    const em = t.db.orm.em.fork();
    const organization = em.getReference(Organization, organizationId);
    const committee = em.getReference(Unit, committeeId);
    const version = async (entity: typeof AgendaItem | typeof Meeting, id: string) =>
      (await t.db.orm.em.fork().findOneOrFail(entity, id)).version;
    const ok = async (mutation: string, input: Record<string, unknown>) => {
      const answer = await t.gql<Record<string, { agendaItem?: { id: string } }>>(
        `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { __typename ${mutation === 'addAgendaItem' ? 'agendaItem { id }' : ''} } }`,
        { input },
        tokens.office,
      );
      expect(answer.errors).toBeUndefined();
      return answer.data![mutation]!;
    };
    const submittedProposal = async () => {
      const proposal = await newProposal();
      await t.db.orm.em
        .fork()
        .nativeUpdate(Proposal, { id: proposal.id }, { status: ProposalStatus.SUBMITTED });
      return proposal;
    };
    const status = async (id: string) => (await read('office', id)).status;

    // On two agendas: off one it is still scheduled; off the last (its meeting cancelled) it is submitted.
    const twice = await submittedProposal();
    const first = await buildMeetingIn(em, organization, committee);
    const second = await buildMeetingIn(em, organization, committee);
    const onFirst = (await ok('addAgendaItem', { meetingId: first.id, title: 'Đề án', proposalId: twice.id }))
      .agendaItem!;
    await ok('addAgendaItem', { meetingId: second.id, title: 'Đề án', proposalId: twice.id });
    expect(await status(twice.id)).toBe(ProposalStatus.SCHEDULED);
    await ok('removeAgendaItem', { id: onFirst.id, expectedVersion: await version(AgendaItem, onFirst.id) });
    expect(await status(twice.id)).toBe(ProposalStatus.SCHEDULED);
    await ok('cancelMeeting', { id: second.id, expectedVersion: await version(Meeting, second.id) });
    expect(await status(twice.id)).toBe(ProposalStatus.SUBMITTED);

    // An item given another proposal: the one it presented is off the agenda, the new one scheduled.
    const replaced = await submittedProposal();
    const replacement = await submittedProposal();
    const third = await buildMeetingIn(em, organization, committee);
    const item = (await ok('addAgendaItem', { meetingId: third.id, title: 'Đề án', proposalId: replaced.id }))
      .agendaItem!;
    await ok('updateAgendaItem', {
      id: item.id,
      proposalId: replacement.id,
      expectedVersion: await version(AgendaItem, item.id),
    });
    expect(await status(replaced.id)).toBe(ProposalStatus.SUBMITTED);
    expect(await status(replacement.id)).toBe(ProposalStatus.SCHEDULED);
    // Removed with its item, the replacement goes back too; each move is one statusChanged event.
    await ok('removeAgendaItem', { id: item.id, expectedVersion: await version(AgendaItem, item.id) });
    expect(await status(replacement.id)).toBe(ProposalStatus.SUBMITTED);
    const moves = (id: string) =>
      t.db.orm.em.fork().count(Event, { scopeId: id, type: EventType.PROPOSAL_STATUS_CHANGED });
    expect([await moves(twice.id), await moves(replaced.id), await moves(replacement.id)]).toEqual([2, 2, 2]);
  });
  it('opens a CONFIDENTIAL proposal to the people on its access list, at once, and to no one else', async () => {
    const proposal = await newProposal();
    const update = (input: Record<string, unknown>, role: Role = 'drafter') =>
      t.gql<{ updateProposal: { proposal: ProposalShape & { accessList: { id: string }[] } } }>(
        `mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { proposal { ${PROPOSAL} accessList { id } } } }`,
        { input },
        tokens[role],
      );
    const outsiderSees = async () => {
      const answer = await t.gql<{ proposal: { id: string } | null }>(
        `query($id: ID!) { proposal(id: $id) { id } }`,
        { id: proposal.id },
        tokens.outsider,
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.proposal ? 'READ' : 'HIDDEN';
    };
    // The outsider has read it (INTERNAL) and is cached with that: CONFIDENTIAL hides it at once.
    expect(await outsiderSees()).toBe('READ');
    const hidden = await update({
      id: proposal.id,
      expectedVersion: proposal.version,
      classification: 'CONFIDENTIAL',
    });
    expect(hidden.errors).toBeUndefined();
    expect(await outsiderSees()).toBe('HIDDEN');

    // A stranger's id or a malformed one is refused, and nothing is written.
    const before = hidden.data!.updateProposal.proposal;
    const unknown = await update({
      id: proposal.id,
      expectedVersion: before.version,
      title: 'Không được ghi',
      accessUserIds: [outsiderId, '00000000-0000-4000-8000-000000000000'],
    });
    expect(code(unknown)).toBe('NOT_FOUND');
    expect((await read('drafter', proposal.id)).version).toBe(before.version);
    expect(await outsiderSees()).toBe('HIDDEN');

    const named = await update({
      id: proposal.id,
      expectedVersion: before.version,
      accessUserIds: [outsiderId, outsiderId],
    });
    expect(named.errors).toBeUndefined();
    expect(named.data!.updateProposal.proposal.accessList).toEqual([{ id: outsiderId }]);
    expect(await outsiderSees()).toBe('READ');
    const event = await t.db.orm.em
      .fork()
      .findOneOrFail(
        Event,
        { scopeId: proposal.id, type: EventType.PROPOSAL_UPDATED },
        { orderBy: { seq: 'desc' } },
      );
    expect(event.changes).toEqual({ accessUserIds: { before: [], after: [outsiderId] } });

    const removed = await update({
      id: proposal.id,
      expectedVersion: named.data!.updateProposal.proposal.version,
      accessUserIds: [],
    });
    expect(removed.errors).toBeUndefined();
    expect(await outsiderSees()).toBe('HIDDEN');
    expect(code(await update({ id: proposal.id, expectedVersion: 0, accessUserIds: null }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
