import {
  type afterLoadDocumentPayload,
  type afterStoreDocumentPayload,
  type beforeHandleMessagePayload,
  type Connection,
  type Document,
  type Extension,
  IncomingMessage,
  MessageType,
  type onStoreDocumentPayload,
} from '@hocuspocus/server';

/** How long after a failed store it is run again while acknowledgements wait for it (as BodyStore retries). */
const retryMs = 2_000;

/** An acknowledgement held back: sent once a store has written every change made before it. */
interface Held {
  connection: Connection;
  /** The document's count of changes when it was due. */
  upTo: number;
  send: () => void;
}

/** Whether a message is Hocuspocus's SyncStatus "applied" (the provider counts these down to zero). */
function isAck(message: Uint8Array): boolean {
  try {
    const incoming = new IncomingMessage(message);
    incoming.readVarString();
    return incoming.readVarUint() === MessageType.SyncStatus && incoming.readVarUint() === 1;
  } catch {
    return false;
  }
}

/**
 * Acknowledges a client's edit only once it is stored. Hocuspocus 3.4.4 answers every update with a SyncStatus
 * the moment it is applied in memory, and the provider takes that as "saved" (`unsyncedChanges` back to 0,
 * our editor's "Đã lưu"); but the store comes up to `maxDebounceMs` later, and the Redis extension reaches the
 * other instances only by an exchange of three messages (state vector, the reply's state vector, then the
 * missing update), none of them awaited, while an instance never stores what it received from another
 * (Hocuspocus skips stores of Redis-originated changes). So an instance killed outright (SIGKILL, a lost
 * machine) right after acknowledging lost the edit: it was in no database, and most often, but not always, in
 * the other instance's memory only, unstored there. Measured in `minutes-instances.test.ts`, which failed on
 * both counts before this.
 *
 * Held until stored (rather than until relayed through Redis): publishing reaches only the instances that have
 * the document open, and keeps nothing for the others or for a restart; the database is what every instance
 * loads. The cost is that a client sees its edits saved up to a store later (the debounce), which is what
 * "saved" then means. Updates to readers, and the relay between instances, are not delayed. By the time an
 * acknowledgement leaves, the relay's exchange has long ended (a millisecond against the debounce); and were it
 * cut, the other instance merges the stored state into its document at its next store.
 *
 * Held per document, in order: an acknowledgement waits for a store that began after every change the document
 * had taken from its clients, whichever client made them (one store writes them all). A store that fails (the
 * database away) keeps them held, the client rightly showing its edits unsaved, and is run again every
 * `retryMs` while any is held, until one succeeds; a connection that closes drops its held ones (its client
 * sends again what the server lacks when it reconnects).
 */
export class StoredAcks implements Extension {
  /** Before the Database extension's store (100) begins, so that what a store will contain is counted first. */
  priority = 200;
  /** Changes each document took from its connections (those Hocuspocus schedules a store for). */
  private readonly changes = new WeakMap<Document, number>();
  private readonly stored = new WeakMap<Document, number>();
  private readonly storing = new WeakMap<Document, number>();
  private readonly held = new WeakMap<Document, Held[]>();
  private readonly connections = new WeakSet<Connection>();

  /** `unsaved`: whether the last store of the document failed (its state is kept for a retry). */
  constructor(private readonly unsaved: (documentName: string) => boolean) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    document.on('update', (_update: Uint8Array, origin: unknown) => {
      if (this.connections.has(origin as Connection))
        this.changes.set(document, (this.changes.get(document) ?? 0) + 1);
    });
  }

  /** Before a connection's first message is applied: its acknowledgements go through `acknowledge`. */
  async beforeHandleMessage({ connection, document }: beforeHandleMessagePayload): Promise<void> {
    if (this.connections.has(connection)) return;
    this.connections.add(connection);
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array) => {
      if (!isAck(message)) send(message);
      else this.acknowledge(document, connection, () => send(message));
    };
    connection.onClose(() => {
      const held = this.held.get(document);
      if (held)
        this.held.set(
          document,
          held.filter((h) => h.connection !== connection),
        );
    });
  }

  async onStoreDocument({ document }: onStoreDocumentPayload): Promise<void> {
    this.storing.set(document, this.changes.get(document) ?? 0);
  }

  async afterStoreDocument(payload: afterStoreDocumentPayload): Promise<void> {
    const { document, documentName } = payload;
    const upTo = this.storing.get(document);
    this.storing.delete(document);
    if (upTo === undefined) return;
    if (this.unsaved(documentName)) {
      this.storeAgain(payload);
      return;
    }
    this.stored.set(document, Math.max(upTo, this.stored.get(document) ?? 0));
    const held = this.held.get(document) ?? [];
    // In the order they were due: each waits for no more than those before it.
    const due = held.findIndex((h) => h.upTo > upTo);
    const released = due === -1 ? held : held.slice(0, due);
    this.held.set(document, due === -1 ? [] : held.slice(due));
    for (const h of released) h.send();
  }

  /** Runs the document's store again (through Hocuspocus, as any store) soon, if acknowledgements wait for it. */
  private storeAgain(payload: afterStoreDocumentPayload): void {
    const { instance, document, documentName } = payload;
    setTimeout(() => {
      if (instance.documents.get(documentName) !== document || !this.held.get(document)?.length) return;
      void instance.storeDocumentHooks(document, payload).catch(() => undefined);
    }, retryMs).unref();
  }

  private acknowledge(document: Document, connection: Connection, send: () => void): void {
    const upTo = this.changes.get(document) ?? 0;
    const held = this.held.get(document) ?? [];
    if (held.length === 0 && upTo <= (this.stored.get(document) ?? 0)) {
      send();
      return;
    }
    held.push({ connection, upTo, send });
    this.held.set(document, held);
  }
}
