import { AgendaItemStatus, MeetingStatus, ParticipantRole } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgendaItem,
  Event,
  Meeting,
  Notification,
  type Organization,
  type Unit,
} from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import {
  buildAgendaItems,
  buildMeetingIn,
  buildMeetingTenant,
  buildParticipants,
} from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

// The specification, written out rather than imported, so a change to the machine must change this table.
const meetingAllowed: Record<MeetingStatus, MeetingStatus[]> = {
  DRAFT: [MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED],
  SCHEDULED: [MeetingStatus.IN_PROGRESS, MeetingStatus.CANCELLED],
  IN_PROGRESS: [MeetingStatus.CLOSED],
  CLOSED: [],
  CANCELLED: [],
};
const verbs: { to: MeetingStatus; mutation: string; can: string }[] = [
  { to: MeetingStatus.SCHEDULED, mutation: 'scheduleMeeting', can: 'schedule' },
  { to: MeetingStatus.IN_PROGRESS, mutation: 'startMeeting', can: 'start' },
  { to: MeetingStatus.CLOSED, mutation: 'closeMeeting', can: 'close' },
  { to: MeetingStatus.CANCELLED, mutation: 'cancelMeeting', can: 'cancel' },
];

// Agenda items: allowed targets by item status, while the meeting is IN_PROGRESS and before it starts.
const itemAllowedInSession: Record<AgendaItemStatus, AgendaItemStatus[]> = {
  PENDING: [AgendaItemStatus.IN_DISCUSSION, AgendaItemStatus.DEFERRED, AgendaItemStatus.WITHDRAWN],
  IN_DISCUSSION: [AgendaItemStatus.CONCLUDED, AgendaItemStatus.DEFERRED, AgendaItemStatus.WITHDRAWN],
  CONCLUDED: [],
  DEFERRED: [],
  WITHDRAWN: [],
};
const itemAllowedBefore: Record<AgendaItemStatus, AgendaItemStatus[]> = {
  PENDING: [AgendaItemStatus.DEFERRED, AgendaItemStatus.WITHDRAWN],
  IN_DISCUSSION: [AgendaItemStatus.DEFERRED, AgendaItemStatus.WITHDRAWN],
  CONCLUDED: [],
  DEFERRED: [],
  WITHDRAWN: [],
};

describe('meeting and agenda item state machines', () => {
  let t: TestServer;
  let organization: Organization;
  let committee: Unit;
  let office: { token: string };
  let member: { token: string };

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const tenant = await buildMeetingTenant(db.orm.em.fork());
      ({ organization, committee, office, member } = tenant);
    });
  });
  afterAll(() => t.close());

  const em = () => t.db.orm.em.fork();
  const meetingIn = (status: MeetingStatus, isTemplate = false) =>
    buildMeetingIn(em(), organization, committee, { status, isTemplate, title: `${status} meeting` });

  const transition = (mutation: string, id: string, expectedVersion = 1, token = office.token) =>
    t.gql<Record<string, { meeting: { status: string; version: number } }>>(
      `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { meeting { status version } } }`,
      { input: { id, expectedVersion } },
      token,
    );

  const viewerCan = async (id: string, token = office.token) =>
    (
      await t.gql<{ meeting: { viewerCan: Record<string, boolean | string[]> } }>(
        `query($id: ID!) { meeting(id: $id) { viewerCan { update schedule start close cancel nextStatuses manageAgenda recordAttendance recordVote } } }`,
        { id },
        token,
      )
    ).data!.meeting.viewerCan;

  describe.each(Object.values(MeetingStatus))('a %s meeting', (from) => {
    it.each(verbs)(
      '$mutation is allowed exactly when the machine allows it',
      async ({ to, mutation, can }) => {
        const meeting = await meetingIn(from);
        const allowed = meetingAllowed[from];
        expect((await viewerCan(meeting.id))[can]).toBe(allowed.includes(to));
        const eventsBefore = await em().count(Event, { subjectId: meeting.id });
        const result = await transition(mutation, meeting.id);
        const row = await em().findOneOrFail(Meeting, meeting.id);
        if (allowed.includes(to)) {
          expect(result.errors).toBeUndefined();
          expect(result.data?.[mutation]?.meeting).toEqual({ status: to, version: 2 });
          expect(row.status).toBe(to);
          const event = await em().findOneOrFail(Event, {
            subjectId: meeting.id,
            type: 'meeting.statusChanged',
          });
          // Closing keeps the minutes as a version, which the event names.
          expect(event.changes).toEqual({
            status: { before: from, after: to },
            ...(to === MeetingStatus.CLOSED
              ? { versionId: { before: null, after: expect.any(String) } }
              : {}),
          });
        } else {
          const error = result.errors?.[0];
          expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status', allowed });
          // The message names the allowed transitions.
          expect(error?.message).toContain(`allowed: ${allowed.length ? allowed.join(', ') : 'none'}`);
          expect(row.status).toBe(from);
          expect(row.version).toBe(1);
          expect(await em().count(Event, { subjectId: meeting.id })).toBe(eventsBefore);
        }
      },
    );
  });

  it('walks DRAFT → SCHEDULED → IN_PROGRESS → CLOSED, then refuses everything', async () => {
    const meeting = await meetingIn(MeetingStatus.DRAFT);
    expect((await viewerCan(meeting.id)).nextStatuses).toEqual(['SCHEDULED', 'CANCELLED']);
    expect((await transition('scheduleMeeting', meeting.id, 1)).data?.scheduleMeeting?.meeting.status).toBe(
      'SCHEDULED',
    );
    expect((await viewerCan(meeting.id)).recordAttendance).toBe(true);
    expect((await transition('startMeeting', meeting.id, 2)).data?.startMeeting?.meeting.status).toBe(
      'IN_PROGRESS',
    );
    expect(await viewerCan(meeting.id)).toMatchObject({
      recordVote: true,
      manageAgenda: true,
      nextStatuses: ['CLOSED'],
    });
    expect((await transition('closeMeeting', meeting.id, 3)).data?.closeMeeting?.meeting.status).toBe(
      'CLOSED',
    );
    expect(await viewerCan(meeting.id)).toEqual({
      update: false,
      schedule: false,
      start: false,
      close: false,
      cancel: false,
      nextStatuses: [],
      manageAgenda: false,
      recordAttendance: false,
      recordVote: false,
    });
    const edit = await t.gql(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`,
      { input: { id: meeting.id, expectedVersion: 4, title: 'Too late' } },
      office.token,
    );
    expect(edit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('checks the version first (CONFLICT), and lets only the office change a status (FORBIDDEN)', async () => {
    const meeting = await meetingIn(MeetingStatus.DRAFT);
    expect((await transition('scheduleMeeting', meeting.id, 7)).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect(
      (await transition('scheduleMeeting', meeting.id, 1, member.token)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await viewerCan(meeting.id, member.token)).schedule).toBe(false);
    expect((await em().findOneOrFail(Meeting, meeting.id)).status).toBe('DRAFT');
  });

  it('never moves a template, naming no allowed transition', async () => {
    const template = await meetingIn(MeetingStatus.DRAFT, true);
    const result = await transition('scheduleMeeting', template.id);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', allowed: [] });
    expect(result.errors?.[0]?.message).toMatch(/template/);
    expect((await viewerCan(template.id)).nextStatuses).toEqual([]);
  });

  it('notifies the participants when a meeting is scheduled or cancelled', async () => {
    const meeting = await meetingIn(MeetingStatus.DRAFT);
    const e = em();
    const alice = await buildUser(e, organization);
    const bob = await buildUser(e, organization);
    await buildParticipants(e, meeting, [
      { user: alice.user, role: ParticipantRole.CHAIR },
      { user: bob.user, role: ParticipantRole.MEMBER },
    ]);
    await transition('scheduleMeeting', meeting.id, 1);
    await transition('cancelMeeting', meeting.id, 2);
    for (const user of [alice.user, bob.user]) {
      const notes = await em().find(
        Notification,
        { user },
        { populate: ['event'], orderBy: { createdAt: 'asc' } },
      );
      expect(notes.map((n) => [n.event.getEntity().type, n.event.getEntity().changes])).toEqual([
        ['meeting.statusChanged', { status: { before: 'DRAFT', after: 'SCHEDULED' } }],
        ['meeting.statusChanged', { status: { before: 'SCHEDULED', after: 'CANCELLED' } }],
      ]);
    }
  });

  describe('agenda item statuses', () => {
    const change = (id: string, status: AgendaItemStatus, expectedVersion = 1) =>
      t.gql<{ changeAgendaItemStatus: { agendaItem: { status: string; version: number } } }>(
        `mutation($input: ChangeAgendaItemStatusInput!) { changeAgendaItemStatus(input: $input) { agendaItem { status version } } }`,
        { input: { id, expectedVersion, status } },
        office.token,
      );

    const cases = [MeetingStatus.IN_PROGRESS, MeetingStatus.SCHEDULED].flatMap((meetingStatus) =>
      Object.values(AgendaItemStatus).flatMap((from) =>
        Object.values(AgendaItemStatus).map((to) => ({ meetingStatus, from, to })),
      ),
    );

    it.each(cases)('meeting $meetingStatus: $from → $to', async ({ meetingStatus, from, to }) => {
      const meeting = await meetingIn(meetingStatus);
      const [item] = await buildAgendaItems(em(), meeting, [{ title: 'Nội dung', status: from }]);
      const allowed = (
        meetingStatus === MeetingStatus.IN_PROGRESS ? itemAllowedInSession : itemAllowedBefore
      )[from];
      const viewer = await t.gql<{ meeting: { agenda: { viewerCan: { nextStatuses: string[] } }[] } }>(
        `query($id: ID!) { meeting(id: $id) { agenda { viewerCan { nextStatuses } } } }`,
        { id: meeting.id },
        office.token,
      );
      expect(viewer.data?.meeting.agenda[0]?.viewerCan.nextStatuses).toEqual(allowed);
      const result = await change(item!.id, to);
      const row = await em().findOneOrFail(AgendaItem, item!.id);
      if (allowed.includes(to)) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.changeAgendaItemStatus.agendaItem).toEqual({ status: to, version: 2 });
        expect(row.status).toBe(to);
      } else {
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'status',
          allowed,
        });
        expect(result.errors?.[0]?.message).toContain(
          `allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
        );
        expect(row.status).toBe(from);
        expect(row.version).toBe(1);
      }
    });

    it('refuses every change once the meeting is CLOSED or CANCELLED', async () => {
      for (const status of [MeetingStatus.CLOSED, MeetingStatus.CANCELLED]) {
        const meeting = await meetingIn(status);
        const [item] = await buildAgendaItems(em(), meeting, [{ title: 'Nội dung' }]);
        const result = await change(item!.id, AgendaItemStatus.WITHDRAWN);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', allowed: [] });
      }
    });

    it('concludes with a conclusion text during the session', async () => {
      const meeting = await meetingIn(MeetingStatus.IN_PROGRESS);
      const [item] = await buildAgendaItems(em(), meeting, [
        { title: 'Đề án', status: AgendaItemStatus.IN_DISCUSSION },
      ]);
      const result = await t.gql<{
        changeAgendaItemStatus: { agendaItem: { status: string; conclusion: string } };
      }>(
        `mutation($input: ChangeAgendaItemStatusInput!) { changeAgendaItemStatus(input: $input) { agendaItem { status conclusion } } }`,
        {
          input: {
            id: item!.id,
            expectedVersion: 1,
            status: 'CONCLUDED',
            conclusion: 'Thống nhất thông qua đề án.',
          },
        },
        office.token,
      );
      expect(result.data?.changeAgendaItemStatus.agendaItem).toEqual({
        status: 'CONCLUDED',
        conclusion: 'Thống nhất thông qua đề án.',
      });
    });
  });
});
