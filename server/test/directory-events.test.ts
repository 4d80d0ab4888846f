import { Classification, EventType, MembershipRole, SubjectType, SystemRole, UnitKind } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import { Event, type FieldChanges, type Organization, Unit, User } from '../src/entities/index.js';
import { buildOrganization, buildUser } from './support/factories.js';
import { collect, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const password = 'mật-khẩu-ban-đầu';
/** The rows a directory command may write; a credential's last use is touched by any request, so it is left out. */
const tables: Record<string, string> = {
  unit: 't::text',
  user: 't::text',
  membership: 't::text',
  session: '(t.id, t.user_id, t.token_hash, t.expires_at, t.revoked_at)::text',
  api_token: '(t.id, t.name, t.owner_id, t.scopes, t.token_hash, t.expires_at, t.revoked_at)::text',
  login_attempt: 't::text',
  event: 't::text',
};
const auditOnlyTypes: ReadonlySet<string> = new Set([
  EventType.USER_PASSWORD_RESET,
  EventType.USER_PASSWORD_CHANGED,
  EventType.SESSION_OPENED,
  EventType.SESSION_CLOSED,
  EventType.SESSION_REVOKED,
  EventType.API_TOKEN_CREATED,
  EventType.API_TOKEN_REVOKED,
]);

interface Person {
  user: User;
  token: string;
}

interface FeedEvent {
  events: {
    type: string;
    changes: FieldChanges | null;
    subject: { __typename: string; id: string; name?: string; fullName?: string } | null;
  };
}

describe('directory, session and token commands in the change feed', () => {
  let t: TestServer;
  let org: Organization;
  let admin: Person;
  let member: Person;
  /** Signs in with a password; the session commands are tried on their sessions. */
  let dave: Person;
  let office: Person;
  let department: Unit;
  let committee: Unit;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const built = await buildOrganization(em);
      org = built.organization;
      department = built.department;
      committee = built.committee;
      admin = await buildUser(em, org, { systemRole: SystemRole.ADMIN });
      member = await buildUser(em, org, { unit: built.department, role: MembershipRole.MEMBER });
      office = await buildUser(em, org, { unit: built.office, role: MembershipRole.STAFF });
      dave = await buildUser(em, org, { unit: built.department, role: MembershipRole.STAFF });
      dave.user.passwordHash = await hashPassword(password);
      await em.flush();
    });
  });
  afterAll(() => t.close());

  const sql = <T>(query: string, params: unknown[] = []) =>
    t.db.orm.em.fork().getConnection().execute<T>(query, params);

  /** Every row of the tables a directory command may write, as one hash: equal means nothing was written. */
  async function checksum(except?: string): Promise<string> {
    const parts: string[] = [];
    for (const [table, row] of Object.entries(tables)) {
      if (table === except) continue;
      const rows = await sql<{ h: string | null }[]>(
        `select md5(string_agg(${row}, '|' order by ${row})) as h from "${table}" t`,
      );
      parts.push(`${table}:${rows[0]?.h ?? ''}`);
    }
    return parts.join(',');
  }

  const latestSeq = async () =>
    (await sql<{ seq: string | null }[]>('select max(seq)::text as seq from event'))[0]?.seq ?? '0';
  const eventsAfter = (seq: string) =>
    t.db.orm.em.fork().find(Event, { seq: { $gt: seq } }, { orderBy: { seq: 'asc' } });

  /** Makes every insert into the event table fail, as a database error in the middle of a command would. */
  const refuseEvents = async () => {
    await sql(`create or replace function refuse_event() returns trigger language plpgsql as $$
      begin raise exception 'no event now'; end $$`);
    await sql(
      'create trigger refuse_event before insert on "event" for each row execute function refuse_event()',
    );
  };
  const allowEvents = () => sql('drop trigger refuse_event on "event"');

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, who: Person) =>
    t.gql<T>(query, variables, who.token);

  describe('each command appends its event in its own transaction', () => {
    const state: {
      unitId?: string;
      invitedId?: string;
      sessionToken?: string;
      otherSessionId?: string;
      apiTokenId?: string;
    } = {};
    let currentPassword = password;
    const login = () =>
      t.gql<{ login: { token: string } }>(
        `mutation($input: LoginInput!) { login(input: $input) { token } }`,
        { input: { email: dave.user.email, password: currentPassword } },
      );
    const asSession = (): Person => ({ user: dave.user, token: state.sessionToken ?? '' });

    interface Case {
      name: string;
      run: () => Promise<GraphQLResponse<Record<string, unknown>>>;
      /** What it appends: types in order, the subject, the scope and whether it is audit-only. */
      expect: () => { types: EventType[]; subject: [SubjectType, string]; scope: [SubjectType, string] };
      after?: (response: GraphQLResponse<Record<string, unknown>>) => void;
      /** Sets up what a later case needs, once this one has been checked. */
      prepareNext?: () => Promise<void>;
      /** A table the command writes before its own transaction, on purpose (a login records its attempt). */
      writesFirst?: string;
    }

    const cases: Case[] = [
      {
        name: 'createUnit',
        run: () =>
          gql(
            `mutation { createUnit(input: { name: "Ban Dân vận", kind: DEPARTMENT }) { unit { id } } }`,
            {},
            admin,
          ),
        after: (r) =>
          (state.unitId = (r.data as { createUnit: { unit: { id: string } } }).createUnit.unit.id),
        expect: () => ({
          types: [EventType.UNIT_CREATED],
          subject: [SubjectType.UNIT, state.unitId!],
          scope: [SubjectType.UNIT, state.unitId!],
        }),
      },
      {
        name: 'updateUnit',
        run: () =>
          gql(
            `mutation($id: ID!) { updateUnit(input: { id: $id, shortName: "BDV", parentId: null }) { unit { id } } }`,
            { id: state.unitId },
            admin,
          ),
        expect: () => ({
          types: [EventType.UNIT_UPDATED],
          subject: [SubjectType.UNIT, state.unitId!],
          scope: [SubjectType.UNIT, state.unitId!],
        }),
      },
      {
        name: 'inviteUser',
        run: () =>
          gql(
            `mutation($unitId: ID!) { inviteUser(input: { email: "moi@quorum.test", fullName: "Người Mới", unitId: $unitId, role: MEMBER }) { user { id } } }`,
            { unitId: state.unitId },
            admin,
          ),
        after: (r) =>
          (state.invitedId = (r.data as { inviteUser: { user: { id: string } } }).inviteUser.user.id),
        expect: () => ({
          types: [EventType.USER_INVITED, EventType.MEMBERSHIP_ADDED],
          subject: [SubjectType.USER, state.invitedId!],
          // The membership's event is in the unit's scope; the invitation's in the organization's.
          scope: [SubjectType.UNIT, state.unitId!],
        }),
      },
      {
        name: 'updateUser',
        run: () =>
          gql(
            `mutation($id: ID!) { updateUser(input: { id: $id, jobTitle: "Chuyên viên" }) { user { id } } }`,
            { id: state.invitedId },
            admin,
          ),
        expect: () => ({
          types: [EventType.USER_UPDATED],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'setSystemRole',
        run: () =>
          gql(
            `mutation($id: ID!) { setSystemRole(input: { id: $id, systemRole: ADMIN }) { user { id } } }`,
            { id: state.invitedId },
            admin,
          ),
        expect: () => ({
          types: [EventType.USER_SYSTEM_ROLE_CHANGED],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'setMembership (a new one)',
        run: () =>
          gql(
            `mutation($userId: ID!, $unitId: ID!) { setMembership(input: { userId: $userId, unitId: $unitId, role: STAFF }) { membership { id } } }`,
            { userId: state.invitedId, unitId: department.id },
            admin,
          ),
        expect: () => ({
          types: [EventType.MEMBERSHIP_ADDED],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.UNIT, department.id],
        }),
      },
      {
        name: 'setMembership (another role)',
        run: () =>
          gql(
            `mutation($userId: ID!, $unitId: ID!) { setMembership(input: { userId: $userId, unitId: $unitId, role: DEPUTY }) { membership { id } } }`,
            { userId: state.invitedId, unitId: department.id },
            admin,
          ),
        expect: () => ({
          types: [EventType.MEMBERSHIP_UPDATED],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.UNIT, department.id],
        }),
      },
      {
        name: 'removeMembership',
        run: () =>
          gql(
            `mutation($userId: ID!, $unitId: ID!) { removeMembership(input: { userId: $userId, unitId: $unitId }) }`,
            { userId: state.invitedId, unitId: department.id },
            admin,
          ),
        expect: () => ({
          types: [EventType.MEMBERSHIP_REMOVED],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.UNIT, department.id],
        }),
      },
      {
        name: 'setUserActive (deactivate)',
        run: () =>
          gql(
            `mutation($id: ID!) { setUserActive(input: { id: $id, active: false }) { user { id } } }`,
            { id: state.invitedId },
            admin,
          ),
        expect: () => ({
          types: [EventType.USER_DEACTIVATED],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'setUserActive (reactivate)',
        run: () =>
          gql(
            `mutation($id: ID!) { setUserActive(input: { id: $id, active: true }) { user { id } } }`,
            { id: state.invitedId },
            admin,
          ),
        expect: () => ({
          types: [EventType.USER_REACTIVATED],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'resetUserPassword',
        run: () =>
          gql(
            `mutation($id: ID!) { resetUserPassword(id: $id) { user { id } } }`,
            { id: state.invitedId },
            admin,
          ),
        expect: () => ({
          types: [EventType.USER_PASSWORD_RESET],
          subject: [SubjectType.USER, state.invitedId!],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'login',
        run: login,
        // Recorded before the password is checked, so that a burst cannot pass the login limits.
        writesFirst: 'login_attempt',
        after: (r) => (state.sessionToken = (r.data as { login: { token: string } }).login.token),
        prepareNext: async () => {
          // A second session (a lost laptop), for revokeSession.
          const other = await login();
          const sessions = await gql<{ sessions: { id: string; current: boolean }[] }>(
            `{ sessions { id current } }`,
            {},
            { user: dave.user, token: other.data!.login.token },
          );
          state.otherSessionId = sessions.data!.sessions.find((s) => s.current)!.id;
        },
        expect: () => ({
          types: [EventType.SESSION_OPENED],
          subject: [SubjectType.USER, dave.user.id],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'revokeSession',
        run: () =>
          gql(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: state.otherSessionId }, asSession()),
        expect: () => ({
          types: [EventType.SESSION_REVOKED],
          subject: [SubjectType.USER, dave.user.id],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'changePassword',
        run: () =>
          gql(
            `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
            { input: { currentPassword, newPassword: 'mật-khẩu-mới-dài-hơn' } },
            asSession(),
          ),
        after: () => (currentPassword = 'mật-khẩu-mới-dài-hơn'),
        expect: () => ({
          types: [EventType.USER_PASSWORD_CHANGED],
          subject: [SubjectType.USER, dave.user.id],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'createApiToken',
        run: () =>
          gql(
            `mutation { createApiToken(input: { name: "Cổng thông tin", scopes: [READ] }) { apiToken { id } } }`,
            {},
            asSession(),
          ),
        after: (r) =>
          (state.apiTokenId = (
            r.data as { createApiToken: { apiToken: { id: string } } }
          ).createApiToken.apiToken.id),
        expect: () => ({
          types: [EventType.API_TOKEN_CREATED],
          subject: [SubjectType.USER, dave.user.id],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'revokeApiToken',
        run: () =>
          gql(
            `mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { revokedAt } } }`,
            { id: state.apiTokenId },
            asSession(),
          ),
        expect: () => ({
          types: [EventType.API_TOKEN_REVOKED],
          subject: [SubjectType.USER, dave.user.id],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
      {
        name: 'logout',
        run: () => gql(`mutation { logout }`, {}, asSession()),
        expect: () => ({
          types: [EventType.SESSION_CLOSED],
          subject: [SubjectType.USER, dave.user.id],
          scope: [SubjectType.ORGANIZATION, org.id],
        }),
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        // Without its event the change is not written either: they are one transaction.
        const before = await checksum(c.writesFirst);
        await refuseEvents();
        try {
          const refused = await c.run();
          expect(refused.errors, 'refused while events cannot be written').toBeDefined();
        } finally {
          await allowEvents();
        }
        expect(await checksum(c.writesFirst)).toBe(before);

        const seq = await latestSeq();
        const response = await c.run();
        expect(response.errors).toBeUndefined();
        c.after?.(response);
        const appended = await eventsAfter(seq);
        const expected = c.expect();
        expect(appended.map((e) => e.type)).toEqual(expected.types);
        const last = appended.at(-1)!;
        expect([last.subjectType, last.subjectId]).toEqual(expected.subject);
        expect([last.scopeType, last.scopeId]).toEqual(expected.scope);
        for (const event of appended) {
          expect(event.organization.id).toBe(org.id);
          expect(event.classification).toBe(Classification.INTERNAL);
          expect(event.auditOnly, event.type).toBe(auditOnlyTypes.has(event.type));
          expect(JSON.stringify(event.changes)).not.toMatch(/argon2|passwordHash|tokenHash/);
        }
        await c.prepareNext?.();
      });
    }
  });

  describe('a refused updateUnit writes nothing', () => {
    const update = (input: Record<string, unknown>, who: Person = admin) =>
      gql(
        `mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { unit { id name kind } } }`,
        { input },
        who,
      );

    it('an unknown parent, a cycle, the unit itself or a non-administrator leave the unit and the feed as they were', async () => {
      const em = t.db.orm.em.fork();
      const parent = em.create(Unit, { organization: org, name: 'Tỉnh ủy', kind: UnitKind.COMMITTEE });
      const child = em.create(Unit, {
        organization: org,
        name: 'Ban Thường vụ',
        kind: UnitKind.COMMITTEE,
        parent,
      });
      await em.flush();
      const before = await checksum();
      const refusals: [Record<string, unknown>, string, Person?][] = [
        [
          { id: parent.id, name: 'X', kind: 'OFFICE', parentId: '00000000-0000-4000-8000-000000000000' },
          'NOT_FOUND',
        ],
        [{ id: parent.id, name: 'X', kind: 'OFFICE', parentId: child.id }, 'BAD_USER_INPUT'],
        [{ id: parent.id, name: 'X', kind: 'OFFICE', parentId: parent.id }, 'BAD_USER_INPUT'],
        [{ id: parent.id, name: null, kind: 'OFFICE' }, 'BAD_USER_INPUT'],
        [{ id: parent.id, name: 'X', kind: 'OFFICE' }, 'FORBIDDEN', member],
      ];
      for (const [input, expected, who] of refusals) {
        const response = await update(input, who);
        expect(code(response), JSON.stringify(input)).toBe(expected);
        expect(await checksum(), JSON.stringify(input)).toBe(before);
      }
      const stored = await t.db.orm.em.fork().findOneOrFail(Unit, parent.id);
      expect([stored.name, stored.kind, stored.parent ?? null]).toEqual([
        'Tỉnh ủy',
        UnitKind.COMMITTEE,
        null,
      ]);

      // A valid move is written with its before and after.
      const seq = await latestSeq();
      const moved = await update({ id: child.id, parentId: committee.id });
      expect(moved.errors).toBeUndefined();
      const [event] = await eventsAfter(seq);
      expect(event?.changes).toEqual({ parentId: { before: parent.id, after: committee.id } });
    });
  });

  it('delivers changes with their subject, and never an audit-only event, live or polled', async () => {
    const third = await buildUser(t.db.orm.em.fork(), org, { unit: department });
    const em = t.db.orm.em.fork();
    const carol = await em.findOneOrFail(User, third.user.id, { populate: ['passwordHash'] });
    carol.passwordHash = await hashPassword(password);
    await em.flush();
    const query = `subscription { events(scope: { type: ORGANIZATION }) { type changes subject { __typename ... on Unit { id name } ... on User { id fullName } ... on Meeting { id } } } }`;
    const sentinel = 'Ban Nội chính';
    const done = (received: FeedEvent[]) => received.some((r) => r.events.subject?.name === sentinel);
    const streams = [admin, member].map((who) => collect<FeedEvent>(t.ws(who.token), query, {}, done));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Credentials: logged in, tokens made and revoked, a session ended, a password changed and reset.
    const loggedIn = await t.gql<{ login: { token: string } }>(
      `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { email: carol.email, password } },
    );
    const carolSession: Person = { user: carol, token: loggedIn.data!.login.token };
    const created = await gql<{ createApiToken: { apiToken: { id: string } } }>(
      `mutation { createApiToken(input: { name: "x", scopes: [READ] }) { apiToken { id } } }`,
      {},
      carolSession,
    );
    const audited = [
      await gql(
        `mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { id } } }`,
        { id: created.data!.createApiToken.apiToken.id },
        carolSession,
      ),
      await gql(
        `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
        { input: { currentPassword: password, newPassword: 'một-mật-khẩu-khác' } },
        carolSession,
      ),
      await gql(`mutation { logout }`, {}, carolSession),
      await gql(`mutation($id: ID!) { resetUserPassword(id: $id) { user { id } } }`, { id: carol.id }, admin),
    ];
    for (const response of audited) expect(response.errors).toBeUndefined();

    // Directory changes: each reaches everyone with its before and after.
    const renamed = await gql(
      `mutation($id: ID!) { updateUser(input: { id: $id, fullName: "Trần Thị Carol" }) { user { id } } }`,
      { id: carol.id },
      admin,
    );
    expect(renamed.errors).toBeUndefined();
    const sent = await gql(
      `mutation($name: String!) { createUnit(input: { name: $name, kind: DEPARTMENT }) { unit { id } } }`,
      { name: sentinel },
      admin,
    );
    expect(sent.errors).toBeUndefined();

    for (const stream of streams) {
      const received = await stream.done;
      stream.unsubscribe();
      expect(stream.errors).toEqual([]);
      const types = received.map((r) => r.events.type);
      expect(types.filter((type) => auditOnlyTypes.has(type))).toEqual([]);
      expect(types).toEqual([EventType.USER_UPDATED, EventType.UNIT_CREATED]);
      expect(received[0]!.events.changes).toEqual({
        fullName: { before: carol.fullName, after: 'Trần Thị Carol' },
      });
      expect(received[0]!.events.subject).toEqual({
        __typename: 'User',
        id: carol.id,
        fullName: 'Trần Thị Carol',
      });
      expect(received[1]!.events.changes).toMatchObject({ name: { before: null, after: sentinel } });
    }
    const stored = await t.db.orm.em
      .fork()
      .find(Event, { subjectId: carol.id, auditOnly: true }, { orderBy: { seq: 'asc' } });
    expect(stored.map((e) => e.type)).toEqual([
      EventType.SESSION_OPENED,
      EventType.API_TOKEN_CREATED,
      EventType.API_TOKEN_REVOKED,
      EventType.USER_PASSWORD_CHANGED,
      EventType.SESSION_CLOSED,
      EventType.USER_PASSWORD_RESET,
    ]);
    const polled = await gql<{ events: { events: { type: string }[] } }>(
      `{ events(scope: { type: ORGANIZATION }, first: 100) { events { type } } }`,
      {},
      admin,
    );
    expect(polled.data!.events.events.filter((e) => auditOnlyTypes.has(e.type))).toEqual([]);
  });

  it('withholds the changes made while a meeting was more restricted than it is now', async () => {
    const created = await gql<{ createMeeting: { meeting: { id: string; version: number } } }>(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id version } } }`,
      {
        input: {
          committeeId: committee.id,
          title: 'Xem xét kỷ luật',
          kind: 'REGULAR',
          startsAt: '2026-12-20T01:00:00Z',
          classification: 'CONFIDENTIAL',
        },
      },
      office,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createMeeting.meeting.id;
    const edit = async (input: Record<string, unknown>) => {
      const version = (await sql<{ version: number }[]>('select version from meeting where id = ?', [id]))[0]!
        .version;
      const response = await gql(
        `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`,
        { input: { id, expectedVersion: version, ...input } },
        office,
      );
      expect(response.errors).toBeUndefined();
    };
    await edit({ title: 'Xem xét kỷ luật đồng chí A' });
    await edit({ title: 'Hội nghị thường kỳ', classification: 'INTERNAL' });
    await edit({ location: 'Phòng họp số 2' });

    const page = await gql<{ events: { events: { type: string; changes: FieldChanges | null }[] } }>(
      `query($id: ID!) { events(scope: { type: MEETING, id: $id }, first: 100) { events { type changes } } }`,
      { id },
      member,
    );
    expect(page.errors).toBeUndefined();
    const events = page.data!.events.events;
    expect(events.map((e) => e.type)).toEqual([
      EventType.MEETING_CREATED,
      EventType.MEETING_UPDATED,
      EventType.MEETING_UPDATED,
      EventType.MEETING_UPDATED,
    ]);
    // The confidential titles stay with those who could read them then, the lowering included.
    expect(events.slice(0, 3).map((e) => e.changes)).toEqual([null, null, null]);
    expect(events[3]!.changes).toEqual({ location: { before: null, after: 'Phòng họp số 2' } });
    expect(JSON.stringify(page)).not.toContain('kỷ luật');
  });
});
