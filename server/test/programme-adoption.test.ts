// The work programme follows its proposals (issue 12, item 3): the session's vote adopts a proposal, and with
// it the programme items it carries out (with the meeting that decided them); a corrected vote takes both back.
// Each item changed is a programmeItem.updated event with the item as subject, in the proposal's scope.
import {
  AgendaItemStatus,
  Classification,
  EventType,
  MeetingStatus,
  ProgrammeItemStatus,
  ProposalKind,
  ProposalStatus,
  VoteOutcome,
} from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgendaItem,
  Event,
  Organization,
  ProgrammeItem,
  Proposal,
  Unit,
  WorkProgramme,
} from '../src/entities/index.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { collect, startTestServer, type TestServer } from './support/server.js';

interface ItemShape {
  id: string;
  status: ProgrammeItemStatus;
  meeting: { id: string } | null;
}
interface ProgrammeShape {
  plannedCount: number;
  adoptedCount: number;
  progress: number;
  items: ItemShape[];
}

describe('programme items follow the adoption of their proposal', () => {
  let t: TestServer;
  let office: string;
  let member: string;
  let organizationId: string;
  let committeeId: string;
  let departmentId: string;
  let ownerId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const tenant = await buildMeetingTenant(db.orm.em.fork());
      office = tenant.office.token;
      member = tenant.member.token;
      organizationId = tenant.organization.id;
      committeeId = tenant.committee.id;
      departmentId = tenant.department.id;
      ownerId = tenant.member.user.id;
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A proposal in `status` and a programme of three items, two of them carried out by the proposal. */
  async function world(status: ProposalStatus, year: number) {
    const em = t.db.orm.em.fork();
    const organization = em.getReference(Organization, organizationId);
    const proposal = em.create(Proposal, {
      organization,
      title: 'Đề án phát triển kinh tế số',
      kind: ProposalKind.PROPOSAL,
      leadUnit: departmentId,
      owner: ownerId,
      status,
    });
    const programme = em.create(WorkProgramme, {
      organization,
      unit: committeeId,
      year,
      title: `Chương trình công tác năm ${year}`,
    });
    const item = (title: string, month: number, itemStatus: ProgrammeItemStatus, linked: boolean) =>
      em.create(ProgrammeItem, {
        programme,
        title,
        kind: ProposalKind.PROPOSAL,
        plannedMonth: month,
        leadUnit: departmentId,
        status: itemStatus,
        proposal: linked ? proposal : null,
      });
    const items = [
      item('Đề án kinh tế số', 3, ProgrammeItemStatus.SUBMITTED, true),
      item('Báo cáo kinh tế số', 4, ProgrammeItemStatus.IN_PREPARATION, true),
      item('Đề án khác', 5, ProgrammeItemStatus.PLANNED, false),
    ];
    await em.flush();
    return { proposal, programme, items };
  }

  const programmeOf = async (year: number) => {
    const answer = await t.gql<{ programmes: { edges: { node: ProgrammeShape & { year: number } }[] } }>(
      `{ programmes(first: 10) { edges { node { year plannedCount adoptedCount progress items { id status meeting { id } } } } } }`,
      {},
      member,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.programmes.edges.find((edge) => edge.node.year === year)!.node;
  };
  const proposalStatus = async (id: string) => (await t.db.orm.em.fork().findOneOrFail(Proposal, id)).status;

  it("adopts them with the vote that adopts the proposal, in the proposal's scope, and takes them back with a corrected vote", async () => {
    const { proposal, items } = await world(ProposalStatus.SCHEDULED, 2026);
    const em = t.db.orm.em.fork();
    const session = await buildMeetingIn(
      em,
      em.getReference(Organization, organizationId),
      em.getReference(Unit, committeeId),
      { status: MeetingStatus.IN_PROGRESS },
    );
    const [agendaItem] = await buildAgendaItems(em, session, [
      {
        title: 'Đề án kinh tế số',
        status: AgendaItemStatus.IN_DISCUSSION,
        proposal: await em.findOneOrFail(Proposal, proposal.id),
      },
    ]);
    const [latest] = await t.db.orm.em
      .fork()
      .find(Event, {}, { orderBy: { seq: 'desc' }, fields: ['seq'], limit: 1 });
    const after = latest?.seq ?? '0';
    const stream = collect<{
      events: { type: string; subject: { __typename: string; id: string; status?: string } };
    }>(
      t.ws(member),
      `subscription($id: ID!, $after: String) { events(scope: { type: PROPOSAL, id: $id }, after: $after) {
         type subject { __typename ... on ProgrammeItem { id status } ... on Proposal { id } } } }`,
      { id: proposal.id, after },
      (received) => received.filter((r) => r.events.type === EventType.PROGRAMME_ITEM_UPDATED).length >= 4,
      15_000,
    );
    const vote = async (outcome: VoteOutcome) => {
      const version = (await t.db.orm.em.fork().findOneOrFail(AgendaItem, agendaItem!.id)).version;
      const answer = await t.gql(
        `mutation($input: RecordVoteInput!) { recordVote(input: $input) { agendaItem { id } } }`,
        {
          input: {
            agendaItemId: agendaItem!.id,
            votesFor: 9,
            votesAgainst: 1,
            abstentions: 1,
            outcome,
            expectedVersion: version,
          },
        },
        office,
      );
      expect(answer.errors).toBeUndefined();
    };

    await vote(VoteOutcome.ADOPTED);
    expect(await proposalStatus(proposal.id)).toBe(ProposalStatus.ADOPTED);
    const adopted = await programmeOf(2026);
    expect(adopted.items.map((item) => [item.id, item.status, item.meeting?.id ?? null])).toEqual([
      [items[0]!.id, ProgrammeItemStatus.ADOPTED, session.id],
      [items[1]!.id, ProgrammeItemStatus.ADOPTED, session.id],
      [items[2]!.id, ProgrammeItemStatus.PLANNED, null],
    ]);
    expect([adopted.plannedCount, adopted.adoptedCount, adopted.progress]).toEqual([3, 2, 2 / 3]);
    const events = await t.db.orm.em
      .fork()
      .find(Event, { type: EventType.PROGRAMME_ITEM_UPDATED }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.subjectType, e.subjectId, e.scopeType, e.scopeId, e.changes])).toEqual([
      [
        'PROGRAMME_ITEM',
        items[0]!.id,
        'PROPOSAL',
        proposal.id,
        {
          status: { before: ProgrammeItemStatus.SUBMITTED, after: ProgrammeItemStatus.ADOPTED },
          meetingId: { before: null, after: session.id },
        },
      ],
      [
        'PROGRAMME_ITEM',
        items[1]!.id,
        'PROPOSAL',
        proposal.id,
        {
          status: { before: ProgrammeItemStatus.IN_PREPARATION, after: ProgrammeItemStatus.ADOPTED },
          meetingId: { before: null, after: session.id },
        },
      ],
    ]);

    // The vote corrected: the proposal is scheduled again, its items submitted (the meeting that heard it stays).
    await vote(VoteOutcome.REJECTED);
    expect(await proposalStatus(proposal.id)).toBe(ProposalStatus.SCHEDULED);
    const corrected = await programmeOf(2026);
    expect(corrected.items.map((item) => [item.status, item.meeting?.id ?? null])).toEqual([
      [ProgrammeItemStatus.SUBMITTED, session.id],
      [ProgrammeItemStatus.SUBMITTED, session.id],
      [ProgrammeItemStatus.PLANNED, null],
    ]);
    expect(corrected.adoptedCount).toBe(0);

    // Live, in the proposal's scope, with the item as the subject; the polled feed of one item has its own.
    const received = await stream.done;
    stream.unsubscribe();
    expect(stream.errors).toEqual([]);
    expect(
      received
        .filter((r) => r.events.type === EventType.PROGRAMME_ITEM_UPDATED)
        .map((r) => [r.events.subject.__typename, r.events.subject.id]),
    ).toEqual([
      ['ProgrammeItem', items[0]!.id],
      ['ProgrammeItem', items[1]!.id],
      ['ProgrammeItem', items[0]!.id],
      ['ProgrammeItem', items[1]!.id],
    ]);
    const page = await t.gql<{ events: { events: { type: string; changes: Record<string, unknown> }[] } }>(
      `query($id: ID!) { events(scope: { type: PROGRAMME_ITEM, id: $id }, first: 10) { events { type changes } } }`,
      { id: items[0]!.id },
      member,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.events.events.map((e) => e.changes.status)).toEqual([
      { before: ProgrammeItemStatus.SUBMITTED, after: ProgrammeItemStatus.ADOPTED },
      { before: ProgrammeItemStatus.ADOPTED, after: ProgrammeItemStatus.SUBMITTED },
    ]);
  });

  it('names in its events only a meeting that every reader of the programme may read', async () => {
    const { proposal, items } = await world(ProposalStatus.SCHEDULED, 2028);
    const em = t.db.orm.em.fork();
    const session = await buildMeetingIn(
      em,
      em.getReference(Organization, organizationId),
      em.getReference(Unit, committeeId),
      { status: MeetingStatus.IN_PROGRESS, classification: Classification.CONFIDENTIAL },
    );
    await buildAgendaItems(em, session, [
      { title: 'Đề án kinh tế số', proposal: await em.findOneOrFail(Proposal, proposal.id) },
    ]);
    const answer = await t.gql(
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { status } } }`,
      { input: { proposalId: proposal.id, to: ProposalStatus.ADOPTED, expectedVersion: proposal.version } },
      office,
    );
    expect(answer.errors).toBeUndefined();
    // Adopted with the session (kept on the item), which the programme's readers may not read.
    expect((await t.db.orm.em.fork().findOneOrFail(ProgrammeItem, items[0]!.id)).meeting?.id).toBe(
      session.id,
    );
    const page = await t.gql<{ events: { events: { type: string; changes: Record<string, unknown> }[] } }>(
      `query($id: ID!) { events(scope: { type: PROGRAMME_ITEM, id: $id }, first: 10) { events { type changes } } }`,
      { id: items[0]!.id },
      member,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.events.events.map((e) => e.changes)).toEqual([
      { status: { before: ProgrammeItemStatus.SUBMITTED, after: ProgrammeItemStatus.ADOPTED } },
    ]);
    const programme = await programmeOf(2028);
    expect(programme.items.find((item) => item.id === items[0]!.id)!.meeting).toBeNull();
  });

  it('adopts them without a meeting when the office records an adoption no session on the agenda decided', async () => {
    const { proposal, items } = await world(ProposalStatus.SCHEDULED, 2027);
    const answer = await t.gql(
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { status } } }`,
      { input: { proposalId: proposal.id, to: ProposalStatus.ADOPTED, expectedVersion: proposal.version } },
      office,
    );
    expect(answer.errors).toBeUndefined();
    const programme = await programmeOf(2027);
    expect(programme.items.map((item) => [item.id, item.status, item.meeting])).toEqual([
      [items[0]!.id, ProgrammeItemStatus.ADOPTED, null],
      [items[1]!.id, ProgrammeItemStatus.ADOPTED, null],
      [items[2]!.id, ProgrammeItemStatus.PLANNED, null],
    ]);
  });
});
