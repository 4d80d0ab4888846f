// The state of the live connection, for the indicator in the header.

export type ConnectionState =
  /** Not signed in: there is no live connection to have. */
  | 'idle'
  /** The first connection attempt since sign-in. */
  | 'connecting'
  | 'connected'
  /** The socket dropped; graphql-ws is retrying with backoff. */
  | 'reconnecting'
  /** graphql-ws gave up (a fatal close code); only a manual restart helps. */
  | 'failed';

type Listener = () => void;

let state: ConnectionState = 'idle';
const listeners = new Set<Listener>();

export function getConnectionState(): ConnectionState {
  return state;
}

export function setConnectionState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeConnectionState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// How many times the socket came back after a drop. graphql-ws re-subscribes by itself,
// but events committed while it was down were never sent: whoever follows the feed
// resumes from its last cursor when this number changes.

let reconnects = 0;
const reconnectListeners = new Set<Listener>();

export function getReconnectCount(): number {
  return reconnects;
}

export function noteReconnected(): void {
  reconnects += 1;
  for (const listener of reconnectListeners) listener();
}

export function subscribeReconnects(listener: Listener): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
