import {
  AgendaItemStatus,
  AppraisalStatus,
  Attendance,
  Classification,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  ProposalStatus,
} from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Attachment,
  Event,
  Meeting,
  Notification,
  type Organization,
  type Unit,
  User,
} from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import {
  buildAgendaItems,
  buildMeetingIn,
  buildMeetingTenant,
  buildParticipants,
  buildProposalWithAppraisal,
} from './support/meeting-factories.js';
import { collect, startTestServer, type TestServer } from './support/server.js';
import { upload } from './support/uploads.js';

type Account = { user: User; token: string };

describe('participants, attendance, quorum, votes, readiness, templates', () => {
  let t: TestServer;
  let organization: Organization;
  let committee: Unit;
  let department: Unit;
  let office: Account;
  let member: Account;
  let people: Account[];

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      ({ organization, committee, department, office, member } = tenant);
      people = [];
      for (let i = 0; i < 6; i++)
        people.push(await buildUser(em, organization, { unit: committee, role: MembershipRole.MEMBER }));
    });
  });
  afterAll(() => t.close());

  const em = () => t.db.orm.em.fork();
  const gqlOk = async <T>(
    query: string,
    variables: Record<string, unknown>,
    token = office.token,
  ): Promise<T> => {
    const result = await t.gql<T>(query, variables, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };

  describe('participants and quorum', () => {
    it('invites participants (notifying each), records attendance live and derives the quorum', async () => {
      const meeting = await buildMeetingIn(em(), organization, committee, { status: MeetingStatus.DRAFT });
      const [chair, m1, m2, m3, m4, guest] = people as [Account, Account, Account, Account, Account, Account];
      const added = await gqlOk<{
        addParticipants: { participants: { id: string; role: string; user: { id: string } }[] };
      }>(
        `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { participants { id role user { id } } meeting { quorum { members present required reached } } } }`,
        {
          input: {
            meetingId: meeting.id,
            participants: [
              { userId: chair.user.id, role: 'CHAIR' },
              ...[m1, m2, m3, m4].map((p) => ({ userId: p.user.id, role: 'MEMBER' })),
              { userId: guest.user.id, role: 'INVITEE' },
              { userId: office.user.id, role: 'SECRETARY' },
            ],
          },
        },
      );
      const byUser = new Map(added.addParticipants.participants.map((p) => [p.user.id, p.id]));
      // Each invitee (not the office clerk who did it) has a notification of their invitation.
      for (const person of [chair, m1, m2, m3, m4, guest]) {
        const notes = await em().find(Notification, { user: person.user }, { populate: ['event'] });
        expect(notes.map((n) => n.event.getEntity().type)).toEqual(['participant.added']);
      }
      expect(await em().count(Notification, { user: office.user })).toBe(0);
      const again = await t.gql(
        `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { meeting { id } } }`,
        { input: { meetingId: meeting.id, participants: [{ userId: m1.user.id, role: 'MEMBER' }] } },
        office.token,
      );
      expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // Two offices inviting the same person at once: one invitation, the other refused as bad input.
      const twice = await Promise.all(
        [0, 1].map(() =>
          t.gql(
            `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { meeting { id } } }`,
            { input: { meetingId: meeting.id, participants: [{ userId: member.user.id, role: 'INVITEE' }] } },
            office.token,
          ),
        ),
      );
      expect(twice.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual([
        'BAD_USER_INPUT',
        'OK',
      ]);
      await gqlOk(
        `mutation($input: RemoveParticipantInput!) { removeParticipant(input: $input) { removedId } }`,
        {
          input: {
            id: (
              await gqlOk<{
                meeting: { participants: { edges: { node: { id: string; user: { id: string } } }[] } };
              }>(
                `query($id: ID!) { meeting(id: $id) { participants(first: 100) { edges { node { id user { id } } } } } }`,
                { id: meeting.id },
              )
            ).meeting.participants.edges.find((e) => e.node.user.id === member.user.id)!.node.id,
          },
        },
      );

      const quorum = async () =>
        (
          await gqlOk<{ meeting: { quorum: Record<string, number | boolean> } }>(
            `query($id: ID!) { meeting(id: $id) { quorum { members present required reached } } }`,
            { id: meeting.id },
          )
        ).meeting.quorum;
      // 5 voting members (chair + 4 members); invitee and secretary do not count. More than half: 3.
      expect(await quorum()).toEqual({ members: 5, present: 0, required: 3, reached: false });

      const attend = (user: Account, attendance: Attendance, token = office.token) =>
        t.gql<{
          recordAttendance: {
            participant: { attendance: string };
            meeting: { quorum: { present: number; reached: boolean } };
          };
        }>(
          `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) {
             participant { attendance } meeting { quorum { present reached } } } }`,
          { input: { participantId: byUser.get(user.user.id), attendance } },
          token,
        );
      // Not before the meeting is scheduled.
      expect((await attend(chair, Attendance.PRESENT)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await gqlOk(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { status } } }`,
        // Version 2: inviting the chair made them the meeting's chair.
        { input: { id: meeting.id, expectedVersion: 2 } },
      );
      expect((await attend(m4, Attendance.EXCUSED)).errors).toBeUndefined();
      await gqlOk(
        `mutation($input: StartMeetingInput!) { startMeeting(input: $input) { meeting { status } } }`,
        { input: { id: meeting.id, expectedVersion: 3 } },
      );

      // A live subscriber on the meeting's scope sees every attendance change.
      const cursor = await gqlOk<{ events: { pageInfo: { endCursor: string | null } } }>(
        `query($id: ID!) { events(scope: { type: MEETING, id: $id }, first: 100) { pageInfo { endCursor } } }`,
        { id: meeting.id },
      );
      const live = collect<{ events: { type: string; subject: { quorum: { present: number } } } }>(
        t.ws(member.token),
        `subscription($id: ID!, $after: String) { events(scope: { type: MEETING, id: $id }, after: $after) {
           type subject { ... on Meeting { quorum { present } } } } }`,
        { id: meeting.id, after: cursor.events.pageInfo.endCursor ?? '0' },
        3,
      );
      await attend(chair, Attendance.PRESENT);
      await attend(m1, Attendance.PRESENT);
      expect((await quorum()).reached).toBe(false);
      const third = await attend(guest, Attendance.PRESENT);
      expect(third.data?.recordAttendance.meeting.quorum).toEqual({ present: 2, reached: false });
      const decisive = await attend(m2, Attendance.PRESENT);
      expect(decisive.data?.recordAttendance.meeting.quorum).toEqual({ present: 3, reached: true });
      expect(await quorum()).toEqual({ members: 5, present: 3, required: 3, reached: true });
      const received = await live.done;
      live.unsubscribe();
      // Each event carries the meeting as it is when delivered (so a late reader sees the latest quorum).
      expect(received.slice(0, 3).map((r) => r.events.type)).toEqual(Array(3).fill('attendance.recorded'));
      const seen = received.map((r) => r.events.subject.quorum.present);
      expect(seen).toEqual([...seen].sort());
      expect(seen.every((present) => present >= 1 && present <= 3)).toBe(true);
      expect((await attend(m3, Attendance.PRESENT, member.token)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );

      // Roles change with a version; a removed participant no longer counts.
      const p3 = byUser.get(m3.user.id)!;
      const demoted = await gqlOk<{ updateParticipant: { participant: { role: string; version: number } } }>(
        `mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { participant { role version } } }`,
        { input: { id: p3, expectedVersion: 1, role: 'INVITEE' } },
      );
      expect(demoted.updateParticipant.participant).toEqual({ role: 'INVITEE', version: 2 });
      await gqlOk(
        `mutation($input: RemoveParticipantInput!) { removeParticipant(input: $input) { removedId } }`,
        {
          input: { id: byUser.get(m4.user.id) },
        },
      );
      expect(await quorum()).toEqual({ members: 3, present: 3, required: 2, reached: true });
    });
  });

  describe('votes and conclusions', () => {
    it('records a vote on an item under discussion, guarded by the item version', async () => {
      const meeting = await buildMeetingIn(em(), organization, committee, {
        status: MeetingStatus.IN_PROGRESS,
      });
      await buildParticipants(
        em(),
        meeting,
        people
          .slice(0, 5)
          .map((p, i) => ({ user: p.user, role: i === 0 ? ParticipantRole.CHAIR : ParticipantRole.MEMBER })),
      );
      const [pending, discussed] = await buildAgendaItems(em(), meeting, [
        { title: 'Chưa thảo luận' },
        { title: 'Đề án', status: AgendaItemStatus.IN_DISCUSSION },
      ]);
      const vote = (itemId: string, input: Record<string, unknown>) =>
        t.gql<{ recordVote: { agendaItem: { version: number; vote: Record<string, unknown> } } }>(
          `mutation($input: RecordVoteInput!) { recordVote(input: $input) { agendaItem { version vote { votesFor votesAgainst abstentions outcome } } } }`,
          { input: { agendaItemId: itemId, ...input } },
          office.token,
        );
      const counts = { votesFor: 4, votesAgainst: 1, abstentions: 0, outcome: 'ADOPTED' };
      expect((await vote(pending!.id, { expectedVersion: 1, ...counts })).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      const recorded = await vote(discussed!.id, { expectedVersion: 1, ...counts });
      expect(recorded.data?.recordVote.agendaItem).toEqual({
        version: 2,
        vote: { votesFor: 4, votesAgainst: 1, abstentions: 0, outcome: 'ADOPTED' },
      });
      // Someone else still at version 1: CONFLICT, nothing changed.
      const stale = await vote(discussed!.id, { expectedVersion: 1, ...counts, votesFor: 3, abstentions: 1 });
      expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      // More votes than voting members: refused.
      const tooMany = await vote(discussed!.id, { expectedVersion: 2, ...counts, votesFor: 6 });
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'votesFor' });
      const corrected = await vote(discussed!.id, {
        expectedVersion: 2,
        ...counts,
        votesFor: 3,
        abstentions: 1,
      });
      expect(corrected.data?.recordVote.agendaItem.vote).toMatchObject({ votesFor: 3, abstentions: 1 });
      const events = await em().find(Event, { scopeId: meeting.id, type: 'vote.recorded' });
      expect(events.map((e) => e.subjectId)).toEqual([discussed!.id, discussed!.id]);

      const concluded = await gqlOk<{ updateAgendaItem: { agendaItem: { conclusion: string } } }>(
        `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { agendaItem { conclusion } } }`,
        { input: { id: discussed!.id, expectedVersion: 3, conclusion: 'Thông qua đề án.' } },
      );
      expect(concluded.updateAgendaItem.agendaItem.conclusion).toBe('Thông qua đề án.');
    });
  });

  describe('readiness', () => {
    it('reports per item and per meeting what is ready, and who has opened the materials', async () => {
      const e = em();
      const meeting = await buildMeetingIn(e, organization, committee, { status: MeetingStatus.SCHEDULED });
      const [reader, other] = people as [Account, Account];
      await buildParticipants(e, meeting, [
        { user: reader.user, role: ParticipantRole.MEMBER },
        { user: other.user, role: ParticipantRole.MEMBER },
      ]);
      const appraised = await buildProposalWithAppraisal(e, organization, department, member.user, {
        appraisalStatus: AppraisalStatus.CLOSED,
      });
      const inAppraisal = await buildProposalWithAppraisal(e, organization, department, member.user, {
        status: ProposalStatus.IN_APPRAISAL,
      });
      const items = await buildAgendaItems(e, meeting, [
        { title: 'Khai mạc', presenterUser: people[0]!.user },
        { title: 'Đề án đã thẩm định', presenterUnit: department, proposal: appraised },
        {
          title: 'Phần II',
          children: [
            { title: 'Đề án đang thẩm định', presenterUser: member.user, proposal: inAppraisal },
            { title: 'Báo cáo', presenterUser: member.user },
          ],
        },
      ]);
      const id = Object.fromEntries(items.map((item) => [item.title, item.id]));
      const readiness = async () =>
        (
          await gqlOk<{
            meeting: {
              readiness: Record<string, unknown> & {
                items: { title: string; readiness: Record<string, boolean> }[];
              };
              agenda: { title: string; readiness: Record<string, boolean> }[];
            };
          }>(
            `query($id: ID!) { meeting(id: $id) {
               readiness { total ready materialsAttached appraisalFinished presenterConfirmed complete participants materialsRead
                 items { title readiness { materialsAttached appraisalFinished presenterConfirmed ready } } }
               agenda { title readiness { ready } } } }`,
            { id: meeting.id },
          )
        ).meeting;

      let state = await readiness();
      expect(state.readiness).toMatchObject({
        total: 4,
        ready: 0,
        materialsAttached: 2,
        appraisalFinished: 3,
        presenterConfirmed: 0,
        complete: false,
        participants: 2,
        materialsRead: 0,
      });
      expect(state.readiness.items.map((i) => i.title)).toEqual([
        'Khai mạc',
        'Đề án đã thẩm định',
        'Đề án đang thẩm định',
        'Báo cáo',
      ]);

      // The opening needs no paper; presenters confirm (the user named, someone of the unit, or the office).
      await gqlOk(
        `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { agendaItem { id } } }`,
        { input: { id: id['Khai mạc'], expectedVersion: 1, materialsRequired: false } },
      );
      const confirm = (itemId: string, token: string) =>
        t.gql(
          `mutation($input: ConfirmPresenterInput!) { confirmPresenter(input: $input) { agendaItem { presenterConfirmedAt } } }`,
          {
            input: { agendaItemId: itemId },
          },
          token,
        );
      expect((await confirm(id['Khai mạc']!, member.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await confirm(id['Khai mạc']!, people[0]!.token)).errors).toBeUndefined();
      expect((await confirm(id['Đề án đã thẩm định']!, member.token)).errors).toBeUndefined(); // member of the unit
      expect((await confirm(id['Đề án đang thẩm định']!, office.token)).errors).toBeUndefined();
      expect((await confirm(id['Báo cáo']!, member.token)).errors).toBeUndefined();
      // A file for the report (uploaded as multipart: see uploads.test.ts).
      const attached = await upload(t.url, office.token, {
        meetingId: meeting.id,
        agendaItemId: id['Báo cáo'],
        name: 'bao-cao.pdf',
        content: '%PDF-1.4 báo cáo',
      });
      expect(attached.status).toBe(201);
      const attachmentId = attached.body.attachment!.id;
      expect(attached.body.attachment).toMatchObject({
        name: 'bao-cao.pdf',
        size: Buffer.byteLength('%PDF-1.4 báo cáo'),
      });

      state = await readiness();
      expect(state.readiness).toMatchObject({
        total: 4,
        ready: 3,
        materialsAttached: 4,
        appraisalFinished: 3,
        presenterConfirmed: 4,
      });
      // The heading combines its sub-items: not ready while one of them is not.
      expect(state.agenda.map((i) => [i.title, i.readiness.ready])).toEqual([
        ['Khai mạc', true],
        ['Đề án đã thẩm định', true],
        ['Phần II', false],
        ['Đề án đang thẩm định', false],
        ['Báo cáo', true],
      ]);
      expect(state.readiness.items[2]?.readiness).toEqual({
        materialsAttached: true,
        appraisalFinished: false,
        presenterConfirmed: true,
        ready: false,
      });

      // Changing a presenter clears the confirmation.
      const report = await em().findOneOrFail(Attachment, attachmentId, {
        populate: ['agendaItem'],
      });
      await gqlOk(
        `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { agendaItem { presenterConfirmedAt } } }`,
        {
          input: {
            id: id['Báo cáo'],
            expectedVersion: report.agendaItem!.getEntity().version,
            presenterUserId: other.user.id,
          },
        },
      );
      expect((await readiness()).readiness).toMatchObject({ presenterConfirmed: 3 });

      // Participants record that they opened the materials; the first time counts.
      const read = (token: string) =>
        t.gql<{ markMaterialsRead: { participant: { materialsReadAt: string } } }>(
          `mutation($input: MarkMaterialsReadInput!) { markMaterialsRead(input: $input) { participant { materialsReadAt } } }`,
          { input: { meetingId: meeting.id } },
          token,
        );
      const first = await read(reader.token);
      expect(first.errors).toBeUndefined();
      const second = await read(reader.token);
      expect(second.data?.markMaterialsRead.participant.materialsReadAt).toBe(
        first.data?.markMaterialsRead.participant.materialsReadAt,
      );
      expect((await read(member.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await readiness()).readiness).toMatchObject({ participants: 2, materialsRead: 1 });
      const participants = await gqlOk<{
        meeting: {
          participants: { edges: { node: { user: { id: string }; materialsReadAt: string | null } }[] };
        };
      }>(
        `query($id: ID!) { meeting(id: $id) { participants { edges { node { user { id } materialsReadAt } } } } }`,
        { id: meeting.id },
      );
      expect(
        participants.meeting.participants.edges
          .filter((e) => e.node.materialsReadAt)
          .map((e) => e.node.user.id),
      ).toEqual([reader.user.id]);

      // The file's content comes back as it went in; removing it is an event of the item.
      const file = await gqlOk<{ attachment: { contentBase64: string } }>(
        `query($id: ID!) { attachment(id: $id) { contentBase64 } }`,
        { id: attachmentId },
      );
      expect(Buffer.from(file.attachment.contentBase64, 'base64').toString()).toBe('%PDF-1.4 báo cáo');
      await gqlOk(
        `mutation($input: RemoveAttachmentInput!) { removeAttachment(input: $input) { removedId } }`,
        {
          input: { id: attachmentId },
        },
      );
      expect(await em().count(Attachment, { meeting: meeting.id })).toBe(0);
    });
  });

  describe('templates and repetition', () => {
    it('creates a meeting from a template, copying agenda structure and participants, and copies an agenda forward', async () => {
      const e = em();
      const template = await buildMeetingIn(e, organization, committee, {
        title: 'Giao ban tháng (mẫu)',
        isTemplate: true,
        startsAt: new Date('2026-01-05T01:00:00Z'),
        endsAt: new Date('2026-01-05T03:30:00Z'),
      });
      await buildParticipants(e, template, [
        { user: people[0]!.user, role: ParticipantRole.CHAIR },
        { user: people[1]!.user, role: ParticipantRole.MEMBER },
      ]);
      await buildAgendaItems(e, template, [
        { title: 'Tình hình tháng', durationMinutes: 30, presenterUnit: department },
        {
          title: 'Nhiệm vụ tháng tới',
          durationMinutes: 20,
          children: [{ title: 'Khối Đảng', durationMinutes: 10, presenterUser: people[1]!.user }],
        },
      ]);
      const templates = await gqlOk<{ meetings: { edges: { node: { id: string } }[] } }>(
        `{ meetings(filter: { templates: true }, first: 100) { edges { node { id isTemplate } } } }`,
        {},
      );
      expect(templates.meetings.edges.map((edge) => edge.node.id)).toContain(template.id);
      const regular = await gqlOk<{ meetings: { edges: { node: { id: string } }[] } }>(
        `{ meetings(first: 100) { edges { node { id } } } }`,
        {},
      );
      expect(regular.meetings.edges.map((edge) => edge.node.id)).not.toContain(template.id);

      const created = await gqlOk<{
        createMeetingFrom: {
          meeting: {
            id: string;
            title: string;
            status: string;
            isTemplate: boolean;
            startsAt: string;
            endsAt: string;
            agenda: {
              number: string;
              title: string;
              durationMinutes: number;
              presenterUser: { id: string } | null;
              presenterUnit: { id: string } | null;
              status: string;
            }[];
            participants: { edges: { node: { role: string; user: { id: string } } }[] };
          };
        };
      }>(
        `mutation($input: CreateMeetingFromInput!) { createMeetingFrom(input: $input) { meeting {
           id title status isTemplate startsAt endsAt
           agenda { number title durationMinutes status presenterUser { id } presenterUnit { id } }
           participants { edges { node { role user { id } } } } } } }`,
        {
          input: {
            sourceMeetingId: template.id,
            startsAt: '2026-12-07T01:00:00Z',
            title: 'Giao ban tháng 12',
          },
        },
      );
      const copy = created.createMeetingFrom.meeting;
      expect(copy).toMatchObject({
        title: 'Giao ban tháng 12',
        status: 'DRAFT',
        isTemplate: false,
        startsAt: '2026-12-07T01:00:00.000Z',
        endsAt: '2026-12-07T03:30:00.000Z',
      });
      expect(
        copy.agenda.map((i) => [
          i.number,
          i.title,
          i.durationMinutes,
          i.presenterUser?.id ?? null,
          i.presenterUnit?.id ?? null,
        ]),
      ).toEqual([
        ['1', 'Tình hình tháng', 30, null, department.id],
        ['2', 'Nhiệm vụ tháng tới', 20, null, null],
        ['2.1', 'Khối Đảng', 10, people[1]!.user.id, null],
      ]);
      expect(copy.participants.edges.map((edge) => `${edge.node.role} ${edge.node.user.id}`).sort()).toEqual(
        [`CHAIR ${people[0]!.user.id}`, `MEMBER ${people[1]!.user.id}`].sort(),
      );
      // The copy's participants are invited (notified); the template's were not.
      const invited = await em().find(Notification, { user: people[0]!.user }, { populate: ['event'] });
      expect(invited.some((n) => n.event.getEntity().scopeId === copy.id)).toBe(true);

      // Next month: copy the agenda forward into a meeting that already has an item.
      const next = await buildMeetingIn(em(), organization, committee, { title: 'Giao ban tháng 1' });
      await buildAgendaItems(em(), next, [{ title: 'Nội dung riêng' }]);
      const copied = await gqlOk<{
        copyAgenda: {
          agendaItems: { id: string }[];
          meeting: { agenda: { number: string; title: string }[] };
        };
      }>(
        `mutation($input: CopyAgendaInput!) { copyAgenda(input: $input) { agendaItems { id } meeting { agenda { number title } } } }`,
        { input: { fromMeetingId: copy.id, toMeetingId: next.id } },
      );
      expect(copied.copyAgenda.agendaItems).toHaveLength(3);
      expect(copied.copyAgenda.meeting.agenda.map((i) => `${i.number} ${i.title}`)).toEqual([
        '1 Nội dung riêng',
        '2 Tình hình tháng',
        '3 Nhiệm vụ tháng tới',
        '3.1 Khối Đảng',
      ]);
      expect(await em().count(Event, { scopeId: next.id, type: 'agenda.copied' })).toBe(1);

      // A confidential agenda is not copied into a less protected meeting; only the office copies.
      const secret = await buildMeetingIn(em(), organization, committee, {
        classification: Classification.CONFIDENTIAL,
      });
      const e2 = em();
      const secretMeeting = await e2.findOneOrFail(Meeting, secret.id);
      secretMeeting.accessList.add(e2.getReference(User, office.user.id));
      await e2.flush();
      t.accessChanged(organization.id);
      const refused = await t.gql(
        `mutation($input: CopyAgendaInput!) { copyAgenda(input: $input) { meeting { id } } }`,
        { input: { fromMeetingId: secret.id, toMeetingId: next.id } },
        office.token,
      );
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'fromMeetingId',
      });
      const notOffice = await t.gql(
        `mutation($input: CreateMeetingFromInput!) { createMeetingFrom(input: $input) { meeting { id } } }`,
        { input: { sourceMeetingId: template.id, startsAt: '2026-12-07T01:00:00Z' } },
        member.token,
      );
      expect(notOffice.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
