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
 * The same run replays a realistic trace (issue 14 part 5): COLLAB_TRACE_CLIENTS people (10) in one more body,
 * each an editing connection, each typing Vietnamese character by character (bench/typing.ts: diacritics as
 * replacements of the letter, backspaces, deleted words, paragraph breaks; a trace per person, made once, the
 * same bytes to every server), every client counting the others' updates. Per round, a burst (each sends
 * COLLAB_TRACE_UPDATES edits at once: updates delivered per second, and latency under that load) and a paced
 * replay (COLLAB_TRACE_PACED edits of each, one every COLLAB_TRACE_TICK_MS: latency below saturation). Latency
 * is from the typist's send to each other client's receipt, an update known by its first item's Yjs id in both
 * servers' bytes; p50 and p99 of a round, the median round. The one-writer figures stay beside it: they
 * isolate the fan-out to read-only followers.
 *
 * Options (environment): COLLAB_CLIENTS (10,50: N, the writer included), COLLAB_UPDATES (2000: K per round),
 * COLLAB_ROUNDS (5, plus the warm-up), COLLAB_TIMEOUT_MS (30000 per round), COLLAB_TRACE_CLIENTS (10; below 2:
 * no trace), COLLAB_TRACE_UPDATES (300), COLLAB_TRACE_PACED (100), COLLAB_TRACE_TICK_MS (10).
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
  sleep,
  startChild,
  unlimitedRequests,
  type BenchFigure,
} from './support.js';
import { demoPassword, login, newProposal } from './collab-support.js';
import { typeEdits } from './typing.js';

const clientCounts = envNumbers('COLLAB_CLIENTS', [10, 50]).filter((n) => n >= 2);
const updateCount = envNumber('COLLAB_UPDATES', 2000);
const rounds = envNumber('COLLAB_ROUNDS', 5);
const timeoutMs = envNumber('COLLAB_TIMEOUT_MS', 30_000);
const traceClients = envNumber('COLLAB_TRACE_CLIENTS', 10);
const traceUpdates = envNumber('COLLAB_TRACE_UPDATES', 300);
const tracePaced = envNumber('COLLAB_TRACE_PACED', 100);
const traceTickMs = envNumber('COLLAB_TRACE_TICK_MS', 10);
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
  /** When set, decides which update messages count (a trace round counts the others' updates only). */
  accept: ((message: Buffer) => boolean) | null = null;
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
    socket.on('message', (data) => client.count(data));
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
          else if (step === syncUpdate) client.count(data);
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

  private count(data: WebSocket.RawData): void {
    if (this.accept && !this.accept(toBuffer(data))) return;
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

// --- The typing trace: every client types, every client reads ---------------------------------------------

/** A Yjs update's identity, the same in the sender's bytes and in the server's re-encoding of it. */
interface UpdateKey {
  key: string;
  /** The Yjs client whose edit it is. */
  client: number;
}

/**
 * The key of a Hocuspocus update message: its first struct's client and clock (an insertion, or a diacritic's
 * replacement), else its first deleted range's (a backspace, a deleted word); null for other messages.
 */
function updateKey(message: Buffer): UpdateKey | null {
  const reader = new Reader(message);
  reader.string();
  if (reader.uint() !== MessageType.Sync || reader.uint() !== syncUpdate) return null;
  reader.uint(); // the update's length
  if (reader.uint() > 0) {
    reader.uint(); // structs in the first group
    const client = reader.uint();
    return { key: `${client}:${reader.uint()}`, client };
  }
  if (reader.uint() === 0) return null;
  const client = reader.uint();
  reader.uint(); // deleted ranges of that client
  return { key: `d${client}:${reader.uint()}`, client };
}

/** Each typist's trace as Hocuspocus update messages, with their keys, cut into the rounds' chunks. */
interface Trace {
  clientIds: number[];
  /** chunks[round][client]: that client's messages in that round. */
  chunks: { message: Buffer; key: string }[][][];
  messageBytes: number;
}

/**
 * `clients` people typing Vietnamese in one document at once (bench/typing.ts), a paragraph each to begin with:
 * per round, `perRound` edits of each, for `roundCount` rounds.
 */
function buildTrace(documentName: string, clients: number, perRound: number, roundCount: number): Trace {
  const prefix = Buffer.concat([varString(documentName), varUint(MessageType.Sync), varUint(syncUpdate)]);
  const clientIds = Array.from({ length: clients }, (_, i) => 1_000 + i);
  const traces = clientIds.map(
    (clientId, i) =>
      typeEdits(perRound * roundCount, { seed: clientId, clientId, corpusOffset: i * 97 }).updates,
  );
  const chunks = Array.from({ length: roundCount }, (_, r) =>
    traces.map((updates) =>
      updates.slice(r * perRound, (r + 1) * perRound).map((update) => {
        const message = Buffer.concat([prefix, varBytes(update)]);
        return { message, key: updateKey(message)!.key };
      }),
    ),
  );
  const all = chunks.flat(2);
  return { clientIds, chunks, messageBytes: all.reduce((n, m) => n + m.message.length, 0) / all.length };
}

interface TraceResult extends RoundResult {
  /** Milliseconds from an update's send by its typist to its receipt by each other client. */
  latencies: number[];
}

/**
 * One round of the trace: every client sends its chunk (all at once, interleaved, with `tickMs` 0; else one
 * update each every `tickMs`) and counts the others' updates, timing each from its send.
 */
async function traceRound(
  clients: readonly RelayClient[],
  clientIds: readonly number[],
  chunk: readonly { message: Buffer; key: string }[][],
  tickMs: number,
): Promise<TraceResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const total = chunk.reduce((n, messages) => n + messages.length, 0);
  const targets = clients.map((client, i) => client.received + total - chunk[i]!.length);
  const before = clients.reduce((n, client) => n + client.received, 0);
  clients.forEach((client, i) => {
    client.accept = (message) => {
      const key = updateKey(message);
      // Quorum echoes a typist's own updates back to it: they are no delivery.
      if (!key || key.client === clientIds[i]) return false;
      const at = sentAt.get(key.key);
      if (at !== undefined) latencies.push(performance.now() - at);
      return true;
    };
  });
  const started = performance.now();
  const longest = Math.max(...chunk.map((messages) => messages.length));
  for (let k = 0; k < longest; k++) {
    for (const [i, client] of clients.entries()) {
      const next = chunk[i]![k];
      if (!next) continue;
      sentAt.set(next.key, performance.now());
      client.socket.send(next.message);
    }
    if (tickMs > 0) await sleep(Math.max(0, started + (k + 1) * tickMs - performance.now()));
  }
  const deadline = performance.now() + timeoutMs;
  const complete = (await Promise.all(clients.map((client, i) => client.until(targets[i]!, deadline)))).every(
    Boolean,
  );
  const ms = performance.now() - started;
  for (const client of clients) client.accept = null;
  const delivered = clients.reduce((n, client) => n + client.received, 0) - before;
  // Every delivery is timed, or an update's key read differently in one server's bytes and the figure is off.
  if (latencies.length !== delivered) log(`only ${latencies.length} of ${delivered} deliveries were timed`);
  return { ms, delivered, complete, latencies };
}

interface TraceSummary {
  clients: number;
  messageBytes: number;
  /** By server: updates delivered per second (burst rounds), and p50/p99 latency per round of each kind. */
  perSecond: Record<ServerName, number[]>;
  burst: Record<ServerName, { p50: number[]; p99: number[] }>;
  paced: Record<ServerName, { p50: number[]; p99: number[] }>;
  incomplete: Record<ServerName, number>;
}

const byServer = <T>(make: () => T) =>
  Object.fromEntries(servers.map((name) => [name, make()])) as Record<ServerName, T>;

/**
 * `traceClients` typists in one new proposal body, each an editing connection: per round, a burst (every
 * typist's `traceUpdates` edits at once: throughput, and latency under that load) and a paced replay (one edit
 * of each every `traceTickMs`: latency below saturation), on every server in turn.
 */
async function measureTrace(
  urls: Record<ServerName, string>,
  tokens: { writer: string; reader: string },
): Promise<TraceSummary> {
  const proposalId = await newProposal(urls.Quorum, tokens.writer);
  const documentName = `proposal:${proposalId}`;
  log(`trace: ${traceClients} typists on each server`);
  const rooms: Record<ServerName, RelayClient[]> = {
    // The proposal's owner in every tab: each connection edits.
    Quorum: await Promise.all(
      Array.from({ length: traceClients }, () =>
        RelayClient.quorum(urls.Quorum, documentName, tokens.writer, 'read-write'),
      ),
    ),
    raw: await Promise.all(Array.from({ length: traceClients }, () => RelayClient.bare(urls.raw))),
    batched: await Promise.all(Array.from({ length: traceClients }, () => RelayClient.bare(urls.batched))),
  };
  const perRound = traceUpdates + tracePaced;
  const trace = buildTrace(documentName, traceClients, perRound, rounds + 1);
  const summary: TraceSummary = {
    clients: traceClients,
    messageBytes: trace.messageBytes,
    perSecond: byServer(() => []),
    burst: byServer(() => ({ p50: [], p99: [] })),
    paced: byServer(() => ({ p50: [], p99: [] })),
    incomplete: byServer(() => 0),
  };
  try {
    for (let r = 0; r <= rounds; r++) {
      const burst = trace.chunks[r]!.map((messages) => messages.slice(0, traceUpdates));
      const paced = trace.chunks[r]!.map((messages) => messages.slice(traceUpdates));
      for (const [i] of servers.entries()) {
        const name = servers[(i + r) % servers.length]!;
        const fast = await traceRound(rooms[name], trace.clientIds, burst, 0);
        const slow = await traceRound(rooms[name], trace.clientIds, paced, traceTickMs);
        if (r === 0) continue;
        summary.perSecond[name].push(fast.delivered / (fast.ms / 1000));
        for (const [kind, result] of [
          ['burst', fast],
          ['paced', slow],
        ] as const) {
          summary[kind][name].p50.push(percentile(result.latencies, 0.5));
          summary[kind][name].p99.push(percentile(result.latencies, 0.99));
          if (!result.complete) summary.incomplete[name] += 1;
        }
      }
      if (r > 0)
        log(
          `trace, round ${r}: ${servers.map((name) => `${name} ${grouped(summary.perSecond[name].at(-1)!)}/s, paced p99 ${summary.paced[name].p99.at(-1)!.toFixed(1)} ms`).join('; ')}`,
        );
    }
  } finally {
    for (const client of Object.values(rooms).flat()) client.close();
  }
  return summary;
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

function traceFigures(t: TraceSummary): BenchFigure[] {
  const details = {
    clients: t.clients,
    burstUpdatesPerClient: traceUpdates,
    pacedUpdatesPerClient: tracePaced,
    pacedTickMs: traceTickMs,
    rounds,
    meanMessageBytes: Math.round(t.messageBytes),
    perRound: Object.fromEntries(servers.map((name) => [name, t.perSecond[name].map(Math.round)])),
    incompleteRounds: t.incomplete,
  };
  const name = `collab relay, ${t.clients} typists replaying a Vietnamese typing trace`;
  return [
    figure({
      name,
      unit: 'updates delivered/s',
      quorum: median(t.perSecond.Quorum),
      baseline: median(t.perSecond.raw),
      baselineLabel: 'raw ws relay of the same bytes',
      better: 'higher',
      target: { of: 'ratio', op: '>=', value: 0.5, text: '≥ 0.5× raw ws relay' },
      details,
    }),
    ...(['burst', 'paced'] as const).flatMap((kind) =>
      (['p50', 'p99'] as const).map((p) =>
        figure({
          name: `${name}, ${p} latency ${kind === 'burst' ? 'under the burst' : `paced (an edit of each every ${traceTickMs} ms)`}`,
          unit: 'ms',
          quorum: median(t[kind].Quorum[p]),
          baseline: median(t[kind].raw[p]),
          baselineLabel: 'raw ws relay of the same bytes',
          better: 'lower',
          details,
        }),
      ),
    ),
  ];
}

function traceLines(t: TraceSummary): string[] {
  const ms = (values: number[]) => `${median(values).toFixed(1)} ms`;
  const row = (name: ServerName) =>
    `| ${name} | ${grouped(median(t.perSecond[name]))} | ${(median(t.perSecond[name]) / median(t.perSecond.raw)).toFixed(2)}× | ${ms(t.burst[name].p50)} | ${ms(t.burst[name].p99)} | ${ms(t.paced[name].p50)} | ${ms(t.paced[name].p99)} | ${t.incomplete[name]} |`;
  return [
    '',
    `Trace: ${t.clients} clients each type Vietnamese character by character (bench/typing.ts: diacritics as replacements,`,
    `backspaces, deleted words, paragraph breaks; ${Math.round(t.messageBytes)} bytes per message), all in one body, each an editing`,
    `connection reading the others. Burst: ${traceUpdates} edits of each sent at once (throughput, and latency under it); paced:`,
    `${tracePaced} edits of each, one every ${traceTickMs} ms. Latency: from the typist's send to each other client's receipt. Median of ${rounds} rounds.`,
    '',
    '| server | updates delivered/s (burst) | ratio to raw | burst p50 | burst p99 | paced p50 | paced p99 | incomplete rounds |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...servers.map(row),
    '',
    `Latency ratios (Quorum ÷ raw): burst p99 ${(median(t.burst.Quorum.p99) / median(t.burst.raw.p99)).toFixed(2)}×, paced p50 ${(median(t.paced.Quorum.p50) / median(t.paced.raw.p50)).toFixed(2)}×, paced p99 ${(median(t.paced.Quorum.p99) / median(t.paced.raw.p99)).toFixed(2)}×.`,
  ];
}

async function main(): Promise<void> {
  const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: repoRoot })
    .toString()
    .trim();
  const database = await createBenchDatabase('quorum_collab');
  const results: SizeResult[] = [];
  let trace: TraceSummary | null = null;
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
      if (traceClients >= 2) trace = await measureTrace(urls, tokens);
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
    ...(trace ? traceLines(trace) : []),
    '',
    'Target (issues 11 and 14): ≥ 0.5× the raw relay.',
  ];
  console.log(lines.join('\n'));
  reportResult({
    bench: 'collab-relay',
    figures: [...figures(results), ...(trace ? traceFigures(trace) : [])],
    settings: {
      clients: clientCounts,
      updates: updateCount,
      rounds,
      timeoutMs,
      trace: { clients: traceClients, burst: traceUpdates, paced: tracePaced, tickMs: traceTickMs },
      commit,
    },
  });
}

await main();
