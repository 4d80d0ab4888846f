import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../src/seeders/seed.js';
import { startTestServer, type TestServer } from './support/server.js';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

describe('read API over HTTP on the seeded demo data', () => {
  let t: TestServer;
  let token: string;

  beforeAll(async () => {
    t = await startTestServer((db, config) => seedIfEmpty(db.orm, config.demoPassword).then(() => undefined));
    const login = await t.gql<{ login: { token: string; user: { email: string } } }>(
      `mutation($input: LoginInput!) { login(input: $input) { token user { email fullName } } }`,
      { input: { email: 'office@quorum.test', password: t.config.demoPassword } },
    );
    expect(login.errors).toBeUndefined();
    token = login.data!.login.token;
  });
  afterAll(() => t.close());

  it('refuses a wrong password without saying whether the email exists', async () => {
    const wrongPassword = await t.gql(
      `mutation { login(input: { email: "office@quorum.test", password: "nope-nope" }) { token } }`,
    );
    const unknownEmail = await t.gql(
      `mutation { login(input: { email: "nobody@quorum.test", password: "nope-nope" }) { token } }`,
    );
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
  });

  it('tells each demo account what it may create: the office schedules meetings, the administrator manages the directory', async () => {
    const expected: Record<string, { createMeeting: boolean; createUnit: boolean }> = {
      'office@quorum.test': { createMeeting: true, createUnit: false },
      'chanhvanphong@quorum.test': { createMeeting: true, createUnit: false },
      'admin@quorum.test': { createMeeting: false, createUnit: true },
      'bithu@quorum.test': { createMeeting: false, createUnit: false },
      'tochuc@quorum.test': { createMeeting: false, createUnit: false },
      'kiemtra@quorum.test': { createMeeting: false, createUnit: false },
    };
    for (const [email, can] of Object.entries(expected)) {
      const login = await t.gql<{ login: { token: string } }>(
        `mutation($input: LoginInput!) { login(input: $input) { token } }`,
        { input: { email, password: t.config.demoPassword } },
      );
      const result = await t.gql<{ viewer: { can: typeof can & { inviteUser: boolean } } }>(
        `{ viewer { can { createMeeting createUnit inviteUser createApiToken } } }`,
        {},
        login.data!.login.token,
      );
      expect(result.errors, email).toBeUndefined();
      expect(result.data?.viewer.can, email).toEqual({
        ...can,
        inviteUser: can.createUnit,
        createApiToken: true,
      });
    }
    // Another user's abilities are nobody's business.
    const other = await t.gql<{ users: { edges: { node: { email: string; can: unknown } }[] } }>(
      `{ users(first: 100) { edges { node { email can { createMeeting } } } } }`,
      {},
      token,
    );
    const nodes = other.data!.users.edges.map((edge) => edge.node);
    expect(nodes.find((node) => node.email === 'office@quorum.test')?.can).toEqual({ createMeeting: true });
    expect(
      nodes.filter((node) => node.email !== 'office@quorum.test').every((node) => node.can === null),
    ).toBe(true);
  });

  it('answers the viewer, the organization and its units and users', async () => {
    const result = await t.gql<{
      viewer: { email: string };
      organization: { name: string; timeZone: string };
      units: Page<{ name: string; kind: string }>;
      users: Page<{ email: string }>;
    }>(
      `{ viewer { email } organization { name timeZone }
         units(first: 100) { totalCount edges { node { name kind } } }
         users(first: 100) { totalCount edges { node { email } } } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.viewer.email).toBe('office@quorum.test');
    expect(data.organization.timeZone).toBe('Asia/Ho_Chi_Minh');
    const kinds = new Set(data.units.edges.map((e) => e.node.kind));
    expect(kinds).toEqual(new Set(['COMMITTEE', 'DEPARTMENT', 'OFFICE']));
    expect(data.units.edges.map((e) => e.node.name)).toEqual(
      expect.arrayContaining(['Văn phòng Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy']),
    );
    expect(data.users.edges.map((e) => e.node.email)).toEqual(
      expect.arrayContaining(['admin@quorum.test', 'office@quorum.test']),
    );
  });

  it('answers the work programme: 21 proposals of which 19 adopted', async () => {
    const result = await t.gql<{
      programmes: Page<{ plannedCount: number; adoptedCount: number; progress: number; items: unknown[] }>;
    }>(
      `{ programmes { edges { node { title year plannedCount adoptedCount progress items { title status plannedMonth leadUnit { name } } } } } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const programme = result.data!.programmes.edges[0]!.node;
    expect(programme).toMatchObject({ plannedCount: 21, adoptedCount: 19 });
    expect(programme.progress).toBeCloseTo(19 / 21);
    expect(programme.items).toHaveLength(21);
  });

  it('answers meetings with their agenda tree, participants and proposals', async () => {
    const result = await t.gql<{
      meetings: Page<{
        title: string;
        agendaItems: Page<{ number: string; children: { number: string }[] }>;
        participants: Page<unknown>;
      }>;
    }>(
      // Nested pages multiply in the cost limit (server/src/config/limits.ts): 20 meetings × 50 items fit.
      `{ meetings(first: 20) { totalCount edges { node { title kind status startsAt committee { name } chair { fullName }
           agendaItems(first: 50) { totalCount edges { node { number title durationMinutes status
             children { number title } presenterUser { fullName } presenterUnit { name } proposal { title } vote { outcome } } } }
           participants(first: 50) { totalCount edges { node { role attendance user { fullName } } } }
           proposals(first: 50) { totalCount } } } } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const meetings = result.data!.meetings;
    expect(meetings.totalCount).toBeGreaterThanOrEqual(8);
    const withAgenda = meetings.edges.map((e) => e.node).filter((m) => m.agendaItems.totalCount > 0);
    expect(withAgenda.length).toBeGreaterThan(0);
    const numbers = withAgenda[0]!.agendaItems.edges.map((e) => e.node.number);
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    const nested = withAgenda.flatMap((m) => m.agendaItems.edges).find((e) => e.node.children.length > 0);
    expect(nested?.node.children[0]?.number).toBe(`${nested?.node.number}.1`);
    expect(meetings.edges.some((e) => e.node.participants.totalCount > 0)).toBe(true);
  });

  it('answers proposals with appraisals and comments, and tasks including overdue ones', async () => {
    const result = await t.gql<{
      proposals: Page<{ appraisals: Page<{ comments: Page<unknown> }> }>;
      overdue: Page<{ overdue: boolean }>;
      tasks: Page<{ status: string }>;
    }>(
      `{ proposals(first: 50) { totalCount edges { node { referenceNumber title status leadUnit { name } owner { fullName }
           appraisals(first: 5) { totalCount edges { node { dueAt status assignments { verdict unit { name } }
             comments(first: 20) { totalCount edges { node { body anchorQuote author { fullName } } } } } } } } } }
         overdue: tasks(filter: { overdue: true }, first: 100) { totalCount edges { node { overdue dueAt } } }
         tasks(first: 100) { totalCount edges { node { status } } } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    const comments = data.proposals.edges.flatMap((p) =>
      p.node.appraisals.edges.map((a) => a.node.comments.totalCount),
    );
    expect(comments.some((n) => n > 0)).toBe(true);
    expect(data.overdue.totalCount).toBeGreaterThanOrEqual(1);
    expect(data.overdue.edges.every((e) => e.node.overdue)).toBe(true);
    expect(new Set(data.tasks.edges.map((e) => e.node.status))).toEqual(
      new Set(['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED']),
    );
  });

  it('paginates root and nested connections without gaps or repeats', async () => {
    const walk = async (pageOf: (after: string | null) => Promise<Page<{ id: string }>>) => {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let i = 0; i < 100; i++) {
        const page = await pageOf(after);
        total = page.totalCount;
        seen.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return { seen, total };
    };

    const meetings = await walk(async (after) => {
      const r = await t.gql<{ meetings: Page<{ id: string }> }>(
        `query($after: String) { meetings(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
        token,
      );
      return r.data!.meetings;
    });
    expect(meetings.seen.length).toBe(meetings.total);
    expect(new Set(meetings.seen).size).toBe(meetings.total);

    const busiest = await t.gql<{ meetings: Page<{ id: string; participants: { totalCount: number } }> }>(
      `{ meetings(first: 100) { edges { node { id participants { totalCount } } } } }`,
      {},
      token,
    );
    const meeting = busiest
      .data!.meetings.edges.map((e) => e.node)
      .sort((a, b) => b.participants.totalCount - a.participants.totalCount)[0]!;
    expect(meeting.participants.totalCount).toBeGreaterThan(2);
    const participants = await walk(async (after) => {
      const r = await t.gql<{ meeting: { participants: Page<{ id: string }> } }>(
        `query($id: ID!, $after: String) { meeting(id: $id) { participants(first: 2, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
        { id: meeting.id, after },
        token,
      );
      return r.data!.meeting.participants;
    });
    expect(participants.seen.length).toBe(meeting.participants.totalCount);
    expect(new Set(participants.seen).size).toBe(meeting.participants.totalCount);
  });

  it('caps page sizes at 100 and refuses a bad cursor with BAD_USER_INPUT', async () => {
    const big = await t.gql<{ users: Page<unknown> }>(
      `{ users(first: 5000) { totalCount edges { cursor } } }`,
      {},
      token,
    );
    expect(big.data!.users.edges.length).toBeLessThanOrEqual(100);
    const bad = await t.gql(`{ meetings(after: "garbage") { totalCount } }`, {}, token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
