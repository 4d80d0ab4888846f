import { useEffect, useState } from 'react';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { getToken } from '../apollo/session';

/** Where the shared documents live: `/collab` on the page's own origin, as `/graphql` is. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/collab`;
}

export type CollabConnection = 'connecting' | 'connected' | 'disconnected';

export interface CollabDocumentState {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  connection: CollabConnection;
  /** The server's first answer has been applied: the text shown is the shared one. */
  synced: boolean;
  /** What the server lets this connection do; null until it has said. */
  access: 'edit' | 'read' | null;
  /** Why the server refused or ended the connection ("NOT_FOUND: …", "FORBIDDEN: …"), null while it serves. */
  refused: string | null;
  /** Edits made here that the server has not confirmed yet. */
  unsynced: number;
  /** The copy kept in this browser (IndexedDB) has been read into the document. */
  stored: boolean;
}

/** The error code a refusal starts with ("FORBIDDEN: You may no longer read …" → FORBIDDEN). */
export function refusalCode(reason: string): string {
  return /^([A-Z_]+):/.exec(reason)?.[1] ?? 'FORBIDDEN';
}

/** Refusals after which this browser's copy is no longer this person's to keep. */
const DROP_COPY = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

/** Local changes the server has not confirmed, while there is no connection to send them on. */
export function hasOfflineChanges(state: CollabDocumentState | null): boolean {
  return Boolean(
    state &&
      state.access === 'edit' &&
      state.unsynced > 0 &&
      (state.connection !== 'connected' || !state.synced),
  );
}

/**
 * A shared Yjs document over Hocuspocus at `/collab` (`proposal:<id>`, `meeting:<id>:minutes`), signed with the
 * same session token as GraphQL. The server decides at connect whether this person edits or only reads (a
 * read-only connection's updates are dropped there), and says so again when it changes its mind (a stateless
 * `{"type":"access"}` message, or the connection closed with its reason).
 *
 * The document is also kept in this browser's IndexedDB, under the person's id (`owner`), so what was typed
 * without a connection survives a reload and is sent, and merged, when the connection returns. The browser's
 * `offline` event closes the socket at once (a socket can otherwise stay half-open for minutes, and the
 * person would believe their text sent), `online` opens it again.
 *
 * One document and one connection per mounted name; both end when the component does.
 */
export function useCollabDocument(name: string, owner: string): CollabDocumentState | null {
  const [state, setState] = useState<CollabDocumentState | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    // Read before connecting: what this browser holds goes out with the first sync.
    const local = new IndexeddbPersistence(`quorum:${owner}:${name}`, doc);
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name,
      document: doc,
      token: () => getToken() ?? '',
    });
    let current: CollabDocumentState = {
      doc,
      provider,
      connection: 'connecting',
      synced: false,
      access: null,
      refused: null,
      unsynced: 0,
      stored: false,
    };
    let alive = true;
    const update = (change: Partial<CollabDocumentState>) => {
      if (!alive) return;
      current = { ...current, ...change };
      setState(current);
    };
    setState(current);
    void local.whenSynced.then(() => update({ stored: true }));
    const forget = (reason: string) => {
      if (DROP_COPY.has(refusalCode(reason))) void local.clearData();
    };

    provider.on('status', ({ status }: { status: CollabConnection }) =>
      update(status === 'connected' ? { connection: status } : { connection: status, synced: false }),
    );
    provider.on('synced', ({ state: synced }: { state: boolean }) => update({ synced }));
    provider.on('authenticated', ({ scope }: { scope: 'read-write' | 'readonly' }) =>
      update({ access: scope === 'read-write' ? 'edit' : 'read', refused: null }),
    );
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      forget(reason || 'FORBIDDEN');
      update({ refused: reason || 'FORBIDDEN', access: null });
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => update({ unsynced: number }));
    provider.on('stateless', ({ payload }: { payload: string }) => {
      try {
        const message = JSON.parse(payload) as { type?: unknown; access?: unknown };
        if (message.type === 'access' && (message.access === 'edit' || message.access === 'read'))
          update({ access: message.access });
      } catch {
        // Not one of ours: ignored.
      }
    });
    // The server ends this document's connection (access revoked, signed out) with "CODE: message"; a socket
    // closing by itself has no such reason and is reconnected by the provider.
    provider.on('close', ({ event }: { event: { reason?: string } }) => {
      const reason = event.reason ?? '';
      if (/^[A-Z_]+: /.test(reason)) {
        forget(reason);
        update({ refused: reason, access: null, synced: false });
      }
    });

    const offline = () => provider.disconnect();
    const online = () => void provider.connect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (!navigator.onLine) offline();

    return () => {
      alive = false;
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [name, owner]);

  return state;
}
