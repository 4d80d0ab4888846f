/**
 * How long the server takes to refuse a hostile query, against a baseline run side by side: the trivial valid
 * query `{ __typename }` sent on the same server, with the same token, over the same connection, interleaved
 * one for one with the hostile documents so that both see the same load.
 *
 *   cd test && node --import tsx bench/refuse-hostile.ts        (BENCH_ROUNDS=10 by default)
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
import { percentile } from './support.js';

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

interface Answer {
  data?: unknown;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
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

async function measure(
  corpus: readonly HostileDocument[],
  send: (operation: Operation) => Promise<Answer>,
  passes: number,
): Promise<Run> {
  const run: Run = { hostile: [], baseline: [], byCategory: new Map(), notRefused: [] };
  for (let pass = 0; pass < passes; pass += 1) {
    for (const doc of corpus) {
      let started = performance.now();
      const answer = await send({ query: doc.query, variables: doc.variables });
      const took = performance.now() - started;
      run.hostile.push(took);
      const samples = run.byCategory.get(doc.category) ?? [];
      samples.push(took);
      run.byCategory.set(doc.category, samples);
      if (!isRefusal(doc, answer)) run.notRefused.push(`${doc.category} / ${doc.name}`);

      started = performance.now();
      const control = await send(baseline);
      run.baseline.push(performance.now() - started);
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
  let client: Client | undefined;
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

    client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
    });
    const ws = client;
    const http = (operation: Operation) => overHttp(server.url, token, operation);
    const socket = (operation: Operation) => overWebSocket(ws, operation);

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
    const notRefused = results.flatMap(([transport, run]) =>
      run.notRefused.map((name) => `${transport}: ${name}`),
    );
    if (notRefused.length > 0 || health.status !== 200) {
      console.error(`NOT REFUSED:\n${[...new Set(notRefused)].join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await client?.dispose();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
