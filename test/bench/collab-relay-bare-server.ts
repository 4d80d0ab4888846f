// The bare baseline of bench/collab-relay.ts: the least a co-editing relay can do on this machine. A
// `node:http` server whose raw `ws` sockets on `/relay` hear each other: every message one sends goes, as
// is, to every other. No authentication, no Yjs, no storage: what Quorum's `/collab` costs above this is the
// price of Hocuspocus (decoding, applying each update to the server's document, re-encoding it for each
// connection), of access control and of storing the body. It writes as Quorum's collab sockets do (a socket
// corked for the rest of the event loop's turn at its first message, so a burst leaves in one write): the
// ratio is the engine's cost, not a difference in system calls. BARE_RELAY_BATCH=0 writes each message on
// its own. It runs in its own process, as Quorum's server does in the benchmark. Prints
// `Bare relay is ready at http://127.0.0.1:<port>`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

const batch = process.env.BARE_RELAY_BATCH !== '0';
const corked = new WeakSet<WebSocket>();

function corkForTheTurn(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket?: Duplex | null })._socket;
  if (!batch || !socket || corked.has(ws)) return;
  corked.add(ws);
  socket.cork();
  process.nextTick(() => {
    corked.delete(ws);
    socket.uncork();
  });
}

const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
const server = createServer((_request, response) => response.end('ok'));
server.on('upgrade', (request, socket, head) => {
  if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/relay') return void socket.destroy();
  wss.handleUpgrade(request, socket, head, (ws) => {
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      for (const other of wss.clients)
        if (other !== ws && other.readyState === WebSocket.OPEN) {
          corkForTheTurn(other);
          other.send(data, { binary: isBinary });
        }
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`Bare relay is ready at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
