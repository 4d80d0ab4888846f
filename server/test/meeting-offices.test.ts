// The meeting's chair and secretary and the participants' roles, kept in step whichever way they are set:
// through the meeting (createMeeting, updateMeeting) or through its participants (add, update, remove).
import { MembershipRole, ParticipantRole, SystemRole } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event, Meeting, Participant } from '../src/entities/index.js';
import { buildOrganization, buildUser } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

const MEETING = `id version location endsAt chair { id } secretary { id }
  participants(first: 100) { edges { node { id version role user { id } } } }`;

interface MeetingShape {
  id: string;
  version: number;
  location: string | null;
  endsAt: string | null;
  chair: { id: string } | null;
  secretary: { id: string } | null;
  participants: {
    edges: { node: { id: string; version: number; role: ParticipantRole; user: { id: string } } }[];
  };
}

/** Who takes part, by user id, with their role. */
const roles = (meeting: MeetingShape | undefined) =>
  Object.fromEntries(meeting?.participants.edges.map(({ node }) => [node.user.id, node.role]) ?? []);

describe('chair and secretary, in step with the participants', () => {
  let t: TestServer;
  let officeToken: string;
  let committeeId: string;
  let people: Record<'a' | 'b' | 'c' | 'd', string>;
  let adminId: string;
  let adminWithUnitId: string;
  let foreignId: string;
  let inactiveId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      officeToken = tenant.office.token;
      committeeId = tenant.committee.id;
      const member = () =>
        buildUser(em, tenant.organization, { unit: tenant.committee, role: MembershipRole.MEMBER });
      people = {
        a: (await member()).user.id,
        b: (await member()).user.id,
        c: (await member()).user.id,
        d: (await member()).user.id,
      };
      inactiveId = (
        await buildUser(em, tenant.organization, {
          unit: tenant.committee,
          role: MembershipRole.MEMBER,
          active: false,
        })
      ).user.id;
      adminId = (await buildUser(em, tenant.organization, { systemRole: SystemRole.ADMIN })).user.id;
      adminWithUnitId = (
        await buildUser(em, tenant.organization, { systemRole: SystemRole.ADMIN, unit: tenant.department })
      ).user.id;
      const foreign = await buildOrganization(em, 'Another organization');
      foreignId = (await buildUser(em, foreign.organization, { unit: foreign.committee })).user.id;
    });
  });
  afterAll(() => t.close());

  const gql = <T>(query: string, input: Record<string, unknown>) => t.gql<T>(query, { input }, officeToken);
  const create = (input: Record<string, unknown>) =>
    gql<{ createMeeting: { meeting: MeetingShape } }>(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { ${MEETING} } } }`,
      { committeeId, title: 'Hội nghị', kind: 'REGULAR', startsAt: '2027-01-10T01:00:00Z', ...input },
    );
  const update = (input: Record<string, unknown>) =>
    gql<{ updateMeeting: { meeting: MeetingShape } }>(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { ${MEETING} } } }`,
      input,
    );
  const read = async (id: string) =>
    (
      await t.gql<{ meeting: MeetingShape }>(
        `query($id: ID!) { meeting(id: $id) { ${MEETING} } }`,
        { id },
        officeToken,
      )
    ).data!.meeting;
  const participantOf = (meeting: MeetingShape, userId: string) =>
    meeting.participants.edges.find(({ node }) => node.user.id === userId)!.node;
  const setRole = (meeting: MeetingShape, userId: string, role: ParticipantRole) => {
    const participant = participantOf(meeting, userId);
    return gql<{ updateParticipant: { meeting: MeetingShape } }>(
      `mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { meeting { ${MEETING} } } }`,
      { id: participant.id, expectedVersion: participant.version, role },
    );
  };
  const eventsOf = (meetingId: string) =>
    t.db.orm.em.fork().find(Event, { scopeId: meetingId }, { orderBy: { seq: 'asc' } });

  it('creates a meeting with its place, end, chair and secretary, who take part in those roles', async () => {
    const created = await create({
      location: 'Phòng họp số 1',
      endsAt: '2027-01-10T04:00:00Z',
      chairId: people.a,
      secretaryId: people.b,
    });
    expect(created.errors).toBeUndefined();
    const meeting = created.data!.createMeeting.meeting;
    expect(meeting).toMatchObject({
      location: 'Phòng họp số 1',
      endsAt: '2027-01-10T04:00:00.000Z',
      chair: { id: people.a },
      secretary: { id: people.b },
    });
    expect(roles(meeting)).toEqual({ [people.a]: 'CHAIR', [people.b]: 'SECRETARY' });
    expect((await eventsOf(meeting.id)).map((event) => event.type)).toEqual([
      'meeting.created',
      'participant.added',
      'participant.added',
    ]);
  });

  it('makes a participant given the CHAIR role the chair, and the previous chair a member', async () => {
    const meeting = (await create({ chairId: people.a, secretaryId: people.b })).data!.createMeeting.meeting;
    const added = await gql<{ addParticipants: { meeting: MeetingShape } }>(
      `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { meeting { ${MEETING} } } }`,
      { meetingId: meeting.id, participants: [{ userId: people.c, role: 'MEMBER' }] },
    );
    expect(added.errors).toBeUndefined();
    const before = await t.db.orm.em.fork().findOneOrFail(Meeting, meeting.id);

    const promoted = await setRole(added.data!.addParticipants.meeting, people.c, ParticipantRole.CHAIR);
    expect(promoted.errors).toBeUndefined();
    const after = promoted.data!.updateParticipant.meeting;
    expect(after.chair).toEqual({ id: people.c });
    expect(after.secretary).toEqual({ id: people.b });
    expect(roles(after)).toEqual({ [people.a]: 'MEMBER', [people.b]: 'SECRETARY', [people.c]: 'CHAIR' });
    expect(after.version).toBe(before.version + 1);
    const last = (await eventsOf(meeting.id)).slice(-3);
    expect(last.map((event) => event.type)).toEqual([
      'participant.updated',
      'participant.updated',
      'meeting.updated',
    ]);
    expect(last[2]!.changes).toEqual({ chairId: { before: people.a, after: people.c } });

    // The secretary's office passes the same way; the former secretary, who does not vote, stays an invitee.
    const secretary = await setRole(after, people.a, ParticipantRole.SECRETARY);
    expect(secretary.errors).toBeUndefined();
    const now = secretary.data!.updateParticipant.meeting;
    expect(now.secretary).toEqual({ id: people.a });
    expect(roles(now)).toEqual({ [people.a]: 'SECRETARY', [people.b]: 'INVITEE', [people.c]: 'CHAIR' });

    // Giving the chair another role leaves the chair empty.
    const stepDown = await setRole(now, people.c, ParticipantRole.MEMBER);
    expect(stepDown.data!.updateParticipant.meeting.chair).toBeNull();
  });

  it('names a chair through the meeting (adding them), clears it with null, and removing the chair empties it', async () => {
    const meeting = (await create({ chairId: people.a })).data!.createMeeting.meeting;
    const named = await update({ id: meeting.id, expectedVersion: meeting.version, chairId: people.d });
    expect(named.errors).toBeUndefined();
    const withD = named.data!.updateMeeting.meeting;
    expect(withD.chair).toEqual({ id: people.d });
    expect(roles(withD)).toEqual({ [people.a]: 'MEMBER', [people.d]: 'CHAIR' });

    const cleared = await update({ id: meeting.id, expectedVersion: withD.version, chairId: null });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateMeeting.meeting.chair).toBeNull();
    expect(roles(cleared.data!.updateMeeting.meeting)).toEqual({
      [people.a]: 'MEMBER',
      [people.d]: 'MEMBER',
    });

    const again = await update({
      id: meeting.id,
      expectedVersion: cleared.data!.updateMeeting.meeting.version,
      chairId: people.a,
      secretaryId: people.b,
    });
    expect(again.errors).toBeUndefined();
    const chairParticipant = participantOf(again.data!.updateMeeting.meeting, people.a);
    const removed = await gql<{ removeParticipant: { meeting: MeetingShape } }>(
      `mutation($input: RemoveParticipantInput!) { removeParticipant(input: $input) { meeting { ${MEETING} } } }`,
      { id: chairParticipant.id },
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeParticipant.meeting.chair).toBeNull();
    expect(removed.data!.removeParticipant.meeting.secretary).toEqual({ id: people.b });
  });

  it('refuses bad offices and times with the field, before anything is written', async () => {
    const meeting = (await create({ chairId: people.a, secretaryId: people.b })).data!.createMeeting.meeting;
    const eventsBefore = (await eventsOf(meeting.id)).length;
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ chairId: people.c, secretaryId: people.c }, 'BAD_USER_INPUT', 'secretaryId'],
      [{ chairId: people.c, endsAt: '2027-01-10T00:00:00Z' }, 'BAD_USER_INPUT', 'endsAt'],
      [{ chairId: adminId }, 'BAD_USER_INPUT', 'chairId'],
      [{ secretaryId: foreignId }, 'NOT_FOUND', ''],
    ];
    for (const [input, code, field] of refusals) {
      const result = await update({ id: meeting.id, expectedVersion: meeting.version, ...input });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
      if (field) expect(result.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(await read(meeting.id)).toEqual(meeting);
    expect((await eventsOf(meeting.id)).length).toBe(eventsBefore);

    const twoChairs = await gql(
      `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { meeting { id } } }`,
      {
        meetingId: meeting.id,
        participants: [
          { userId: people.c, role: 'CHAIR' },
          { userId: people.d, role: 'CHAIR' },
        ],
      },
    );
    expect(twoChairs.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'participants',
    });
    const backwards = await create({ startsAt: '2027-01-10T08:00:00Z', endsAt: '2027-01-10T07:00:00Z' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    expect(await t.db.orm.em.fork().count(Participant, { meeting: meeting.id })).toBe(2);
  });

  it('does not let a system administrator without a unit take part; one who belongs to a unit may', async () => {
    const meeting = (await create({})).data!.createMeeting.meeting;
    const add = (userId: string) =>
      gql(`mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { meeting { id } } }`, {
        meetingId: meeting.id,
        participants: [{ userId, role: 'INVITEE' }],
      });
    const refused = await add(adminId);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participants' });
    expect((await add(adminWithUnitId)).errors).toBeUndefined();
    const asChair = await create({ chairId: adminId });
    expect(asChair.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'chairId' });
  });

  it('lists as possible participants everyone of the organization but a system administrator without a unit', async () => {
    type Users = { users: { totalCount: number; edges: { node: { id: string } }[] } };
    const ids = (result: { data?: Users | null }) => result.data!.users.edges.map(({ node }) => node.id);
    const all = await t.gql<Users>(
      `{ users(first: 100) { totalCount edges { node { id } } } }`,
      {},
      officeToken,
    );
    const candidates = await t.gql<Users>(
      `{ users(first: 100, filter: { mayTakePart: true }) { totalCount edges { node { id } } } }`,
      {},
      officeToken,
    );
    expect(candidates.errors).toBeUndefined();
    expect(ids(all)).toContain(adminId);
    expect(ids(candidates)).toEqual(ids(all).filter((id) => id !== adminId));
    expect(ids(candidates)).toEqual(expect.arrayContaining([adminWithUnitId, people.a]));
    expect(candidates.data!.users.totalCount).toBe(all.data!.users.totalCount - 1);
  });

  it("invites a unit's active members at once with people named one by one, skipping who already takes part", async () => {
    const meeting = (await create({ chairId: people.a })).data!.createMeeting.meeting;
    const add = (input: Record<string, unknown>) =>
      gql<{ addParticipants: { meeting: MeetingShape; participants: { user: { id: string } }[] } }>(
        `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) {
           participants { user { id } } meeting { ${MEETING} } } }`,
        { meetingId: meeting.id, ...input },
      );
    const asChairs = await add({ units: [{ unitId: committeeId, role: 'CHAIR' }] });
    expect(asChairs.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'units' });
    const result = await add({
      participants: [{ userId: people.b, role: 'SECRETARY' }],
      units: [{ unitId: committeeId, role: 'MEMBER' }],
    });
    expect(result.errors).toBeUndefined();
    const after = result.data!.addParticipants.meeting;
    // The chair keeps the chair, b is named as secretary, the other active members join; the inactive do not.
    expect(roles(after)).toEqual({
      [people.a]: 'CHAIR',
      [people.b]: 'SECRETARY',
      [people.c]: 'MEMBER',
      [people.d]: 'MEMBER',
    });
    expect(Object.keys(roles(after))).not.toContain(inactiveId);
    expect(after.secretary).toEqual({ id: people.b });
    expect(result.data!.addParticipants.participants).toHaveLength(3);
    const again = await add({ units: [{ unitId: committeeId, role: 'MEMBER' }] });
    expect(again.data!.addParticipants.participants).toEqual([]);
  });
});
