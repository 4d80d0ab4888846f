import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  print,
} from 'graphql';
import type { Context } from '../context.js';
import { Rows } from '../read/rows.js';
import type { DeliveredEvent, StreamEnded } from './change-feed.js';

/** Results kept for the events still being delivered: a few hundred events back is plenty. */
const eventsKept = 256;

/**
 * graphql-ws's `subscribe`, executing each event once per distinct (document, variables, viewer) rather than
 * once per subscriber: a hundred people following one meeting with the same client share one execution of
 * each change, and so its statements. The viewer is part of the key because fields such as `viewerCan` answer
 * for the one who asks; subscribers with the same document, variables and viewer receive the same result.
 */
export function sharedSubscriptions() {
  /** Per event (by cursor): what its executions read, shared by all of them, and their results by key. */
  const events = new Map<string, { rows: Rows; results: Map<string, Promise<ExecutionResult>> }>();
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
    let result = forEvent.results.get(key);
    if (!result) forEvent.results.set(key, (result = run(forEvent.rows)));
    return result;
  };

  return async function subscribe(args: ExecutionArgs) {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const context = args.contextValue as Context;
    const viewer = context.viewer;
    // Computed once per subscription; per event only the event's cursor is added.
    const key = [
      viewer ? `${viewer.userId}:${[...viewer.scopes].sort().join(',')}` : '-',
      args.operationName ?? '',
      JSON.stringify(args.variableValues ?? {}),
      text(args.document),
    ].join('\n');
    const iterator = source[Symbol.asyncIterator]();
    const map = async (payload: unknown): Promise<ExecutionResult> => {
      const run = (rows: Rows) =>
        Promise.resolve(execute({ ...args, contextValue: { ...context, rows }, rootValue: payload }));
      const delivered = payload as DeliveredEvent | StreamEnded;
      // A stream's end is its own; events are shared.
      return 'event' in delivered
        ? executeOnce(key, delivered.event.seq, context, run)
        : run(new Rows(context.em));
    };
    const mapped: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => mapped,
      async next() {
        const step = await iterator.next();
        return step.done ? step : { done: false, value: await map(step.value) };
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
