// Presence in the meeting room (schema/operations/client/presence.graphql). The two mutations travel on the
// WebSocket (see client.ts), so that closing the tab or losing the connection takes the announcement with it at
// once, not after the server's timeout.

/** The operations that go over the socket although they are not subscriptions. */
export const SOCKET_MUTATIONS: ReadonlySet<string> = new Set(['AnnouncePresence', 'LeavePresence']);
