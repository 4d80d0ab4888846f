// Which errors are a database outage (retryable, SERVICE_UNAVAILABLE) and which a fault of the request or of
// our code (masked, INTERNAL_SERVER_ERROR). The errors are made as the libraries make them: pg's
// DatabaseError converted by MikroORM's PostgreSQL converter, knex's message prefix and pool timeout, and
// real sockets for pg's dropped connections and Node's network errors.
import net from 'node:net';
import { DriverException } from '@mikro-orm/core';
import { knex, PostgreSqlExceptionConverter } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseOutage, isDatabaseUnavailable } from '../src/security/unavailable.js';

/** A server error as pg-protocol parses it. */
function pgError(code: string, message: string, severity = 'ERROR'): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = severity;
  return error;
}

/** What MikroORM throws for an error of pg in one of its queries. */
const converted = (error: Error) => new PostgreSqlExceptionConverter().convertException(error);

/** What knex throws for an error of pg in a query it ran itself (BEGIN, COMMIT, a raw query). */
function knexQueryError<E extends Error>(error: E, sql = 'COMMIT;'): E {
  error.message = `${sql} - ${error.message}`;
  return error;
}

/** A listener on a free port that does `onSocket` to each connection; closed after `use`. */
async function withServer<T>(onSocket: (socket: net.Socket) => void, use: (port: number) => Promise<T>) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use((server.address() as net.AddressInfo).port);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The error a connected socket gets when its peer resets the connection: Node's own `read ECONNRESET`. */
const connectionReset = () =>
  withServer(
    (socket) => socket.once('data', () => socket.resetAndDestroy()),
    (port) =>
      new Promise<Error>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('hello'));
        socket.on('error', resolve);
      }),
  );

/** What pg's connect answers when the server closes the connection at once. */
const pgConnectError = (onSocket: (socket: net.Socket) => void) =>
  withServer(onSocket, async (port) => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'quorum', database: 'quorum' });
    client.on('error', () => {});
    return client.connect().then(
      () => {
        throw new Error('connected');
      },
      (error: Error) => error,
    );
  });

/** pg's connect to a port nobody listens on. */
async function refusedConnection(): Promise<Error> {
  const port = await withServer(
    () => {},
    async (free) => free,
  );
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'quorum', database: 'quorum' });
  return client.connect().then(
    () => {
      throw new Error('connected');
    },
    (error: Error) => error,
  );
}

describe('a database outage', () => {
  it('is not a statement the database refused, nor a bug', () => {
    for (const [code, message] of [
      ['22P02', 'invalid input syntax for type uuid: "x"'],
      ['23505', 'duplicate key value violates unique constraint "user_email_unique"'],
      ['42601', 'syntax error at or near "selec"'],
      // A protocol violation (too many bind parameters) is our bug, though its class is "connection".
      ['08P01', 'bind message supplies 65536 parameters, but prepared statement "" requires 1'],
    ] as const) {
      expect(isDatabaseUnavailable(pgError(code, message)), code).toBe(false);
      expect(isDatabaseUnavailable(converted(pgError(code, message))), code).toBe(false);
      expect(isDatabaseUnavailable(knexQueryError(pgError(code, message), 'select 1')), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
  });

  it('counts a network error only from the database driver', async () => {
    const reset = await connectionReset();
    expect(reset).toMatchObject({ code: 'ECONNRESET', syscall: 'read' });
    // Any socket's: a client that aborted its upload, a Redis connection, however deep it is wrapped.
    expect(isDatabaseUnavailable(reset)).toBe(false);
    expect(isDatabaseUnavailable(new GraphQLError('failed', { originalError: reset }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('publish failed', { cause: reset }))).toBe(false);
    // The same from pg, through MikroORM or knex.
    expect(isDatabaseUnavailable(converted(await connectionReset()))).toBe(true);
    expect(isDatabaseUnavailable(knexQueryError(await connectionReset()))).toBe(true);
    // A connection that could not be opened: knex's pool hands pg's connect error on as it came.
    const refused = await refusedConnection();
    expect(refused).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });

  it('is a connection the server ended, refuses or cannot give', async () => {
    // An administrator's termination, as MikroORM and knex throw it, and under GraphQL's wrapper.
    const terminated = () => pgError('57P01', 'terminating connection due to administrator command', 'FATAL');
    expect(isDatabaseUnavailable(converted(terminated()))).toBe(true);
    expect(isDatabaseUnavailable(knexQueryError(terminated(), 'select 1'))).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: converted(terminated()) }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(converted(pgError('08006', 'connection failure')))).toBe(true);
    expect(isDatabaseUnavailable(pgError('53300', 'sorry, too many clients already', 'FATAL'))).toBe(true);
  });

  it("is pg's own words for a dropped connection, whole or after knex's statement", async () => {
    const dropped = await pgConnectError((socket) => socket.once('data', () => socket.end()));
    expect(dropped.message).toBe('Connection terminated unexpectedly');
    expect(isDatabaseUnavailable(dropped)).toBe(true);
    expect(isDatabaseUnavailable(knexQueryError(dropped, 'select "m0".* from "meeting" as "m0"'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        converted(await pgConnectError((socket) => socket.once('data', () => socket.end()))),
      ),
    ).toBe(true);
  });

  it('is logged apart when knex could not get a connection from its pool (a leak shows)', () => {
    const message =
      'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?';
    // As a transaction meets it (knex's own error), and as a query does (MikroORM's wrapper of it).
    expect(databaseOutage(new knex.KnexTimeoutError(message))).toBe('database pool exhausted');
    expect(databaseOutage(converted(new knex.KnexTimeoutError(message)))).toBe('database pool exhausted');
    expect(converted(new knex.KnexTimeoutError(message))).toBeInstanceOf(DriverException);
    expect(databaseOutage(new knex.KnexTimeoutError('operation timed out'))).toBeUndefined();
    expect(databaseOutage(converted(pgError('57P01', 'terminating connection')))).toBe(
      'database unavailable',
    );
  });
});
