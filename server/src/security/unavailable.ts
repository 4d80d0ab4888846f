import type { ApolloServerPlugin } from '@apollo/server';
import { DriverException } from '@mikro-orm/core';
import { ErrorCode } from '@quorum/shared';
import type { Response } from 'express';
import type { GraphQLError } from 'graphql';
import { ServiceUnavailableError } from '../errors.js';
import { logUnexpectedError } from './unexpected-error.js';

/**
 * How long a client is told to wait before retrying while the database is away. A restart of PostgreSQL
 * takes a few seconds; the pool reconnects on the first request after it, with no one's help.
 */
export const retryAfterSeconds = 2;

export const unavailableMessage = 'The database is unavailable for a moment; try again shortly';

// SQLSTATEs that say "this connection, or any new one, cannot serve now", not "this statement is wrong":
// class 08 (connection exception) but 08P01, a protocol violation (too many bind parameters, say: our bug),
// 53300 too many connections, and of class 57 the administrator's termination, a crash shutdown and "the
// database system is starting up or shutting down".
const unavailableStates = new Set(['53300', '57P01', '57P02', '57P03']);
// A connection the network or the server dropped, or a server that does not answer (yet). These codes are
// any socket's (a client that aborts its upload resets its own): they count only from the database driver.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// pg's own words for a connection that ended or never opened (these carry no code), whole or after the
// statement knex puts before them ("select … - Connection terminated unexpectedly").
const droppedConnection =
  /(?:^| - )(?:Connection terminated(?: unexpectedly| due to connection timeout)?|Connection ended unexpectedly|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect)$/;
// knex's pool waited in vain for a connection, in its own words (no code), as a KnexTimeoutError or, from
// MikroORM's queries, wrapped in a DriverException.
const poolTimeout = 'Knex: Timeout acquiring a connection';

/** What a database outage is logged as: the pool's exhaustion apart, so that a connection leak shows. */
export type DatabaseOutage = 'database unavailable' | 'database pool exhausted';

/**
 * Whether a socket error came from the database driver: wrapped by MikroORM (a DriverException keeps its
 * code), or after the statement knex puts before a failed query's message ("COMMIT; - read ECONNRESET"), or
 * raised while opening a connection (knex's pool hands pg's connect error on as it came; in a request only
 * the pool opens connections, since Redis is told after the commit and never awaited).
 */
function fromDatabaseDriver(error: Error & { syscall?: unknown }): boolean {
  return (
    error instanceof DriverException ||
    / - (?:read|write|connect) E[A-Z]+/.test(error.message) ||
    error.syscall === 'connect' ||
    error.syscall === 'getaddrinfo'
  );
}

/**
 * Whether an error means the database cannot be reached now (down, restarting, refusing connections, the
 * connection cut, the pool exhausted), as opposed to a fault of the request or of our code: the first is
 * retryable and answered SERVICE_UNAVAILABLE, the second masked as INTERNAL_SERVER_ERROR. Answers what to
 * log it as, or undefined. Follows `originalError` and `cause`, since GraphQL and Node wrap what pg raised.
 */
export function databaseOutage(error: unknown, depth = 0): DatabaseOutage | undefined {
  if (!(error instanceof Error) || depth > 5) return undefined;
  if (
    (error.name === 'KnexTimeoutError' || error instanceof DriverException) &&
    error.message.startsWith(poolTimeout)
  )
    return 'database pool exhausted';
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (typeof code === 'string') {
    if ((code.startsWith('08') && code !== '08P01') || unavailableStates.has(code))
      return 'database unavailable';
    if (networkCodes.has(code) && fromDatabaseDriver(error)) return 'database unavailable';
    // 55000 raised while opening a connection (FATAL ends it): a database closed to connections
    // (ALLOW_CONNECTIONS false, for maintenance). Raised by a statement it means something else.
    if (code === '55000' && severity === 'FATAL') return 'database unavailable';
  }
  if (droppedConnection.test(error.message)) return 'database unavailable';
  const inner = (error as { originalError?: unknown }).originalError ?? error.cause;
  const outage = inner !== error ? databaseOutage(inner, depth + 1) : undefined;
  if (outage) return outage;
  // Node reports a refused connection to each address of a host (IPv4 and IPv6) together.
  if (!(error instanceof AggregateError)) return undefined;
  for (const each of error.errors) {
    const found = databaseOutage(each, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseOutage(error) !== undefined;
}

/**
 * SERVICE_UNAVAILABLE for an error raised before Apollo Server runs the operation (loading the viewer while
 * building the context), where only the error itself can set the HTTP status and header.
 */
export function databaseUnavailable(): ServiceUnavailableError {
  return new ServiceUnavailableError(unavailableMessage, {
    retryAfterSeconds,
    http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
}

/** Rethrows a database outage as SERVICE_UNAVAILABLE (with its HTTP status), anything else as it came. */
export function rethrowUnavailable(error: unknown, requestId: string): never {
  const outage = databaseOutage(error);
  if (!outage) throw error;
  logUnexpectedError(requestId, error, outage);
  throw databaseUnavailable();
}

/**
 * For graphql-ws's `onSubscribe`, which refuses an operation by answering its errors: SERVICE_UNAVAILABLE
 * when `work` failed because the database is away, nothing otherwise (any other failure is left to the
 * step that repeats `work`).
 */
export async function unavailableRefusal(work: () => Promise<unknown>): Promise<GraphQLError[] | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    return isDatabaseUnavailable(error) ? [databaseUnavailable()] : undefined;
  }
}

/** The answer of a route outside GraphQL (exports, Express's last handler) while the database is away. */
export function sendUnavailable(res: Response): void {
  res
    .status(503)
    .set({ 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' })
    .json({
      errors: [
        {
          message: unavailableMessage,
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds },
        },
      ],
    });
}

/**
 * Over HTTP, an answer with a SERVICE_UNAVAILABLE error (formatted from a database outage by
 * `formatError`) has the status 503 and a `Retry-After`, so that proxies, load balancers and clients know
 * to retry, instead of the 200 of a GraphQL result with errors.
 */
export function serviceUnavailablePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const unavailable = response.body.singleResult.errors?.find(
            (error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE,
          );
          if (!unavailable) return;
          const seconds = unavailable.extensions?.retryAfterSeconds;
          response.http.status = 503;
          response.http.headers.set(
            'retry-after',
            String(typeof seconds === 'number' ? seconds : retryAfterSeconds),
          );
        },
      };
    },
  };
}
