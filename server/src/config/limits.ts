import { limits as sharedLimits } from '@quorum/shared';

const operationBurstPerSocket = 20;
const operationsPerSecondPerSocket = 10;
/** A user's operation rate across their sockets, as a multiple of one socket's (also `operationRate` in config.ts). */
export const perUserFactor = 3;

/**
 * Every limit that protects the API from hostile or runaway requests, in one place, the same on HTTP and
 * WebSocket (README, "Limits"). A request over a limit is refused before any resolver runs.
 */
export const requestLimits = {
  /** Bytes of a POST /graphql body, and of one graphql-ws operation (query, variables, extensions). */
  maxBodyBytes: 100 * 1024,
  /** A graphql-ws frame above this is not even parsed: the socket closes with 1009 (message too big). */
  maxWebSocketFrameBytes: 1024 * 1024,
  /** Lexical tokens of one document (names, punctuators, values; commas and comments are free). */
  maxTokens: 2_000,
  /** Nested selection levels; fragments count as the fields they contain. Three nested connections fit. */
  maxDepth: 12,
  /** Aliased fields of one operation, `__typename` included. */
  maxAliases: 15,
  /** Directives of one operation. */
  maxDirectives: 20,
  /**
   * Cost of one operation: each field costs 1 plus its selection, and a connection multiplies that by the
   * page size it asks for (`first`, literal or variable; the default page size when absent). 100 meetings with
   * their usual fields cost about 2,300; with 20 agenda items each, about 30,000; 100 × 100 is refused.
   */
  maxCost: 50_000,
  /** Page size of a connection asked without `first`. */
  pageSizeDefault: sharedLimits.pageSizeDefault,
  /** Page size that list resolvers cap `first` at (a larger `first` that passes the cost limit is clamped). */
  pageSizeMax: sharedLimits.pageSizeMax,
  /** A WebSocket that sends no `connection_init` in this time is closed with 4408. */
  connectionInitTimeoutMs: 3_000,
  /** Operations running at once on one WebSocket; one more is refused with TOO_MANY_SUBSCRIPTIONS. */
  maxSubscriptionsPerConnection: 50,
  /**
   * Operations one WebSocket may start at once, then per second (a token bucket). The client subscribes over
   * WebSocket only (queries and mutations go over HTTP): a room opens a handful, and a reconnect re-subscribes
   * them all at once, far below the burst. Over it: RATE_LIMITED with `retryAfterSeconds`, socket kept.
   */
  operationBurstPerSocket,
  operationsPerSecondPerSocket,
  /** The same across all the sockets of one user on this instance (several tabs reconnecting together). */
  operationBurstPerUser: operationBurstPerSocket * perUserFactor,
  operationsPerSecondPerUser: operationsPerSecondPerSocket * perUserFactor,
  /** A socket refused this many operations within the window (10× the burst) is closed with 4429. */
  maxRefusedOperationsPerSocket: 200,
  refusedOperationsWindowMs: 10_000,
  /** Bytes waiting to be sent on one WebSocket; a consumer this far behind is closed with 4413. */
  maxSendBufferBytes: 4 * 1024 * 1024,
  /** A socket closed by flow control that does not complete the close handshake is cut off after this. */
  flowControlCloseGraceMs: 5_000,
} as const;

export type RequestLimits = Readonly<Record<keyof typeof requestLimits, number>>;
