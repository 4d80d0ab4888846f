import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Database as DatabaseExtension } from '@hocuspocus/extension-database';
import { type Connection, Hocuspocus, type onAuthenticatePayload } from '@hocuspocus/server';
import type { EntityManager, Loaded, MikroORM } from '@mikro-orm/core';
import { Classification, ErrorCode, EventType, ParticipantRole, SubjectType } from '@quorum/shared';
import { type WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { Viewer } from '../auth/viewer.js';
import type { ViewerCache } from '../auth/viewer-cache.js';
import type { CommitListeners } from '../commands/run-command.js';
import { AppError } from '../errors.js';
import { AgendaItem, Event, Meeting, Participant, Proposal } from '../entities/index.js';
import { BoundedSendWebSocket } from '../security/flow-control.js';
import { isDatabaseUnavailable } from '../security/unavailable.js';
import { BodyStore } from './body.store.js';
import { agendaNoteAccess, type BodyAccess, bodyAccess, minutesAccess } from './collab.policy.js';
import { type CollabDocument, documentName, parseDocumentName } from './document-name.js';
import { RedisRelay } from './redis-relay.js';
import { StoredAcks } from './stored-acks.js';

/** Limits of `/collab` (README, "Co-editing"). */
export const collabLimits = {
  /** One Yjs message: a first sync of a long body from a client that edited offline fits, with room. */
  maxMessageBytes: 16 * 1024 * 1024,
  /**
   * Bytes a socket may send for documents it is not (or no longer) connected to: Hocuspocus queues them
   * until the document is authenticated, so without a cap a client could fill the server's memory.
   */
  maxUnservedBytes: 1024 * 1024,
  /** Quiet time before a changed body is stored, and the longest a body goes unstored while edits continue. */
  debounceMs: 200,
  maxDebounceMs: 1_000,
};

export interface CollabOptions {
  /**
   * How often the proposals of open documents are read again, so that a change of status, lead unit, owner
   * or classification (which no viewer-cache invalidation follows) reaches the connections within this time.
   */
  recheckMs?: number;
  /**
   * Redis (`REDIS_URL`), through which instances serving the same body relay its edits live; without it each
   * instance's clients see the others' edits when their instance next stores the body (merging what is stored).
   */
  redisUrl?: string;
  /** Who hears of a store's commit: the change feed gets the events of agenda notes' stores. */
  commits?: CommitListeners;
}

/** Whether `/collab` relays edits between instances: through Redis (`REDIS_URL`), or not at all. */
export type CollabRelayKind = 'redis' | 'none';

type SendData = Parameters<WebSocket['send']>[0];
type SendCallback = (err?: Error) => void;
type SendOptions = Exclude<Parameters<WebSocket['send']>[1], SendCallback | undefined>;

/**
 * The collab sockets' class: Hocuspocus sends every update to every connection as its own WebSocket message,
 * each a write (a system call, a TCP packet) of its own. A burst (a paste, several people typing, a client
 * back from offline) is many small messages in one turn of the event loop: the socket is corked at the first
 * and uncorked once the turn's work is done, so they leave in one write. Messages and their order are as
 * before; the send buffer's bound (flow control) counts them all the same.
 */
export class BatchingWebSocket extends BoundedSendWebSocket {
  private corked = false;

  override send(data: SendData, cb?: SendCallback): void;
  override send(data: SendData, options: SendOptions, cb?: SendCallback): void;
  override send(data: SendData, optionsOrCb?: SendOptions | SendCallback, cb?: SendCallback): void {
    const socket = (this as unknown as { _socket?: Duplex | null })._socket;
    if (!this.corked && socket && this.readyState === this.OPEN) {
      this.corked = true;
      socket.cork();
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    if (typeof optionsOrCb === 'function' || optionsOrCb === undefined) super.send(data, optionsOrCb ?? cb);
    else super.send(data, optionsOrCb, cb);
  }
}

/** What an authenticated connection carries (Hocuspocus's per-connection context). */
interface CollabContext {
  organizationId: string;
  /** The proposal's body or the meeting's minutes. */
  document: CollabDocument;
  userId: string;
  currentViewer: () => Promise<Viewer>;
  /** The organization's invalidation count when the connection was authorised. */
  generation: number;
  /** The proposal's (or meeting's) version when its access was last decided. */
  version: number;
}

interface OpenConnection extends CollabContext {
  connection: Connection;
  access: BodyAccess;
}

/**
 * A refusal at connect: the provider receives `reason` ("CODE: message") in its `authenticationFailed` event.
 * The message of the Error stays empty, or Hocuspocus logs every refusal as an error.
 */
function refusal(code: ErrorCode, message: string): Error & { reason: string } {
  return Object.assign(new Error(''), { reason: `${code}: ${message}` });
}

const byteLength = (data: WebSocket.RawData) =>
  Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;

/**
 * The name of the document a Hocuspocus message is for: its first field, a lib0 string (a variable-length
 * length, then UTF-8); null when it is not readable.
 */
export function documentNameOf(data: WebSocket.RawData): string | null {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  let length = 0;
  let offset = 0;
  for (let shift = 0; ; shift += 7) {
    if (offset >= bytes.length || shift > 28) return null;
    const byte = bytes[offset++]!;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (offset + length > bytes.length) return null;
  return bytes.toString('utf8', offset, offset + length);
}

/**
 * Co-editing under `/collab` (DESIGN, "Real-time co-editing"): Hocuspocus serves each proposal's body as the
 * Yjs document `proposal:<id>`, and each meeting's minutes as `meeting:<id>:minutes`, on the server's own HTTP
 * port, with the session or API token of GraphQL (the provider's `token`) and the policy GraphQL applies: a
 * body's drafters edit (minutes: the meeting's secretaries and the office, while it is open), its readers
 * follow read-only (the server drops their updates), anyone else is refused at connect. Bodies are stored debounced
 * (`collabLimits`), and all of them before the server stops. With `redisUrl`, instances serving the same body
 * relay its edits live (`RedisRelay`).
 *
 * Access is decided again whenever it may have changed: when the viewer cache forgets an organization's
 * viewers (an access-changing event committed, here or on another instance), for that organization's
 * connections; and when a proposal or meeting with open connections changes (its version moves, seen every
 * `recheckMs`).
 * A connection that may no longer read is closed; one that may no longer write becomes read-only, and the
 * other way round; the client is told by a stateless message `{"type":"access","access":"read"|"edit"}`.
 */
export class CollabServer {
  readonly hocuspocus: Hocuspocus;
  private readonly wss: WebSocketServer;
  private readonly store: BodyStore;
  /** The relay between instances through Redis, with `REDIS_URL`. */
  readonly relay: RedisRelay | null;
  /**
   * How edits reach the clients of the same document on other instances (`/health` says it): live through
   * Redis, or not at all (each instance serves its own; they meet through the database at store and load).
   */
  readonly relayKind: CollabRelayKind;
  private readonly open = new Map<Connection, OpenConnection>();
  /** The documents each socket has an open connection to. */
  private readonly served = new WeakMap<WebSocket, Set<string>>();
  private readonly generations = new Map<string, number>();
  private readonly dirtyOrganizations = new Set<string>();
  private rechecking: Promise<void> | null = null;
  private readonly stopListening: () => void;
  private readonly poll: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly viewers: ViewerCache,
    options: CollabOptions = {},
  ) {
    this.store = new BodyStore(orm, options.commits);
    this.relay = options.redisUrl ? new RedisRelay(options.redisUrl) : null;
    this.relayKind = this.relay ? 'redis' : 'none';
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: collabLimits.maxMessageBytes,
      // A client that does not read is closed (4413) rather than buffered for; it resyncs on reconnect.
      WebSocket: BatchingWebSocket,
    });
    this.hocuspocus = new Hocuspocus({
      quiet: true,
      debounce: collabLimits.debounceMs,
      maxDebounce: collabLimits.maxDebounceMs,
      extensions: [
        ...(this.relay ? [this.relay] : []),
        // A client's edit is acknowledged once stored, not once in this process's memory (`StoredAcks`).
        new StoredAcks((name) => this.store.unsaved(name)),
        new DatabaseExtension({
          fetch: async ({ documentName, context }) => {
            const document = parseDocumentName(documentName);
            if (!document) return null;
            try {
              return await this.store.fetch(document);
            } catch (error) {
              this.closeUnavailable((context as { socket?: WebSocket }).socket, error);
              throw error;
            }
          },
          // Reads the document itself (state, text and HTML of one moment), not the `state` encoded earlier.
          // By the last editor (the context of the change that scheduled the store; none for the server's own).
          store: async ({ documentName, document, context }) => {
            const parsed = parseDocumentName(documentName);
            const actorId = (context as Partial<CollabContext> | undefined)?.userId ?? null;
            if (parsed) await this.store.store(parsed, document, actorId);
          },
        }),
      ],
      onAuthenticate: (payload) => this.authenticate(payload),
      connected: async ({ connection, context }) => this.connected(connection, context as CollabContext),
    });
    this.stopListening = viewers.onInvalidate((organizationId) => this.invalidated(organizationId));
    this.poll = setInterval(() => void this.recheckChangedProposals(), options.recheckMs ?? 2_000);
    this.poll.unref();
  }

  /** Takes over an HTTP upgrade to `/collab`. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.stopping) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      // An error on one socket (a malformed frame) must not reach the process as an unhandled 'error'.
      ws.on('error', () => ws.terminate());
      let unserved = 0;
      ws.on('message', (data) => {
        const name = documentNameOf(data);
        if (name !== null && this.serves(ws, name)) return;
        unserved += byteLength(data);
        if (unserved > collabLimits.maxUnservedBytes) ws.close(1008, 'Too much data for no open document');
      });
      this.hocuspocus.handleConnection(ws, request, { socket: ws });
    });
  }

  /** Whether the socket has an open connection to the document (checked for every message: a set lookup). */
  private serves(ws: WebSocket, documentName: string): boolean {
    return this.served.get(ws)?.has(documentName) ?? false;
  }

  private async authenticate({
    token,
    documentName,
    connectionConfig,
    context,
  }: onAuthenticatePayload): Promise<CollabContext> {
    if (this.stopping) throw refusal(ErrorCode.SERVICE_UNAVAILABLE, 'The server is restarting; try again');
    const document = parseDocumentName(documentName);
    if (!document) throw refusal(ErrorCode.NOT_FOUND, `No document is named "${documentName.slice(0, 80)}"`);
    if (!token) throw refusal(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    this.store.warm();
    try {
      const currentViewer = this.viewers.credential(`Bearer ${token}`).current;
      const viewer = await currentViewer();
      const generation = this.generations.get(viewer.organizationId) ?? 0;
      const em = this.orm.em.fork();
      const subjects = await loadSubjects(em, [document], viewer.organizationId);
      const decided = accessOf(viewer, document, subjects);
      // As GraphQL answers a proposal or meeting the viewer may not read: it does not exist for them.
      if (!decided || decided.access === 'none')
        throw refusal(ErrorCode.NOT_FOUND, `${subjectWord[document.kind]} ${document.id} not found`);
      connectionConfig.readOnly = decided.access !== 'edit';
      // Every read of a CONFIDENTIAL proposal or meeting is in the audit trail, as its reads through GraphQL are.
      if (decided.classification === Classification.CONFIDENTIAL) {
        const subjectType = document.kind === 'proposal' ? SubjectType.PROPOSAL : SubjectType.MEETING;
        em.create(Event, {
          organization: viewer.organizationId,
          actor: viewer.userId,
          type: document.kind === 'proposal' ? EventType.PROPOSAL_READ : EventType.MEETING_READ,
          subjectType,
          subjectId: decided.subjectId,
          scopeType: subjectType,
          scopeId: decided.subjectId,
          classification: Classification.CONFIDENTIAL,
          auditOnly: true,
        });
        await em.flush();
      }
      return {
        organizationId: viewer.organizationId,
        document,
        userId: viewer.userId,
        currentViewer,
        generation,
        version: decided.version,
      };
    } catch (error) {
      if (error instanceof AppError) throw refusal(error.extensions.code as ErrorCode, error.message);
      if (isDatabaseUnavailable(error))
        this.closeUnavailable((context as { socket?: WebSocket }).socket, error);
      throw error;
    }
  }

  /**
   * The token cannot be checked, or the body read, while the database is away: the socket closes with 1013
   * ("try again later"), which the provider retries, rather than answer a refusal it would take as final.
   */
  private closeUnavailable(socket: WebSocket | undefined, error: unknown): void {
    if (!isDatabaseUnavailable(error)) return;
    setImmediate(() => socket?.close(1013, 'Service unavailable; try again'));
  }

  private async connected(connection: Connection, context: CollabContext): Promise<void> {
    // Let in while the server began to stop: it would bring edits after the last store.
    if (this.stopping) {
      connection.close({ code: 1001, reason: `${ErrorCode.SERVICE_UNAVAILABLE}: The server is restarting` });
      return;
    }
    const open: OpenConnection = { ...context, connection, access: connection.readOnly ? 'read' : 'edit' };
    this.open.set(connection, open);
    const served = this.served.get(connection.webSocket) ?? new Set<string>();
    this.served.set(connection.webSocket, served.add(connection.document.name));
    connection.onClose(() => {
      this.open.delete(connection);
      served.delete(connection.document.name);
    });
    // Access changed while this one was being let in: decide again, now that it can be closed.
    if ((this.generations.get(context.organizationId) ?? 0) !== context.generation)
      this.invalidated(context.organizationId);
  }

  private invalidated(organizationId: string): void {
    this.generations.set(organizationId, (this.generations.get(organizationId) ?? 0) + 1);
    this.dirtyOrganizations.add(organizationId);
    this.rechecking ??= (async () => {
      try {
        while (this.dirtyOrganizations.size > 0) {
          const organizations = new Set(this.dirtyOrganizations);
          this.dirtyOrganizations.clear();
          await this.recheck([...this.open.values()].filter((o) => organizations.has(o.organizationId)));
        }
      } finally {
        this.rechecking = null;
      }
    })();
  }

  /** The open documents whose proposal (or meeting) changed since their access was decided. */
  private async recheckChangedProposals(): Promise<void> {
    if (this.open.size === 0 || this.stopping) return;
    try {
      const em = this.orm.em.fork();
      const open = [...this.open.values()];
      const idsOf = (kind: CollabDocument['kind']) => [
        ...new Set(open.filter((o) => o.document.kind === kind).map((o) => o.document.id)),
      ];
      const proposalIds = idsOf('proposal');
      const meetingIds = idsOf('minutes');
      const itemIds = [...new Set([...idsOf('description'), ...idsOf('conclusion')])];
      const [proposals, meetings, items] = await Promise.all([
        proposalIds.length > 0
          ? em.find(Proposal, { id: { $in: proposalIds } }, { fields: ['id', 'version'] })
          : [],
        meetingIds.length > 0
          ? em.find(Meeting, { id: { $in: meetingIds } }, { fields: ['id', 'version'] })
          : [],
        itemIds.length > 0
          ? em.find(AgendaItem, { id: { $in: itemIds } }, { fields: ['id', 'meeting.version'] })
          : [],
      ]);
      // An agenda note's access follows its meeting's.
      const versions = new Map<string, number>([
        ...proposals.map((row) => [`proposal:${row.id}`, row.version] as const),
        ...meetings.map((row) => [`minutes:${row.id}`, row.version] as const),
        ...items.map((row) => [`item:${row.id}`, row.meeting.getEntity().version] as const),
      ]);
      const key = ({ kind, id }: CollabDocument) =>
        kind === 'proposal' || kind === 'minutes' ? `${kind}:${id}` : `item:${id}`;
      await this.recheck(open.filter((o) => versions.get(key(o.document)) !== o.version));
    } catch (error) {
      if (!isDatabaseUnavailable(error)) console.error('collab: re-checking access failed', error);
    }
  }

  /** Decides each connection's access again from its current viewer and its subject as it is now. */
  private async recheck(connections: OpenConnection[]): Promise<void> {
    if (connections.length === 0) return;
    let subjects: Subjects;
    try {
      subjects = await loadSubjects(
        this.orm.em.fork(),
        connections.map((o) => o.document),
      );
    } catch (error) {
      // Decided again at the next invalidation or poll; meanwhile the connections stay as they were.
      if (!isDatabaseUnavailable(error)) console.error('collab: re-checking access failed', error);
      return;
    }
    await Promise.all(
      connections.map(async (open) => {
        if (!this.open.has(open.connection)) return;
        let decided: Decided | null;
        try {
          const viewer = await open.currentViewer();
          decided = accessOf(viewer, open.document, subjects);
        } catch (error) {
          if (isDatabaseUnavailable(error)) return;
          // The session or token has ended (signed out, revoked, expired, account deactivated).
          this.close(
            open,
            ErrorCode.UNAUTHENTICATED,
            error instanceof AppError ? error.message : 'Signed out',
          );
          return;
        }
        if (!decided || decided.access === 'none') {
          const what = subjectWord[open.document.kind].toLowerCase();
          this.close(open, ErrorCode.FORBIDDEN, `You may no longer read ${what} ${open.document.id}`);
          return;
        }
        open.version = decided.version;
        if (decided.access === open.access) return;
        open.access = decided.access;
        open.connection.readOnly = decided.access !== 'edit';
        open.connection.sendStateless(JSON.stringify({ type: 'access', access: decided.access }));
      }),
    );
  }

  /**
   * Ends the connection to this document (the provider receives the reason in its `close` event); the socket
   * stays for the client's other documents.
   */
  private close(open: OpenConnection, code: ErrorCode, message: string): void {
    this.open.delete(open.connection);
    open.connection.close({ code: 4403, reason: `${code}: ${message}` });
  }

  /**
   * The state of a co-edited document (a proposal's body, a meeting's minutes) as it is held on this instance
   * (edits not stored yet included), or null when it is not open here: then the stored state is the current one.
   */
  liveState(document: CollabDocument): Uint8Array | null {
    const open = this.hocuspocus.documents.get(documentName(document));
    return open ? Y.encodeStateAsUpdate(open) : null;
  }

  /**
   * Applies a Yjs update made by the server (a restored version, already written to the stored state) to the
   * document through a direct connection of Hocuspocus: connected editors receive it at once and
   * the document is stored at once. Done when the document is open, opening or closing on this instance, or
   * always with `reopen` (the caller read the live state: a document closed since may have stored a state
   * without the update over the caller's, and is opened again from the database to merge it back), and always
   * with the Redis relay (the document may be open on another instance: opened here, it reaches them through
   * the relay). Applying an update twice changes nothing. False when it was not applied (not open here, or
   * stopping).
   */
  async applyUpdate(document: CollabDocument, update: Uint8Array, reopen = false): Promise<boolean> {
    if (this.stopping) return false;
    const name = documentName(document);
    const { documents, loadingDocuments, unloadingDocuments } = this.hocuspocus;
    const unloading = unloadingDocuments.get(name);
    if (unloading) await unloading;
    if (!reopen && !this.relay && !unloading && !documents.has(name) && !loadingDocuments.has(name))
      return false;
    const connection = await this.hocuspocus.openDirectConnection(name, {});
    try {
      await connection.transact((document) => Y.applyUpdate(document, update));
    } catch (error) {
      await connection.disconnect().catch(() => undefined);
      throw error;
    }
    const closing = connection.disconnect();
    // Stored by now. With the relay, the document stays open a moment for the other instances to sync (an
    // unload delay of the Redis extension) and the caller does not wait for it.
    if (this.relay)
      closing.catch((error) => console.error('collab: closing a direct connection failed', error));
    else await closing;
    return true;
  }

  /**
   * Stops taking edits and stores every body that has changes not yet stored, before the database closes:
   * connections end first (clients keep their edits and send them to the next server they reach), then every
   * pending store runs now and every running one is awaited, then the sockets close.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.poll);
    this.stopListening();
    this.hocuspocus.closeConnections();
    this.open.clear();
    await this.flush();
    this.relay?.close();
    for (const ws of this.wss.clients) {
      ws.close(1001, 'Server shutting down');
      setTimeout(() => ws.terminate(), 1_000).unref();
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** Runs every debounced store now and waits for those under way, until none is left. */
  async flush(): Promise<void> {
    const { debouncer } = this.hocuspocus;
    // Rounds, not a loop until idle: nothing edits a document once its connections are closed, so the second
    // round finds nothing; the bound only guards against a store that keeps scheduling itself.
    for (let busy = true, round = 0; busy && round < 10; round++) {
      busy = false;
      for (const document of [...this.hocuspocus.documents.values()]) {
        const id = `onStoreDocument-${document.name}`;
        if (debouncer.isDebounced(id)) {
          busy = true;
          await debouncer.executeNow(id);
        }
        if (debouncer.isCurrentlyExecuting(id) || document.saveMutex.isLocked()) {
          busy = true;
          await document.saveMutex.waitForUnlock();
        }
      }
      // Hocuspocus's own reaction to the closed connections (a store of the last one) runs in between.
      if (busy) await new Promise((resolve) => setImmediate(resolve));
    }
    if (!(await this.store.flush())) console.error('collab: some bodies could not be stored before stopping');
  }
}

/** What a refusal calls a document's subject. */
const subjectWord: Record<CollabDocument['kind'], string> = {
  proposal: 'Proposal',
  minutes: 'Meeting',
  description: 'AgendaItem',
  conclusion: 'AgendaItem',
};

/** The proposals, meetings and agenda items (with their meetings) of some documents; meetings' secretaries. */
interface Subjects {
  proposals: Map<string, Proposal>;
  meetings: Map<string, Meeting>;
  items: Map<string, Loaded<AgendaItem, 'meeting'>>;
  secretaries: Map<string, Set<string>>;
}

/**
 * A connection's access to a document, the version of its subject it was decided on (an agenda note's: its
 * meeting's), its classification, and the proposal or meeting whose reading it is.
 */
interface Decided {
  access: BodyAccess;
  version: number;
  classification: Classification;
  subjectId: string;
}

async function loadSubjects(
  em: EntityManager,
  documents: readonly CollabDocument[],
  organizationId?: string,
): Promise<Subjects> {
  const idsOf = (kind: CollabDocument['kind']) => [
    ...new Set(documents.filter((d) => d.kind === kind).map((d) => d.id)),
  ];
  const proposalIds = idsOf('proposal');
  const meetingIds = idsOf('minutes');
  const itemIds = [...new Set([...idsOf('description'), ...idsOf('conclusion')])];
  const inOrganization = organizationId ? { organization: organizationId } : {};
  const [proposals, meetings, items, secretaries] = await Promise.all([
    proposalIds.length > 0 ? em.find(Proposal, { id: { $in: proposalIds }, ...inOrganization }) : [],
    meetingIds.length > 0 ? em.find(Meeting, { id: { $in: meetingIds }, ...inOrganization }) : [],
    itemIds.length > 0
      ? em.find(
          AgendaItem,
          { id: { $in: itemIds }, ...(organizationId ? { meeting: inOrganization } : {}) },
          { populate: ['meeting'] },
        )
      : [],
    meetingIds.length > 0
      ? em.find(
          Participant,
          { meeting: { $in: meetingIds }, role: ParticipantRole.SECRETARY },
          { fields: ['id', 'meeting', 'user'] },
        )
      : [],
  ]);
  const byMeeting = new Map<string, Set<string>>();
  for (const participant of secretaries) {
    const set = byMeeting.get(participant.meeting.id) ?? new Set<string>();
    byMeeting.set(participant.meeting.id, set.add(participant.user.id));
  }
  return {
    proposals: new Map(proposals.map((row) => [row.id, row])),
    meetings: new Map(meetings.map((row) => [row.id, row])),
    items: new Map(items.map((row) => [row.id, row])),
    secretaries: byMeeting,
  };
}

/** What the viewer may do with the document now; null when its subject is gone. */
function accessOf(viewer: Viewer, document: CollabDocument, subjects: Subjects): Decided | null {
  if (document.kind === 'proposal') {
    const proposal = subjects.proposals.get(document.id);
    if (!proposal) return null;
    return {
      access: bodyAccess(viewer, proposal),
      version: proposal.version,
      classification: proposal.classification,
      subjectId: proposal.id,
    };
  }
  if (document.kind === 'minutes') {
    const meeting = subjects.meetings.get(document.id);
    if (!meeting) return null;
    return {
      access: minutesAccess(viewer, meeting, subjects.secretaries.get(meeting.id) ?? new Set()),
      version: meeting.version,
      classification: meeting.classification,
      subjectId: meeting.id,
    };
  }
  const meeting = subjects.items.get(document.id)?.meeting.getEntity();
  if (!meeting) return null;
  return {
    access: agendaNoteAccess(viewer, meeting, document.kind),
    version: meeting.version,
    classification: meeting.classification,
    subjectId: meeting.id,
  };
}
