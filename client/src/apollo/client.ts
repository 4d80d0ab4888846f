import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import type { Reference } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { relayStylePagination } from '@apollo/client/utilities';
import { ErrorCode } from '@quorum/shared';
import { Kind, type DefinitionNode, type DocumentNode } from 'graphql';
import { createClient } from 'graphql-ws';
import type { Client as WsClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import { noteReconnected, setConnectionState } from './connection';
import { apiErrorInfo } from './errors';
import { SOCKET_MUTATIONS } from './presence.operations';
import { getToken, setToken, subscribeToken } from './session';
import { VersionedCache } from './versioned-cache';
import { noteSessionEnded } from './session-ended';

const GRAPHQL_PATH = '/graphql';

function bearer(token: string | null): string | undefined {
  return token ? `Bearer ${token}` : undefined;
}

function webSocketUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${GRAPHQL_PATH}`;
}

/**
 * How long to wait before the next attempt to reconnect: a quarter second at first (a restarted server is
 * usually back within seconds), doubling up to 5 s, each wait drawn between half and all of it so that a
 * restarted server is not stampeded by every client at once.
 */
export function reconnectDelay(retries: number, random = Math.random()): number {
  const ceiling = Math.min(250 * 2 ** (retries + 1), 5_000);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

function retryWait(retries: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries)));
}

// ---------------------------------------------------------------------------
// The WebSocket: one graphql-ws client per session token. Signing in or out
// disposes it and starts a new one, so a socket never outlives its credentials.

let wsClient: WsClient | null = null;
let wsClientLink: GraphQLWsLink | null = null;

/**
 * `resumed`: this socket replaces one the UI was already following (the manual restart),
 * so its first connection counts as a reconnect and the feed is resumed, not restarted blind.
 */
function startWsClient(token: string | null, resumed = false): void {
  wsClient?.dispose();
  wsClient = null;
  wsClientLink = null;
  if (!token) {
    setConnectionState('idle');
    return;
  }
  let everConnected = resumed;
  setConnectionState(resumed ? 'reconnecting' : 'connecting');
  const client = createClient({
    url: webSocketUrl(),
    // Connect now, not on the first subscription: the indicator shows a true state
    // and the first live event is not delayed by a handshake.
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait,
    keepAlive: 15_000,
    connectionParams: () => ({ authorization: bearer(token) }),
    onNonLazyError: () => {
      if (wsClient === client) setConnectionState('failed');
    },
    on: {
      connected: () => {
        if (wsClient !== client) return;
        setConnectionState('connected');
        if (everConnected) noteReconnected();
        everConnected = true;
      },
      closed: (event) => {
        if (wsClient !== client) return;
        // 4403: the server no longer accepts this token (the account was deactivated, the
        // session revoked or expired). Retrying cannot help: the session is over.
        if ((event as { code?: unknown } | undefined)?.code === 4403) {
          noteSessionEnded();
          setToken(null);
          return;
        }
        setConnectionState(everConnected ? 'reconnecting' : 'connecting');
      },
    },
  });
  wsClient = client;
  wsClientLink = new GraphQLWsLink(client);
}

/** Drops the current socket and opens a new one with the current token (the "retry" button). */
export function restartLiveConnection(): void {
  startWsClient(getToken(), true);
}

// The link delegates to whichever graphql-ws client is current, so restarting the
// socket needs no new ApolloClient.
const wsLink = new ApolloLink((operation) =>
  wsClientLink
    ? wsClientLink.request(operation)
    : new Observable<ApolloLink.Result>((observer) => {
        observer.error(new Error('No live connection: not signed in'));
      }),
);

// ---------------------------------------------------------------------------
// HTTP for queries and mutations, same origin.

const authLink = new ApolloLink((operation, forward) => {
  const token = getToken();
  if (token) {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: bearer(token) },
    }));
  }
  return forward(operation);
});

// A session that expired or was revoked elsewhere: drop it and show the login page.
// The login mutation's own UNAUTHENTICATED (wrong password) is the login form's business.
const sessionExpiryLink = new ErrorLink(({ error, operation }) => {
  if (operation.operationName === 'Login') return;
  if (getToken() && apiErrorInfo(error)?.code === ErrorCode.UNAUTHENTICATED) {
    noteSessionEnded();
    setToken(null);
  }
});

const httpLink = new HttpLink({ uri: GRAPHQL_PATH });

/** SHA-256 of an operation's text, hex, by the browser's Web Crypto (only in a secure context: HTTPS or localhost). */
async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Operations go by hash (Apollo's persisted queries): the server knows the client's operations from
 * schema/operations and answers a known hash without its text; an unknown one (PERSISTED_QUERY_NOT_FOUND) is
 * sent again in full by the link. A server set to PERSISTED_OPERATIONS=only accepts nothing else from a
 * session. Without Web Crypto (plain HTTP on another host) the text is sent as before.
 */
const persistedLink: ApolloLink[] =
  typeof crypto !== 'undefined' && crypto.subtle
    ? [canonicalFragments(), new PersistedQueryLink({ sha256 })]
    : [];

/**
 * Puts an operation's fragments in the order of their names, after the operation, as the server's manifest of
 * known operations has them (server/src/persisted/operation-manifest.ts): the generated documents order them
 * otherwise, and a hash is of the exact text.
 */
function canonicalFragments(): ApolloLink {
  const name = (definition: DefinitionNode) => ('name' in definition ? (definition.name?.value ?? '') : '');
  // One reordered document per document, so that printing it (for its hash and its text) is cached too.
  const ordered = new WeakMap<DocumentNode, DocumentNode>();
  const reorder = (document: DocumentNode): DocumentNode => {
    const operations = document.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION);
    const fragments = document.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
    return { ...document, definitions: [...operations, ...fragments] };
  };
  return new ApolloLink((operation, forward) => {
    let document = ordered.get(operation.query);
    if (!document) ordered.set(operation.query, (document = reorder(operation.query)));
    operation.query = document;
    return forward(operation);
  });
}

const link = ApolloLink.split(
  (operation) =>
    operation.operationType === 'subscription' || SOCKET_MUTATIONS.has(operation.operationName ?? ''),
  wsLink,
  ApolloLink.from([sessionExpiryLink, authLink, ...persistedLink, httpLink]),
);

// ---------------------------------------------------------------------------
// The cache. Every entity is keyed by `id` (the default) and its `version` never goes
// backwards (see VersionedCache). Connections are merged
// page by page; an edge whose node is already present is not shown twice (a live
// insertion followed by "load more" could otherwise repeat it).

const meetingsPagination = relayStylePagination(['filter']);
const baseMerge = meetingsPagination.merge;

type EdgeLike = { node?: Reference | null };

export const cache = new VersionedCache({
  possibleTypes: {
    EventSubject: [
      'AgendaItem',
      'Appraisal',
      'Meeting',
      'Organization',
      'ProgrammeItem',
      'Proposal',
      'Task',
      'Unit',
      'User',
      'WorkProgramme',
    ],
  },
  typePolicies: {
    Meeting: {
      fields: {
        // The room reads whole lists (first: 100); a refetch replaces them outright.
        agendaItems: { merge: (_existing: unknown, incoming: unknown) => incoming },
        participants: { merge: (_existing: unknown, incoming: unknown) => incoming },
        minutesVersions: { merge: (_existing: unknown, incoming: unknown) => incoming },
      },
    },
    // Read in parts (the panel's summary, the versions' rights): one object, merged.
    MeetingMinutes: { merge: true },
    Query: {
      fields: {
        meetings: {
          ...meetingsPagination,
          merge(existing, incoming, options) {
            if (typeof baseMerge !== 'function') return incoming;
            const merged = baseMerge(existing, incoming, options);
            if (!merged) return merged;
            const seen = new Set<string>();
            const edges = (merged.edges as EdgeLike[]).filter((edge) => {
              const ref = edge.node?.__ref;
              if (!ref) return true;
              if (seen.has(ref)) return false;
              seen.add(ref);
              return true;
            });
            return { ...merged, edges };
          },
        },
        units: relayStylePagination(),
      },
    },
  },
});

export const apolloClient = new ApolloClient({
  link,
  cache,
});

// ---------------------------------------------------------------------------
// The session as the UI sees it. Signing in or out starts a new socket with the
// new credentials and empties the cache; only then does the UI learn of the new
// token, so no screen ever queries with one person's token into another's cache.

let sessionToken: string | null = getToken();
const sessionListeners = new Set<() => void>();
let sessionChange = Promise.resolve();

subscribeToken((token) => {
  startWsClient(token);
  sessionChange = sessionChange
    .then(() => apolloClient.clearStore())
    .catch(() => undefined)
    .then(() => {
      if (getToken() !== token) return; // superseded by a later change
      sessionToken = token;
      for (const listener of sessionListeners) listener();
    });
});

export function getSessionToken(): string | null {
  return sessionToken;
}

export function subscribeSession(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

startWsClient(sessionToken);
