import { ErrorCode, limits, MeetingStatus } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AgendaItem, type Meeting } from '../src/entities/index.js';
import { buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

let t: TestServer;
let token: string;
let organizationId: string;
let meeting: Meeting;
/** A DRAFT meeting whose agenda the limit tests add to. */
let draft: Meeting;

beforeAll(async () => {
  t = await startTestServer(async (db) => {
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    token = tenant.office.token;
    organizationId = tenant.organization.id;
    meeting = await buildMeetingIn(em, tenant.organization, tenant.committee, {
      status: MeetingStatus.SCHEDULED,
    });
    draft = await buildMeetingIn(em, tenant.organization, tenant.committee);
  });
});
afterAll(() => t.close());

describe('malformed ids', () => {
  it('answers null (not found) for a malformed id in every single-object query, as for an unknown one', async () => {
    for (const field of ['meeting', 'attachment', 'proposal', 'task']) {
      for (const id of ['not-a-uuid', "1' or '1'='1", '42']) {
        const result = await t.gql(`query($id: ID!) { found: ${field}(id: $id) { id } }`, { id }, token);
        expect(result, `${field}(${id})`).toEqual({ data: { found: null } });
      }
    }
    const literal = await t.gql(`{ meeting(id: "not-a-uuid") { id } }`, {}, token);
    expect(literal).toEqual({ data: { meeting: null } });
  });

  it('answers BAD_USER_INPUT with the field for a malformed id given to a mutation, directly or in its input', async () => {
    const direct = await t.gql(`mutation { revokeSession(id: "not-a-uuid") }`, {}, token);
    expect(direct.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'id' });

    const inInput = await t.gql(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`,
      { input: { id: 'not-a-uuid', expectedVersion: 1, title: 'x' } },
      token,
    );
    expect(inInput.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'id' });
  });

  it('answers BAD_USER_INPUT for a malformed id in a list filter or an event scope, and for a malformed cursor', async () => {
    const filtered = await t.gql(`{ tasks(filter: { assigneeUnitId: "nope" }) { totalCount } }`, {}, token);
    expect(filtered.errors?.[0]?.extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'assigneeUnitId',
    });
    const proposals = await t.gql(`{ proposals(filter: { leadUnitId: "nope" }) { totalCount } }`, {}, token);
    expect(proposals.errors?.[0]?.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);

    const scope = await t.gql(
      `{ events(scope: { type: MEETING, id: "nope" }) { events { cursor } } }`,
      {},
      token,
    );
    expect(scope.errors?.[0]?.extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'scope.id',
    });

    const cursor = await t.gql(
      `query($id: ID!) { events(scope: { type: MEETING, id: $id }, after: "x'; --") { events { cursor } } }`,
      { id: meeting.id },
      token,
    );
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'after' });
  });

  it('answers 404 on the export routes for a malformed id', async () => {
    const response = await fetch(`${t.url}/meetings/not-a-uuid/book.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
  });

  it('logs an unexpected database error with the request id, its class and SQLSTATE only: no SQL, no parameters', async () => {
    // A column the ORM filters on is gone: the next read of meetings fails inside the database, with the
    // organization id among the parameters of its SQL.
    const rename = (from: string, to: string) =>
      t.db.orm.em.fork().getConnection().execute(`alter table meeting rename column ${from} to ${to}`);
    await rename('organization_id', 'organization_gone');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? `${arg.stack}` : String(arg))).join(' '));
    });
    try {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ meetings { edges { node { id } } } }` }),
      });
      const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
      const requestId = response.headers.get('x-request-id');
      expect(body.errors?.[0]?.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR, requestId });

      const logged = lines.join('\n');
      expect(logged).toContain(`[${requestId}] unexpected error: `);
      expect(logged).toContain('42703'); // undefined_column
      expect(logged).not.toMatch(/select|from|where|organization_gone|"meeting"/i);
      expect(logged).not.toContain(organizationId);
      expect(logged).not.toMatch(/\n\s+at /);
    } finally {
      log.mockRestore();
      await rename('organization_gone', 'organization_id');
    }
  });
});

describe('limit errors', () => {
  const addItem = (input: Record<string, unknown>) =>
    t.gql(
      `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } } }`,
      { input: { meetingId: draft.id, title: 'Báo cáo', ...input } },
      token,
    );

  it('name the field, the rule and the limit of an over-long or empty title, and store nothing', async () => {
    const long = await addItem({ title: 'T'.repeat(limits.titleMax + 1) });
    expect(long.errors?.[0]).toMatchObject({
      message: `title: at most ${limits.titleMax} characters`,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        field: 'title',
        constraint: 'maxLength',
        limit: limits.titleMax,
      },
    });
    const empty = await addItem({ title: '' });
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      field: 'title',
      constraint: 'minLength',
      limit: 1,
    });

    const stored = await t.db.orm.em.fork().count(AgendaItem, { meeting: draft.id });
    expect(stored).toBe(0);
  });

  it(`explain a duration above ${limits.durationMinutesMax} or below 0 minutes the same way`, async () => {
    const over = await addItem({ durationMinutes: limits.durationMinutesMax + 1 });
    expect(over.errors?.[0]).toMatchObject({
      message: `durationMinutes: at most ${limits.durationMinutesMax}`,
      extensions: { field: 'durationMinutes', constraint: 'max', limit: limits.durationMinutesMax },
    });
    const under = await addItem({ durationMinutes: -5 });
    expect(under.errors?.[0]?.extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'durationMinutes',
      constraint: 'min',
      limit: 0,
    });
    const fits = await addItem({ durationMinutes: limits.durationMinutesMax });
    expect(fits.errors).toBeUndefined();
  });

  it('give the path of a refused field inside a list, and the size limit of the list', async () => {
    const nested = await t.gql(
      `mutation($input: AddParticipantsInput!) { addParticipants(input: $input) { participants { id } } }`,
      { input: { meetingId: draft.id, participants: [{ userId: 'nope', role: 'MEMBER' }] } },
      token,
    );
    expect(nested.errors?.[0]?.extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: 'participants.0.userId',
      constraint: 'isUuid',
    });
    expect(nested.errors?.[0]?.extensions).not.toHaveProperty('limit');
  });
});
