import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Database } from '../../src/config/orm.js';
import { createTestDatabase } from './database.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
}

export interface TestServer {
  db: Database;
  server: RunningServer;
  config: Config;
  url: string;
  /** POSTs a GraphQL operation to the real HTTP endpoint. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /**
   * For data written past the commands (factories): forgets the organization's cached viewers, as a command
   * that changed their access would.
   */
  accessChanged(organizationId: string): void;
  /** A real graphql-ws client; closed by `close()`. */
  ws(token?: string): Client;
  close(): Promise<void>;
}

/** For tests that count statements: the change feed reads the event table on wake-ups only, never on a timer. */
export const noFeedPoll = { FEED_POLL_MS: '3600000' };

/**
 * Tests drive the API from one address at machine speed, far past what a person or an integration sends, so
 * the per-client HTTP limit and the WebSocket operation rate are lifted unless a test sets them (the limits'
 * own tests, flood.test.ts and flow-control.test.ts, do).
 */
export const machineSpeed = {
  RATE_LIMIT_BURST: '1000000',
  RATE_LIMIT_PER_SECOND: '1000000',
  RATE_LIMIT_IN_FLIGHT: '1000000',
  WS_RATE_LIMIT_BURST: '1000000',
  WS_RATE_LIMIT_PER_SECOND: '1000000',
};

/** Starts the real server on port 0 over a fresh database; `prepare` fills the database first. */
export async function startTestServer(
  prepare?: (db: Database, config: Config) => Promise<void>,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...machineSpeed, ...env });
  const db = await createTestDatabase();
  await prepare?.(db, config);
  const server = await startServer(config, db);
  const clients: Client[] = [];
  return {
    db,
    server,
    config,
    url: server.url,
    async gql(query, variables, token) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    accessChanged(organizationId) {
      server.viewers.invalidateOrganization(organizationId);
    },
    ws(token) {
      const client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      await server.stop();
      await db.close();
    },
  };
}

/** Subscribes and collects results until `count` arrived, or `until` holds (or the timeout passes). */
export function collect<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count: number | ((received: T[]) => boolean),
  timeoutMs = 10_000,
) {
  const enough = typeof count === 'number' ? (received: T[]) => received.length >= count : count;
  const received: T[] = [];
  const errors: unknown[] = [];
  let unsubscribe = () => {};
  const done = new Promise<T[]>((resolve) => {
    const timer = setTimeout(() => resolve(received), timeoutMs);
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) errors.push(...value.errors);
          if (value.data) received.push(value.data as T);
          if (enough(received)) {
            clearTimeout(timer);
            resolve(received);
          }
        },
        error: (error) => {
          errors.push(error);
          clearTimeout(timer);
          resolve(received);
        },
        complete: () => {
          clearTimeout(timer);
          resolve(received);
        },
      },
    );
  });
  return { done, received, errors, unsubscribe: () => unsubscribe() };
}
