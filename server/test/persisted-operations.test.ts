// Persisted operations (issue 15 item 6) against a real server: an operation of schema/operations runs by its
// hash alone, over HTTP and WebSocket; with PERSISTED_OPERATIONS=only a browser session (or no credential)
// may run those operations only, while an API token keeps the whole API; the default mode runs any text.
import { createHash } from 'node:crypto';
import { ApiTokenScope } from '@quorum/shared';
import { MeetingsDocument, ViewerDocument } from '@quorum/sdk';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationManifest } from '../src/persisted/operation-manifest.js';
import { buildApiToken, buildOrganization, buildUser } from './support/factories.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// What the SDK and Apollo's persisted query link send: graphql-js's print of the document, and its hash.
const viewerQuery = print(ViewerDocument);
const meetingsQuery = print(MeetingsDocument);
const byHash = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
// Asks the same as Viewer, but is no operation of Quorum's.
const unknownQuery = '{ viewer { id email } }';

interface Credentials {
  session: string;
  apiToken: string;
}

async function post(
  server: TestServer,
  body: Record<string, unknown>,
  token?: string,
): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

/** Runs one operation over graphql-ws: its first result, or the errors that refused it. */
async function overWebSocket(
  client: Client,
  payload: { query: string; extensions?: Record<string, unknown> },
) {
  try {
    for await (const result of client.iterate(payload)) return result as GraphQLResponse;
    return {};
  } catch (errors) {
    return { errors } as GraphQLResponse;
  }
}

async function startWith(env: Record<string, string>): Promise<{ server: TestServer } & Credentials> {
  let credentials: Credentials | undefined;
  const server = await startTestServer(async (db) => {
    const em = db.orm.em.fork();
    const { organization, office } = await buildOrganization(em);
    const { user, token: session } = await buildUser(em, organization, { unit: office });
    const { token: apiToken } = await buildApiToken(em, user, [ApiTokenScope.READ]);
    credentials = { session, apiToken };
  }, env);
  return { server, ...credentials! };
}

describe('persisted operations, default mode', () => {
  let server: TestServer;
  let session: string;
  beforeAll(async () => {
    ({ server, session } = await startWith({}));
  });
  afterAll(() => server?.close());

  it('runs a known operation by its hash, without its text', async () => {
    const answer = await post(server, { extensions: byHash(viewerQuery) }, session);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({ viewer: { id: expect.any(String) } });
    // With variables and fragments too.
    const meetings = await post(
      server,
      { extensions: byHash(meetingsQuery), variables: { first: 5 } },
      session,
    );
    expect(meetings.body.errors).toBeUndefined();
    expect(meetings.body.data).toMatchObject({ meetings: { totalCount: 0 } });
  });

  it('asks for the text of an unknown hash, and runs any text as before', async () => {
    const unknown = await post(server, { extensions: byHash(unknownQuery) }, session);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // What Apollo's link does next: the text with its hash. Not a known operation, still run in this mode.
    const withText = await post(server, { query: unknownQuery, extensions: byHash(unknownQuery) }, session);
    expect(withText.body.errors).toBeUndefined();
    expect(withText.body.data).toMatchObject({ viewer: { email: expect.any(String) } });
    const plain = await server.gql(unknownQuery, {}, session);
    expect(plain.errors).toBeUndefined();
  });

  it('runs a known operation by hash over WebSocket, with an empty query as graphql-ws requires', async () => {
    const result = await overWebSocket(server.ws(session), { query: '', extensions: byHash(viewerQuery) });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ viewer: { id: expect.any(String) } });
    const unknown = await overWebSocket(server.ws(session), { query: '', extensions: byHash(unknownQuery) });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('persisted operations, PERSISTED_OPERATIONS=only', () => {
  let server: TestServer;
  let session: string;
  let apiToken: string;
  beforeAll(async () => {
    ({ server, session, apiToken } = await startWith({ PERSISTED_OPERATIONS: 'only' }));
  });
  afterAll(() => server?.close());

  it('runs the known operations from a session, by hash or by text however laid out', async () => {
    const hashed = await post(server, { extensions: byHash(viewerQuery) }, session);
    expect(hashed.body.data).toMatchObject({ viewer: { id: expect.any(String) } });
    // The same document as Apollo Client sends it (with `__typename`) or written by hand: the same operation.
    const relaid = await server.gql(
      'query Viewer { viewer { fullName, id email __typename } }'.replace('fullName, id', 'id fullName'),
      {},
      session,
    );
    expect(relaid.errors).toBeUndefined();
    expect(relaid.data).toMatchObject({ viewer: { __typename: 'User' } });
  });

  it('refuses an unknown operation from a session or without a credential, with FORBIDDEN', async () => {
    for (const token of [session, undefined]) {
      const refused = await post(server, { query: unknownQuery }, token);
      expect(refused.status).toBe(403);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.body.errors?.[0]?.message).toMatch(/API token/);
    }
    // Its hash is unknown as well, and the text that follows it is refused.
    const hashed = await post(server, { extensions: byHash(unknownQuery) }, session);
    expect(hashed.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const followed = await post(server, { query: unknownQuery, extensions: byHash(unknownQuery) }, session);
    expect(followed.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the whole API for an API token', async () => {
    const answer = await server.gql<{ viewer: { email: string } }>(unknownQuery, {}, apiToken);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.viewer.email).toEqual(expect.any(String));
  });

  it('applies over WebSocket too', async () => {
    const sessionSocket = server.ws(session);
    const refused = await overWebSocket(sessionSocket, { query: unknownQuery });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const known = await overWebSocket(sessionSocket, { query: '', extensions: byHash(viewerQuery) });
    expect(known.data).toMatchObject({ viewer: { id: expect.any(String) } });
    const tokenSocket = server.ws(apiToken);
    const allowed = await overWebSocket(tokenSocket, { query: unknownQuery });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toMatchObject({ viewer: { email: expect.any(String) } });
  });
});

describe('the manifest of operations', () => {
  const manifest = new OperationManifest([
    {
      name: 'client/meeting.graphql',
      group: 'client',
      body: 'query Q { meeting(id: "1") { ...F } }\nfragment F on Meeting { id agenda { id } }',
    },
    // Another set of documents may have a fragment of the same name: each operation takes its own set's.
    {
      name: 'sdk/meeting.graphql',
      group: 'sdk',
      body: 'query S { meeting(id: "1") { ...F } } fragment F on Meeting { title }',
    },
  ]);

  it('knows a document as Apollo Client sends it: its fragments after it, and __typename in every selection', () => {
    const sent = [
      'query Q {',
      '  meeting(id: "1") {',
      '    ...F',
      '    __typename',
      '  }',
      '}',
      '',
      'fragment F on Meeting {',
      '  id',
      '  agenda {',
      '    id',
      '    __typename',
      '  }',
      '  __typename',
      '}',
    ].join('\n');
    expect(manifest.lookup(sha256(sent))).toBe(sent);
    expect(manifest.knows(sent)).toBe(true);
  });

  it('scopes fragments by set, and knows no other document', () => {
    expect(manifest.knows('fragment F on Meeting { title } query S { meeting(id: "1") { ...F } }')).toBe(
      true,
    );
    expect(
      manifest.knows('query S { meeting(id: "1") { ...F } } fragment F on Meeting { id agenda { id } }'),
    ).toBe(false);
    expect(
      manifest.knows('query Q { meeting(id: "2") { ...F } } fragment F on Meeting { id agenda { id } }'),
    ).toBe(false);
    expect(manifest.knows('not graphql')).toBe(false);
  });
});
