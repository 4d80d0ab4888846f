/**
 * Database writes under steady typing (issue 14 part 5): COLLAB_WRITERS people (10) type at a human pace
 * (COLLAB_WRITE_RATE edits a second each, 5) into COLLAB_WRITE_DOCUMENTS proposal bodies (5, the typists spread
 * evenly over them) for COLLAB_WRITE_SECONDS (30), each through Hocuspocus's own provider on `/collab`, replaying
 * its own Vietnamese typing trace (bench/typing.ts: a keystroke an edit, diacritics as replacements,
 * backspaces). The figure is how many rows the server writes while they type: PostgreSQL's own count of
 * inserted and updated rows of `proposal` and `meeting_minutes` (pg_stat_user_tables), per minute and per
 * document per minute, against the edits typed (the baseline: a server writing every edit it receives).
 * Stores are debounced (`collabLimits` in server/src/collab/collab-server.ts: a quiet time, and a longest time
 * unstored while edits go on), so a steadily typed document is written about once per longest time.
 *
 * Quorum runs as a child process (`node --import tsx src/main.ts`, production mode, one instance, no Redis) on
 * a fresh PostgreSQL database from DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
 * dropped at the end. PostgreSQL reports a backend's counts up to ten seconds late (when it is idle): the
 * count is read COLLAB_WRITE_SETTLE_MS (11000) after typing ends, and the stores of the last edits (within the
 * longest debounce) are in it. Nothing is asserted on time.
 *
 *   flock /tmp/quorum-bench.lock flock /tmp/quorum-test.lock pnpm --filter @quorum/test bench:collab-writes
 *   COLLAB_WRITE_SECONDS=5 pnpm --filter @quorum/test bench:collab-writes        # a quick run
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { demoPassword, login, newProposal } from './collab-support.js';
import {
  createBenchDatabase,
  envNumber,
  figure,
  reportResult,
  sleep,
  startChild,
  unlimitedRequests,
} from './support.js';
import { typeEdits } from './typing.js';

const writers = envNumber('COLLAB_WRITERS', 10);
const documents = Math.min(writers, envNumber('COLLAB_WRITE_DOCUMENTS', 5));
const rate = envNumber('COLLAB_WRITE_RATE', 5);
const seconds = envNumber('COLLAB_WRITE_SECONDS', 30);
const settleMs = envNumber('COLLAB_WRITE_SETTLE_MS', 11_000);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const tables = ['proposal', 'meeting_minutes'];

const log = (line: string) => console.error(`  … ${line}`);

/** Rows inserted and updated in the co-edited documents' tables so far, as PostgreSQL counts them. */
async function rowsWritten(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ written: string }>(
    `select coalesce(sum(n_tup_ins + n_tup_upd), 0) as written from pg_stat_user_tables where relname = any($1)`,
    [tables],
  );
  return Number(rows[0]!.written);
}

/** One typist: a provider on its document, with the edits it will type, one every 1/rate s. */
interface Typist {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  updates: Uint8Array[];
  typed: number;
}

async function openTypist(url: string, documentName: string, token: string, index: number): Promise<Typist> {
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
  });
  const doc = new Y.Doc();
  let synced!: () => void;
  const ready = new Promise<void>((resolve) => (synced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    token,
    onSynced: () => synced(),
  });
  provider.attach();
  await ready;
  const count = Math.ceil(rate * seconds) + 1;
  const clientId = 2_000 + index;
  const { updates } = typeEdits(count, { seed: clientId, clientId, corpusOffset: index * 97 });
  return { provider, socket, updates, typed: 0 };
}

async function main(): Promise<void> {
  const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: repoRoot })
    .toString()
    .trim();
  const database = await createBenchDatabase('quorum_writes');
  const stats = new pg.Client({ connectionString: database.url });
  let result: { written: number; typed: number; ms: number } | undefined;
  try {
    log('starting Quorum (migrations and demo data on the fresh database)');
    const quorum = await startChild(
      'Quorum',
      ['--import', 'tsx', 'src/main.ts'],
      path.join(repoRoot, 'server'),
      {
        ...unlimitedRequests,
        PORT: '0',
        DATABASE_URL: database.url,
        REDIS_URL: '',
        NODE_ENV: 'production',
        DEMO_PASSWORD: demoPassword,
      },
      '/health',
    );
    const typists: Typist[] = [];
    try {
      const token = await login(quorum.url, 'office@quorum.test');
      const names: string[] = [];
      for (let d = 0; d < documents; d++) names.push(`proposal:${await newProposal(quorum.url, token)}`);
      log(`${writers} typists on ${documents} documents`);
      for (let i = 0; i < writers; i++)
        typists.push(await openTypist(quorum.url, names[i % documents]!, token, i));
      await stats.connect();
      // Opening and the first syncs are done; what was written for them is not counted.
      await sleep(settleMs);
      const before = await rowsWritten(stats);
      log(`typing for ${seconds} s, ${rate} edits a second each`);
      const started = performance.now();
      const ticks = Math.floor(rate * seconds);
      for (let tick = 0; tick < ticks; tick++) {
        // The typists' keystrokes fall evenly across the tick, not all at once.
        for (const [i, typist] of typists.entries()) {
          setTimeout(
            () => {
              const update = typist.updates[typist.typed++];
              if (update) Y.applyUpdate(typist.provider.document, update, 'typist');
            },
            (i * 1000) / rate / writers,
          );
        }
        await sleep(Math.max(0, started + ((tick + 1) * 1000) / rate - performance.now()));
      }
      const ms = performance.now() - started;
      log(`waiting ${settleMs} ms for the last stores and PostgreSQL's counts`);
      await sleep(settleMs);
      const written = (await rowsWritten(stats)) - before;
      result = { written, typed: typists.reduce((n, t) => n + t.typed, 0), ms };
    } finally {
      for (const typist of typists) {
        typist.provider.destroy();
        typist.socket.destroy();
      }
      await stats.end().catch(() => {});
      await quorum.stop();
    }
  } finally {
    await database.drop();
  }

  // The server's own settings, printed with the figure (its module wants decorator metadata loaded first).
  await import('reflect-metadata');
  const { collabLimits } = await import('../../server/src/collab/collab-server.js');
  const { written, typed, ms } = result;
  const minutes = ms / 60_000;
  const perMinute = written / minutes;
  const typedPerMinute = typed / minutes;
  const lines = [
    `Database writes of Quorum ${commit} under steady typing: ${writers} typists on ${documents} proposal bodies (Hocuspocus's provider),`,
    `${rate} edits a second each (a Vietnamese typing trace, a keystroke an edit) for ${(ms / 1000).toFixed(1)} s; stores debounced`,
    `${collabLimits.debounceMs} ms, at most ${collabLimits.maxDebounceMs} ms unstored. Rows written: PostgreSQL's inserted + updated rows of ${tables.join(' and ')}.`,
    '',
    '| edits typed | rows written | writes/min | writes/min per document | edits typed/min | edits per write |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${typed} | ${written} | ${perMinute.toFixed(0)} | ${(perMinute / documents).toFixed(1)} | ${typedPerMinute.toFixed(0)} | ${(typed / Math.max(1, written)).toFixed(1)} |`,
  ];
  console.log(lines.join('\n'));
  reportResult({
    bench: 'collab-writes',
    figures: [
      figure({
        name: `database writes under steady typing, ${writers} typists on ${documents} documents at ${rate} edits/s each`,
        unit: 'rows written/min',
        quorum: perMinute,
        baseline: typedPerMinute,
        baselineLabel: 'a write per edit typed',
        better: 'lower',
        details: {
          perDocumentPerMinute: perMinute / documents,
          typed,
          written,
          seconds: ms / 1000,
          debounceMs: collabLimits.debounceMs,
          maxDebounceMs: collabLimits.maxDebounceMs,
        },
      }),
    ],
    settings: { writers, documents, rate, seconds, settleMs, commit },
  });
}

await main();
