/**
 * The live feed under load (issue 8, "Benchmark"), against a bare baseline measured in the same run:
 *
 * 1. Mutation to delivery, p50/p99, at 100 and 1,000 subscribers on one instance. Each subscriber is its own
 *    graphql-ws client on its own WebSocket, as browsers are, spread round-robin over four demo users of one
 *    organization, on `events(scope: { type: ORGANIZATION })`. `createMeeting` is sent over HTTP one at a
 *    time; the next goes when every subscriber has its event or the timeout has passed. Latency is from
 *    sending the mutation to a subscriber receiving the event whose subject is that meeting; a delivery that
 *    does not arrive within the timeout is counted missing, and counts as slower than the timeout in the
 *    percentiles (leaving it out would make a feed that loses events look fast).
 *    The baseline (bench/feed-bare-server.ts) INSERTs a row into the same PostgreSQL and broadcasts ~300 B to
 *    the same number of raw `ws` sockets; same mutations, same clock.
 * 2. Deliveries per second at saturation: mutations back to back, a few at a time, for a few seconds.
 * 3. Server RSS per idle subscription at 1,000 and 10,000: a fresh server process, RSS from /proc after a
 *    forced GC, before and after opening the subscriptions. The server refuses more than
 *    `maxSubscriptionsPerConnection` (50) operations on one socket, so they go 50 to a socket.
 *
 * Both servers run as child processes (`node --import tsx`, as `pnpm start` runs Quorum), so neither shares an
 * event loop with the benchmark's clients and each RSS is the server's alone. A fresh PostgreSQL database is
 * created from DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) and dropped at the end;
 * the embedded PGlite has a single connection and would measure that instead. Nothing is asserted on time.
 *
 *   ulimit -n 20000   # 1,000 subscribers are 1,000 sockets at each end; the script says so when it is short
 *   pnpm --filter @quorum/test bench:feed
 *   FEED_SUBSCRIBERS=100 FEED_IDLE=1000 pnpm --filter @quorum/test bench:feed     # a quick run
 *
 * Options (environment): FEED_SUBSCRIBERS (100,1000), FEED_MUTATIONS (one per FEED_SUBSCRIBERS entry; 20 up
 * to 100 subscribers, else 5), FEED_IDLE (1000,10000; 0 skips), FEED_SATURATION_SUBSCRIBERS (100; 0 skips),
 * FEED_SATURATION_SECONDS (5), FEED_SATURATION_CONCURRENCY (4), FEED_TIMEOUT_MS (10000), FEED_SERVER_DIR (the
 * Quorum server to run: this checkout's server/, or e.g. a `git worktree` of another commit to compare).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { requestLimits } from '../../server/src/config/limits.js';
import {
  createBenchDatabase,
  envNumber,
  envNumbers,
  figure,
  percentile,
  Pacer,
  reportResult,
  sleep,
  startChild,
  unlimitedRequests,
  type BenchFigure,
  type ChildServer,
} from './support.js';

// --- Options ---------------------------------------------------------------------------------------------

const subscriberCounts = envNumbers('FEED_SUBSCRIBERS', [100, 1000]).filter((n) => n > 0);
const mutationCounts = envNumbers(
  'FEED_MUTATIONS',
  subscriberCounts.map((n) => (n <= 100 ? 20 : 5)),
);
const idleCounts = envNumbers('FEED_IDLE', [1000, 10000]).filter((n) => n > 0);
const saturationSubscribers = envNumber('FEED_SATURATION_SUBSCRIBERS', 100);
const saturationSeconds = envNumber('FEED_SATURATION_SECONDS', 5);
const saturationConcurrency = envNumber('FEED_SATURATION_CONCURRENCY', 4);
const timeoutMs = envNumber('FEED_TIMEOUT_MS', 10_000);
/** How long subscribers may take to start receiving, probed with warm-up mutations that are not measured. */
const readyTimeoutMs = 3 * timeoutMs;
/** An idle server must stop spending CPU on new subscriptions within this before its RSS is read. */
const settleCapMs = 120_000;
const perSocket = requestLimits.maxSubscriptionsPerConnection;
// Flow control (issue 8) limits how fast operations may start, per socket and per user. Subscribing slower
// than that is what a well-behaved client does; the limits are read if this server version has them.
const limitsByName: Readonly<Record<string, number>> = requestLimits;
const startRate = {
  perSocket: [limitsByName.operationBurstPerSocket, limitsByName.operationsPerSecondPerSocket] as const,
  perUser: [limitsByName.operationBurstPerUser, limitsByName.operationsPerSecondPerUser] as const,
};
const demoPassword = process.env.DEMO_PASSWORD ?? 'quorum-demo';
const users = ['office@quorum.test', 'chanhvanphong@quorum.test', 'bithu@quorum.test', 'tochuc@quorum.test'];
const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The Quorum to measure: this checkout's server/ by default, or another (a worktree of another commit). */
const serverDir = path.resolve(process.env.FEED_SERVER_DIR ?? path.join(repoRoot, 'server'));

const subscription = `subscription Feed {
  events(scope: { type: ORGANIZATION }) {
    cursor type occurredAt
    subject { __typename ... on Meeting { id title kind status classification startsAt version } }
  }
}`;
const createMeeting = `mutation Create($input: CreateMeetingInput!) {
  createMeeting(input: $input) { meeting { id } }
}`;

interface FeedEvent {
  events: { subject: { id?: string } | null };
}

const log = (line: string) => console.error(`  … ${line}`);

// --- Child processes ---------------------------------------------------------------------------------------

// A forced GC before reading RSS, so garbage does not count as cost per subscription. The server cannot be
// asked over HTTP (no such endpoint, by design), so this preload makes SIGUSR2 run gc() in its process.
// (Encoded: `?` would start the data URL's query.)
const gcOnSignal = `data:text/javascript,${encodeURIComponent("process.on('SIGUSR2', () => globalThis.gc?.())")}`;

function startQuorum(databaseUrl: string): Promise<ChildServer> {
  return startChild(
    'Quorum',
    // The young generation `pnpm start` gives the server (server/package.json).
    ['--max-semi-space-size=64', '--expose-gc', '--import', 'tsx', '--import', gcOnSignal, 'src/main.ts'],
    serverDir,
    {
      ...unlimitedRequests,
      PORT: '0',
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      DEMO_PASSWORD: demoPassword,
    },
    '/health',
  );
}

function startBare(databaseUrl: string): Promise<ChildServer> {
  return startChild(
    'the bare baseline',
    ['--import', 'tsx', 'bench/feed-bare-server.ts'],
    path.join(repoRoot, 'test'),
    { DATABASE_URL: databaseUrl },
    '/',
  );
}

function residentKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

/** User plus system CPU of a process, in clock ticks (1/100 s on Linux). */
function cpuTicks(pid: number): number {
  // The command name in field 2 may hold spaces; the fields after its closing parenthesis do not.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()!.trim().split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until the process spends under 4% of a core for a second: the subscriptions it was handed are set up. */
async function settle(pid: number): Promise<{ settled: boolean; ms: number }> {
  const started = performance.now();
  let quiet = 0;
  let last = cpuTicks(pid);
  while (performance.now() - started < settleCapMs) {
    await sleep(500);
    const now = cpuTicks(pid);
    quiet = now - last <= 2 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2) return { settled: true, ms: performance.now() - started };
  }
  return { settled: false, ms: performance.now() - started };
}

async function collectedRss(pid: number): Promise<number> {
  for (let i = 0; i < 2; i++) {
    process.kill(pid, 'SIGUSR2');
    await sleep(500);
  }
  return residentKb(pid);
}

function openFileLimit(): number {
  const match = /Max open files\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'));
  return !match || match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
}

// --- Deliveries ----------------------------------------------------------------------------------------------

/** Every event a subscriber received, with the time of each subscriber's first receipt of each subject. */
class Deliveries {
  total = 0;
  /** Off while saturating: thousands of mutations × subscribers would be kept only to be counted. */
  keepTimes = true;
  /** Bytes of one delivery as it arrives, for the table. */
  sampleBytes = 0;
  readonly subscribersSeen = new Set<number>();
  private readonly times = new Map<string, Map<number, number>>();
  private waiters: (() => void)[] = [];

  record(subscriber: number, subjectId: string, bytes: () => number): void {
    const now = performance.now();
    this.total += 1;
    this.subscribersSeen.add(subscriber);
    if (this.sampleBytes === 0) this.sampleBytes = bytes();
    if (this.keepTimes) {
      let bySubscriber = this.times.get(subjectId);
      if (!bySubscriber) this.times.set(subjectId, (bySubscriber = new Map()));
      if (!bySubscriber.has(subscriber)) bySubscriber.set(subscriber, now);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  arrivals(subjectId: string): ReadonlyMap<number, number> {
    return this.times.get(subjectId) ?? new Map();
  }

  /** Resolves true as soon as `done()` holds after a delivery, false at the deadline (performance.now()). */
  async until(done: () => boolean, deadline: number): Promise<boolean> {
    while (!done()) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
    return true;
  }
}

// --- The two servers, behind one shape -----------------------------------------------------------------------

interface Subscribers {
  /** Refusals, errors and closes nobody asked for, by reason. */
  failures: Map<string, number>;
  close(): Promise<void>;
}

interface FeedServer {
  label: string;
  /** Opens `count` subscribers numbered from 0, each on its own socket, recording into `deliveries`. */
  open(count: number, deliveries: Deliveries): Promise<Subscribers>;
  /** Sends one mutation and returns the id of the subject its event will carry. */
  mutate(title: string): Promise<string>;
}

const countInto = (failures: Map<string, number>, reason: string) =>
  failures.set(reason, (failures.get(reason) ?? 0) + 1);

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: { code?: unknown } }[];
}

async function graphql<T>(
  url: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<T>;
  if (!answer.data || answer.errors?.length)
    throw new Error(`${query.split('\n')[0]}: HTTP ${response.status} ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const reasonOf = (error: unknown): string => {
  const first: unknown = Array.isArray(error) ? error[0] : error;
  if (first && typeof first === 'object') {
    const { code } = first as { code?: unknown };
    const extensions = (first as { extensions?: { code?: unknown } }).extensions;
    if (typeof extensions?.code === 'string') return extensions.code;
    if (typeof code === 'number') return `closed ${code}`;
  }
  return String(first);
};

function retryAfterSeconds(error: unknown): number | undefined {
  const first: unknown = Array.isArray(error) ? error[0] : undefined;
  const extensions = (first as { extensions?: { code?: unknown; retryAfterSeconds?: unknown } } | undefined)
    ?.extensions;
  if (extensions?.code !== 'RATE_LIMITED') return undefined;
  return typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : 1;
}

/** Runs `open` for every index, `concurrency` at a time: a thousand handshakes at once would time out. */
async function inBatches(count: number, concurrency: number, open: (index: number) => Promise<void>) {
  for (let start = 0; start < count; start += concurrency)
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count - start) }, (_, i) => open(start + i)),
    );
}

class QuorumFeed implements FeedServer {
  readonly label = 'Quorum';
  private readonly wsUrl: string;

  private constructor(
    private readonly url: string,
    private readonly tokens: readonly string[],
    private readonly committeeId: string,
  ) {
    this.wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;
  }

  /** Signs in the four users (successful logins are not rate-limited) and finds a committee to meet. */
  static async signIn(url: string): Promise<QuorumFeed> {
    const tokens: string[] = [];
    for (const email of users) {
      const data = await graphql<{ login: { token: string } }>(
        url,
        undefined,
        'mutation Login($input: LoginInput!) { login(input: $input) { token } }',
        { input: { email, password: demoPassword } },
      );
      tokens.push(data.login.token);
    }
    const units = await graphql<{ units: { edges: { node: { id: string; kind: string } }[] } }>(
      url,
      tokens[0],
      '{ units(first: 100) { edges { node { id kind } } } }',
    );
    const committee = units.units.edges.find((edge) => edge.node.kind === 'COMMITTEE');
    if (!committee) throw new Error('the demo data has no committee');
    return new QuorumFeed(url, tokens, committee.node.id);
  }

  async mutate(title: string): Promise<string> {
    const data = await graphql<{ createMeeting: { meeting: { id: string } } }>(
      this.url,
      this.tokens[0],
      createMeeting,
      {
        input: {
          committeeId: this.committeeId,
          title,
          kind: 'REGULAR',
          classification: 'INTERNAL',
          startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      },
    );
    return data.createMeeting.meeting.id;
  }

  open(count: number, deliveries: Deliveries): Promise<Subscribers> {
    return this.openSockets(count, 1, deliveries);
  }

  /** `sockets` graphql-ws clients, round-robin over the users, with `each` subscriptions apiece. */
  async openSockets(count: number, each: number, deliveries: Deliveries): Promise<Subscribers> {
    const failures = new Map<string, number>();
    const clients: Client[] = [];
    const subscribing: Promise<void>[] = [];
    const userPacers = this.tokens.map(() => new Pacer(...startRate.perUser));
    let closing = false;
    const sockets = Math.ceil(count / each);
    await inBatches(sockets, 50, async (socket) => {
      let connected = () => {};
      const handshake = new Promise<void>((resolve) => (connected = resolve));
      const client = createClient({
        url: this.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${this.tokens[socket % this.tokens.length]}` },
        lazy: false,
        retryAttempts: 0,
        on: {
          connected: () => connected(),
          closed: (event) => {
            connected();
            if (!closing) countInto(failures, reasonOf(event));
          },
        },
      });
      clients.push(client);
      await Promise.race([handshake, sleep(30_000)]);
      const socketPacer = new Pacer(...startRate.perSocket);
      const userPacer = userPacers[socket % userPacers.length]!;
      const subscribe = async (subscriber: number): Promise<void> => {
        await socketPacer.take();
        await userPacer.take();
        if (closing) return;
        client.subscribe<FeedEvent>(
          { query: subscription },
          {
            next: (result) => {
              const id = result.data?.events.subject?.id;
              if (id)
                deliveries.record(
                  subscriber,
                  id,
                  () => JSON.stringify({ id: '1', type: 'next', payload: result }).length,
                );
              else if (result.errors) countInto(failures, reasonOf(result.errors));
            },
            error: (error) => {
              // Refused for going too fast despite the pacing: try again when told, as a client would.
              const retryAfter = retryAfterSeconds(error);
              if (retryAfter === undefined || closing) return void countInto(failures, reasonOf(error));
              countInto(failures, 'RATE_LIMITED, retried');
              subscribing.push(sleep(retryAfter * 1000).then(() => subscribe(subscriber)));
            },
            complete: () => {
              if (!closing) countInto(failures, 'completed by the server');
            },
          },
        );
      };
      // Sockets shake hands in batches; their subscriptions are paced in the background, all users at once.
      subscribing.push(
        (async () => {
          for (let i = 0; i < each && socket * each + i < count; i++) await subscribe(socket * each + i);
        })(),
      );
    });
    // Retries add themselves to the list while it is being awaited.
    for (let done = 0; done < subscribing.length; done++) await subscribing[done];
    return {
      failures,
      async close() {
        closing = true;
        await Promise.all(clients.map((client) => client.dispose()));
      },
    };
  }
}

class BareFeed implements FeedServer {
  readonly label = 'bare node:http + pg + ws';

  constructor(private readonly url: string) {}

  async mutate(title: string): Promise<string> {
    const response = await fetch(`${this.url}/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    if (!response.ok) throw new Error(`the bare baseline answered ${response.status}`);
    return ((await response.json()) as { id: string }).id;
  }

  async open(count: number, deliveries: Deliveries): Promise<Subscribers> {
    const failures = new Map<string, number>();
    const sockets: WebSocket[] = [];
    let closing = false;
    await inBatches(count, 50, async (subscriber) => {
      const socket = new WebSocket(`${this.url.replace(/^http/, 'ws')}/feed`);
      sockets.push(socket);
      socket.on('message', (data: Buffer) => {
        const { subject } = JSON.parse(data.toString()) as { subject: { id: string } };
        deliveries.record(subscriber, subject.id, () => data.length);
      });
      socket.on('close', (code: number) => {
        if (!closing) countInto(failures, `closed ${code}`);
      });
      await new Promise<void>((resolve) => {
        socket.once('open', () => resolve());
        socket.once('error', (error) => {
          countInto(failures, error.message);
          resolve();
        });
      });
    });
    return {
      failures,
      async close() {
        closing = true;
        await Promise.all(
          sockets.map(
            (socket) =>
              new Promise<void>((resolve) => {
                if (socket.readyState === WebSocket.CLOSED) return resolve();
                socket.once('close', () => resolve());
                socket.close();
              }),
          ),
        );
      },
    };
  }
}

// --- Measurements ----------------------------------------------------------------------------------------------

interface LatencyResult {
  server: string;
  subscribers: number;
  mutations: number;
  /** Subscribers that received a warm-up event before measuring began. */
  ready: number;
  /** One per (mutation, subscriber); a missing delivery is +Infinity. */
  latencies: number[];
  /** One per mutation: from sending it to its HTTP answer (the writer's share of the latency). */
  answered: number[];
  missing: number;
  failures: Map<string, number>;
  bytes: number;
}

interface SaturationResult {
  server: string;
  subscribers: number;
  seconds: number;
  mutations: number;
  delivered: number;
  /** Deliveries that arrived by the end of the drain (a timeout after the last mutation). */
  drained: number;
}

interface IdleResult {
  subscriptions: number;
  sockets: number;
  beforeKb: number;
  afterKb: number;
  failures: Map<string, number>;
  settled: { settled: boolean; ms: number };
  live: number;
}

/** Warm-up mutations until every subscriber has received something: only then is a subscription surely live. */
async function awaitReady(server: FeedServer, deliveries: Deliveries, count: number): Promise<number> {
  const deadline = performance.now() + readyTimeoutMs;
  while (deliveries.subscribersSeen.size < count && performance.now() < deadline) {
    const id = await server.mutate('Khởi động (warm-up)');
    await deliveries.until(
      () => deliveries.arrivals(id).size >= count,
      Math.min(deadline, performance.now() + timeoutMs),
    );
  }
  return deliveries.subscribersSeen.size;
}

async function measureLatency(
  server: FeedServer,
  deliveries: Deliveries,
  subscribers: number,
  mutations: number,
): Promise<Omit<LatencyResult, 'ready' | 'failures'>> {
  const latencies: number[] = [];
  const answered: number[] = [];
  let missing = 0;
  for (let k = 0; k < mutations; k++) {
    const sent = performance.now();
    const id = await server.mutate(`Phiên họp đo tải ${k + 1}`);
    answered.push(performance.now() - sent);
    await deliveries.until(() => deliveries.arrivals(id).size >= subscribers, sent + timeoutMs);
    const arrivals = deliveries.arrivals(id);
    for (let s = 0; s < subscribers; s++) {
      const at = arrivals.get(s);
      const latency = at === undefined ? Number.POSITIVE_INFINITY : at - sent;
      if (latency > timeoutMs) missing += 1;
      latencies.push(latency > timeoutMs ? Number.POSITIVE_INFINITY : latency);
    }
  }
  return {
    server: server.label,
    subscribers,
    mutations,
    latencies,
    answered,
    missing,
    bytes: deliveries.sampleBytes,
  };
}

async function measureSaturation(
  server: FeedServer,
  deliveries: Deliveries,
  subscribers: number,
): Promise<SaturationResult> {
  deliveries.keepTimes = false;
  const before = deliveries.total;
  const started = performance.now();
  const end = started + saturationSeconds * 1000;
  let mutations = 0;
  await Promise.all(
    Array.from({ length: saturationConcurrency }, async () => {
      while (performance.now() < end) {
        await server.mutate('Phiên họp bão hòa');
        mutations += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const delivered = deliveries.total - before;
  await deliveries.until(
    () => deliveries.total - before >= mutations * subscribers,
    performance.now() + timeoutMs,
  );
  deliveries.keepTimes = true;
  return {
    server: server.label,
    subscribers,
    seconds,
    mutations,
    delivered,
    drained: deliveries.total - before,
  };
}

/** Subscribers of one size on one server: latency, then saturation when this is its size. */
async function measureAt(
  server: FeedServer,
  subscribers: number,
  mutations: number,
  saturate: boolean,
): Promise<{ latency?: LatencyResult; saturation?: SaturationResult }> {
  const deliveries = new Deliveries();
  log(`${server.label}: opening ${subscribers} subscribers`);
  const opened = await server.open(subscribers, deliveries);
  try {
    const ready = await awaitReady(server, deliveries, subscribers);
    log(`${server.label}: ${ready} of ${subscribers} subscribers live; ${mutations} mutations`);
    const latency =
      mutations > 0
        ? {
            ...(await measureLatency(server, deliveries, subscribers, mutations)),
            ready,
            failures: opened.failures,
          }
        : undefined;
    const saturation = saturate ? await measureSaturation(server, deliveries, subscribers) : undefined;
    return { ...(latency ? { latency } : {}), ...(saturation ? { saturation } : {}) };
  } finally {
    await opened.close();
  }
}

async function measureIdle(databaseUrl: string, subscriptions: number): Promise<IdleResult> {
  const child = await startQuorum(databaseUrl);
  try {
    const quorum = await QuorumFeed.signIn(child.url);
    // One subscription that receives one event first, so code loaded and compiled on first use is in
    // "before" and not charged to the subscriptions being measured.
    const warm = new Deliveries();
    const warmUp = await quorum.open(1, warm);
    await awaitReady(quorum, warm, 1);
    await warmUp.close();
    await settle(child.pid);
    const beforeKb = await collectedRss(child.pid);

    log(`Quorum: opening ${subscriptions} idle subscriptions, ${perSocket} a socket`);
    const deliveries = new Deliveries();
    const opened = await quorum.openSockets(subscriptions, perSocket, deliveries);
    try {
      const settled = await settle(child.pid);
      const afterKb = await collectedRss(child.pid);
      // Idle is not dead: one event must reach them, or the figure would flatter a server that dropped them.
      log(`Quorum: RSS read; one event to the ${subscriptions} subscriptions`);
      const id = await quorum.mutate('Kiểm tra kết nối (live check)');
      await deliveries.until(
        () => deliveries.arrivals(id).size >= subscriptions,
        performance.now() + timeoutMs,
      );
      return {
        subscriptions,
        sockets: Math.ceil(subscriptions / perSocket),
        beforeKb,
        afterKb,
        failures: opened.failures,
        settled,
        live: deliveries.arrivals(id).size,
      };
    } finally {
      await opened.close();
    }
  } finally {
    await child.stop();
  }
}

// --- Printing ------------------------------------------------------------------------------------------------

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : `> ${timeoutMs}`);
const times = (a: number, b: number) =>
  Number.isFinite(a) ? `${(a / b).toFixed(1)}×` : `> ${(timeoutMs / b).toFixed(0)}×`;
const grouped = (value: number) => value.toLocaleString('en-US');
const failuresText = (failures: ReadonlyMap<string, number>) =>
  failures.size === 0 ? '0' : [...failures].map(([reason, n]) => `${n} ${reason}`).join(', ');

function report(
  latencies: LatencyResult[],
  saturations: SaturationResult[],
  idle: IdleResult[],
  about: string,
) {
  const lines = [
    '',
    about,
    '',
    `Mutation to delivery (createMeeting over HTTP, one at a time; a delivery missing after ${timeoutMs} ms counts as slower than that)`,
    '| subscribers | mutations | server | live before | p50 ms | p99 ms | answered p50 / max ms | delivered in time | bytes each | refused or closed |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const summary: string[] = [];
  for (const n of subscriberCounts) {
    const quorum = latencies.find((r) => r.subscribers === n && r.server === 'Quorum');
    const bare = latencies.find((r) => r.subscribers === n && r.server !== 'Quorum');
    for (const r of [quorum, bare]) {
      if (!r) continue;
      const expected = r.latencies.length;
      lines.push(
        `| ${grouped(n)} | ${r.mutations} | ${r.server} | ${r.ready} | ${ms(percentile(r.latencies, 0.5))} | ${ms(percentile(r.latencies, 0.99))} | ${ms(percentile(r.answered, 0.5))} / ${ms(Math.max(...r.answered))} | ${grouped(expected - r.missing)} of ${grouped(expected)} | ${r.bytes} | ${failuresText(r.failures)} |`,
      );
    }
    if (quorum && bare) {
      const q = [percentile(quorum.latencies, 0.5), percentile(quorum.latencies, 0.99)] as const;
      const b = [percentile(bare.latencies, 0.5), percentile(bare.latencies, 0.99)] as const;
      lines.push(
        `| ${grouped(n)} | | ratio Quorum ÷ bare | | ${times(q[0], b[0])} | ${times(q[1], b[1])} | | | | |`,
      );
      summary.push(
        `${grouped(n)} subscribers p50 ${ms(q[0])} / p99 ${ms(q[1])} ms vs bare ${ms(b[0])} / ${ms(b[1])} ms (${times(q[0], b[0])} / ${times(q[1], b[1])}), missing ${grouped(quorum.missing)} of ${grouped(quorum.latencies.length)} (bare ${grouped(bare.missing)})`,
      );
    }
  }
  if (saturations.length > 0) {
    lines.push(
      '',
      `Saturation (createMeeting back to back, ${saturationConcurrency} at a time, for ${saturationSeconds} s)`,
      '| subscribers | server | mutations/s | deliveries/s | delivered of expected (by the window end, then after a drain of up to the timeout) |',
      '| ---: | --- | ---: | ---: | ---: |',
    );
    for (const r of saturations) {
      const expected = r.mutations * r.subscribers;
      lines.push(
        `| ${grouped(r.subscribers)} | ${r.server} | ${(r.mutations / r.seconds).toFixed(1)} | ${grouped(Math.round(r.delivered / r.seconds))} | ${grouped(r.delivered)}, then ${grouped(r.drained)} of ${grouped(expected)} |`,
      );
    }
    summary.push(
      `saturation ${saturations.map((r) => `${r.server === 'Quorum' ? 'Quorum' : 'bare'} ${grouped(Math.round(r.delivered / r.seconds))} deliveries/s`).join(', ')} at ${saturations[0]!.subscribers} subscribers`,
    );
  }
  if (idle.length > 0) {
    lines.push(
      '',
      `Idle subscriptions: a fresh Quorum process each, VmRSS of its pid after a forced GC, before and after (${perSocket} subscriptions a socket, the most it accepts; sockets round-robin over the 4 users)`,
      '| subscriptions | spread | RSS before MB | RSS after MB | KB per subscription | settled after | refused or closed | live: received one event in time |',
      '| ---: | --- | ---: | ---: | ---: | --- | --- | ---: |',
    );
    for (const r of idle) {
      const per = (r.afterKb - r.beforeKb) / r.subscriptions;
      lines.push(
        `| ${grouped(r.subscriptions)} | ${r.sockets} sockets × ${perSocket} | ${(r.beforeKb / 1024).toFixed(1)} | ${(r.afterKb / 1024).toFixed(1)} | ${per.toFixed(1)} | ${(r.settled.ms / 1000).toFixed(1)} s${r.settled.settled ? '' : ' (still busy: cap reached)'} | ${failuresText(r.failures)} | ${grouped(r.live)} of ${grouped(r.subscriptions)} |`,
      );
    }
    summary.push(
      `idle ${idle.map((r) => `${((r.afterKb - r.beforeKb) / r.subscriptions).toFixed(1)} KB per subscription at ${grouped(r.subscriptions)} (${grouped(r.live)} live)`).join(', ')}`,
    );
  }
  lines.push(
    '',
    `Summary: ${summary.join('; ')}. Targets (issue 8): p99 within 2× bare at 100 and 3× at 1,000, none missing, at most 32 KB per idle subscription, 10,000 idle subscriptions.`,
  );
  console.log(lines.join('\n'));
}

/** The figures for bench/run-all.ts: p99 against bare at each size (issue 8's targets), saturation, idle RSS. */
function result(
  latencies: LatencyResult[],
  saturations: SaturationResult[],
  idle: IdleResult[],
): BenchFigure[] {
  const figures: BenchFigure[] = [];
  for (const n of subscriberCounts) {
    const quorum = latencies.find((r) => r.subscribers === n && r.server === 'Quorum');
    const bare = latencies.find((r) => r.subscribers === n && r.server !== 'Quorum');
    if (!quorum || !bare) continue;
    const limit = n <= 100 ? 2 : 3;
    const measured = figure({
      name: `feed p99, ${grouped(n)} subscribers`,
      unit: 'ms',
      quorum: percentile(quorum.latencies, 0.99),
      baseline: percentile(bare.latencies, 0.99),
      baselineLabel: 'bare node:http + pg + ws',
      better: 'lower',
      target: { of: 'ratio', op: '<=', value: limit, text: `≤ ${limit}× bare, none missing` },
      details: {
        mutations: quorum.mutations,
        live: quorum.ready,
        p50: percentile(quorum.latencies, 0.5),
        bareP50: percentile(bare.latencies, 0.5),
        missing: quorum.missing,
        bareMissing: bare.missing,
        deliveries: quorum.latencies.length,
        refusedOrClosed: Object.fromEntries(quorum.failures),
      },
    });
    figures.push({ ...measured, met: measured.met === true && quorum.missing === 0 });
  }
  const quorumSaturation = saturations.find((r) => r.server === 'Quorum');
  const bareSaturation = saturations.find((r) => r.server !== 'Quorum');
  if (quorumSaturation && bareSaturation)
    figures.push(
      figure({
        name: `feed deliveries/s at saturation, ${grouped(quorumSaturation.subscribers)} subscribers`,
        unit: 'deliveries/s',
        quorum: quorumSaturation.delivered / quorumSaturation.seconds,
        baseline: bareSaturation.delivered / bareSaturation.seconds,
        baselineLabel: 'bare node:http + pg + ws',
        better: 'higher',
        details: {
          seconds: saturationSeconds,
          concurrency: saturationConcurrency,
          mutationsPerSecond: quorumSaturation.mutations / quorumSaturation.seconds,
        },
      }),
    );
  for (const r of idle)
    figures.push(
      figure({
        name: `feed RSS per idle subscription, ${grouped(r.subscriptions)}`,
        unit: 'KB',
        quorum: (r.afterKb - r.beforeKb) / r.subscriptions,
        baseline: 32,
        baselineLabel: 'the 32 KB budget of issue 8',
        better: 'lower',
        target: { of: 'ratio', op: '<=', value: 1, text: '≤ 32 KB' },
        details: { live: r.live, settled: r.settled, refusedOrClosed: Object.fromEntries(r.failures) },
      }),
    );
  return figures;
}

// --- Main ----------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  // Each subscriber is a socket at both ends; the server's process inherits this limit too.
  const needed = Math.max(0, ...subscriberCounts, ...idleCounts.map((n) => Math.ceil(n / perSocket))) + 256;
  if (openFileLimit() < needed)
    throw new Error(
      `open files are limited to ${openFileLimit()}; run \`ulimit -n ${needed}\` (or more) first`,
    );

  const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: serverDir })
    .toString()
    .trim();
  const database = await createBenchDatabase('quorum_feed');
  const databaseUrl = database.url;
  const about = [
    `Live feed of Quorum ${commit} (${serverDir.startsWith(repoRoot) ? path.relative(repoRoot, serverDir) : serverDir}) on one instance, against a bare node:http + pg + ws process; both servers are child processes,`,
    `PostgreSQL ${database.host} (fresh database ${database.name}, dropped afterwards). Subscribers: one graphql-ws client and socket each,`,
    `round-robin over ${users.length} users of one organization, events(scope: { type: ORGANIZATION }); bare: one raw ws socket each.`,
  ].join('\n');

  const latencies: LatencyResult[] = [];
  const saturations: SaturationResult[] = [];
  const idle: IdleResult[] = [];
  try {
    log('starting Quorum (migrations and demo data on the fresh database) and the bare baseline');
    const [quorumChild, bareChild] = [await startQuorum(databaseUrl), await startBare(databaseUrl)];
    try {
      const servers: FeedServer[] = [await QuorumFeed.signIn(quorumChild.url), new BareFeed(bareChild.url)];
      const sizes = subscriberCounts.map((n, i) => ({
        n,
        mutations: mutationCounts[i] ?? (n <= 100 ? 20 : 5),
      }));
      if (saturationSubscribers > 0 && !subscriberCounts.includes(saturationSubscribers))
        sizes.push({ n: saturationSubscribers, mutations: 0 });
      for (const { n, mutations } of sizes)
        for (const server of servers) {
          const result = await measureAt(server, n, mutations, n === saturationSubscribers);
          if (result.latency) latencies.push(result.latency);
          if (result.saturation) saturations.push(result.saturation);
        }
    } finally {
      await quorumChild.stop();
      await bareChild.stop();
    }
    for (const n of idleCounts) idle.push(await measureIdle(databaseUrl, n));
  } finally {
    await database.drop();
  }
  report(latencies, saturations, idle, about);
  reportResult({
    bench: 'feed',
    figures: result(latencies, saturations, idle),
    settings: {
      subscribers: subscriberCounts,
      mutations: mutationCounts,
      idle: idleCounts,
      saturationSubscribers,
      saturationSeconds,
      saturationConcurrency,
      timeoutMs,
      commit,
    },
  });
}

await main();
