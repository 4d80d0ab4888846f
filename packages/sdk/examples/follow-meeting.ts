// Follows one meeting live and prints each change; Ctrl-C stops it and prints the cursor to resume from.
//   QUORUM_URL=… QUORUM_TOKEN=… MEETING_ID=… [AFTER=<cursor>] node --import tsx examples/follow-meeting.ts
import WebSocket from 'ws';
import { QuorumClient } from '@quorum/sdk';

const quorum = new QuorumClient({
  url: process.env.QUORUM_URL!,
  token: process.env.QUORUM_TOKEN!,
  // Node 20 has no global WebSocket; Node 22 and browsers do not need this.
  webSocketImpl: WebSocket,
});
const feed = quorum.follow({
  scope: { type: 'MEETING', id: process.env.MEETING_ID! },
  after: process.env.AFTER ?? null,
  onEvent: (event) => console.log(`${event.cursor}  ${event.occurredAt}  ${event.type}`, event.changes ?? ''),
  onError: (error) => console.error(`${error.code}: ${error.message}`),
  onReconnect: (attempt, delayMs) =>
    console.error(`connection lost; reconnecting (${attempt}) in ${delayMs} ms`),
});
process.on('SIGINT', () => {
  void feed.stop().then(() => console.log(`resume with AFTER=${feed.cursor ?? ''}`));
});
