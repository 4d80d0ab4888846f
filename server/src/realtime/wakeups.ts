import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/** The channel on PostgreSQL (LISTEN/NOTIFY) and on Redis (pub/sub) that says "new events are committed". */
export const wakeupChannel = 'quorum_events';
/** The second channel, for small JSON messages between instances (presence); never for events. */
export const messageChannel = 'quorum_messages';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a message that long is dropped, not sent. */
export const maxMessageBytes = 7_900;
const reconnectMs = 1_000;

/**
 * How the instances of one deployment wake each other after a commit. A wake-up carries only who sent it (the
 * sender's commit woke its own tailer already, so it skips its echo): each instance's tailer reads what is new
 * from the event table, so a lost one costs a poll interval, never an event.
 */
export interface Wakeups {
  /** Calls `wake` when another instance has committed (and every poll interval). */
  listen(wake: () => void): Promise<void>;
  /** Tells the other instances; called after the commit, never inside the writing transaction. */
  publish(): void;
  /** Sends a small JSON message to the other instances (not to this one); best effort, it may be lost. */
  broadcast(message: object): void;
  /** Calls `receive` with each message another instance broadcast, parsed but not yet validated. */
  onMessage(receive: (message: unknown) => void): void;
  close(): Promise<void>;
}

/** Both halves of `broadcast`, shared by the PostgreSQL and Redis channels. */
function messageReceivers() {
  // Each instance hears its own broadcasts on the channel: they carry its id so that it can skip them. Per
  // Wakeups, not per process: tests run two instances in one process.
  const instanceId = randomUUID();
  const receivers = new Set<(message: unknown) => void>();
  return {
    /** A wake-up's payload: this instance's id, so that it skips its own (its commit woke it directly). */
    wakeupPayload: instanceId,
    /** Whether a wake-up came from another instance (an empty payload, from an older one, counts as such). */
    fromOthers(payload: string | undefined): boolean {
      return payload !== instanceId;
    },
    onMessage(receive: (message: unknown) => void) {
      receivers.add(receive);
    },
    deliver(payload: string | undefined) {
      let envelope: unknown;
      try {
        envelope = JSON.parse(payload ?? '');
      } catch {
        return; // not ours
      }
      if (typeof envelope !== 'object' || envelope === null) return;
      const { from, message } = envelope as { from?: unknown; message?: unknown };
      if (from === instanceId) return;
      for (const receive of receivers) receive(message);
    },
    /** The payload to send, or null when it would not fit in a NOTIFY. */
    encode(message: object): string | null {
      const payload = JSON.stringify({ from: instanceId, message });
      return Buffer.byteLength(payload) < maxMessageBytes ? payload : null;
    },
  };
}

/** The embedded database has one process: the commit wakes its tailer directly. */
export const inProcessWakeups: Wakeups = {
  listen: async () => {},
  publish: () => {},
  // One process: whoever keeps state in memory already has all of it.
  broadcast: () => {},
  onMessage: () => {},
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
  messages: Pick<Wakeups, 'broadcast' | 'onMessage'>,
): Wakeups {
  let timer: NodeJS.Timeout | undefined;
  return {
    ...messages,
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
  const messages = messageReceivers();

  const connect = async (wake: () => void): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (notification) => {
      if (notification.channel === messageChannel) messages.deliver(notification.payload);
      else if (messages.fromOthers(notification.payload)) wake();
    });
    client.on('error', () => {});
    client.on('end', () => {
      if (closed || listener !== client) return;
      listener = null;
      setTimeout(() => void connect(wake).catch(() => undefined), reconnectMs).unref();
    });
    listener = client;
    try {
      await client.connect();
      await client.query(`listen ${wakeupChannel}; listen ${messageChannel}`);
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
      notifier
        .query('select pg_notify($1, $2)', [wakeupChannel, messages.wakeupPayload])
        .catch(() => undefined);
    },
    {
      // Outside any transaction, like the wake-up: the message goes out at once.
      broadcast: (message) => {
        const payload = messages.encode(message);
        if (payload !== null)
          notifier.query('select pg_notify($1, $2)', [messageChannel, payload]).catch(() => undefined);
      },
      onMessage: messages.onMessage,
    },
  );
}

/** Redis pub/sub, when `REDIS_URL` is set: one connection subscribes, another publishes. */
export function redisWakeups(redisUrl: string, pollMs: number): Wakeups {
  const options = { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false } as const;
  const subscriber = new Redis(redisUrl, options);
  const publisher = new Redis(redisUrl, options);
  for (const client of [subscriber, publisher]) client.on('error', () => {}); // it reconnects by itself
  const messages = messageReceivers();
  return polling(
    pollMs,
    async (wake) => {
      subscriber.on('message', (channel: string, payload: string) => {
        if (channel === messageChannel) messages.deliver(payload);
        else if (messages.fromOthers(payload)) wake();
      });
      // After a reconnect ioredis subscribes again; what was published meanwhile is read by the next wake.
      subscriber.on('ready', wake);
      await Promise.all([subscriber.connect(), publisher.connect()]);
      await subscriber.subscribe(wakeupChannel, messageChannel);
    },
    async () => {
      subscriber.disconnect();
      publisher.disconnect();
    },
    () => {
      publisher.publish(wakeupChannel, messages.wakeupPayload).catch(() => undefined);
    },
    {
      broadcast: (message) => {
        const payload = messages.encode(message);
        if (payload !== null) publisher.publish(messageChannel, payload).catch(() => undefined);
      },
      onMessage: messages.onMessage,
    },
  );
}
