import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print } from 'graphql';
import { type Client as WsClient, createClient } from 'graphql-ws';
import {
  type ChangeEventFieldsFragment,
  EventsDocument,
  type EventScopeInput,
  type EventsSubscription,
} from './generated/graphql.js';

/** Error codes after which the same request may be sent again: nothing was done, try later. */
const retryableCodes = new Set(['RATE_LIMITED', 'SERVICE_UNAVAILABLE']);

export interface QuorumClientOptions {
  /** The GraphQL endpoint, e.g. `https://quorum.example.gov.vn/graphql`. */
  url: string;
  /** An API token (`qt_…`, made under Account → API tokens) or a session token. */
  token: string;
  /** Attempts per request, the first included (default 5). */
  attempts?: number;
  /** The first retry's delay in ms; each next one doubles, with jitter (default 250). */
  retryDelayMs?: number;
  /** The longest delay between two attempts or reconnections, in ms (default 30 000). */
  maxRetryDelayMs?: number;
  /** A WebSocket class for the change feed where there is no global one (Node 20: `import WebSocket from 'ws'`). */
  webSocketImpl?: unknown;
  /** `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
}

/** A refusal by the API (its first error), or a failure to reach it after every attempt. */
export class QuorumError extends Error {
  constructor(
    message: string,
    /** The API's error code (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT, …), or NETWORK. */
    readonly code: string,
    /** Every GraphQL error of the answer. */
    readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[] = [],
  ) {
    super(message);
    this.name = 'QuorumError';
  }
}

export interface FollowOptions {
  /** What to follow: `{ type: 'ORGANIZATION' }`, or one object (`{ type: 'MEETING', id }`). */
  scope: EventScopeInput;
  /** Resume after this cursor (a `ChangeEvent.cursor` kept from before); without it, from now on. */
  after?: string | null;
  /** Each event, in commit order, exactly once (awaited before the next). */
  onEvent: (event: ChangeEventFieldsFragment) => void | Promise<void>;
  /** A refusal that ends the feed (the token revoked, the scope not readable): no reconnection follows. */
  onError?: (error: QuorumError) => void;
  /** Told of each reconnection after the connection was lost (attempt number, delay before it). */
  onReconnect?: (attempt: number, delayMs: number) => void;
}

/** A followed feed: the cursor of the last event handled (keep it to resume later), and how to stop. */
export interface Follow {
  readonly cursor: string | null;
  stop(): Promise<void>;
}

type GraphQLAnswer<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Quorum's API, typed by its documents (the generated `…Document` exports, or the caller's own typed
 * documents). Requests are retried with growing delays on network errors (queries; mutations only when the
 * request did not reach the server), on RATE_LIMITED and SERVICE_UNAVAILABLE (HTTP 429 and 503, honouring
 * `Retry-After`); any other refusal is thrown at once as a `QuorumError` with its code.
 */
export class QuorumClient {
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly fetch: typeof fetch;
  private readonly follows = new Set<() => Promise<void>>();

  constructor(private readonly options: QuorumClientOptions) {
    this.attempts = options.attempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** The delay before attempt `n + 1` (n ≥ 1): doubling, capped, with up to 25 % jitter. */
  private delay(n: number, atLeastMs = 0): number {
    const base = Math.min(this.retryDelayMs * 2 ** (n - 1), this.maxRetryDelayMs);
    return Math.max(atLeastMs, Math.round(base * (0.75 + Math.random() * 0.25)));
  }

  /** Sends a query or mutation and answers its data; throws a `QuorumError` on refusal. */
  async request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [TVariables?] : [TVariables]
  ): Promise<TResult> {
    const query = print(document);
    const mutation = getOperationAST(document)?.operation === 'mutation';
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetch(this.options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
          body: JSON.stringify({ query, variables: variables ?? {} }),
        });
      } catch (error) {
        // A mutation is sent again only if it cannot have arrived (the connection was refused).
        const unsent = (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
        if (attempt < this.attempts && (!mutation || unsent)) {
          await sleep(this.delay(attempt));
          continue;
        }
        throw new QuorumError(`Quorum could not be reached: ${(error as Error).message}`, 'NETWORK');
      }
      const answer = (await response.json().catch(() => ({}))) as GraphQLAnswer<TResult>;
      const code = String(
        answer.errors?.[0]?.extensions?.code ?? (response.ok ? '' : `HTTP_${response.status}`),
      );
      const retryable = retryableCodes.has(code) || response.status === 429 || response.status === 503;
      if (retryable && attempt < this.attempts) {
        const after = Number(response.headers.get('retry-after'));
        await sleep(this.delay(attempt, Number.isFinite(after) && after > 0 ? after * 1000 : 0));
        continue;
      }
      if (answer.errors?.length || !answer.data)
        throw new QuorumError(
          answer.errors?.[0]?.message ?? `HTTP ${response.status}`,
          code || 'UNKNOWN',
          answer.errors ?? [],
        );
      return answer.data;
    }
  }

  /**
   * Follows the change feed of a scope: each event once, in commit order. When the connection is lost (a
   * server restart, a network cut) it reconnects with growing delays and resumes after the last event it
   * handled (`after`: the server replays what it missed, then goes live), so nothing is lost or repeated. Before
   * the first event, with no `after`, a reconnection starts from then on.
   */
  follow(options: FollowOptions): Follow {
    let cursor = options.after ?? null;
    let stopped = false;
    let ws: WsClient | null = null;
    let wake: (() => void) | null = null;
    const url = this.options.url.replace(/^http/, 'ws');
    const run = async () => {
      for (let failures = 0; !stopped; ) {
        let lost = false;
        ws = createClient({
          url,
          connectionParams: { authorization: `Bearer ${this.options.token}` },
          // The feed resumes by itself (below), from the cursor: graphql-ws's own retry would replay from the first.
          retryAttempts: 0,
          lazy: true,
          ...(this.options.webSocketImpl ? { webSocketImpl: this.options.webSocketImpl } : {}),
        });
        try {
          const events = ws.iterate<EventsSubscription>({
            query: print(EventsDocument),
            variables: { scope: options.scope, after: cursor },
          });
          for await (const result of events) {
            if (result.errors?.length) {
              const first = result.errors[0]!;
              const code = String(first.extensions?.code ?? 'UNKNOWN');
              if (!retryableCodes.has(code)) {
                stopped = true;
                options.onError?.(new QuorumError(first.message, code, result.errors as never));
                break;
              }
              lost = true;
              break;
            }
            const event = result.data?.events;
            if (!event) continue;
            failures = 0;
            await options.onEvent(event);
            cursor = event.cursor;
          }
          // The server ended the stream (it fell behind, or shut down): resume.
          if (!stopped) lost = true;
        } catch (error) {
          // A closed socket (a CloseEvent) or a refused connection: resume; a GraphQL refusal array: stop.
          if (Array.isArray(error)) {
            const first = error[0] as { message: string; extensions?: Record<string, unknown> };
            const code = String(first?.extensions?.code ?? 'UNKNOWN');
            if (!retryableCodes.has(code)) {
              stopped = true;
              options.onError?.(new QuorumError(first?.message ?? 'Refused', code, error as never));
            } else lost = true;
          } else lost = true;
        } finally {
          await ws.dispose();
        }
        if (stopped || !lost) break;
        failures += 1;
        const delayMs = this.delay(failures);
        options.onReconnect?.(failures, delayMs);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, delayMs);
        });
        wake = null;
      }
    };
    const running = run();
    const stop = async () => {
      stopped = true;
      wake?.();
      await ws?.dispose();
      await running;
      this.follows.delete(stop);
    };
    this.follows.add(stop);
    return {
      get cursor() {
        return cursor;
      },
      stop,
    };
  }

  /** Stops every followed feed. */
  async close(): Promise<void> {
    await Promise.all([...this.follows].map((stop) => stop()));
  }
}
