import { MembershipRole } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event, Meeting } from '../src/entities/index.js';
import { buildMeeting, buildOrganization, buildUser } from './support/factories.js';
import { collect, startTestServer, type TestServer } from './support/server.js';

const meetingFields = 'id version title kind status startsAt location committee { id name }';

describe('meetings: writes, conflicts and the live feed', () => {
  let t: TestServer;
  let office: { token: string };
  let member: { token: string };
  let committeeId: string;
  let meetingId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const org = await buildOrganization(em);
      office = await buildUser(em, org.organization, { unit: org.office, role: MembershipRole.STAFF });
      member = await buildUser(em, org.organization, { unit: org.department });
      committeeId = org.committee.id;
      meetingId = (await buildMeeting(em, org.organization, org.committee, { title: 'Giao ban tháng 11' }))
        .id;
    });
  });
  afterAll(() => t.close());

  const update = (input: Record<string, unknown>, token = office.token) =>
    t.gql<{ updateMeeting: { meeting: { title: string; version: number } } }>(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { ${meetingFields} } } }`,
      { input },
      token,
    );

  it('updates a meeting at the expected version and bumps the version', async () => {
    const result = await update({ id: meetingId, expectedVersion: 1, title: 'Giao ban tháng 11/2026' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateMeeting.meeting).toMatchObject({ title: 'Giao ban tháng 11/2026', version: 2 });
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const eventsBefore = await t.db.orm.em.fork().count(Event, {});
    const result = await update({
      id: meetingId,
      expectedVersion: 1,
      title: 'Lost update',
      location: 'Phòng 2',
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const row = await t.db.orm.em.fork().findOneOrFail(Meeting, meetingId);
    expect(row.title).toBe('Giao ban tháng 11/2026');
    expect(row.location ?? null).toBeNull();
    expect(row.version).toBe(2);
    expect(await t.db.orm.em.fork().count(Event, {})).toBe(eventsBefore);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const empty = await update({ id: meetingId, expectedVersion: 2, title: '' });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const backwards = await t.gql(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`,
      {
        input: {
          committeeId,
          title: 'X',
          kind: 'REGULAR',
          startsAt: '2026-12-02T08:00:00Z',
          endsAt: '2026-12-02T07:00:00Z',
        },
      },
      office.token,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
  });

  it('lets only the office write, and nobody anonymous', async () => {
    const forbidden = await update({ id: meetingId, expectedVersion: 2, title: 'Nope' }, member.token);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(`{ meetings { totalCount } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('pushes the event of a createMeeting made over HTTP to a graphql-ws subscriber, with the meeting as subject', async () => {
    const start = await t.gql<{ events: { pageInfo: { endCursor: string | null } } }>(
      `{ events(scope: { type: ORGANIZATION }, first: 100) { pageInfo { endCursor } } }`,
      {},
      office.token,
    );
    const subscription = collect<{
      events: { type: string; cursor: string; subject: { __typename: string; id: string; title: string } };
    }>(
      t.ws(member.token),
      `subscription($after: String) { events(scope: { type: ORGANIZATION }, after: $after) {
         cursor type occurredAt actor { fullName } subject { __typename ... on Meeting { ${meetingFields} } } } }`,
      { after: start.data?.events.pageInfo.endCursor ?? '0' },
      1,
    );
    const created = await t.gql<{ createMeeting: { meeting: { id: string } } }>(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { ${meetingFields} } } }`,
      {
        input: {
          committeeId,
          title: 'Hội nghị bất thường',
          kind: 'EXTRAORDINARY',
          startsAt: '2026-12-05T01:00:00Z',
        },
      },
      office.token,
    );
    expect(created.errors).toBeUndefined();
    const [first] = await subscription.done;
    subscription.unsubscribe();
    expect(subscription.errors).toEqual([]);
    expect(first?.events).toMatchObject({
      type: 'meeting.created',
      subject: {
        __typename: 'Meeting',
        id: created.data?.createMeeting.meeting.id,
        title: 'Hội nghị bất thường',
      },
    });
  });
});
