import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  print,
} from 'graphql';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { Rows } from '../read/rows.js';
import type { DeliveredEvent, StreamEnded } from './change-feed.js';

/** Results kept for the events still being delivered: a few hundred events back is plenty. */
const eventsKept = 256;

/** One execution of an event for one key, with its payload serialized once (a result without errors). */
interface SharedResult {
  result: ExecutionResult;
  json: string | null;
}

/**
 * graphql-ws's `subscribe`, executing each event once per distinct (document, variables, viewer) rather than
 * once per subscriber: a hundred people following one meeting with the same client share one execution of
 * each change, and so its statements. The viewer is part of the key because fields such as `viewerCan` answer
 * for the one who asks; subscribers with the same document, variables and viewer receive the same result. The
 * viewer is the one the feed decided access with at delivery (`DeliveredEvent.viewer`), so that what is
 * nested in an event answers for what the subscriber may read now, not when it subscribed.
 *
 * They receive the same bytes too: a shared result is serialized once and written to each subscriber's socket
 * as its `next` message (`Context.sendNext`), past graphql-ws's per-subscription iteration and serialization.
 * What is not shared goes through graphql-ws as usual: a result with errors (each subscriber's request id goes
 * into its masked errors), and the end of a stream.
 */
export function sharedSubscriptions() {
  /** Per event (by cursor): what its executions read, shared by all of them, and their results by key. */
  const events = new Map<string, { rows: Rows; results: Map<string, Promise<SharedResult>> }>();
  // The guard hands the same document object for the same text (it parses each once): printed once too.
  const printed = new WeakMap<DocumentNode, string>();
  const text = (document: DocumentNode) => {
    let value = printed.get(document);
    if (value === undefined) printed.set(document, (value = print(document)));
    return value;
  };

  const executeOnce = (
    key: string,
    seq: string,
    context: Context,
    run: (rows: Rows) => Promise<ExecutionResult>,
  ) => {
    let forEvent = events.get(seq);
    if (!forEvent) {
      // Each event is read afresh (rows read for an earlier one may have changed since), once for all the
      // executions it takes.
      events.set(seq, (forEvent = { rows: new Rows(context.em), results: new Map() }));
      // Insertion order is seq order: the oldest event's results go first.
      if (events.size > eventsKept) events.delete(events.keys().next().value!);
    }
    let shared = forEvent.results.get(key);
    if (!shared) {
      shared = run(forEvent.rows).then((result) => ({
        result,
        json: result.errors ? null : JSON.stringify(result),
      }));
      forEvent.results.set(key, shared);
    }
    return shared;
  };

  // Each viewer object (the viewer cache hands one per credential until an invalidation) by a number.
  const viewerIds = new WeakMap<Viewer, number>();
  let viewerCount = 0;
  const viewerKey = (viewer: Viewer | null) => {
    if (!viewer) return '-';
    let id = viewerIds.get(viewer);
    if (id === undefined) viewerIds.set(viewer, (id = ++viewerCount));
    return id;
  };

  return async function subscribe(args: ExecutionArgs) {
    const context = args.contextValue as Context;
    const viewer = context.viewer;
    // Computed once per subscription; per event only the event's cursor is added.
    const key = [
      viewer ? `${viewer.userId}:${[...viewer.scopes].sort().join(',')}` : '-',
      args.operationName ?? '',
      JSON.stringify(args.variableValues ?? {}),
      text(args.document),
    ].join('\n');
    const run = (rows: Rows, payload: unknown, now: Viewer | null = viewer) =>
      Promise.resolve(
        execute({ ...args, contextValue: { ...context, rows, viewer: now }, rootValue: payload }),
      );
    // Executed for the viewer access was decided with at delivery (what it may read now), shared with the
    // subscribers of the same key that hold the same viewer.
    const shared = (delivered: DeliveredEvent) => {
      const now = delivered.viewer ?? viewer;
      return executeOnce(`${viewerKey(now)}\n${key}`, delivered.event.seq, context, (rows) =>
        run(rows, delivered, now),
      );
    };
    // The feed writes what it can straight to the socket (`DirectSink`); the rest comes through the stream.
    const sendNext = context.sendNext;
    if (sendNext)
      context.liveSink = {
        render: (delivered) => shared(delivered).then(({ json }) => json),
        send: sendNext,
      };
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const iterator = source[Symbol.asyncIterator]();
    const mapped: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => mapped,
      async next() {
        for (;;) {
          const step = await iterator.next();
          if (step.done) return step;
          const delivered = step.value as DeliveredEvent | StreamEnded;
          // A stream's end is its own; so is a payload not from the feed (a `notifications` update), executed
          // for the viewer it was decided with when it carries one (see NotificationHub).
          if (!('event' in delivered))
            return {
              done: false,
              value: await run(
                new Rows(context.em),
                delivered,
                (delivered as { viewer?: Viewer }).viewer ?? viewer,
              ),
            };
          const { result, json } = await shared(delivered);
          if (json === null || !sendNext) return { done: false, value: result };
          sendNext(json);
        }
      },
      // Ending the subscription ends the feed's stream at once, even while it waits for the next event.
      async return() {
        await iterator.return?.();
        return { done: true, value: undefined };
      },
      async throw(error: unknown) {
        await iterator.return?.();
        throw error;
      },
    };
    return mapped;
  };
}
