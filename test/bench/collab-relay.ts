/**
 * Relay throughput of co-editing (issue 11, "Done when"): N clients in one proposal body on Quorum's `/collab`,
 * one of them sends K Yjs updates as fast as it can, and the figure is updates delivered per second to the
 * others (K × (N − 1) over the time from the first send to the last delivery). The baseline, in the same run,
 * is a raw `ws` relay (bench/collab-relay-bare-server.ts) carrying the same bytes: every message one socket
 * sends goes to every other socket, each its own write. A second relay, the same but writing as Quorum's collab
 * sockets do (a burst corked into one write per socket), is measured beside it: against that one, the ratio
 * is what Hocuspocus itself costs (applying each update to the server's document, echoing it to its sender
 * with an acknowledgement, encoding it again for each connection), with no difference in system calls.
 *
 * The clients speak Hocuspocus's protocol directly on raw `ws` sockets (authenticate with the token, sync
 * once, then count the update messages that arrive): they do the same little work for both servers, so the
 * figure is the server's. The K updates are made once by a Yjs document (a keystroke's worth of text each, in
 * TipTap's 'default' fragment) and the same message bytes go to both servers. The writer is the proposal's
 * owner (an editing connection); the others are read-only readers, as colleagues following a draft are.
 * Rounds alternate which server goes first; the first round of each size warms up and is not counted; each
 * server's figure is its median round.
 *
 * Both servers are child processes (Quorum as `node --import tsx src/main.ts`, production mode, on a fresh
 * PostgreSQL database from DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres, dropped at
 * the end), so neither shares an event loop with the clients. Nothing is asserted on time.
 *
 *   flock /tmp/quorum-bench.lock flock /tmp/quorum-test.lock pnpm --filter @quorum/test bench:collab
 *   COLLAB_CLIENTS=10 COLLAB_UPDATES=500 pnpm --filter @quorum/test bench:collab      # a quick run
 *
 * Options (environment): COLLAB_CLIENTS (10,50: N, the writer included), COLLAB_UPDATES (2000: K per round),
 * COLLAB_ROUNDS (5, plus the warm-up), COLLAB_TIMEOUT_MS (30000 per round).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  createBenchDatabase,
  envNumber,
  envNumbers,
  figure,
  percentile,
  reportResult,
  startChild,
  unlimitedRequests,
  type BenchFigure,
} from './support.js';

const clientCounts = envNumbers('COLLAB_CLIENTS', [10, 50]).filter((n) => n >= 2);
const updateCount = envNumber('COLLAB_UPDATES', 2000);
const rounds = envNumber('COLLAB_ROUNDS', 5);
const timeoutMs = envNumber('COLLAB_TIMEOUT_MS', 30_000);
const demoPassword = process.env.DEMO_PASSWORD ?? 'quorum-demo';
const writerEmail = 'office@quorum.test';
const readerEmail = 'tochuc@quorum.test';
const repoRoot = path.resolve(import.meta.dirname, '../..');

const log = (line: string) => console.error(`  … ${line}`);

// --- Hocuspocus's wire format (lib0 encoding), the little the clients need -----------------------------------

const MessageType = { Sync: 0, Auth: 2, SyncReply: 4 } as const;
const syncStep1 = 0;
const syncStep2 = 1;
const syncUpdate = 2;
const authToken = 0;
const authDenied = 1;
const authenticated = 2;

function varUint(value: number): Buffer {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push(0x80 | (value & 0x7f));
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return Buffer.from(bytes);
}

const varBytes = (bytes: Uint8Array) => Buffer.concat([varUint(bytes.length), bytes]);
const varString = (text: string) => varBytes(Buffer.from(text, 'utf8'));

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}
  uint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error('truncated message');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }
  string(): string {
    const length = this.uint();
    const text = this.bytes.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return text;
  }
}

const toBuffer = (data: WebSocket.RawData) =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);

/** The K updates of one round, as Hocuspocus update messages for `documentName`, continuing `doc`. */
function updateMessages(doc: Y.Doc, documentName: string, count: number): Buffer[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  const fragment = doc.getXmlFragment('default');
  if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement('paragraph')]);
  const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  const text = paragraph.get(0) as Y.XmlText;
  const words = ['Nghị ', 'quyết ', 'về ', 'chuyển ', 'đổi ', 'số ', 'đến ', 'năm ', '2030. '];
  while (updates.length < count) text.insert(text.length, words[updates.length % words.length]!);
  doc.off('update', record);
  const prefix = Buffer.concat([varString(documentName), varUint(MessageType.Sync), varUint(syncUpdate)]);
  return updates.slice(0, count).map((update) => Buffer.concat([prefix, varBytes(update)]));
}

// --- Clients -------------------------------------------------------------------------------------------------

/** One raw socket: counts the updates it receives; `ready` once it may send and receive. */
class RelayClient {
  received = 0;
  private wake: (() => void) | null = null;

  private constructor(readonly socket: WebSocket) {}

  private static open(url: string): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.binaryType = 'nodebuffer';
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
  }

  /** A client of the raw relay: every message it receives is an update. */
  static async bare(url: string): Promise<RelayClient> {
    const socket = await RelayClient.open(`${url.replace(/^http/, 'ws')}/relay`);
    const client = new RelayClient(socket);
    socket.on('message', () => client.count());
    return client;
  }

  /** A client of `/collab`: authenticates, syncs once, then counts the update messages for the document. */
  static async quorum(url: string, documentName: string, token: string, scope: string): Promise<RelayClient> {
    const socket = await RelayClient.open(`${url.replace(/^http/, 'ws')}/collab`);
    const client = new RelayClient(socket);
    const ready = new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = new Reader(toBuffer(data));
        if (message.string() !== documentName) return;
        const type = message.uint();
        if (type === MessageType.Auth) {
          const kind = message.uint();
          if (kind === authDenied) reject(new Error(`refused: ${message.string()}`));
          else if (kind === authenticated) {
            const granted = message.string();
            if (granted !== scope) reject(new Error(`connected ${granted}, not ${scope}`));
            // The empty state vector: "send me everything", answered with SyncStep2 once the connection is up.
            socket.send(
              Buffer.concat([
                varString(documentName),
                varUint(MessageType.Sync),
                varUint(syncStep1),
                varBytes(Y.encodeStateVector(new Y.Doc())),
              ]),
            );
          }
        } else if (type === MessageType.Sync || type === MessageType.SyncReply) {
          const step = message.uint();
          if (step === syncStep2) resolve();
          else if (step === syncUpdate) client.count();
        }
      });
      socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    });
    socket.send(
      Buffer.concat([
        varString(documentName),
        varUint(MessageType.Auth),
        varUint(authToken),
        varString(token),
      ]),
    );
    await ready;
    return client;
  }

  private count(): void {
    this.received += 1;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Resolves true once `target` updates have arrived in all, false at the deadline. */
  async until(target: number, deadline: number): Promise<boolean> {
    while (this.received < target) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
    return true;
  }

  close(): void {
    this.socket.terminate();
  }
}

/** The servers measured: Quorum, the raw relay as the issue states it, the raw relay writing as Quorum does. */
const servers = ['Quorum', 'raw', 'batched'] as const;
type ServerName = (typeof servers)[number];

interface Room {
  label: ServerName;
  writer: RelayClient;
  readers: RelayClient[];
  close(): void;
}

interface RoundResult {
  ms: number;
  delivered: number;
  complete: boolean;
}

/** Sends the messages from the writer and waits until every reader has them all (or the timeout). */
async function round(room: Room, messages: readonly Buffer[]): Promise<RoundResult> {
  const targets = room.readers.map((reader) => reader.received + messages.length);
  const before = room.readers.reduce((n, reader) => n + reader.received, 0);
  const started = performance.now();
  for (const message of messages) room.writer.socket.send(message);
  const deadline = started + timeoutMs;
  const complete = (
    await Promise.all(room.readers.map((reader, i) => reader.until(targets[i]!, deadline)))
  ).every(Boolean);
  const ms = performance.now() - started;
  const delivered = room.readers.reduce((n, reader) => n + reader.received, 0) - before;
  return { ms, delivered, complete };
}

// --- Servers -------------------------------------------------------------------------------------------------

async function graphql<T>(url: string, token: string | undefined, query: string, variables = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: T | null; errors?: unknown[] };
  if (!answer.data || answer.errors?.length)
    throw new Error(`${query.split('\n')[0]}: HTTP ${response.status} ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const login = async (url: string, email: string) =>
  (
    await graphql<{ login: { token: string } }>(
      url,
      undefined,
      'mutation Login($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email, password: demoPassword } },
    )
  ).login.token;

/** A new proposal of the writer's (its owner, so an editor), readable by the whole organization. */
async function newProposal(url: string, token: string): Promise<string> {
  const units = await graphql<{ units: { edges: { node: { id: string; kind: string } }[] } }>(
    url,
    token,
    '{ units(first: 100) { edges { node { id kind } } } }',
  );
  const unit = units.units.edges.find((edge) => edge.node.kind === 'DEPARTMENT');
  if (!unit) throw new Error('the demo data has no department');
  const created = await graphql<{ createProposal: { proposal: { id: string } } }>(
    url,
    token,
    `
      mutation ($input: CreateProposalInput!) {
        createProposal(input: $input) {
          proposal {
            id
          }
        }
      }
    `,
    { input: { title: 'Đề án đo tốc độ chuyển tiếp', kind: 'PROPOSAL', leadUnitId: unit.node.id } },
  );
  return created.createProposal.proposal.id;
}

// --- Main ----------------------------------------------------------------------------------------------------

interface SizeResult {
  clients: number;
  /** Updates delivered per second in each counted round, by server. */
  perSecond: Record<ServerName, number[]>;
  incomplete: Record<ServerName, number>;
  messageBytes: number;
}

const median = (values: readonly number[]) => percentile(values, 0.5);
const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

async function openRoom(label: ServerName, clients: number, open: (writer: boolean) => Promise<RelayClient>) {
  const room: Room = {
    label,
    writer: await open(true),
    readers: await Promise.all(Array.from({ length: clients - 1 }, () => open(false))),
    close() {
      for (const client of [room.writer, ...room.readers]) client.close();
    },
  };
  return room;
}

async function measureSize(
  urls: Record<ServerName, string>,
  tokens: { writer: string; reader: string },
  clients: number,
): Promise<SizeResult> {
  const proposalId = await newProposal(urls.Quorum, tokens.writer);
  const documentName = `proposal:${proposalId}`;
  log(`${clients} clients: opening ${clients} sockets on each server`);
  const rooms = [
    await openRoom('Quorum', clients, (writer) =>
      writer
        ? RelayClient.quorum(urls.Quorum, documentName, tokens.writer, 'read-write')
        : RelayClient.quorum(urls.Quorum, documentName, tokens.reader, 'readonly'),
    ),
    await openRoom('raw', clients, () => RelayClient.bare(urls.raw)),
    await openRoom('batched', clients, () => RelayClient.bare(urls.batched)),
  ];
  const doc = new Y.Doc();
  doc.clientID = 7;
  const result: SizeResult = {
    clients,
    perSecond: { Quorum: [], raw: [], batched: [] },
    incomplete: { Quorum: 0, raw: 0, batched: 0 },
    messageBytes: 0,
  };
  try {
    for (let r = 0; r <= rounds; r++) {
      const messages = updateMessages(doc, documentName, updateCount);
      result.messageBytes = messages.reduce((n, m) => n + m.length, 0) / messages.length;
      // Each server goes first, second and last in turn.
      const order = rooms.map((_, i) => rooms[(i + r) % rooms.length]!);
      for (const room of order) {
        const measured = await round(room, messages);
        if (r === 0) continue;
        result.perSecond[room.label].push(measured.delivered / (measured.ms / 1000));
        if (!measured.complete) result.incomplete[room.label] += 1;
      }
      if (r > 0)
        log(
          `${clients} clients, round ${r}: ${servers.map((name) => `${name} ${grouped(result.perSecond[name].at(-1)!)}/s`).join(', ')}`,
        );
    }
  } finally {
    for (const room of rooms) room.close();
  }
  return result;
}

function figures(results: readonly SizeResult[]): BenchFigure[] {
  return results.flatMap((r) => {
    const details = {
      updatesPerRound: updateCount,
      rounds,
      perRound: Object.fromEntries(servers.map((name) => [name, r.perSecond[name].map(Math.round)])),
      incompleteRounds: r.incomplete,
      meanMessageBytes: Math.round(r.messageBytes),
    };
    return [
      figure({
        name: `collab relay, ${r.clients} clients in one document`,
        unit: 'updates delivered/s',
        quorum: median(r.perSecond.Quorum),
        baseline: median(r.perSecond.raw),
        baselineLabel: 'raw ws relay of the same bytes',
        better: 'higher',
        target: { of: 'ratio', op: '>=', value: 0.5, text: '≥ 0.5× raw ws relay' },
        details,
      }),
      figure({
        name: `collab relay, ${r.clients} clients, against a relay batching its writes as Quorum does`,
        unit: 'updates delivered/s',
        quorum: median(r.perSecond.Quorum),
        baseline: median(r.perSecond.batched),
        baselineLabel: 'raw ws relay, writes batched per event-loop turn',
        better: 'higher',
        details,
      }),
    ];
  });
}

async function main(): Promise<void> {
  const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: repoRoot })
    .toString()
    .trim();
  const database = await createBenchDatabase('quorum_collab');
  const results: SizeResult[] = [];
  try {
    log('starting Quorum (migrations and demo data on the fresh database) and the raw ws relay');
    const quorum = await startChild(
      'Quorum',
      ['--max-semi-space-size=64', '--import', 'tsx', 'src/main.ts'],
      path.join(repoRoot, 'server'),
      {
        ...unlimitedRequests,
        PORT: '0',
        DATABASE_URL: database.url,
        // One instance: no relay to other instances through Redis, whatever the environment says.
        REDIS_URL: '',
        NODE_ENV: 'production',
        DEMO_PASSWORD: demoPassword,
      },
      '/health',
    );
    const relay = (batch: boolean) =>
      startChild(
        batch ? 'the batching ws relay' : 'the raw ws relay',
        ['--import', 'tsx', 'bench/collab-relay-bare-server.ts'],
        path.join(repoRoot, 'test'),
        { BARE_RELAY_BATCH: batch ? '1' : '0' },
        '/',
      );
    const raw = await relay(false);
    const batched = await relay(true);
    try {
      const tokens = {
        writer: await login(quorum.url, writerEmail),
        reader: await login(quorum.url, readerEmail),
      };
      const urls = { Quorum: quorum.url, raw: raw.url, batched: batched.url };
      for (const clients of clientCounts) results.push(await measureSize(urls, tokens, clients));
    } finally {
      await quorum.stop();
      await raw.stop();
      await batched.stop();
    }
  } finally {
    await database.drop();
  }

  const ratio = (r: SizeResult, baseline: ServerName) =>
    `${(median(r.perSecond.Quorum) / median(r.perSecond[baseline])).toFixed(2)}×`;
  const lines = [
    `Co-editing relay of Quorum ${commit} (/collab, Hocuspocus) against raw ws relays of the same bytes; all servers are child processes,`,
    `PostgreSQL ${database.host} (fresh database ${database.name}, dropped afterwards). One writer sends ${grouped(updateCount)} Yjs updates per round`,
    `(a keystroke each); every other client counts them. Median of ${rounds} rounds after a warm-up, order rotating.`,
    'Raw relay: each message its own write, as the issue states it. Batched: the same relay writing as Quorum does',
    "(a socket corked for the rest of the event loop's turn), so that ratio is Hocuspocus's own cost.",
    '',
    '| clients | bytes per message | Quorum updates delivered/s | raw relay | ratio | batched relay | ratio | incomplete rounds (Quorum, raw, batched) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.clients} | ${Math.round(r.messageBytes)} | ${grouped(median(r.perSecond.Quorum))} | ${grouped(median(r.perSecond.raw))} | ${ratio(r, 'raw')} | ${grouped(median(r.perSecond.batched))} | ${ratio(r, 'batched')} | ${servers.map((name) => r.incomplete[name]).join(', ')} |`,
    ),
    '',
    'Target (issue 11): ≥ 0.5× the raw relay.',
  ];
  console.log(lines.join('\n'));
  reportResult({
    bench: 'collab-relay',
    figures: figures(results),
    settings: { clients: clientCounts, updates: updateCount, rounds, timeoutMs, commit },
  });
}

await main();
