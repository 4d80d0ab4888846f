import { Redis } from 'ioredis';
import pg from 'pg';

/** The channel on PostgreSQL (LISTEN/NOTIFY) and on Redis (pub/sub) that says "new events are committed". */
export const wakeupChannel = 'quorum_events';
const reconnectMs = 1_000;

/**
 * How the instances of one deployment wake each other after a commit. A wake-up carries nothing: each
 * instance's tailer reads what is new from the event table, so a lost one costs a poll interval, never an event.
 */
export interface Wakeups {
  /** Calls `wake` when another instance has committed (and every poll interval). */
  listen(wake: () => void): Promise<void>;
  /** Tells the other instances; called after the commit, never inside the writing transaction. */
  publish(): void;
  close(): Promise<void>;
}

/** The embedded database has one process: the commit wakes its tailer directly. */
export const inProcessWakeups: Wakeups = {
  listen: async () => {},
  publish: () => {},
  close: async () => {},
};

/**
 * Wakes every `pollMs` (FEED_POLL_MS) besides whatever the channel brings: a listener that died unnoticed
 * loses nothing for long.
 */
function polling(
  pollMs: number,
  listen: (wake: () => void) => Promise<void>,
  close: () => Promise<void>,
  publish: () => void,
): Wakeups {
  let timer: NodeJS.Timeout | undefined;
  return {
    async listen(wake) {
      timer = setInterval(wake, pollMs);
      timer.unref();
      await listen(wake);
    },
    publish,
    async close() {
      clearInterval(timer);
      await close();
    },
  };
}

/**
 * PostgreSQL's LISTEN/NOTIFY on a connection of its own (the ORM's pool would hand a LISTENing connection to
 * others). A dropped listener reconnects; meanwhile the poll carries on.
 */
export function postgresWakeups(databaseUrl: string, pollMs: number): Wakeups {
  const notifier = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  notifier.on('error', () => {}); // an idle connection that drops is replaced on the next notify
  let listener: pg.Client | null = null;
  let closed = false;

  const connect = async (wake: () => void): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', wake);
    client.on('error', () => {});
    client.on('end', () => {
      if (closed || listener !== client) return;
      listener = null;
      setTimeout(() => void connect(wake).catch(() => undefined), reconnectMs).unref();
    });
    listener = client;
    try {
      await client.connect();
      await client.query(`listen ${wakeupChannel}`);
      wake(); // whatever was committed while the listener was away
    } catch {
      if (closed || listener !== client) return;
      listener = null;
      await client.end().catch(() => undefined);
      setTimeout(() => void connect(wake).catch(() => undefined), reconnectMs).unref();
    }
  };

  return polling(
    pollMs,
    connect,
    async () => {
      closed = true;
      await listener?.end().catch(() => undefined);
      await notifier.end();
    },
    () => {
      notifier.query('select pg_notify($1, $2)', [wakeupChannel, '']).catch(() => undefined);
    },
  );
}

/** Redis pub/sub, when `REDIS_URL` is set: one connection subscribes, another publishes. */
export function redisWakeups(redisUrl: string, pollMs: number): Wakeups {
  const options = { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false } as const;
  const subscriber = new Redis(redisUrl, options);
  const publisher = new Redis(redisUrl, options);
  for (const client of [subscriber, publisher]) client.on('error', () => {}); // it reconnects by itself
  return polling(
    pollMs,
    async (wake) => {
      subscriber.on('message', wake);
      // After a reconnect ioredis subscribes again; what was published meanwhile is read by the next wake.
      subscriber.on('ready', wake);
      await Promise.all([subscriber.connect(), publisher.connect()]);
      await subscriber.subscribe(wakeupChannel);
    },
    async () => {
      subscriber.disconnect();
      publisher.disconnect();
    },
    () => {
      publisher.publish(wakeupChannel, '').catch(() => undefined);
    },
  );
}
