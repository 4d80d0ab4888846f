import { ErrorCode } from '@quorum/shared';
import { GraphQLError } from 'graphql';
import WebSocket from 'ws';
import { requestLimits, type RequestLimits } from '../config/limits.js';

/**
 * The close codes of flow control (README, "Limits"). graphql-ws's own client gives up on 4429, as it does
 * on its other "too many" code: a client that floods would flood again. It retries 4413, so a consumer that
 * fell behind (a laptop waking up) reconnects and resumes from its cursor.
 */
export enum FlowCloseCode {
  /** The socket kept starting operations far past its rate (as HTTP 429 and graphql-ws's 4429). */
  TooManyOperations = 4429,
  /** More than the send buffer limit was waiting for a client that does not read (as HTTP 413). */
  SlowConsumer = 4413,
}

type SendData = Parameters<WebSocket['send']>[0];
type SendCallback = (err?: Error) => void;
type SendOptions = Exclude<Parameters<WebSocket['send']>[1], SendCallback | undefined>;

/**
 * Closes with a code, and cuts the connection off if the close handshake does not finish in time: a client
 * that does not read never reads the close frame either, and until the socket is gone its buffer stays
 * allocated and its subscriptions keep running (graphql-ws ends them on `close`).
 */
export function closeForFlowControl(
  socket: WebSocket,
  code: FlowCloseCode,
  reason: string,
  graceMs: number = requestLimits.flowControlCloseGraceMs,
): void {
  if (socket.readyState === WebSocket.CLOSING || socket.readyState === WebSocket.CLOSED) return;
  socket.close(code, reason);
  const cutOff = setTimeout(() => socket.terminate(), graceMs);
  cutOff.unref();
  socket.once('close', () => clearTimeout(cutOff));
}

/**
 * The server's WebSocket class (`new WebSocketServer({ WebSocket: BoundedSendWebSocket })`): every send,
 * graphql-ws's and anyone else's, first checks how much is still waiting for the client. Past the limit the
 * socket is closed with 4413 and the message dropped; once closing, graphql-ws sends nothing more, so the
 * memory held for one slow consumer stays under the limit plus one message.
 */
export class BoundedSendWebSocket extends WebSocket {
  override send(data: SendData, cb?: SendCallback): void;
  override send(data: SendData, options: SendOptions, cb?: SendCallback): void;
  override send(data: SendData, optionsOrCb?: SendOptions | SendCallback, cb?: SendCallback): void {
    const callback = typeof optionsOrCb === 'function' ? optionsOrCb : cb;
    if (this.readyState === WebSocket.OPEN && this.bufferedAmount > requestLimits.maxSendBufferBytes) {
      closeForFlowControl(this, FlowCloseCode.SlowConsumer, 'Send buffer full: the client does not read');
      // Dropped, not failed: an error here would make graphql-ws log an internal error and close with 4500.
      if (callback) process.nextTick(callback);
      return;
    }
    if (typeof optionsOrCb === 'function' || optionsOrCb === undefined) super.send(data, callback);
    else super.send(data, optionsOrCb, callback);
  }
}

/** A token bucket: `burst` at once, then `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Whole tokens are taken; a fraction is time to wait. */
  hasToken(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    return this.tokens >= 1;
  }

  take(): void {
    this.tokens -= 1;
  }

  secondsToNextToken(): number {
    return Math.max(0, (1 - this.tokens) / this.perSecond);
  }

  isFull(now: number): boolean {
    return this.hasToken(now) && this.tokens >= this.burst;
  }
}

interface SocketRate {
  bucket: TokenBucket;
  refused: number;
  windowStart: number;
}

/** How often idle users' buckets are forgotten (a full bucket is the same as none). */
const sweepIntervalMs = 60_000;

/**
 * The rate of starting operations over WebSocket, per socket and per user across their sockets on this
 * instance. It runs first in `onSubscribe`, before the size check, parse and validation, and before graphql-ws
 * builds a context (which authenticates): refusing costs two subtractions. `client` is the user, or for a
 * socket that has not signed in its address (app.ts); null leaves only the per-socket rate.
 */
export class OperationRate {
  private readonly sockets = new WeakMap<WebSocket, SocketRate>();
  private readonly users = new Map<string, TokenBucket>();
  private lastSweep: number;

  constructor(
    private readonly limits: RequestLimits = requestLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.lastSweep = now();
  }

  /** Null when the operation may start; else the refusal to send as its `error` message. */
  admit(socket: WebSocket, client: string | null): GraphQLError[] | null {
    const now = this.now();
    const own = this.socketRate(socket, now);
    const user = client === null ? null : this.userBucket(client, now);
    const ownOk = own.bucket.hasToken(now);
    const userOk = user === null || user.hasToken(now);
    if (ownOk && userOk) {
      own.bucket.take();
      user?.take();
      return null;
    }

    if (now - own.windowStart >= this.limits.refusedOperationsWindowMs) {
      own.windowStart = now;
      own.refused = 0;
    }
    own.refused += 1;
    if (own.refused > this.limits.maxRefusedOperationsPerSocket) {
      closeForFlowControl(
        socket,
        FlowCloseCode.TooManyOperations,
        'Too many operations',
        this.limits.flowControlCloseGraceMs,
      );
    }

    const wait = Math.max(
      ownOk ? 0 : own.bucket.secondsToNextToken(),
      userOk || user === null ? 0 : user.secondsToNextToken(),
    );
    const retryAfterSeconds = Math.max(1, Math.ceil(wait));
    return [
      new GraphQLError(`Too many operations started; try again in ${retryAfterSeconds} s`, {
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
      }),
    ];
  }

  private socketRate(socket: WebSocket, now: number): SocketRate {
    let rate = this.sockets.get(socket);
    if (!rate) {
      rate = {
        bucket: new TokenBucket(
          this.limits.operationBurstPerSocket,
          this.limits.operationsPerSecondPerSocket,
          now,
        ),
        refused: 0,
        windowStart: now,
      };
      this.sockets.set(socket, rate);
    }
    return rate;
  }

  private userBucket(userId: string, now: number): TokenBucket {
    if (now - this.lastSweep >= sweepIntervalMs) {
      this.lastSweep = now;
      for (const [id, bucket] of this.users) if (bucket.isFull(now)) this.users.delete(id);
    }
    let bucket = this.users.get(userId);
    if (!bucket) {
      bucket = new TokenBucket(
        this.limits.operationBurstPerUser,
        this.limits.operationsPerSecondPerUser,
        now,
      );
      this.users.set(userId, bucket);
    }
    return bucket;
  }
}
