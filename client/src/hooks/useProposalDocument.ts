import { useEffect, useState } from 'react';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { getToken } from '../apollo/session';

/** Where the body's document lives: `/collab` on the page's own origin, as `/graphql` is. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/collab`;
}

export type CollabConnection = 'connecting' | 'connected' | 'disconnected';

export interface ProposalDocumentState {
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
}

/** The error code a refusal starts with ("FORBIDDEN: You may no longer read …" → FORBIDDEN). */
export function refusalCode(reason: string): string {
  return /^([A-Z_]+):/.exec(reason)?.[1] ?? 'FORBIDDEN';
}

/**
 * The proposal's body as a shared Yjs document, over Hocuspocus at `/collab`, named `proposal:<id>`, signed
 * with the same session token as GraphQL. The server decides at connect whether this person edits or only
 * reads (a read-only connection's updates are dropped there), and says so again when it changes its mind
 * (a stateless `{"type":"access"}` message, or the connection closed with its reason). One document and one
 * connection per mounted proposal; both end when the page does.
 */
export function useProposalDocument(proposalId: string): ProposalDocumentState | null {
  const [state, setState] = useState<ProposalDocumentState | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: `proposal:${proposalId}`,
      document: doc,
      token: () => getToken() ?? '',
    });
    let current: ProposalDocumentState = {
      doc,
      provider,
      connection: 'connecting',
      synced: false,
      access: null,
      refused: null,
      unsynced: 0,
    };
    let alive = true;
    const update = (change: Partial<ProposalDocumentState>) => {
      if (!alive) return;
      current = { ...current, ...change };
      setState(current);
    };
    setState(current);

    provider.on('status', ({ status }: { status: CollabConnection }) =>
      update(status === 'connected' ? { connection: status } : { connection: status, synced: false }),
    );
    provider.on('synced', ({ state: synced }: { state: boolean }) => update({ synced }));
    provider.on('authenticated', ({ scope }: { scope: 'read-write' | 'readonly' }) =>
      update({ access: scope === 'read-write' ? 'edit' : 'read', refused: null }),
    );
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      update({ refused: reason || 'FORBIDDEN', access: null }),
    );
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
      if (/^[A-Z_]+: /.test(reason)) update({ refused: reason, access: null, synced: false });
    });

    return () => {
      alive = false;
      provider.destroy();
      doc.destroy();
    };
  }, [proposalId]);

  return state;
}
