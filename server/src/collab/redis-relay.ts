import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import {
  type afterLoadDocumentPayload,
  type afterUnloadDocumentPayload,
  type Document,
  OutgoingMessage,
} from '@hocuspocus/server';
import { Redis } from 'ioredis';

/** Redis channels of co-edited documents: `quorum:collab:<document name>`. */
const prefix = 'quorum:collab';
/** Keeps a document on its channel this long after its last connection left, for a relay under way to end. */
const unloadDelayMs = 1_000;

type IncomingHandler = (channel: Buffer, data: Buffer) => Promise<void>;
type Publish = (channel: string | Buffer, message: string | Buffer) => Promise<number>;

/**
 * Co-editing across instances (`REDIS_URL`): Hocuspocus's Redis extension 3.4.4 relays the Yjs updates and
 * awareness of each document between the instances that have it open (on a change an instance publishes its
 * state vector; the others answer with what it lacks and their own state vector, which it answers in turn),
 * so the clients of one body on different instances see each other's edits live.
 *
 * Where this differs from the library as shipped:
 * - No Redis lock around a store. The library's lock lets one instance store a document at a time and skips
 *   the store of any other that meets it; an instance never stores what it received through Redis, so a
 *   skipped store could leave an edit unstored until its instance's clients edited again. `BodyStore` already
 *   merges what is stored under a row lock: every instance stores its own clients' edits, and none is lost.
 * - Redis going away is survived. Commands fail at once (no offline queue) and are logged, never thrown: the
 *   library publishes without awaiting (in Hocuspocus's change hook, in its replies to relayed messages), so a
 *   rejection would end the process. Meanwhile each instance serves its documents alone, and stores them
 *   merged as without Redis; a document opens without its subscription. When both connections are back, every
 *   open document is subscribed again and publishes its state vector, so the instances exchange whatever they
 *   missed.
 */
export class RedisRelay extends RedisExtension {
  private warned = false;

  constructor(redisUrl: string) {
    const client = () => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
      redis.on('error', () => {}); // it reconnects by itself; what failed meanwhile is logged where it failed
      return redis;
    };
    super({ createClient: client, prefix, disconnectDelay: unloadDelayMs });
    for (const redis of [this.pub, this.sub]) redis.on('ready', () => this.resync());
    const publish = this.pub.publish.bind(this.pub) as Publish;
    this.pub.publish = ((channel: string | Buffer, message: string | Buffer) =>
      publish(channel, message).catch((error: unknown) => {
        this.failed('publishing', error);
        return 0;
      })) as typeof this.pub.publish;
    // The library's handler of relayed messages is async and unguarded too: a message that fails to apply (a
    // malformed one) would be an unhandled rejection.
    const handle = (this as unknown as { handleIncomingMessage: IncomingHandler }).handleIncomingMessage;
    this.sub.off('messageBuffer', handle);
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
      handle(channel, data).catch((error: unknown) => this.failed('applying a relayed message', error));
    });
  }

  override async afterLoadDocument(payload: afterLoadDocumentPayload): Promise<void> {
    // Without Redis the document opens all the same: it is subscribed when the connection is back.
    await super.afterLoadDocument(payload).catch((error: unknown) => this.failed('subscribing', error));
  }

  override async onStoreDocument(): Promise<void> {}

  override async afterStoreDocument(): Promise<void> {}

  override async afterUnloadDocument({ instance, documentName }: afterUnloadDocumentPayload): Promise<void> {
    // Opened again meanwhile (a quick reconnect): it stays subscribed.
    if (instance.documents.has(documentName)) return;
    await this.sub.unsubscribe(`${prefix}:${documentName}`).catch(() => undefined);
  }

  /** Disconnects from Redis (at shutdown, after the last store). */
  close(): void {
    this.pub.disconnect(false);
    this.sub.disconnect(false);
  }

  /** Once both connections are ready: every open document on its channel, announcing its state. */
  private resync(): void {
    // Before Hocuspocus configured the extension there is no document to announce.
    if (!this.instance || this.pub.status !== 'ready' || this.sub.status !== 'ready') return;
    this.warned = false;
    for (const document of this.instance.documents.values()) void this.announce(document);
  }

  private async announce(document: Document): Promise<void> {
    try {
      await this.sub.subscribe(`${prefix}:${document.name}`);
    } catch (error) {
      this.failed('subscribing', error);
      return;
    }
    const message = new OutgoingMessage(document.name).createSyncMessage().writeFirstSyncStepFor(document);
    await this.pub.publish(
      `${prefix}:${document.name}`,
      Buffer.concat([this.messagePrefix, Buffer.from(message.toUint8Array())]),
    );
  }

  /** Logs the first failure of an outage, not every one of its keystrokes. */
  private failed(what: string, error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    console.error(
      `collab: Redis relay failed (${what}); documents are served by this instance alone until it is back`,
      error instanceof Error ? error.message : error,
    );
  }
}
