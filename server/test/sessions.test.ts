import { ApiTokenScope, Classification, EventType, MembershipRole, SystemRole } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import { hashToken, newToken } from '../src/auth/tokens.js';
import {
  ApiToken,
  Event,
  LoginAttempt,
  Meeting,
  Organization,
  Session,
  Unit,
  User,
} from '../src/entities/index.js';
import { buildApiToken, buildMeeting, buildOrganization, buildUser } from './support/factories.js';
import { collect, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const loginMutation = `mutation($input: LoginInput!) { login(input: $input) { token user { email } } }`;
const password = 'mật-khẩu-thử-nghiệm';

describe('sessions, API tokens and rate limits', () => {
  let t: TestServer;
  let org: Organization;
  let office: { user: User; token: string };
  let admin: { user: User; token: string };
  let meetingId: string;
  let committeeId: string;
  let email: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const built = await buildOrganization(em);
      org = built.organization;
      office = await buildUser(em, org, { unit: built.office, role: MembershipRole.STAFF });
      admin = await buildUser(em, org, { systemRole: SystemRole.ADMIN });
      office.user.passwordHash = await hashPassword(password);
      email = office.user.email;
      await em.flush();
      meetingId = (await buildMeeting(em, org, built.committee)).id;
      committeeId = built.committee.id;
    });
  });
  afterAll(() => t.close());

  const login = (pass = password, who = email) =>
    t.gql<{ login: { token: string } }>(loginMutation, { input: { email: who, password: pass } });
  const touchMeeting = async (token: string) => {
    const version = (await t.db.orm.em.fork().findOneOrFail(Meeting, meetingId)).version;
    return t.gql(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`,
      { input: { id: meetingId, expectedVersion: version, location: `Phòng ${version}` } },
      token,
    );
  };

  it('logs in with argon2id, answers the viewer, and logout ends the session on HTTP', async () => {
    const stored = await t.db.orm.em
      .fork()
      .findOneOrFail(User, office.user.id, { populate: ['passwordHash'] });
    expect(stored.passwordHash.startsWith('$argon2id$')).toBe(true);
    const session = await login();
    const token = session.data!.login.token;
    expect((await t.gql<{ viewer: { id: string } }>(`{ viewer { id } }`, {}, token)).data?.viewer.id).toBe(
      office.user.id,
    );
    // Only the hash of the token is stored.
    expect(await t.db.orm.em.fork().count(Session, { tokenHash: token })).toBe(0);
    expect((await t.gql(`mutation { logout }`, {}, token)).data).toEqual({ logout: true });
    expect(code(await t.gql(`{ viewer { id } }`, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('ends access on an open WebSocket when the session is logged out', async () => {
    const token = (await login()).data!.login.token;
    const start = await t.gql<{ events: { pageInfo: { endCursor: string | null } } }>(
      `query($id: ID!) { events(scope: { type: MEETING, id: $id }, first: 100) { pageInfo { endCursor } } }`,
      { id: meetingId },
      token,
    );
    const stream = collect<{ events: { type: string } }>(
      t.ws(token),
      `subscription($id: ID!, $after: String) { events(scope: { type: MEETING, id: $id }, after: $after) { type } }`,
      { id: meetingId, after: start.data?.events.pageInfo.endCursor ?? '0' },
      5,
      30_000, // the stream ends by itself (an error, then complete) once the session is gone
    );
    expect((await touchMeeting(office.token)).errors).toBeUndefined();
    await expect.poll(() => stream.received.length, { timeout: 3_000 }).toBe(1);
    await t.gql(`mutation { logout }`, {}, token);
    expect((await touchMeeting(office.token)).errors).toBeUndefined();
    await stream.done;
    expect(stream.received).toHaveLength(1);
    expect(JSON.stringify(stream.errors)).toContain('UNAUTHENTICATED');
  });

  it('expires sessions after the absolute limit and after idling', async () => {
    const em = t.db.orm.em.fork();
    const expired = await buildUser(em, org, {});
    await em.nativeUpdate(Session, { user: expired.user }, { expiresAt: new Date(Date.now() - 1000) });
    expect(code(await t.gql(`{ viewer { id } }`, {}, expired.token))).toBe('UNAUTHENTICATED');
    const idle = await buildUser(em, org, {});
    await em.nativeUpdate(
      Session,
      { user: idle.user },
      { lastSeenAt: new Date(Date.now() - (t.config.sessionIdleHours * 3_600_000 + 60_000)) },
    );
    expect(code(await t.gql(`{ viewer { id } }`, {}, idle.token))).toBe('UNAUTHENTICATED');
  });

  it('answers a refused credential with HTTP 401, UNAUTHENTICATED and a message that says why', async () => {
    const ask = async (authorization: string) => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      const body = (await response.json()) as GraphQLResponse<unknown>;
      return { status: response.status, code: code(body), message: body.errors?.[0]?.message ?? '' };
    };
    const em = t.db.orm.em.fork();
    const revoked = await buildUser(em, org, {});
    await em.nativeUpdate(Session, { user: revoked.user }, { revokedAt: new Date() });
    const expired = await buildUser(em, org, {});
    await em.nativeUpdate(Session, { user: expired.user }, { expiresAt: new Date(Date.now() - 1000) });
    const deactivated = await buildUser(em, org, {});
    await em.nativeUpdate(User, { id: deactivated.user.id }, { active: false });
    const cases: [string, RegExp][] = [
      ['Bearer garbage', /not recognised/],
      ['Basic b2ZmaWNlOnNlY3JldA==', /must be "Bearer <token>"/],
      ['Bearer qt_unknown', /not recognised/],
      [`Bearer ${revoked.token}`, /signed out/],
      [`Bearer ${expired.token}`, /expired/],
      [`Bearer ${deactivated.token}`, /deactivated/],
    ];
    for (const [authorization, message] of cases) {
      const answer = await ask(authorization);
      expect(answer, authorization).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(answer.message, authorization).toMatch(message);
    }
  });

  it('lets a user list and revoke their sessions, and changing the password ends the others', async () => {
    const first = (await login()).data!.login.token;
    const second = (await login()).data!.login.token;
    const listed = await t.gql<{ sessions: { id: string; current: boolean }[] }>(
      `{ sessions { id current } }`,
      {},
      first,
    );
    const other = listed.data!.sessions.find((s) => !s.current)!;
    expect(listed.data!.sessions.filter((s) => s.current)).toHaveLength(1);
    const revoked = await t.gql(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: other.id }, first);
    expect(revoked.errors).toBeUndefined();
    const stillSecond = await t.gql(`{ viewer { id } }`, {}, second);
    const stillFirst = await t.gql(`{ viewer { id } }`, {}, first);
    // One of the two was revoked: exactly one still works.
    expect([code(stillSecond), code(stillFirst)].filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(1);
    const keep = code(stillFirst) ? second : first;

    const third = (await login()).data!.login.token;
    const weak = await t.gql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: password, newPassword: 'short' } },
      keep,
    );
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const changed = await t.gql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: password, newPassword: 'một-mật-khẩu-mới-dài' } },
      keep,
    );
    expect(changed.errors).toBeUndefined();
    expect((await t.gql(`{ viewer { id } }`, {}, keep)).errors).toBeUndefined();
    expect(code(await t.gql(`{ viewer { id } }`, {}, third))).toBe('UNAUTHENTICATED');
    expect(code(await login())).toBe('UNAUTHENTICATED');
    expect((await login('một-mật-khẩu-mới-dài')).errors).toBeUndefined();
    // Put it back for the other tests, with a fresh session (the change ended the factory's).
    await t.db.orm.em
      .fork()
      .nativeUpdate(User, { id: office.user.id }, { passwordHash: await hashPassword(password) });
    office.token = (await login()).data!.login.token;
  });

  it('API tokens: shown once, stored hashed, scoped; a read token cannot mutate; revoked or expired tokens stop', async () => {
    const created = await t.gql<{
      createApiToken: { token: string; apiToken: { id: string; scopes: string[] } };
    }>(
      `mutation { createApiToken(input: { name: "Cổng thông tin", scopes: [READ] }) { token apiToken { id name scopes lastUsedAt } } }`,
      {},
      office.token,
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(apiToken.scopes).toEqual(['READ']);
    expect(await t.db.orm.em.fork().count(ApiToken, { tokenHash: token })).toBe(0);
    expect((await t.gql(`{ meetings { totalCount } }`, {}, token)).errors).toBeUndefined();
    expect((await t.db.orm.em.fork().findOneOrFail(ApiToken, apiToken.id)).lastUsedAt).toBeInstanceOf(Date);
    const eventsBefore = await t.db.orm.em.fork().count(Event, {});
    expect(code(await touchMeeting(token))).toBe('FORBIDDEN');
    expect(
      code(
        await t.gql(
          `mutation { createApiToken(input: { name: "x", scopes: [WRITE] }) { token } }`,
          {},
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.db.orm.em.fork().count(Event, {})).toBe(eventsBefore);
    // Listed without the secret; revoked by its owner.
    const listed = await t.gql<{ apiTokens: { id: string }[] }>(
      `{ apiTokens { id name } }`,
      {},
      office.token,
    );
    expect(listed.data!.apiTokens.map((x) => x.id)).toContain(apiToken.id);
    expect(
      (
        await t.gql(
          `mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { revokedAt } } }`,
          { id: apiToken.id },
          office.token,
        )
      ).errors,
    ).toBeUndefined();
    expect(code(await t.gql(`{ meetings { totalCount } }`, {}, token))).toBe('UNAUTHENTICATED');

    const em = t.db.orm.em.fork();
    const writer = await buildApiToken(em, office.user, [ApiTokenScope.READ, ApiTokenScope.WRITE]);
    expect((await touchMeeting(writer.token)).errors).toBeUndefined();
    await em.nativeUpdate(ApiToken, { id: writer.apiToken.id }, { expiresAt: new Date(Date.now() - 1000) });
    t.accessChanged(org.id);
    expect(code(await touchMeeting(writer.token))).toBe('UNAUTHENTICATED');
    const calendarOnly = await buildApiToken(em, office.user, [ApiTokenScope.CALENDAR]);
    expect(code(await t.gql(`{ meetings { totalCount } }`, {}, calendarOnly.token))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(`{ meetings { totalCount } }`, {}, 'qs_not-a-real-token'))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('rate limits failed logins per account, without telling whether the email exists', async () => {
    const em = t.db.orm.em.fork();
    const victim = await buildUser(em, org, {});
    victim.user.passwordHash = await hashPassword(password);
    await em.flush();
    for (let i = 0; i < t.config.loginLimit.perAccount; i++) {
      expect(code(await login('sai-mật-khẩu', victim.user.email))).toBe('UNAUTHENTICATED');
    }
    // Now even the right password is refused for a while; so is an unknown email after as many tries.
    expect(code(await login(password, victim.user.email))).toBe('RATE_LIMITED');
    await t.db.orm.em.fork().nativeDelete(LoginAttempt, {});
    for (let i = 0; i < t.config.loginLimit.perAccount; i++) await login('sai', 'khong-co@quorum.test');
    expect(code(await login('sai', 'khong-co@quorum.test'))).toBe('RATE_LIMITED');
    await t.db.orm.em.fork().nativeDelete(LoginAttempt, {});
    expect((await login(password, victim.user.email)).errors).toBeUndefined();
  });

  it('rate limits failed logins per client address across accounts', async () => {
    await t.db.orm.em.fork().nativeDelete(LoginAttempt, {});
    const { perAddress } = t.config.loginLimit;
    for (let i = 0; i < perAddress; i++) await login('sai', `nguoi-${i}@quorum.test`);
    expect(code(await login(password))).toBe('RATE_LIMITED');
    await t.db.orm.em.fork().nativeDelete(LoginAttempt, {});
    expect((await login()).errors).toBeUndefined();
  });

  it('caps open sessions per user: a login beyond the cap ends the least recently used, audited as revoked', async () => {
    const cap = t.config.sessionsPerUser;
    const em = t.db.orm.em.fork();
    const { user, token: newest } = await buildUser(em, org, {});
    user.passwordHash = await hashPassword(password);
    // With the factory's session, cap + 1 open sessions, each used a minute before the one after it.
    const older = Array.from({ length: cap }, (_, i) => {
      const token = newToken('qs');
      const session = em.create(Session, {
        user,
        tokenHash: hashToken(token),
        lastSeenAt: new Date(Date.now() - (cap - i) * 60_000),
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      return { token, id: session.id };
    });
    // Ended sessions do not count.
    em.create(Session, {
      user,
      tokenHash: hashToken(newToken('qs')),
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
      revokedAt: new Date(),
    });
    await em.flush();
    await t.db.orm.em.fork().nativeDelete(LoginAttempt, {});

    const token = (await login(password, user.email)).data!.login.token;
    const listed = await t.gql<{ sessions: { id: string; current: boolean }[] }>(
      `{ sessions { id current } }`,
      {},
      token,
    );
    expect(listed.data!.sessions).toHaveLength(cap);
    // The two least recently used ended, and only they: the new session took the last place.
    const ended = older.slice(0, 2);
    for (const { token: gone } of ended)
      expect(code(await t.gql(`{ viewer { id } }`, {}, gone))).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ viewer { id } }`, {}, older[2]!.token)).errors).toBeUndefined();
    expect((await t.gql(`{ viewer { id } }`, {}, newest)).errors).toBeUndefined();
    const revoked = await t.db.orm.em
      .fork()
      .find(Event, { subjectId: user.id, type: EventType.SESSION_REVOKED, auditOnly: true });
    expect(revoked.map((e) => e.changes?.sessionId?.after).sort()).toEqual(ended.map((s) => s.id).sort());
    expect(revoked.every((e) => e.actor?.id === user.id)).toBe(true);
  });

  it('flags API tokens for review after a password change: they keep working until confirmed or revoked', async () => {
    const em = t.db.orm.em.fork();
    const { user } = await buildUser(em, org, {});
    user.passwordHash = await hashPassword(password);
    await em.flush();
    await t.db.orm.em.fork().nativeDelete(LoginAttempt, {});
    const session = (await login(password, user.email)).data!.login.token;
    const kept = await buildApiToken(em, user, [ApiTokenScope.READ]);
    const dropped = await buildApiToken(em, user, [ApiTokenScope.READ, ApiTokenScope.WRITE]);
    const revokedBefore = await buildApiToken(em, user, [ApiTokenScope.READ]);
    await em.nativeUpdate(ApiToken, { id: revokedBefore.apiToken.id }, { revokedAt: new Date() });
    const feed = await buildApiToken(em, user, [ApiTokenScope.CALENDAR]);
    const review = async () => {
      const listed = await t.gql<{ apiTokens: { id: string; reviewRequestedAt: string | null }[] }>(
        `{ apiTokens { id reviewRequestedAt } }`,
        {},
        session,
      );
      return Object.fromEntries(listed.data!.apiTokens.map((x) => [x.id, x.reviewRequestedAt !== null]));
    };
    expect(Object.values(await review())).toEqual([false, false, false, false]);

    const changed = await t.gql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: password, newPassword: 'mật-khẩu-mới-rất-dài' } },
      session,
    );
    expect(changed.errors).toBeUndefined();
    // Only the live READ and WRITE tokens; the revoked one and the calendar feed have nothing to review.
    expect(await review()).toEqual({
      [kept.apiToken.id]: true,
      [dropped.apiToken.id]: true,
      [revokedBefore.apiToken.id]: false,
      [feed.apiToken.id]: false,
    });
    expect((await t.gql(`{ meetings { totalCount } }`, {}, kept.token)).errors).toBeUndefined();

    // A flagged token cannot clear a flag, its own or its owner's other token's: a stolen WRITE token must
    // not outlive the password change that was meant to put it under review.
    const confirm = `mutation($id: ID!) { confirmApiToken(id: $id) { apiToken { id reviewRequestedAt } } }`;
    expect(code(await t.gql(confirm, { id: dropped.apiToken.id }, dropped.token))).toBe('FORBIDDEN');
    expect(code(await t.gql(confirm, { id: kept.apiToken.id }, dropped.token))).toBe('FORBIDDEN');
    expect(Object.values(await review()).filter(Boolean)).toHaveLength(2);

    // Someone else cannot confirm it; its owner can, and the confirmation is audited.
    expect(code(await t.gql(confirm, { id: kept.apiToken.id }, office.token))).toBe('NOT_FOUND');
    const confirmed = await t.gql<{ confirmApiToken: { apiToken: { reviewRequestedAt: string | null } } }>(
      confirm,
      { id: kept.apiToken.id },
      session,
    );
    expect(confirmed.data?.confirmApiToken.apiToken.reviewRequestedAt).toBeNull();
    const revoked = await t.gql(
      `mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { id } } }`,
      { id: dropped.apiToken.id },
      session,
    );
    expect(revoked.errors).toBeUndefined();
    expect(Object.values(await review())).toEqual([false, false, false, false]);
    expect((await t.gql(`{ meetings { totalCount } }`, {}, kept.token)).errors).toBeUndefined();
    const audit = await t.db.orm.em
      .fork()
      .find(Event, { subjectId: user.id, type: EventType.API_TOKEN_CONFIRMED, auditOnly: true });
    expect(audit.map((e) => e.changes?.apiTokenId?.after)).toEqual([kept.apiToken.id]);
  });

  it("flags the user's API tokens for review when an administrator resets the password", async () => {
    const em = t.db.orm.em.fork();
    const { user } = await buildUser(em, org, {});
    const token = await buildApiToken(em, user, [ApiTokenScope.READ]);
    const reset = await t.gql(
      `mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`,
      { id: user.id },
      admin.token,
    );
    expect(reset.errors).toBeUndefined();
    const flagged = await t.db.orm.em.fork().findOneOrFail(ApiToken, token.apiToken.id);
    expect(flagged.reviewRequestedAt).toBeInstanceOf(Date);
    expect((await t.gql(`{ meetings { totalCount } }`, {}, token.token)).errors).toBeUndefined();
  });

  it('records every read of a CONFIDENTIAL object in the audit trail, never in the live feed', async () => {
    const em = t.db.orm.em.fork();
    const secret = await buildMeeting(
      em,
      em.getReference(Organization, org.id),
      em.getReference(Unit, committeeId),
      {
        classification: Classification.CONFIDENTIAL,
        title: 'Họp mật',
      },
    );
    secret.accessList.add(em.getReference(User, office.user.id));
    await em.flush();
    t.accessChanged(org.id);
    const read = await t.gql<{ meeting: { title: string } }>(
      `query($id: ID!) { meeting(id: $id) { title } }`,
      { id: secret.id },
      office.token,
    );
    expect(read.data?.meeting.title).toBe('Họp mật');
    await t.gql(`{ meetings(first: 100) { edges { node { id title } } } }`, {}, office.token);
    const audit = await t.db.orm.em.fork().find(Event, { subjectId: secret.id, auditOnly: true });
    expect(audit.map((e) => [e.type, e.actor?.id])).toEqual([
      ['meeting.read', office.user.id],
      ['meeting.read', office.user.id],
    ]);
    const feed = await t.gql<{ events: { events: { type: string }[] } }>(
      `query($id: ID!) { events(scope: { type: MEETING, id: $id }, first: 100) { events { type } } }`,
      { id: secret.id },
      office.token,
    );
    expect(feed.data?.events.events).toEqual([]);
  });
});
