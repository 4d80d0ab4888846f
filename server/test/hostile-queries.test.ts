import { MembershipRole } from '@quorum/shared';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import { Event, LoginAttempt, Meeting, Session, User } from '../src/entities/index.js';
import { buildOrganization, buildUser } from './support/factories.js';
import {
  benignOperations,
  countByCategory,
  hostileCategories,
  hostileCorpus,
  type CorpusTargets,
  type HostileCategory,
  type HostileDocument,
} from './support/hostile-corpus.js';
import { startTestServer, type TestServer } from './support/server.js';

interface Answer {
  status?: number;
  errors?: readonly GraphQLFormattedError[];
  data?: unknown;
}

/** One operation over graphql-ws: its first result or its errors. */
function overWebSocket(client: Client, payload: { query: string; variables: Record<string, unknown> }) {
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const settle = (answer: Answer) => {
      if (!settled) resolve(answer);
      settled = true;
    };
    client.subscribe(payload, {
      next: (result: FormattedExecutionResult) => settle({ data: result.data, errors: result.errors }),
      error: (error: unknown) =>
        settle({ errors: Array.isArray(error) ? error : [{ message: `socket error: ${String(error)}` }] }),
      complete: () => settle({ errors: [{ message: 'completed without a result' }] }),
    });
  });
}

/** Why an answer does not count as the refusal the document expects; null when it does. */
function whyNotRefused(doc: HostileDocument, answer: Answer): string | null {
  const errors = answer.errors ?? [];
  if (errors.length === 0) return 'no error';
  if (answer.data !== undefined && answer.data !== null) return 'data returned';
  if (answer.status !== undefined && answer.status !== 400 && answer.status !== 413)
    return `HTTP ${answer.status}`;
  const uncoded = errors.find((error) => typeof error.extensions?.code !== 'string');
  if (uncoded) return `an error without a code: ${uncoded.message}`;
  const code = errors[0]?.extensions?.code;
  if (code !== doc.code) return `code ${String(code)} (${errors[0]?.message}), expected ${doc.code}`;
  if (doc.limit && !errors.some((error) => error.extensions?.limit === doc.limit))
    return `no ${doc.limit} limit among: ${errors.map((error) => error.message).join(' | ')}`;
  return null;
}

describe('a hostile-query corpus is refused before any resolver runs, on HTTP and on WebSocket', () => {
  let t: TestServer;
  let office: { token: string };
  let targets: CorpusTargets;
  let corpus: HostileDocument[];

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const org = await buildOrganization(em);
      office = await buildUser(em, org.organization, { unit: org.office, role: MembershipRole.STAFF });
      const member = await buildUser(em, org.organization, { unit: org.department });
      const password = 'hostile-corpus-password';
      await em.nativeUpdate(User, { id: member.user.id }, { passwordHash: await hashPassword(password) });
      targets = { committeeId: org.committee.id, email: member.user.email, password };
    });
    corpus = hostileCorpus(targets);
  });
  afterAll(() => t.close());

  /** The rows that a resolver of the corpus would add: a meeting and its event, a session, a login attempt. */
  async function rowCounts() {
    const em = t.db.orm.em.fork();
    return {
      meetings: await em.count(Meeting, {}),
      events: await em.count(Event, {}),
      sessions: await em.count(Session, {}),
      loginAttempts: await em.count(LoginAttempt, {}),
    };
  }

  function report(transport: string, refused: HostileDocument[]) {
    const counts = countByCategory(refused);
    const perCategory = hostileCategories.map((c: HostileCategory) => `${c} ${counts[c]}`).join(', ');
    console.log(
      `hostile corpus over ${transport}: ${refused.length} of ${corpus.length} refused (${perCategory})`,
    );
  }

  async function expectHealthy() {
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  }

  it('has at least 100 documents, in every category', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    for (const count of Object.values(countByCategory(corpus))) expect(count).toBeGreaterThanOrEqual(5);
  });

  it('controls: the same writes in an acceptable shape are seen in the database, on both transports', async () => {
    const benign = benignOperations(targets);
    const before = await rowCounts();
    const http = await t.gql(benign.createMeeting.query, benign.createMeeting.variables, office.token);
    expect(http.errors).toBeUndefined();
    const login = await t.gql(benign.login.query, benign.login.variables);
    expect(login.errors).toBeUndefined();
    const client = t.ws(office.token);
    const ws = await overWebSocket(client, benign.createMeeting);
    expect(ws.errors).toBeUndefined();
    const wsLogin = await overWebSocket(client, benign.login);
    expect(wsLogin.errors).toBeUndefined();
    const after = await rowCounts();
    expect(after.meetings).toBe(before.meetings + 2);
    expect(after.events).toBeGreaterThanOrEqual(before.events + 2);
    expect(after.sessions).toBe(before.sessions + 2);
  });

  it('refuses every document over HTTP with a coded error, writes nothing, and stays healthy', async () => {
    const before = await rowCounts();
    const refused: HostileDocument[] = [];
    const failures: string[] = [];
    for (const doc of corpus) {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${office.token}` },
        body: JSON.stringify({ query: doc.query, variables: doc.variables }),
      });
      const body = (await response.json()) as Answer;
      const why = whyNotRefused(doc, { ...body, status: response.status });
      if (why) failures.push(`${doc.category} / ${doc.name}: ${why}`);
      else refused.push(doc);
    }
    report('HTTP', refused);
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    await expectHealthy();
  });

  it('refuses every document over WebSocket with a coded error on one open socket, writes nothing, and stays healthy', async () => {
    const before = await rowCounts();
    // Not lazy: the socket opens once and stays open between operations, so a close would show.
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${office.token}` },
      lazy: false,
      retryAttempts: 0,
    });
    let connections = 0;
    const closes: number[] = [];
    client.on('connected', () => (connections += 1));
    client.on('closed', (event) => closes.push((event as { code: number }).code));
    const refused: HostileDocument[] = [];
    const failures: string[] = [];
    // The corpus is sent faster than the operation rate allows (README, "Limits"): wait as told and resend.
    const admitted = async (payload: { query: string; variables: Record<string, unknown> }) => {
      for (;;) {
        const answer = await overWebSocket(client, payload);
        const refusal = answer.errors?.[0]?.extensions;
        if (refusal?.code !== 'RATE_LIMITED') return answer;
        await new Promise((resolve) => setTimeout(resolve, Number(refusal.retryAfterSeconds) * 1_000));
      }
    };
    for (const doc of corpus) {
      const answer = await admitted({ query: doc.query, variables: doc.variables });
      const why = whyNotRefused(doc, answer);
      if (why) failures.push(`${doc.category} / ${doc.name}: ${why}`);
      else refused.push(doc);
    }
    report('WebSocket', refused);
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    // The same socket still answers: every refusal was an `error` message, never a close.
    const viewer = await admitted({ query: '{ viewer { id } }', variables: {} });
    expect(viewer.errors).toBeUndefined();
    expect(closes).toEqual([]);
    expect(connections).toBe(1);
    await client.dispose();
    await expectHealthy();
  });
});
