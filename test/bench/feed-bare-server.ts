// The bare baseline of bench/feed.ts: the least a live feed can do on this machine. A `node:http` server
// whose POST INSERTs one row into PostgreSQL and then broadcasts about 300 bytes (shaped like Quorum's
// `ChangeEvent`) to every raw `ws` socket on `/feed`. No authentication, no access check, no GraphQL: what
// Quorum costs above this is the price of its engine. It runs in its own process, as Quorum's server does in
// the benchmark, so neither shares an event loop with the benchmark's clients.
// Started by bench/feed.ts with DATABASE_URL set; prints `Bare feed is ready at http://127.0.0.1:<port>`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { WebSocket, WebSocketServer } from 'ws';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`create table if not exists bench_feed (
  seq bigserial primary key,
  id uuid not null default gen_random_uuid(),
  title text not null,
  created_at timestamptz not null default now()
)`);

const server = createServer((request, response) => {
  // Anything but a POST is the health check the benchmark polls before it starts.
  if (request.method !== 'POST') return void response.end('ok');
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    const { title } = JSON.parse(body || '{}') as { title?: string };
    pool
      .query<{ seq: string; id: string; created_at: Date }>(
        'insert into bench_feed (title) values ($1) returning seq, id, created_at',
        [title ?? 'untitled'],
      )
      .then(({ rows: [row] }) => {
        if (!row) throw new Error('insert returned no row');
        const message = JSON.stringify({
          type: 'meeting.created',
          cursor: row.seq,
          occurredAt: row.created_at.toISOString(),
          subject: {
            __typename: 'Meeting',
            id: row.id,
            title,
            kind: 'REGULAR',
            status: 'DRAFT',
            classification: 'INTERNAL',
            startsAt: row.created_at.toISOString(),
            version: 1,
          },
        });
        for (const socket of sockets.clients) if (socket.readyState === WebSocket.OPEN) socket.send(message);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: row.id }));
      })
      .catch((error: unknown) => {
        console.error(error);
        response.writeHead(500).end();
      });
  });
});
const sockets = new WebSocketServer({ server, path: '/feed' });

server.listen(0, '127.0.0.1', () => {
  console.log(`Bare feed is ready at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  for (const socket of sockets.clients) socket.terminate();
  server.close(() => void pool.end().then(() => process.exit(0)));
});
