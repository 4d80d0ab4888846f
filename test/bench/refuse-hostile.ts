/**
 * How long the server takes to refuse a hostile query, against a baseline run side by side: the trivial valid
 * query `{ __typename }` sent on the same server, with the same token, over the same connection, interleaved
 * one for one with the hostile documents so that both see the same load.
 *
 *   cd test && node --import tsx bench/refuse-hostile.ts        (BENCH_ROUNDS=10 by default)
 *
 * Over WebSocket the server lets a socket start 10 operations a second and a user 30 (issue 8's flow
 * control): the pairs are spread over three sockets of the same user and paced a little under those rates,
 * the waiting outside the timed request; one refused RATE_LIMITED all the same is resent after the time it
 * names, and only the answer that is not a rate limit is timed.
 *
 * Prints p50/p99 per transport for both runs and their ratio, then p50/p99 per category of the corpus.
 * Every hostile answer is checked to be a coded refusal; the script exits 1 if one is not.
 */
import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  countByCategory,
  hostileCategories,
  hostileCorpus,
  type HostileCategory,
  type HostileDocument,
} from '../../server/test/support/hostile-corpus.js';
import { startServer } from '../support/server.js';
import { requestLimits } from '../../server/src/config/limits.js';
import { figure, Pacer, percentile, reportResult, sleep } from './support.js';

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

interface Answer {
  data?: unknown;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
/** Sockets of the one user the WebSocket run spreads its pairs over: together as fast as the user may go. */
const socketCount = Math.max(
  1,
  Math.floor(requestLimits.operationsPerSecondPerUser / requestLimits.operationsPerSecondPerSocket),
);
const baseline: Operation = { query: '{ __typename }' };
const demoPassword = process.env.DEMO_PASSWORD ?? 'quorum-demo';

const mean = (samples: readonly number[]) => samples.reduce((sum, x) => sum + x, 0) / samples.length;

function isRefusal(doc: HostileDocument, answer: Answer): boolean {
  return (
    (answer.data === undefined || answer.data === null) &&
    (answer.errors?.length ?? 0) > 0 &&
    answer.errors!.every((error) => typeof error.extensions?.code === 'string') &&
    answer.errors![0]!.extensions!.code === doc.code
  );
}

async function overHttp(url: string, token: string, operation: Operation): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(operation),
  });
  return (await response.json()) as Answer;
}

// Queries and mutations complete by themselves; unsubscribing after `next` would race the server's
// `complete` and release the socket twice (graphql-ws 6 client), which closes it.
function overWebSocket(client: Client, operation: Operation): Promise<Answer> {
  return new Promise((resolve) => {
    client.subscribe(operation, {
      next: (result) => resolve(result as Answer),
      error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
      complete: () => resolve({ errors: [{ message: 'completed without a result' }] }),
    });
  });
}

interface Run {
  hostile: number[];
  baseline: number[];
  byCategory: Map<HostileCategory, number[]>;
  notRefused: string[];
}

/** A way to send an operation; `lane` picks the connection, `pace` waits until it may be sent. */
interface Transport {
  pace(lane: number): Promise<void>;
  send(operation: Operation, lane: number): Promise<Answer>;
}

/** Sends one operation when the transport may; the time of the answer that is not a rate limit. */
async function timed(transport: Transport, operation: Operation, lane: number): Promise<[number, Answer]> {
  for (;;) {
    await transport.pace(lane);
    const started = performance.now();
    const answer = await transport.send(operation, lane);
    const took = performance.now() - started;
    const limited = answer.errors?.[0]?.extensions;
    if (limited?.code !== 'RATE_LIMITED') return [took, answer];
    await sleep(Number(limited.retryAfterSeconds ?? 1) * 1000);
  }
}

async function measure(
  corpus: readonly HostileDocument[],
  transport: Transport,
  passes: number,
): Promise<Run> {
  const run: Run = { hostile: [], baseline: [], byCategory: new Map(), notRefused: [] };
  for (let pass = 0; pass < passes; pass += 1) {
    for (const [lane, doc] of corpus.entries()) {
      const [took, answer] = await timed(transport, { query: doc.query, variables: doc.variables }, lane);
      run.hostile.push(took);
      const samples = run.byCategory.get(doc.category) ?? [];
      samples.push(took);
      run.byCategory.set(doc.category, samples);
      if (!isRefusal(doc, answer)) run.notRefused.push(`${doc.category} / ${doc.name}`);

      const [controlTook, control] = await timed(transport, baseline, lane);
      run.baseline.push(controlTook);
      if (control.errors) throw new Error(`the baseline failed: ${control.errors[0]?.message}`);
    }
  }
  return run;
}

const ms = (x: number) => x.toFixed(2).padStart(8);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`.padStart(8);

function table(results: [string, Run][]): string {
  const lines = [
    `${'transport'.padEnd(10)} ${'run'.padEnd(26)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'mean ms'.padStart(8)}`,
  ];
  for (const [transport, run] of results) {
    const h = [percentile(run.hostile, 0.5), percentile(run.hostile, 0.99), mean(run.hostile)] as const;
    const b = [percentile(run.baseline, 0.5), percentile(run.baseline, 0.99), mean(run.baseline)] as const;
    lines.push(
      `${transport.padEnd(10)} ${'hostile (refused)'.padEnd(26)} ${String(run.hostile.length).padStart(8)} ${ms(h[0])} ${ms(h[1])} ${ms(h[2])}`,
      `${transport.padEnd(10)} ${'baseline { __typename }'.padEnd(26)} ${String(run.baseline.length).padStart(8)} ${ms(b[0])} ${ms(b[1])} ${ms(b[2])}`,
      `${transport.padEnd(10)} ${'ratio hostile / baseline'.padEnd(26)} ${''.padStart(8)} ${ratio(h[0], b[0])} ${ratio(h[1], b[1])} ${ratio(h[2], b[2])}`,
    );
  }
  return lines.join('\n');
}

function categoryTable(results: [string, Run][], counts: Record<HostileCategory, number>): string {
  const header = `${'category'.padEnd(16)} ${'docs'.padStart(5)}${results.map(([t]) => ` ${`${t} p50`.padStart(14)} ${`${t} p99`.padStart(14)}`).join('')}`;
  const lines = [header];
  for (const category of hostileCategories) {
    let line = `${category.padEnd(16)} ${String(counts[category]).padStart(5)}`;
    for (const [, run] of results) {
      const samples = run.byCategory.get(category) ?? [];
      line += ` ${ms(percentile(samples, 0.5)).padStart(14)} ${ms(percentile(samples, 0.99)).padStart(14)}`;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const server = await startServer();
  let clients: Client[] = [];
  try {
    const login = await overHttp(server.url, '', {
      query: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: { email: 'office@quorum.test', password: demoPassword } },
    });
    const token = (login.data as { login: { token: string } } | undefined)?.login.token;
    if (!token) throw new Error(`could not sign in as the demo office: ${login.errors?.[0]?.message}`);
    const units = await overHttp(server.url, token, {
      query: '{ units(first: 100) { edges { node { id kind } } } }',
    });
    const committee = (
      units.data as { units: { edges: { node: { id: string; kind: string } }[] } }
    ).units.edges.find((edge) => edge.node.kind === 'COMMITTEE');
    if (!committee) throw new Error('the demo data has no committee');

    const corpus = hostileCorpus({
      committeeId: committee.node.id,
      email: 'office@quorum.test',
      password: demoPassword,
    });
    const counts = countByCategory(corpus);

    clients = Array.from({ length: socketCount }, () =>
      createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        lazy: false,
        retryAttempts: 0,
      }),
    );
    const sockets = clients;
    const socketPacers = sockets.map(
      () => new Pacer(requestLimits.operationBurstPerSocket, requestLimits.operationsPerSecondPerSocket),
    );
    const userPacer = new Pacer(
      requestLimits.operationBurstPerUser,
      requestLimits.operationsPerSecondPerUser,
    );
    const http: Transport = {
      pace: async () => {},
      send: (operation) => overHttp(server.url, token, operation),
    };
    const socket: Transport = {
      async pace(lane) {
        await socketPacers[lane % sockets.length]!.take();
        await userPacer.take();
      },
      send: (operation, lane) => overWebSocket(sockets[lane % sockets.length]!, operation),
    };

    // One untimed pass each: JIT, connection pools, the schema's caches.
    await measure(corpus, http, 1);
    await measure(corpus, socket, 1);
    const results: [string, Run][] = [
      ['HTTP', await measure(corpus, http, rounds)],
      ['WebSocket', await measure(corpus, socket, rounds)],
    ];

    const health = await fetch(`${server.url}/health`);
    console.log(
      [
        `Refusing hostile queries: ${corpus.length} documents (${hostileCategories.map((c) => `${c} ${counts[c]}`).join(', ')})`,
        `sent ${rounds} times per transport; baseline: { __typename } on the same server and connection, interleaved 1:1.`,
        '',
        table(results),
        '',
        'Hostile refusals per category:',
        categoryTable(results, counts),
        '',
        ...results.map(
          ([transport, run]) =>
            `${transport}: ${run.hostile.length - run.notRefused.length} of ${run.hostile.length} hostile requests refused with the expected code`,
        ),
        `/health afterwards: ${health.status}`,
      ].join('\n'),
    );
    reportResult({
      bench: 'hostile',
      figures: results.map(([transport, run]) =>
        figure({
          name: `hostile query refused, p50 over ${transport}`,
          unit: 'ms',
          quorum: percentile(run.hostile, 0.5),
          baseline: percentile(run.baseline, 0.5),
          baselineLabel: '{ __typename } on the same server and connection',
          better: 'lower',
          details: {
            p99: percentile(run.hostile, 0.99),
            baselineP99: percentile(run.baseline, 0.99),
            requests: run.hostile.length,
            notRefused: run.notRefused.length,
          },
        }),
      ),
      settings: { rounds, documents: corpus.length },
    });
    const notRefused = results.flatMap(([transport, run]) =>
      run.notRefused.map((name) => `${transport}: ${name}`),
    );
    if (notRefused.length > 0 || health.status !== 200) {
      console.error(`NOT REFUSED:\n${[...new Set(notRefused)].join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
